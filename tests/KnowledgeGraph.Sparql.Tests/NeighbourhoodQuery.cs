using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace KnowledgeGraph.Sparql.Tests;

/// <summary>
/// Pulls what <see cref="GraphView.Around"/> holds at depth 2, in the RDF mapping: the entities within two facts of
/// one entity (following facts either way), their own triples, the facts between two of them with their nodes, and
/// the entities those facts name as role players or sources, so that the answer loads as a graph.
/// </summary>
/// <remarks>
/// It tells entities from other terms by the mapping's IRIs: an entity's is the base IRI and its id, with no <c>/</c>
/// after the base, where the schema's terms are under <c>{base}schema/</c> and facts' nodes under <c>{base}fact/</c>;
/// so a fact's direct triple is one whose object is an entity. It asks twice: a SELECT of the entities within reach,
/// then a CONSTRUCT that names them. One query that finds them and joins them again was either slow (seconds on the
/// sample) or, on a large store, answered incompletely by Virtuoso 7.2.
/// </remarks>
public static class NeighbourhoodQuery
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <param name="store">The store.</param>
    /// <param name="graph">The named graph the graph was pushed to.</param>
    /// <param name="baseIri">The graph's base IRI, such as <c>urn:kg:DiplomacyGraph:</c>.</param>
    /// <param name="id">The id of the entity at the centre, one that needs no percent-encoding in an IRI.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<TGraph> PullWithin2FactsAsync<TGraph>(SparqlStore store, Uri graph, string baseIri, string id, CancellationToken cancellationToken = default)
        where TGraph : Graph
    {
        var reached = new List<string>();
        await foreach (var row in store.SelectAsync(ReachedQuery(graph, baseIri, id), cancellationToken))
        {
            reached.Add(row.GetString("e"));
        }

        return await store.PullAsync<TGraph>(graph, ConstructQuery(baseIri, reached), cancellationToken);
    }

    /// <summary>The entities within two facts of the centre, the centre included, as <c>?e</c>.</summary>
    public static string ReachedQuery(Uri graph, string baseIri, string id)
    {
        var centre = $"<{baseIri}{id}>";
        var isEntity = IsEntity(baseIri);
        return $$"""
            SELECT DISTINCT ?e FROM <{{graph}}> WHERE {
              { ?e a ?type . FILTER (?e = {{centre}}) }
              UNION { {{centre}} ?p1 ?e . FILTER {{isEntity("?e")}} }
              UNION { ?e ?p1 {{centre}} . FILTER {{isEntity("?e")}} }
              UNION { {{centre}} ?p1 ?middle . ?middle ?p2 ?e . FILTER ({{isEntity("?middle")}} && {{isEntity("?e")}}) }
              UNION { {{centre}} ?p1 ?middle . ?e ?p2 ?middle . FILTER ({{isEntity("?middle")}} && {{isEntity("?e")}}) }
              UNION { ?middle ?p1 {{centre}} . ?middle ?p2 ?e . FILTER ({{isEntity("?middle")}} && {{isEntity("?e")}}) }
              UNION { ?middle ?p1 {{centre}} . ?e ?p2 ?middle . FILTER ({{isEntity("?middle")}} && {{isEntity("?e")}}) }
            }
            """;
    }

    /// <summary>The triples of the neighbourhood made of <paramref name="reached"/>, the IRIs of its entities.</summary>
    public static string ConstructQuery(string baseIri, IReadOnlyCollection<string> reached)
    {
        var isEntity = IsEntity(baseIri);
        var values = string.Join(" ", reached.Select(iri => $"<{iri}>"));
        var list = string.Join(", ", reached.Select(iri => $"<{iri}>"));
        return $$"""
            CONSTRUCT { ?s ?p ?o } WHERE {
              VALUES ?e { {{values}} }
              # Its own triples: type and properties.
              { ?e ?p ?o . FILTER (!{{isEntity("?o")}}) BIND (?e AS ?s) }
              # The direct triples of its facts to another entity within reach.
              UNION { ?e ?p ?o . FILTER (?o IN ({{list}})) BIND (?e AS ?s) }
              # The nodes of those facts.
              UNION { ?s <{{Rdf}}subject> ?e ; <{{Rdf}}object> ?to . FILTER (?to IN ({{list}})) ?s ?p ?o }
              # The role players and sources they name: their own triples.
              UNION {
                ?fact <{{Rdf}}subject> ?e ; <{{Rdf}}object> ?to ; ?named ?s .
                FILTER (?to IN ({{list}}) && ?named != <{{Rdf}}subject> && ?named != <{{Rdf}}object> && {{isEntity("?s")}})
                ?s ?p ?o . FILTER (!{{isEntity("?o")}})
              }
            }
            """;
    }

    private static Func<string, string> IsEntity(string baseIri) =>
        term => $"(isIRI({term}) && STRSTARTS(STR({term}), \"{baseIri}\") && !CONTAINS(STRAFTER(STR({term}), \"{baseIri}\"), \"/\"))";
}
