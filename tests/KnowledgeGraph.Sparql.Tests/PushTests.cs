using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Diplomacy;

namespace KnowledgeGraph.Sparql.Tests;

[Collection(VirtuosoCollection.Name)]
public sealed class PushTests(VirtuosoFixture fixture)
{
    private readonly VirtuosoServer _server = fixture.Server;

    private SparqlStore Store(int? triplesPerBatch = null) =>
        new(_server.AuthEndpoint, _server.GraphStore, VirtuosoServer.Administrator) { TriplesPerBatch = triplesPerBatch };

    [Fact]
    public async Task The_server_answers_a_query()
    {
        using var store = new SparqlStore(_server.Endpoint);
        var row = Assert.Single(await store.RowsAsync("SELECT (6 * 7 AS ?n) WHERE {}"));
        Assert.Equal(42, row.GetInt32("n"));
    }

    [Fact]
    public async Task A_push_writes_the_triples_of_the_N_Triples_export()
    {
        using var store = Store();
        var graph = Sparql.NewGraphIri();
        var progress = new List<long>();

        await store.PushAsync(DiplomacyGraph.Default, graph, new SynchronousProgress(progress.Add));

        var exported = Sparql.ExportedLines(DiplomacyGraph.Default);
        Assert.Equal(exported.Distinct().Count(), await store.CountAsync(graph));
        Assert.Equal(exported.Length, progress.Last());
        Assert.Contains("<urn:kg:DiplomacyGraph:reutersIstanbul> <urn:kg:DiplomacyGraph:schema/Article/date> \"2025-02-28\"^^<http://www.w3.org/2001/XMLSchema#date>", await store.TriplesAsync(graph));
        Assert.Empty(await store.StagingGraphsAsync());
    }

    [Fact]
    public async Task Batches_of_any_size_and_INSERT_DATA_give_the_same_triples_as_the_Graph_Store_protocol()
    {
        using var whole = Store();
        using var small = Store(triplesPerBatch: 37);
        using var updates = new SparqlStore(_server.AuthEndpoint, credentials: VirtuosoServer.Administrator);
        var (first, second, third) = (Sparql.NewGraphIri(), Sparql.NewGraphIri(), Sparql.NewGraphIri());
        var progress = new List<long>();

        await whole.PushAsync(DiplomacyGraph.Default, first);
        await small.PushAsync(DiplomacyGraph.Default, second, new SynchronousProgress(progress.Add));
        await updates.PushAsync(DiplomacyGraph.Default, third);

        var expected = await whole.TriplesAsync(first);
        Assert.Equal(expected, await whole.TriplesAsync(second));
        Assert.Equal(expected, await whole.TriplesAsync(third));
        Assert.Equal(Sparql.ExportedLines(DiplomacyGraph.Default).Length, progress.Last());
        Assert.Equal((progress.Last() + 36) / 37, progress.Count);
        Assert.True(progress.Zip(progress.Skip(1)).All(pair => pair.Second - pair.First is > 0 and <= 37));
    }

    [Fact]
    public async Task Pushing_again_leaves_the_same_triples_and_a_view_replaces_the_graph()
    {
        using var store = Store(triplesPerBatch: 100);
        var graph = Sparql.NewGraphIri();
        await store.PushAsync(DiplomacyGraph.Default, graph);
        var once = await store.TriplesAsync(graph);

        await store.PushAsync(DiplomacyGraph.Default, graph);
        Assert.Equal(once, await store.TriplesAsync(graph));

        var view = DiplomacyGraph.Default.Where(relation => relation is not Stated);
        await store.PushAsync(view, graph);
        Assert.Equal(Sparql.ExportedLines(view).Distinct().Count(), await store.CountAsync(graph));
        Assert.True(await store.CountAsync(graph) < once.Count);
    }

    [Fact]
    public async Task A_push_cancelled_midway_leaves_the_previous_content_whole()
    {
        using var store = Store(triplesPerBatch: 50);
        var graph = Sparql.NewGraphIri();
        var view = DiplomacyGraph.Default.Where(relation => relation is not Stated);
        await store.PushAsync(view, graph);
        var before = await store.TriplesAsync(graph);

        using var cancel = new CancellationTokenSource();
        var sent = new List<long>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PushAsync(
            DiplomacyGraph.Default,
            graph,
            new SynchronousProgress(count =>
            {
                sent.Add(count);
                if (count >= 300)
                {
                    cancel.Cancel();
                }
            }),
            cancel.Token));

        Assert.InRange(sent.Last(), 300, Sparql.ExportedLines(DiplomacyGraph.Default).Length - 1);
        Assert.Equal(before, await store.TriplesAsync(graph));
        Assert.Empty(await store.StagingGraphsAsync());
    }

    [Fact]
    public async Task A_push_the_store_refuses_leaves_the_previous_content_whole()
    {
        using var store = Store();
        var graph = Sparql.NewGraphIri();
        await store.PushAsync(DiplomacyGraph.Default, graph);
        var before = await store.CountAsync(graph);

        using var anonymous = new SparqlStore(_server.AuthEndpoint, _server.GraphStore);
        var refused = await Assert.ThrowsAsync<SparqlException>(() => anonymous.PushAsync(DiplomacyGraph.Default.Where(_ => false), graph));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(before, await store.CountAsync(graph));
    }

    [Fact]
    public async Task A_graph_IRI_SPARQL_cannot_write_is_refused_before_anything_is_sent()
    {
        using var store = Store();
        await Assert.ThrowsAsync<ArgumentException>(() => store.PushAsync(DiplomacyGraph.Default, new Uri("urn:a>b")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PushAsync(DiplomacyGraph.Default, new Uri("relative", UriKind.Relative)));
    }

    /// <summary>Reports on the caller's thread, as it happens (<see cref="Progress{T}"/> would post to the pool).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
