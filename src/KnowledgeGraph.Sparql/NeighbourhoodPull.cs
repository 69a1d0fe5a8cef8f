using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KnowledgeGraph.Language.Rdf;

namespace KnowledgeGraph.Sparql;

/// <summary>
/// The triples of what <see cref="GraphView.Around"/> holds, pulled from a named graph in the RDF mapping: the entities
/// within a number of facts of one entity (following facts either way), their own triples, the facts between two of
/// them with their nodes, and the own triples of the entities those facts name as role players or sources, so that the
/// triples load as a graph.
/// </summary>
/// <remarks>
/// Every query asks for the triples from (or to) the IRIs it lists, one triple pattern, which a store answers by index
/// lookups; which of them belong to the neighbourhood is decided here, by the mapping and the schema's relations. A
/// query for each step away from the centre; then, side by side, one for the last entities reached and one for the
/// nearer facts' nodes followed by one for the entities they name; when facts join two of the last entities, one for
/// those facts' nodes, and one for what they name. Every query waits only for the answers it needs. On Virtuoso 7.2,
/// one query that finds the entities and joins them again, or a filter on the terms (<c>STRSTARTS</c>, <c>IN</c>,
/// <c>DISTINCT</c>), turned lookups into scans: seconds to minutes on a graph of a million facts.
/// </remarks>
internal sealed class NeighbourhoodPull
{
    // Virtuoso 7.2 refuses a VALUES of 10,000 terms; and on 2 cores it answered two queries of half the terms side by
    // side in 60% of the time of one.
    private const int TermsPerQuery = 200;
    private const int QueriesAtOnce = 4;

    private const string RdfSubject = RdfNames.Rdf + "subject";
    private const string RdfObject = RdfNames.Rdf + "object";

    private readonly SparqlStore _store;
    private readonly string _graph;
    private readonly string _base;
    private readonly HashSet<string> _relations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _named = new(StringComparer.Ordinal) { RdfNames.DcTerms + "source" };

    // The predicates of the triples to an entity that a neighbourhood needs: the relations' direct triples and the
    // links of fact nodes.
    private readonly string _to;

    /// <param name="store">The store.</param>
    /// <param name="graph">The named graph to read.</param>
    /// <param name="schema">The schema of the graph class the triples will be loaded as.</param>
    public NeighbourhoodPull(SparqlStore store, string graph, CompiledSchema schema)
    {
        _store = store;
        _graph = graph;
        _base = schema.BaseIri;
        foreach (var type in schema.Schema.RelationTypes.Values)
        {
            _relations.Add(RdfNames.Type(_base, type.Name));
            _named.UnionWith(type.Roles.Select(role => RdfNames.Member(_base, type.Name, role.Name)));
        }

        _to = string.Join(' ', _relations.Append(RdfSubject).Append(RdfObject).Select(iri => $"<{iri}>"));
    }

