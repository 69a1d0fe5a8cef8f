using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace KnowledgeGraph.Language.Validation;

/// <summary>
/// The resolved schema of one graph, as <see cref="SchemaResolver"/> returns it: its enums and types by name, each
/// type linked to those it extends, named in C#, and with the shape its facts are checked against. The resolver is
/// done with it; the fact checker only reads it.
/// </summary>
internal sealed class Schema
{
    private readonly Dictionary<EntityTypeInfo, FactShape> _entityShapes;
    private readonly Dictionary<RelationTypeInfo, FactShape> _relationShapes;

    public Schema(
        string graphName,
        IReadOnlyDictionary<string, EnumInfo> enums,
        IReadOnlyDictionary<string, EntityTypeInfo> entityTypes,
        IReadOnlyDictionary<string, RelationTypeInfo> relationTypes)
    {
        GraphName = graphName;
        Enums = enums;
        EntityTypes = entityTypes;
        RelationTypes = relationTypes;
        _entityShapes = entityTypes.Values.ToDictionary(type => type, ShapeOfFacts);
        _relationShapes = relationTypes.Values.ToDictionary(type => type, ShapeOfFacts);
    }

    public string GraphName { get; }

    public IReadOnlyDictionary<string, EnumInfo> Enums { get; }

    public IReadOnlyDictionary<string, EntityTypeInfo> EntityTypes { get; }

    public IReadOnlyDictionary<string, RelationTypeInfo> RelationTypes { get; }

    /// <summary>What the entities of the type are checked against.</summary>
    public FactShape ShapeOf(EntityTypeInfo type) => _entityShapes[type];

    /// <summary>What the facts of the type are checked against.</summary>
    public FactShape ShapeOf(RelationTypeInfo type) => _relationShapes[type];

    private static FactShape ShapeOfFacts(EntityTypeInfo type)
    {
        var lineage = type.Ancestors.Prepend(type).ToList();
        return new FactShape(
            $"entity type '{type.Name}'",
            type.AllProperties().ToList(),
            new HashSet<string>(lineage.SelectMany(t => t.Ignored), StringComparer.Ordinal),
            lineage.Any(t => t.Declaration.HasUnknownKeys),
            ImmutableArray<RoleInfo>.Empty,
            [],
            ImmutableArray<(RelationTypeInfo, bool, bool)>.Empty,
            lineage.SelectMany(owner => owner.Properties.Where(property => property.IsUnique).Select(property => (owner, property))).ToImmutableArray());
    }

    private static FactShape ShapeOfFacts(RelationTypeInfo type)
    {
        // A fact of a sub-type is a fact of every type it extends: each one's cardinality counts it.
        // Symmetric: each entity has one partner at most, at whichever end; so both ends count as "forward".
        var singleEnds = new List<(RelationTypeInfo, bool, bool)>();
        foreach (var counted in type.SelfAndAncestors())
        {
            if (counted.IsSingleForward)
            {
                singleEnds.Add((counted, true, false));
            }

            if (counted.IsSymmetric ? counted.IsSingleForward : counted.IsSingleInverse)
            {
                singleEnds.Add((counted, counted.IsSymmetric, true));
            }
        }

        var roles = type.AllRoles().ToImmutableArray();
        return new FactShape(
            $"relation type '{type.Name}'",
            type.AllProperties().ToList(),
            new HashSet<string>(type.AllIgnored(), StringComparer.Ordinal),
            type.SelfAndAncestors().Any(t => t.Declaration.HasUnknownKeys),
            roles,
            new HashSet<string>(roles.Select(role => role.Name).Concat(["source", "validFrom", "validTo"]), StringComparer.Ordinal),
            singleEnds.ToImmutableArray(),
            ImmutableArray<(EntityTypeInfo, PropertyInfo)>.Empty);
    }
}
