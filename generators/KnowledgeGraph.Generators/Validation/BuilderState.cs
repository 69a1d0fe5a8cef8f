using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Generators.Model;

namespace KnowledgeGraph.Generators.Validation;

// The builder's working state: mutable while one graph is checked, then turned into the equatable model.

internal sealed class PropertyInfo(PropertyDeclaration declaration, PropertyType type)
{
    public PropertyDeclaration Declaration { get; } = declaration;

    public string Name => Declaration.Name.Value;

    public PropertyType Type { get; } = type;

    public string MemberName { get; set; } = "";

    public PropertyModel ToModel() => new(Name, MemberName, Type, Declaration.Description);
}

internal sealed class EntityTypeInfo(EntityTypeDeclaration declaration, int order)
{
    public EntityTypeDeclaration Declaration { get; } = declaration;

    public int Order { get; } = order;

    public string Name => Declaration.Name.Value;

    public string ClassName { get; set; } = "";

    public EntityTypeInfo? Base { get; set; }

    public bool IsBroken { get; set; }

    public List<PropertyInfo> Properties { get; } = [];

    /// <summary>Properties left out after a reported mistake: values given for them are skipped silently.</summary>
    public HashSet<string> Ignored { get; } = new(System.StringComparer.Ordinal);

    public List<NavigationModel> Navigations { get; } = [];

    public Dictionary<string, LocationInfo> MemberLocations { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The types this one extends, nearest first; stops at a cycle, which is reported elsewhere.</summary>
    public IEnumerable<EntityTypeInfo> Ancestors()
    {
        var seen = new HashSet<EntityTypeInfo> { this };
        for (var type = Base; type is not null && seen.Add(type); type = type.Base)
        {
            yield return type;
        }
    }

    /// <summary>The properties of the type and of every type it extends, the base type's first.</summary>
    public IEnumerable<PropertyInfo> AllProperties() => Ancestors().Reverse().Append(this).SelectMany(type => type.Properties);

    public bool IsRelatedTo(EntityTypeInfo other) => Ancestors().Contains(other) || other.Ancestors().Contains(this);

    public EntityTypeModel ToModel() => new(
        Name,
        ClassName,
        Base?.ClassName,
        Declaration.IsAbstract,
        Declaration.Description,
        Properties.Any(p => p.Name == "name" && p.Type is { Kind: ScalarKind.String, IsList: false, IsOptional: false }),
        Properties.Select(p => p.ToModel()).ToEquatableArray(),
        Navigations.ToEquatableArray());
}

internal sealed class RelationTypeInfo(RelationTypeDeclaration declaration, int order)
{
    public RelationTypeDeclaration Declaration { get; } = declaration;

    public int Order { get; } = order;

    public string Name => Declaration.Name.Value;

    public string ClassName { get; set; } = "";

    public EntityTypeInfo? From { get; set; }

    public EntityTypeInfo? To { get; set; }

    public string Cardinality { get; set; } = "many-to-many";

    /// <summary>Each start has one target at most.</summary>
    public bool IsSingleForward => Cardinality is "many-to-one" or "one-to-one";

    /// <summary>Each end has one relation to it at most.</summary>
    public bool IsSingleInverse => Cardinality is "one-to-many" or "one-to-one";

    public bool IsBroken { get; set; }

    public List<PropertyInfo> Properties { get; } = [];

    public HashSet<string> Ignored { get; } = new(System.StringComparer.Ordinal);

    public RelationTypeModel ToModel() => new(
        Name,
        ClassName,
        From!.ClassName,
        To!.ClassName,
        Cardinality,
        Declaration.Description,
        Properties.Select(p => p.ToModel()).ToEquatableArray());
}

internal sealed class EntityInfo(EntityDeclaration declaration, EntityTypeInfo type, EntityModel model)
{
    public EntityDeclaration Declaration { get; } = declaration;

    public EntityTypeInfo Type { get; } = type;

    public EntityModel Model { get; } = model;
}