    /// <summary>The triples of the neighbourhood, each once, numbered in their order from 1.</summary>
    /// <param name="centre">The IRI of the entity at the centre.</param>
    /// <param name="depth">How many facts away an entity may be.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    public async Task<List<RdfTriple>> PullAsync(string centre, int depth, CancellationToken cancellationToken)
    {
        // The triples from and to each entity nearer than the last step: its own, the relations' direct triples (which
        // name the next step's entities) and the links of the fact nodes that name it.
        var reached = new HashSet<string>(StringComparer.Ordinal) { centre };
        var near = new List<RdfTriple>();
        List<string> frontier = [centre];
        for (var step = 0; step < depth && frontier.Count > 0; step++)
        {
            var answer = await ConstructAsync(frontier, FromAndTo, cancellationToken);
            near.AddRange(answer);
            frontier = [];
            foreach (var triple in answer.Where(triple => _relations.Contains(triple.Predicate.Value)))
            {
                foreach (var end in (ReadOnlySpan<RdfNode>)[triple.Subject, triple.Object])
                {
                    if (IsEntity(end) && reached.Add(end.Value))
                    {
                        frontier.Add(end.Value);
                    }
                }
            }
        }

        // Then side by side: the triples from the last step's entities, and the nodes of the facts of the nearer ones
        // with what they name. A fact of an entity nearer than the last step ends within reach, so its node belongs.
        var last = frontier;
        var lastTriples = ConstructAsync(last, From, cancellationToken);
        var nearLinked = Linked(near, reached);
        var nearNodes = NodesAsync(nearLinked, reached, cancellationToken);

        // The other facts within reach are between two entities of the last step: the nodes of the facts of those that
        // are the subject of one are asked for, and the nodes of facts outside left out. A blank node cannot be asked
        // for again, so only IRIs are: a push names every node.
        var lastStep = last.ToHashSet(StringComparer.Ordinal);
        var own = await lastTriples;
        var subjects = own
            .Where(triple => _relations.Contains(triple.Predicate.Value) && lastStep.Contains(triple.Object.Value))
            .Select(triple => triple.Subject.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var links = await ConstructAsync(subjects, SubjectOf, cancellationToken);
        var (moreNodeTriples, moreNamedTriples) = await NodesAsync(Linked(links, reached).Except(nearLinked).ToList(), reached, cancellationToken);
        var (nodeTriples, namedTriples) = await nearNodes;

        // A direct triple between two entities within reach is among the triples from one and to the other.
        var seen = new HashSet<(RdfNode, RdfNode, RdfNode)>();
        var kept = new List<RdfTriple>();
        var within = near.Concat(own).Where(triple => reached.Contains(triple.Subject.Value)
            && (!_relations.Contains(triple.Predicate.Value) || reached.Contains(triple.Object.Value)));
        foreach (var triple in within.Concat(nodeTriples).Concat(moreNodeTriples).Concat(namedTriples).Concat(moreNamedTriples))
        {
            if (seen.Add((triple.Subject, triple.Predicate, triple.Object)))
            {
                kept.Add(triple with { Line = kept.Count + 1 });
            }
        }

        return kept;
    }

    /// <summary>The fact nodes, outside the entities within reach, that <paramref name="links"/> link to an entity.</summary>
    private static List<string> Linked(IEnumerable<RdfTriple> links, HashSet<string> reached) => links
        .Where(triple => triple.Predicate.Value is RdfSubject or RdfObject && IsWritable(triple.Subject) && !reached.Contains(triple.Subject.Value))
        .Select(triple => triple.Subject.Value)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The triples of the fact nodes <paramref name="linked"/>, but those of facts with an end outside the entities
    /// within reach; then the own triples of the entities outside that they name as role players or sources.
    /// </summary>
    private async Task<(List<RdfTriple> Nodes, List<RdfTriple> Named)> NodesAsync(
        List<string> linked, HashSet<string> reached, CancellationToken cancellationToken)
    {
        var linkedTriples = await ConstructAsync(linked, From, cancellationToken);
        var outside = linkedTriples
            .Where(triple => triple.Predicate.Value is RdfSubject or RdfObject && !(triple.Object.IsIri && reached.Contains(triple.Object.Value)))
            .Select(triple => triple.Subject.Value)
            .ToHashSet(StringComparer.Ordinal);
        var nodes = linkedTriples.Where(triple => !outside.Contains(triple.Subject.Value)).ToList();
        var namedTriples = await ConstructAsync(Named(nodes, reached), From, cancellationToken);
        return (nodes, namedTriples.Where(triple => !_relations.Contains(triple.Predicate.Value)).ToList());
    }

    /// <summary>The entities outside the neighbourhood that the nodes name as role players or sources.</summary>
    private List<string> Named(List<RdfTriple> nodes, HashSet<string> reached) => nodes
        .Where(triple => _named.Contains(triple.Predicate.Value) && IsEntity(triple.Object) && !reached.Contains(triple.Object.Value))
        .Select(triple => triple.Object.Value)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    // Each query asks for the triples from (or to) the IRIs it lists, which a store answers by index lookups. The graph
    // is a filter rather than FROM, and the predicates of the triples to the IRIs are listed: with FROM, Virtuoso 7.2
    // took 1.4 s instead of 20 ms for 9 entities of a graph of 100,000 facts, and with any predicate, through its
    // authenticated endpoint, 40 s instead of 30 ms for 55 entities of a pushed graph of a million.
    private string FromAndTo(string values) => $$"""
        CONSTRUCT { ?m ?p ?o . ?s ?q ?m } WHERE {
          VALUES ?m { {{values}} }
          { GRAPH ?g { ?m ?p ?o } } UNION { VALUES ?q { {{_to}} } GRAPH ?g { ?s ?q ?m } }
          FILTER (?g = <{{_graph}}>)
        }
        """;

    private string SubjectOf(string values) => $$"""
        CONSTRUCT { ?s <{{RdfSubject}}> ?m } WHERE {
          VALUES ?m { {{values}} }
          GRAPH ?g { ?s <{{RdfSubject}}> ?m }
          FILTER (?g = <{{_graph}}>)
        }
        """;

    private string From(string values) => $$"""
        CONSTRUCT { ?m ?p ?o } WHERE {
          VALUES ?m { {{values}} }
          GRAPH ?g { ?m ?p ?o }
          FILTER (?g = <{{_graph}}>)
        }
        """;

    /// <summary>Whether the node is an entity's IRI in the mapping (<c>{base}{id}</c>), one a query can name.</summary>
    private bool IsEntity(RdfNode node) =>
        IsWritable(node)
        && node.Value.Length > _base.Length
        && node.Value.StartsWith(_base, StringComparison.Ordinal)
        && !node.Value.AsSpan(_base.Length).Contains('/');

    /// <summary>Whether the node is an IRI that SPARQL can write between angle brackets.</summary>
    private static bool IsWritable(RdfNode node) =>
        node.IsIri && node.Value.AsSpan().IndexOfAny("<>\"{}|^`\\") < 0 && !node.Value.AsSpan().ContainsAnyInRange('\0', ' ');

    /// <summary>
    /// Runs the CONSTRUCT <paramref name="query"/> makes of a list of IRIs (its <c>VALUES</c>) for each part of
    /// <paramref name="iris"/>, a few at once, and returns their triples in the order of the parts; none for no IRIs.
    /// </summary>
    private async Task<List<RdfTriple>> ConstructAsync(IReadOnlyList<string> iris, Func<string, string> query, CancellationToken cancellationToken)
    {
        if (iris.Count == 0)
        {
            return [];
        }

        var parts = (iris.Count + TermsPerQuery - 1) / TermsPerQuery;
        var size = (iris.Count + parts - 1) / parts;
        var answers = new List<RdfTriple>[parts];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, parts),
            new ParallelOptions { MaxDegreeOfParallelism = QueriesAtOnce, CancellationToken = cancellationToken },
            async (part, token) =>
            {
                var values = new StringBuilder();
                foreach (var iri in iris.Skip(part * size).Take(size))
                {
                    values.Append('<').Append(iri).Append("> ");
                }

                answers[part] = await _store.ConstructAsync(query(values.ToString()), _graph, token);
            });
        return answers.SelectMany(answer => answer).ToList();
    }
}
