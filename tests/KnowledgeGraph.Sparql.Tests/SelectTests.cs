using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Diplomacy;

namespace KnowledgeGraph.Sparql.Tests;

[Collection(VirtuosoCollection.Name)]
public sealed class SelectTests(VirtuosoFixture fixture)
{
    private readonly VirtuosoServer _server = fixture.Server;

    [Fact]
    public async Task Literals_are_read_as_typed_values()
    {
        using var store = new SparqlStore(_server.Endpoint);
        var row = Assert.Single(await store.RowsAsync("""
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            SELECT ?date ?int ?long ?decimal ?double ?inf ?bool ?uri ?text ?lang ?dateTime
            WHERE {
              BIND("2025-02-12"^^xsd:date AS ?date) BIND(-42 AS ?int) BIND("9000000000"^^xsd:long AS ?long)
              BIND(1.50 AS ?decimal) BIND(1.5E20 AS ?double) BIND("INF"^^xsd:double AS ?inf) BIND(true AS ?bool)
              BIND(<https://example.org/a?b=c> AS ?uri) BIND("Türkiye \"quoted\"\n" AS ?text) BIND("hello"@en AS ?lang)
              BIND("2025-02-12T10:30:00Z"^^xsd:dateTime AS ?dateTime)
            }
            """));

        Assert.Equal(new DateOnly(2025, 2, 12), row.GetDate("date"));
        Assert.Equal(-42, row.GetInt32("int"));
        Assert.Equal(9_000_000_000L, row.GetInt64("long"));
        Assert.Equal(1.5m, row.GetDecimal("decimal"));
        Assert.Equal(1.5E20, row.GetDouble("double"));
        Assert.Equal(double.PositiveInfinity, row.GetDouble("inf"));
        Assert.True(row.GetBoolean("bool"));
        Assert.Equal(new Uri("https://example.org/a?b=c"), row.GetUri("uri"));
        Assert.Equal("Türkiye \"quoted\"\n", row.GetString("text"));
        Assert.Equal(new SparqlTerm(SparqlTermKind.Literal, "hello", null, "en"), row["lang"]);
        Assert.Equal(new DateTime(2025, 2, 12, 10, 30, 0, DateTimeKind.Utc), row.GetDateTime("dateTime").ToUniversalTime());
        Assert.Equal("http://www.w3.org/2001/XMLSchema#date", row["date"].Datatype);
        Assert.Throws<FormatException>(() => row.GetInt32("text"));
        Assert.Throws<FormatException>(() => row.GetInt32("long"));
        Assert.Throws<FormatException>(() => row.GetDate("uri"));
        var unbound = Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => row.GetString("nothing"));
        Assert.Contains("'nothing'", unbound.Message);
    }

    [Fact]
    public async Task Enum_values_and_entities_are_read_by_their_IRIs_in_the_graph()
    {
        using var store = new SparqlStore(_server.AuthEndpoint, _server.GraphStore, VirtuosoServer.Administrator);
        var graph = Sparql.NewGraphIri();
        var g = DiplomacyGraph.Default;
        await store.PushAsync(g, graph);

        var rows = await store.RowsAsync(Sparql.Prefixes + $$"""
            SELECT ?to ?manner WHERE { GRAPH <{{graph}}> {
              ?fact rdf:subject g:lavrov ; rdf:object ?to ; <urn:kg:DiplomacyGraph:schema/stated/manner> ?manner .
            } }
            """);

        var read = rows.Select(row => (row.Entity<Thing>("to", g), row.GetEnum<Manner>("manner"))).OrderBy(p => p.Item1?.Id).ThenBy(p => p.Item2).ToList();
        var expected = g.Lavrov.Outgoing<Stated>().Select(s => ((Thing?)s.To, s.Manner)).OrderBy(p => p.Item1?.Id).ThenBy(p => p.Item2).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, read);

        var row = rows[0];
        Assert.Null(row.Entity<Person>("to", g.Where(_ => false).WhereEntities(_ => false)));
        Assert.Throws<FormatException>(() => row.GetEnum<OrganizationKind>("manner"));
        Assert.Null(row.Entity<Thing>("manner", g));
    }

    [Fact]
    public async Task A_server_error_carries_the_server_message_and_the_query()
    {
        using var store = new SparqlStore(_server.Endpoint);
        const string query = "SELEC ?x WHERE { ?x ?y ?z }";

        var error = await Assert.ThrowsAsync<SparqlException>(() => store.RowsAsync(query));

        Assert.Equal(query, error.Query);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("SP030", error.Message);
        Assert.Contains(query, error.Message);
    }

    [Fact]
    public async Task Bad_credentials_are_refused_with_a_message_that_holds_no_password()
    {
        using var store = new SparqlStore(_server.AuthEndpoint, credentials: new NetworkCredential("dba", "not-the-password"));

        var error = await Assert.ThrowsAsync<SparqlException>(() => store.RowsAsync("SELECT * WHERE { ?s ?p ?o } LIMIT 1"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("401", error.Message);
        Assert.DoesNotContain("not-the-password", error.ToString());
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_without_the_user_information_of_the_URI()
    {
        var port = FreePort();
        using var store = new SparqlStore(new Uri($"http://someone:secret@127.0.0.1:{port}/sparql"));

        var error = await Assert.ThrowsAsync<SparqlException>(() => store.RowsAsync("SELECT * WHERE { ?s ?p ?o }"));

        Assert.Contains("could not be reached", error.Message);
        Assert.Contains($"127.0.0.1:{port}/sparql", error.Message);
        Assert.DoesNotContain("secret", error.ToString());
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task A_store_that_does_not_answer_in_time_is_reported()
    {
        var handler = new FakeStore(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage();
        });
        using var client = new HttpClient(handler);
        using var store = new SparqlStore(client, new Uri("http://store.test/sparql")) { Timeout = TimeSpan.FromMilliseconds(100) };

        var error = await Assert.ThrowsAsync<SparqlException>(() => store.RowsAsync("SELECT * WHERE { ?s ?p ?o }"));

        Assert.Contains("did not answer within 0.1 s", error.Message);
        Assert.Equal(4, handler.Requests);
    }

    [Fact]
    public async Task A_cancelled_query_is_cancelled_not_timed_out()
    {
        var handler = new FakeStore(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage();
        });
        using var client = new HttpClient(handler);
        using var store = new SparqlStore(client, new Uri("http://store.test/sparql"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.RowsAsync("SELECT * WHERE { ?s ?p ?o }", cancel.Token));
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task Unavailable_is_retried_with_backoff_and_the_query_then_answers()
    {
        var handler = new FakeStore((request, _) => Task.FromResult(FakeStore.Requested(request) <= 2
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : FakeStore.Json("""{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"7"}}]}}""")));
        using var client = new HttpClient(handler);
        using var store = new SparqlStore(client, new Uri("http://store.test/sparql"));

        var started = DateTime.UtcNow;
        var row = Assert.Single(await store.RowsAsync("SELECT ?n WHERE {}"));

        Assert.Equal(7, row.GetInt32("n"));
        Assert.Equal(3, handler.Requests);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(1400), "two waits, 0.5 s then 1 s");
    }

    [Fact]
    public async Task An_error_that_is_not_transient_is_not_retried()
    {
        var handler = new FakeStore((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("Virtuoso 42000 Error: out of luck") }));
        using var client = new HttpClient(handler);
        using var store = new SparqlStore(client, new Uri("http://store.test/sparql"));

        var error = await Assert.ThrowsAsync<SparqlException>(() => store.RowsAsync("SELECT ?n WHERE {}"));

        Assert.Contains("500", error.Message);
        Assert.Contains("out of luck", error.Message);
        Assert.Equal(1, handler.Requests);
    }

    [Theory]
    [InlineData("<html>Service temporarily down</html>", "not JSON")]
    [InlineData("""{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"1"}},""", "not JSON")]
    [InlineData("""{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"number","value":"1"}}]}}""", "type 'number'")]
    [InlineData("""{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"uri"}}]}}""", "no 'value'")]
    [InlineData("""{"head":{"vars":["n"]},"results":{"bindings":{"n":1}}}""", "'bindings' as an array")]
    [InlineData("", "not JSON")]
    public async Task Malformed_results_are_reported_as_such(string body, string expected)
    {
        var handler = new FakeStore((_, _) => Task.FromResult(FakeStore.Json(body)));
        using var client = new HttpClient(handler);
        using var store = new SparqlStore(client, new Uri("http://store.test/sparql"));

        var error = await Assert.ThrowsAsync<SparqlException>(() => store.RowsAsync("SELECT ?n WHERE {}"));

        Assert.Contains("is not SPARQL JSON results", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public async Task Rows_are_read_as_they_arrive_across_buffers_and_unknown_members_are_skipped()
    {
        // Many rows and literals longer than the reader's buffer (16 KB), so that tokens are cut by its ends.
        const int Count = 2000;
        static int Length(int i) => i % 10 == 0 ? 40_000 + i : i % 300;
        var rows = Enumerable.Range(0, Count).Select(i =>
            "{\"i\":{\"type\":\"typed-literal\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#integer\",\"value\":\"" + i
            + "\"},\"s\":{\"type\":\"literal\",\"value\":\"" + new string('x', Length(i)) + "\",\"extra\":{\"a\":[1,{\"b\":2}]}}}");
        var body = "{\"head\":{\"link\":[],\"vars\":[\"i\",\"s\"]},\"results\":{\"distinct\":false,\"ordered\":true,\"bindings\":["
            + string.Join(",", rows) + "]},\"other\":[{\"x\":[]}]}";
        var handler = new FakeStore((_, _) => Task.FromResult(FakeStore.Json(body)));
        using var client = new HttpClient(handler);
        using var store = new SparqlStore(client, new Uri("http://store.test/sparql"));

        var read = await store.RowsAsync("SELECT ?i ?s WHERE {}");

        Assert.Equal(Enumerable.Range(0, Count), read.Select(row => row.GetInt32("i")));
        Assert.Equal(Enumerable.Range(0, Count).Select(Length), read.Select(row => row.GetString("s").Length));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
