using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace KnowledgeGraph.Sparql.Tests;

/// <summary>What the tests ask a store and an export, by the same means for every test.</summary>
internal static class Sparql
{
    public const string Prefixes = """
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX g: <urn:kg:DiplomacyGraph:>
        PREFIX kg: <urn:kg:DiplomacyGraph:schema/>

        """;

    public static async Task<List<SparqlRow>> RowsAsync(this SparqlStore store, string query, CancellationToken cancellationToken = default)
    {
        var rows = new List<SparqlRow>();
        await foreach (var row in store.SelectAsync(query, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every triple of a named graph, each as its three terms written by <see cref="SparqlTerm.ToString"/>, sorted.</summary>
    public static async Task<List<string>> TriplesAsync(this SparqlStore store, Uri graph) =>
        [.. (await store.RowsAsync($"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))
            .Select(row => $"{row["s"]} {row["p"]} {row["o"]}").Order(StringComparer.Ordinal)];

    public static async Task<long> CountAsync(this SparqlStore store, Uri graph) =>
        (await store.RowsAsync($"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")).Single().GetInt64("n");

    /// <summary>The named graphs a failed push would leave behind.</summary>
    public static async Task<List<string>> StagingGraphsAsync(this SparqlStore store) =>
        [.. (await store.RowsAsync("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"urn:uuid:\")) }")).Select(row => row.GetString("g"))];

    /// <summary>The lines of the graph's N-Triples export, a triple each; a triple comes twice when two facts of one type join the same two entities.</summary>
    public static string[] ExportedLines(GraphView graph)
    {
        using var output = new MemoryStream();
        graph.Export(output, GraphFormat.NTriples);
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Uri NewGraphIri() => new($"urn:test:{Guid.NewGuid():N}");
}
