using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Naming;
using KnowledgeGraph.Language.Rdf;

namespace KnowledgeGraph.Language.Validation;

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
        // Generated file names hold the namespace and ignore case, so type names must differ in more than case, and
        // namespaces that differ only in case share their names.
        var namespaces = new Dictionary<string, NameScope.Names>(StringComparer.OrdinalIgnoreCase);
        NameScope.Names NamesIn(string ns)
        {
            if (!namespaces.TryGetValue(ns, out var names))
            {
                namespaces.Add(ns, names = new NameScope.Names(StringComparer.OrdinalIgnoreCase));
            }

            return names;
        }

        // A file without a graph (not valid JSON, or no "graph") may belong to any graph.
        var unplacedIncomplete = files.Where(file => file.Graph is null).Select(file => file.IncompleteText).OfType<string>().ToList();
        var checkers = files
            .Where(file => file.Graph is not null)
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .GroupBy(file => file.Graph!.Value, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new GraphChecker(
                group.Key,
                group.ToList(),
                [.. unplacedIncomplete, .. group.Select(file => file.IncompleteText).OfType<string>()],
                cancellationToken))
            .ToList();

        // Every graph's namespace first: a namespace "A.B" takes the name B in namespace A, where no type may have it.
        var resolved = checkers.Select(checker => checker.ResolveNamespace(rootNamespace)).ToList();
        foreach (var ns in resolved.Select(ns => ns.Name))
        {
            var parts = ns.Split('.');
            for (var i = 1; i < parts.Length; i++)
            {
                var outer = NamesIn(string.Join(".", parts, 0, i)).Namespaces;
                if (!outer.ContainsKey(parts[i]))
                {
                    outer.Add(parts[i], string.Join(".", parts, 0, i + 1));
                }
            }
        }

        return checkers.Select((checker, i) => checker.Check(resolved[i], NamesIn(resolved[i].Name))).ToImmutableArray();
    }

    private BuiltGraph Check((string Name, Located? Declared) resolvedNamespace, NameScope.Names names)
    {
        var (ns, declaredNamespace) = resolvedNamespace;
        var baseIri = ResolveBaseIri();
        var className = Identifiers.ToPascalCase(_graphName);
        var graphToken = _files[0].Graph!.Location;
        var namespaceWorks = declaredNamespace is null
            ? CheckNamespace(ns, $"Namespace '{ns}' (the project's RootNamespace)", graphToken, className)
            : CheckNamespace(ns, $"Namespace '{ns}'", declaredNamespace.Location, className);
        var typeNames = new NameScope(_reporter, $"namespace '{ns}'", MetadataName.TypeIn(ns), names) { IsClosed = !namespaceWorks };
        var traversalClassName = GeneratedNames.TraversalClass(className);
        if (ReservedMembers.Graph.Contains(className))
        {
            _reporter.Report(Descriptors.NameClash, graphToken, $"Graph '{_graphName}'", className, $"the member '{className}' of every graph class");
        }

        var isEmitted = !ReservedMembers.Graph.Contains(className)
            && typeNames.Claim(className, $"Graph '{_graphName}'", graphToken)
            && typeNames.Claim(traversalClassName, $"The traversal class of graph '{_graphName}'", graphToken);

        var schema = SchemaResolver.Resolve(_graphName, _files, typeNames, traversalClassName, _reporter, _cancellationToken);
        var (entities, relations) = FactChecker.Check(schema, _files, className, _reporter, _cancellationToken);
        var rdfTerms = RdfTerms.Name(schema, baseIri?.Value ?? RdfNames.DefaultBase(_graphName), className, _reporter);
        var model = new GraphModel(
            ns,
            className,
            isEmitted,
            schema.Enums.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).Select(type => type.ToModel()).ToEquatableArray(),
            schema.EntityTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).Select(type => type.ToModel()).ToEquatableArray(),
            schema.RelationTypes.Values.Where(type => !type.IsBroken).OrderBy(type => type.Order).Select(type => type.ToModel()).ToEquatableArray(),
            entities.ToEquatableArray(),
            relations.ToEquatableArray(),
            rdfTerms.ToEquatableArray(),
            SchemaJson.Of(_graphName, declaredNamespace?.Value, baseIri?.Value, _files));
        return new BuiltGraph(model, _reporter.Diagnostics);
    }

    /// <returns>The graph's namespace, and the value that names it in a file (null when it is the project's).</returns>
    private (string Name, Located? Declared) ResolveNamespace(string? rootNamespace)
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
        return (Identifiers.ToNamespace(string.IsNullOrWhiteSpace(name) ? DefaultNamespace : name!), chosen);
    }

    /// <returns>The base IRI the files give, the first file's when they disagree (KG0033), or null for the default.</returns>
    private Located? ResolveBaseIri()
    {
        Located? chosen = null;
        foreach (var iri in _files.Select(file => file.BaseIri).OfType<Located>())
        {
            if (chosen is null)
            {
                chosen = iri;
            }
            else if (!string.Equals(chosen.Value, iri.Value, StringComparison.Ordinal))
            {
                _reporter.Report(Descriptors.ConflictingBaseIri, iri.Location, chosen.Location, _graphName, chosen.Value, iri.Value);
            }
        }

        return chosen;
    }

    /// <summary>
    /// Whether the graph's types can live in its namespace; false after reporting why not. Generated code names the
    /// runtime's types and .NET's by their full names (<c>global::KnowledgeGraph.Entity</c>, <c>global::System.Uri</c>),
    /// and the compiler uses some of .NET's by name too (<c>System.Runtime.CompilerServices.RequiredMemberAttribute</c>):
    /// a generated type of one of those names, or a namespace named like one of those types, would take its place.
    /// </summary>
    /// <param name="what">The namespace, for messages, saying where it comes from.</param>
    private bool CheckNamespace(string ns, string what, LocationInfo location, string graphClassName)
    {
        var parts = ns.Split('.');
        var reason = parts[0] switch
        {
            "System" => "the namespace System and those in it hold .NET's types, which generated code and the compiler use by their full names",
            "KnowledgeGraph" when parts.Length == 1 => "it holds the runtime's types, such as Entity and Graph, which generated code uses by their full names",
            "KnowledgeGraph" when ReservedMembers.RuntimeTypes.Contains(parts[1]) => $"it is named like the runtime's type 'KnowledgeGraph.{parts[1]}', which generated code uses",
            _ => null,
        };
        if (reason is not null)
        {
            _reporter.Report(Descriptors.ReservedNamespace, location, what, reason);
            return false;
        }

        // Every type's full name holds the namespace, a dot and a name of one character at least.
        return Encoding.UTF8.GetByteCount(MetadataName.TypeIn(ns).Of("T")) <= MetadataName.MaxBytes
            || MetadataName.TypeIn(ns, "the namespace").Fits(graphClassName, what, location, _reporter);
    }
}
