using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Diplomacy;
using KnowledgeGraph.EndToEnd.Tests;
using KnowledgeGraph.Sparql;
using KnowledgeGraph.Sparql.Tests;
using static KnowledgeGraph.Cli.Tests.KgRunner;

namespace KnowledgeGraph.Cli.Tests;

[Collection(VirtuosoCollection.Name)]
public sealed class PushCommandTests(VirtuosoFixture fixture)
{
    private static readonly string Sample = Path.Combine(Repository.Root, "src", "IstanbulTalks");
    private static readonly string Schema = Path.Combine(Sample, "diplomacy.kg.json");
    private static readonly string Facts = Path.Combine(Sample, "istanbul-talks.kg.json");

    private readonly VirtuosoServer _server = fixture.Server;

    [Fact]
    public async Task Pushes_the_graph_of_the_files_as_the_compiled_graph_pushes()
    {
        var graph = $"urn:test:{Guid.NewGuid():N}";
        var compiled = $"urn:test:{Guid.NewGuid():N}";
        using var store = new SparqlStore(_server.AuthEndpoint, _server.GraphStore, VirtuosoServer.Administrator);
        await store.PushAsync(DiplomacyGraph.Default, new Uri(compiled));

        var (code, output, error) = Kg("push", "--endpoint", _server.AuthEndpoint.ToString(), "--graph-store", _server.GraphStore.ToString(),
            "--user", "dba", "--password", "dba", "--graph", graph, Schema, Facts);

        Assert.Equal((ExitCodes.Success, ""), (code, output));
        Assert.Equal($"{ExportedLines().Length} triples pushed into <{graph}>.", error.Trim());
        Assert.Equal(await Triples(store, compiled), await Triples(store, graph));
    }

    [Fact]
    public async Task Pushes_without_a_Graph_Store_endpoint_through_updates()
    {
        var graph = $"urn:test:{Guid.NewGuid():N}";
        using var store = new SparqlStore(_server.AuthEndpoint, _server.GraphStore, VirtuosoServer.Administrator);

        var (code, _, error) = Kg("push", "--endpoint", _server.AuthEndpoint.ToString(), "--user", "dba", "--password", "dba", "--graph", graph, Schema, Facts);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(ExportedLines().Distinct().Count(), (await Triples(store, graph)).Length);
    }

    [Fact]
    public void Bad_credentials_fail_with_exit_code_4_and_a_message_without_the_password()
    {
        var (code, _, error) = Kg("push", "--endpoint", _server.AuthEndpoint.ToString(), "--graph-store", _server.GraphStore.ToString(),
            "--user", "dba", "--password", "wrong-secret", "--graph", "urn:test:refused", Schema, Facts);

        Assert.Equal(ExitCodes.StoreFailed, code);
        Assert.Contains("401", error);
        Assert.Contains("Nothing changed in the store.", error);
        Assert.DoesNotContain("wrong-secret", error);
    }

    [Fact]
    public void A_store_that_cannot_be_reached_fails_with_exit_code_4()
    {
        var (code, _, error) = Kg("push", "--endpoint", $"http://127.0.0.1:{FreePort()}/sparql", "--graph", "urn:test:nowhere", Schema, Facts);

        Assert.Equal(ExitCodes.StoreFailed, code);
        Assert.Contains("could not be reached", error);
    }

    [Theory]
    [InlineData("--user", "dba")]
    [InlineData("--password", "dba")]
    public void A_user_without_a_password_or_the_reverse_is_bad_usage(string option, string value)
    {
        var (code, _, error) = Kg("push", "--endpoint", _server.AuthEndpoint.ToString(), option, value, "--graph", "urn:test:x", Schema, Facts);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--user and --password go together.", error);
    }

    [Theory]
    [InlineData("--endpoint", "ftp://example.org/sparql", "is not an http or https URL")]
    [InlineData("--graph", "not an iri", "is not an absolute IRI")]
    [InlineData("--graph", "urn:a{b}", "is not an absolute IRI that SPARQL can write")]
    public void Bad_URLs_and_IRIs_are_bad_usage(string option, string value, string expected)
    {
        string[] args = ["push", "--endpoint", _server.AuthEndpoint.ToString(), "--graph", "urn:test:x", Schema, Facts];
        args[Array.IndexOf(args, option) + 1] = value;

        var (code, _, error) = Kg(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Errors_in_the_files_push_nothing()
    {
        var (code, _, error) = Kg("push", "--endpoint", $"http://127.0.0.1:{FreePort()}/sparql", "--graph", "urn:test:x", Facts);

        Assert.Equal(ExitCodes.Errors, code);
        Assert.Contains("nothing pushed", error);
    }

    private static async Task<string[]> Triples(SparqlStore store, string graph)
    {
        var triples = new System.Collections.Generic.List<string>();
        await foreach (var row in store.SelectAsync($"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))
        {
            triples.Add($"{row["s"]} {row["p"]} {row["o"]}");
        }

        return [.. triples.Order(StringComparer.Ordinal)];
    }

    /// <summary>The lines of the compiled sample's N-Triples export, a triple each (one may come twice).</summary>
    private static string[] ExportedLines()
    {
        using var output = new MemoryStream();
        DiplomacyGraph.Default.Export(output, GraphFormat.NTriples);
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
