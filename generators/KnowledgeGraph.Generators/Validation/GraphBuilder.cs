using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KnowledgeGraph.Generators.Diagnostics;
using KnowledgeGraph.Generators.Model;
using KnowledgeGraph.Generators.Naming;

namespace KnowledgeGraph.Generators.Validation;

/// <summary>
/// Merges the files of each graph, checks every name and value, and names everything in C#.
/// </summary>
/// <remarks>
/// A declaration with a mistake is reported once and left out; whatever refers to it is then left out
/// silently, so that one mistake gives one diagnostic and no C# errors follow from it.
/// </remarks>
internal sealed partial class GraphBuilder
{
    private const string DefaultNamespace = "KnowledgeGraphs";
    private static readonly string[] Cardinalities = ["many-to-many", "many-to-one", "one-to-many", "one-to-one"];

    private readonly string _graphName;
    private readonly IReadOnlyList<ParsedFile> _files;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = [];

    private readonly Dictionary<string, EntityTypeInfo> _entityTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationTypeInfo> _relationTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _brokenRelationTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityInfo> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityDeclaration> _declaredEntities = new(StringComparer.Ordinal);

    // Entities left out after a reported mistake, with their type where it was known, so that the facts that
    // name them are still checked (and then left out) instead of being reported as naming unknown entities.
    private readonly Dictionary<string, EntityTypeInfo?> _brokenEntities = new(StringComparer.Ordinal);

    private GraphBuilder(string graphName, IReadOnlyList<ParsedFile> files, CancellationToken cancellationToken)
    {
        _graphName = graphName;
        _files = files;
        _cancellationToken = cancellationToken;
    }

    public static ImmutableArray<GraphModel> Build(ImmutableArray<ParsedFile> files, string? rootNamespace, CancellationToken cancellationToken) =>
        files
            .Where(file => file.Graph is not null)
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .GroupBy(file => file.Graph!.Value, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new GraphBuilder(group.Key, group.ToList(), cancellationToken).Build(rootNamespace))
            .ToImmutableArray();

