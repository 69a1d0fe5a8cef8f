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
/// Merges the files of each graph and checks them: the schema first (<see cref="SchemaResolver"/>), then the
/// entities and facts against it (<see cref="FactChecker"/>). What passes is named in C# and becomes the model
/// the emitter writes.
/// </summary>
/// <remarks>
/// A declaration with a mistake is reported once and left out; whatever refers to it is then left out
/// silently, so that one mistake gives one diagnostic and no C# errors follow from it.
/// </remarks>
internal sealed class GraphChecker
{
    private const string DefaultNamespace = "KnowledgeGraphs";

    private readonly string _graphName;
    private readonly IReadOnlyList<ParsedFile> _files;
    private readonly Reporter _reporter;
    private readonly CancellationToken _cancellationToken;

    private GraphChecker(string graphName, IReadOnlyList<ParsedFile> files, IReadOnlyList<string> incompleteTexts, CancellationToken cancellationToken)
    {
        _graphName = graphName;
        _files = files;
        _reporter = new Reporter(incompleteTexts);
        _cancellationToken = cancellationToken;
    }

    public static ImmutableArray<BuiltGraph> Check(ImmutableArray<ParsedFile> files, string? rootNamespace, CancellationToken cancellationToken)
    {
        // The type names of every namespace, shared by the graphs in it: two graphs may share a namespace but no type name.
        var namespaces = new Dictionary<string, NameScope.Names>(StringComparer.Ordinal);
        // A file without a graph (not valid JSON, or no "graph") may belong to any graph.
        var unplacedIncomplete = files.Where(file => file.Graph is null).Select(file => file.IncompleteText).OfType<string>().ToList();
        return files
            .Where(file => file.Graph is not null)
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .GroupBy(file => file.Graph!.Value, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new GraphChecker(
                group.Key,
                group.ToList(),
                [.. unplacedIncomplete, .. group.Select(file => file.IncompleteText).OfType<string>()],
                cancellationToken).Check(rootNamespace, namespaces))
            .ToImmutableArray();
    }

    private BuiltGraph Check(string? rootNamespace, Dictionary<string, NameScope.Names> namespaces)
    {
        var ns = ResolveNamespace(rootNamespace);
        var className = Identifiers.ToPascalCase(_graphName);
        if (!namespaces.TryGetValue(ns, out var names))
        {
            // Generated file names ignore case, so type names must differ in more than case.
            namespaces.Add(ns, names = new NameScope.Names(StringComparer.OrdinalIgnoreCase));
        }

        var typeNames = new NameScope(_reporter, $"namespace '{ns}'", names);
        var graphToken = _files[0].Graph!.Location;
        var traversalClassName = Emitting.Emitter.TraversalClassName(className);
        if (ReservedMembers.Graph.Contains(className))
        {
            _reporter.Report(Descriptors.NameClash, graphToken, $"Graph '{_graphName}'", className, $"the member '{className}' of every graph class");
        }

        var isEmitted = !ReservedMembers.Graph.Contains(className)
            && typeNames.Claim(className, $"Graph '{_graphName}'", graphToken)
            && typeNames.Claim(traversalClassName, $"The traversal class of graph '{_graphName}'", graphToken);

        var schema = SchemaResolver.Resolve(_graphName, _files, typeNames, traversalClassName, _reporter, _cancellationToken);
        var (entities, relations) = FactChecker.Check(schema, _files, className, _reporter, _cancellationToken);
        var model = new GraphModel(
            ns,
            className,
            isEmitted,
            schema.Enums.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).Select(type => type.ToModel()).ToEquatableArray(),
            schema.EntityTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).Select(type => type.ToModel()).ToEquatableArray(),
            schema.RelationTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).Select(type => type.ToModel()).ToEquatableArray(),
            entities.ToEquatableArray(),
            relations.ToEquatableArray());
        return new BuiltGraph(model, _reporter.Diagnostics);
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
                _reporter.Report(Descriptors.ConflictingNamespace, ns.Location, chosen.Location, _graphName, chosen.Value, ns.Value);
            }
        }

        var name = chosen?.Value ?? rootNamespace;
        return Identifiers.ToNamespace(string.IsNullOrWhiteSpace(name) ? DefaultNamespace : name!);
    }
}
