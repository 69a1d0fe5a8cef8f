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

    private readonly string _graphName;
    private readonly IReadOnlyList<ParsedFile> _files;
    private readonly CancellationToken _cancellationToken;

    // A file read only in part may declare what other files name: while one is, no name is reported as unknown.
    private readonly bool _anyFileIncomplete;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private string _traversalClassName = "";

    private readonly Dictionary<string, EnumInfo> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityTypeInfo> _entityTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationTypeInfo> _relationTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _brokenRelationTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityInfo> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityDeclaration> _declaredEntities = new(StringComparer.Ordinal);

    // Entities left out after a reported mistake, with their type where it was known, so that the facts that
    // name them are still checked (and then left out) instead of being reported as naming unknown entities.
    private readonly Dictionary<string, EntityTypeInfo?> _brokenEntities = new(StringComparer.Ordinal);

    // Values of unique properties seen so far: (declaring type, property, value) → the entity that has it.
    private readonly Dictionary<(string Type, string Property, string Value), (string Id, FactValue Value)> _uniqueValues = new();

    // The graph's pattern checks, within their timeout and budget.
    private readonly PatternChecks _patterns = new();

    private GraphBuilder(string graphName, IReadOnlyList<ParsedFile> files, bool anyFileIncomplete, CancellationToken cancellationToken)
    {
        _graphName = graphName;
        _files = files;
        _anyFileIncomplete = anyFileIncomplete;
        _cancellationToken = cancellationToken;
    }

    public static ImmutableArray<GraphModel> Build(ImmutableArray<ParsedFile> files, string? rootNamespace, CancellationToken cancellationToken)
    {
        // The type names of every namespace, shared by the graphs in it: two graphs may share a namespace but no type name.
        var namespaces = new Dictionary<string, NameScope.Names>(StringComparer.Ordinal);
        // A file without a graph (not valid JSON, or no "graph") may belong to any graph.
        var unplacedIncomplete = files.Any(file => file.Graph is null && !file.IsComplete);
        return files
            .Where(file => file.Graph is not null)
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .GroupBy(file => file.Graph!.Value, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new GraphBuilder(group.Key, group.ToList(), unplacedIncomplete || group.Any(file => !file.IsComplete), cancellationToken).Build(rootNamespace, namespaces))
            .ToImmutableArray();
    }

    private GraphModel Build(string? rootNamespace, Dictionary<string, NameScope.Names> namespaces)
    {
        var ns = ResolveNamespace(rootNamespace);
        var className = Identifiers.ToPascalCase(_graphName);
        if (!namespaces.TryGetValue(ns, out var names))
        {
            // Generated file names ignore case, so type names must differ in more than case.
            namespaces.Add(ns, names = new NameScope.Names(StringComparer.OrdinalIgnoreCase));
        }

        var typeNames = new NameScope(this, $"namespace '{ns}'", names);
        var graphToken = _files[0].Graph!.Location;
        _traversalClassName = Emitting.Emitter.TraversalClassName(className);
        if (ReservedMembers.Graph.Contains(className))
        {
            Report(Descriptors.NameClash, graphToken, $"Graph '{_graphName}'", className, $"the member '{className}' of every graph class");
        }

        var isEmitted = !ReservedMembers.Graph.Contains(className)
            && typeNames.Claim(className, $"Graph '{_graphName}'", graphToken)
            && typeNames.Claim(_traversalClassName, $"The traversal class of graph '{_graphName}'", graphToken);

        CollectEnums(typeNames);
        CollectEntityTypes();
        CollectRelationTypes();
        NameTypes(typeNames);
        NameMembers();
        var entities = CollectEntities(className);
        var relations = CollectRelations();
        ReportUnusedEntities();

        return new GraphModel(
            ns,
            className,
            isEmitted,
            _enums.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).Select(type => type.ToModel()).ToEquatableArray(),
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

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
    {
        var unknownName = descriptor == Descriptors.UnknownEntityType || descriptor == Descriptors.UnknownRelationType || descriptor == Descriptors.UnknownEntity;
        if (!(unknownName && _anyFileIncomplete))
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, LocationInfo additionalLocation, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, additionalLocation, arguments));
}