    private GraphModel Build(string? rootNamespace)
    {
        var ns = ResolveNamespace(rootNamespace);
        var className = Identifiers.ToPascalCase(_graphName);
        var typeNames = new NameScope(this, "the namespace");
        typeNames.Reserve(className, $"graph '{_graphName}'");

        CollectEntityTypes();
        CollectRelationTypes();
        NameTypes(typeNames);
        NameMembers();
        var entities = CollectEntities(className);
        var relations = CollectRelations();

        return new GraphModel(
            ns,
            className,
            _entityTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).Select(type => type.ToModel()).ToEquatableArray(),
            _relationTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).Select(type => type.ToModel()).ToEquatableArray(),
            entities.ToEquatableArray(),
            relations.ToEquatableArray(),
            _diagnostics.ToEquatableArray());
    }

    private string ResolveNamespace(string? rootNamespace)
    {
        Located? chosen = null;
        foreach (var file in _files)
        {
            if (file.Namespace is not { } ns)
            {
                continue;
            }

            if (chosen is null)
            {
                chosen = ns;
            }
            else if (!string.Equals(chosen.Value, ns.Value, StringComparison.Ordinal))
            {
                Report(Descriptors.ConflictingNamespace, ns.Location, chosen.Location, _graphName, chosen.Value, ns.Value);
            }
        }

        var name = chosen?.Value ?? rootNamespace;
        return Identifiers.ToNamespace(string.IsNullOrWhiteSpace(name) ? DefaultNamespace : name!);
    }

    private void CollectEntityTypes()
    {
        var order = 0;
        foreach (var declaration in _files.SelectMany(file => file.EntityTypes))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_entityTypes.TryGetValue(declaration.Name.Value, out var earlier))
            {
                Report(Descriptors.Duplicate, declaration.Name.Location, earlier.Declaration.Name.Location, "Entity type", declaration.Name.Value);
                continue;
            }

            _entityTypes.Add(declaration.Name.Value, new EntityTypeInfo(declaration, order++));
        }

        foreach (var type in _entityTypes.Values)
        {
            if (type.Declaration.Extends is not { } extends)
            {
                continue;
            }

            if (_entityTypes.TryGetValue(extends.Value, out var baseType))
            {
                type.Base = baseType;
            }
            else
            {
                Report(Descriptors.UnknownEntityType, extends.Location, extends.Value, _graphName);
                type.IsBroken = true;
            }
        }

        foreach (var type in _entityTypes.Values)
        {
            var seen = new List<EntityTypeInfo>();
            for (var ancestor = type; ancestor is not null; ancestor = ancestor.Base)
            {
                if (seen.Contains(ancestor))
                {
                    // A cycle is reported once, on its first type; the types that lead into it break with it.
                    if (ancestor == type)
                    {
                        Report(
                            Descriptors.InheritanceCycle,
                            type.Declaration.Extends!.Location,
                            type.Name,
                            string.Join(" → ", seen.Select(t => t.Name).Concat([type.Name])));
                        type.IsBroken = true;
                        type.Base = null;
                    }

                    break;
                }

                seen.Add(ancestor);
            }
        }

        foreach (var type in _entityTypes.Values)
        {
            type.IsBroken |= type.Ancestors().Any(ancestor => ancestor.IsBroken);
            foreach (var property in type.Declaration.Properties)
            {
                if (property.Name.Value is "id" or "type" or "description")
                {
                    Report(Descriptors.ReservedName, property.Name.Location, property.Name.Value, "entity types: it is a key of every entity");
                    type.Ignored.Add(property.Name.Value);
                }
                else if (ParsePropertyType(property) is { } propertyType)
                {
                    type.Properties.Add(new PropertyInfo(property, propertyType));
                }
                else
                {
                    type.Ignored.Add(property.Name.Value);
                }
            }
        }
    }

    private void CollectRelationTypes()
    {
        var order = 0;
        foreach (var declaration in _files.SelectMany(file => file.RelationTypes))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var name = declaration.Name.Value;
            if (_relationTypes.TryGetValue(name, out var earlier))
            {
                Report(Descriptors.Duplicate, declaration.Name.Location, earlier.Declaration.Name.Location, "Relation type", name);
                continue;
            }

            var type = new RelationTypeInfo(declaration, order++)
            {
                From = ResolveEndpointType(declaration.From),
                To = ResolveEndpointType(declaration.To),
            };
            type.IsBroken = type.From is null || type.To is null || type.From.IsBroken || type.To.IsBroken;

            if (declaration.Cardinality is { } cardinality && !Cardinalities.Contains(cardinality.Value))
            {
                Report(Descriptors.UnexpectedValue, cardinality.Location, "cardinality", "one of " + string.Join(", ", Cardinalities), $"'{cardinality.Value}'");
            }
            else if (declaration.Cardinality is { } valid)
            {
                type.Cardinality = valid.Value;
            }

            foreach (var property in declaration.Properties)
            {
                if (property.Name.Value is "from" or "to" or "type" or "source" or "validFrom" or "validTo")
                {
                    Report(Descriptors.ReservedName, property.Name.Location, property.Name.Value, "relation types: it is a key of every relation");
                    type.Ignored.Add(property.Name.Value);
                }
                else if (ParsePropertyType(property) is { } propertyType)
                {
                    type.Properties.Add(new PropertyInfo(property, propertyType));
                }
                else
                {
                    type.Ignored.Add(property.Name.Value);
                }
            }

            _relationTypes.Add(name, type);
            if (type.IsBroken)
            {
                _brokenRelationTypes.Add(name);
            }
        }
    }

    private EntityTypeInfo? ResolveEndpointType(Located? name)
    {
        if (name is null)
        {
            return null;
        }

        if (_entityTypes.TryGetValue(name.Value, out var type))
        {
            return type;
        }

        Report(Descriptors.UnknownEntityType, name.Location, name.Value, _graphName);
        return null;
    }

    private PropertyType? ParsePropertyType(PropertyDeclaration property)
    {
        var type = PropertyTypes.Parse(property.Type.Value);
        if (type is null)
        {
            Report(Descriptors.InvalidPropertyType, property.Type.Location, property.Type.Value);
        }

        return type;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, LocationInfo additionalLocation, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, additionalLocation, arguments));
}
