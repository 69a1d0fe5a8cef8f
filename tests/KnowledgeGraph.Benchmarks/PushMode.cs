using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KnowledgeGraph.Benchmarks.News;
using KnowledgeGraph.Sparql;
using KnowledgeGraph.Sparql.Tests;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>--push</c>: <see cref="SparqlStore.PushAsync"/> of the synthetic model into a private Virtuoso (through its Graph
/// Store endpoint), against Virtuoso's own bulk loader (<c>ld_dir</c> + <c>rdf_loader_run</c>, run by <c>isql-vt</c>)
/// on the same N-Triples, in one run on one server. The bulk load's time counts from <c>ld_dir</c> to the end of
/// <c>rdf_loader_run</c>; the N-Triples file is written beforehand. The push's time counts from the call to its end
/// (export, batches, the final <c>MOVE</c>). Both named graphs are then counted, and must hold the same triples. The
/// managed heap is sampled every 10 ms during the push: its growth over the heap before shows whether memory grows
/// with the graph.
/// <para>
/// Then the pull of a neighbourhood, at depths 2 and 3: the entity whose neighbourhood (<see cref="GraphView.Around"/>)
/// holds the number of facts nearest 1,000, among 200 spread over the graph, is pulled from the pushed graph with
/// <see cref="SparqlStore.PullAroundAsync"/>, after the bulk-loaded copy is dropped and a checkpoint: the median of 3
/// pulls, after one that is checked to hold as many facts as the neighbourhood.
/// </para>
/// </summary>
public static class PushMode
{
    public static void Run(IReadOnlyList<int> sizes, TextWriter output) => RunAsync(sizes, output).GetAwaiter().GetResult();

    private static async Task RunAsync(IReadOnlyList<int> sizes, TextWriter output)
    {
        await using var server = await VirtuosoServer.StartAsync();
        using var store = new SparqlStore(server.AuthEndpoint, server.GraphStore, VirtuosoServer.Administrator);

        // JIT and the server's first writes, outside any measurement.
        await store.PushAsync(new RuntimeGraph(SyntheticModel.Generate(1_000)), new Uri("urn:bench:warm-up"));

        var pulls = new List<string>();
        output.WriteLine("| N facts | triples | bulk loader s | push s | push / bulk loader | push triples/s | heap growth during the push MB | allocated per triple B |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            var data = SyntheticModel.Generate(size);
            var graph = new RuntimeGraph(data);
            var file = Path.Combine(server.Folder, $"graph-{size}.nt");
            await using (var stream = File.Create(file))
            {
                graph.Export(stream, GraphFormat.NTriples);
            }

            var bulkGraph = $"urn:bench:bulk:{size}";
            var clock = Stopwatch.StartNew();
            await server.IsqlAsync($"ld_dir('{server.Folder}', '{Path.GetFileName(file)}', '{bulkGraph}');");
            await server.IsqlAsync("rdf_loader_run();");
            var bulk = clock.Elapsed.TotalSeconds;
            File.Delete(file);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{data.FactCount:N0} facts: the bulk loader took {bulk:F1} s; pushing…"));

            var pushGraph = new Uri($"urn:bench:push:{size}");
            GC.Collect();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            long peak = heapBefore;
            long triples = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    await Task.Delay(10);
                }
            });
            clock.Restart();
            await store.PushAsync(graph, pushGraph, new Reporter(sent => triples = sent));
            var push = clock.Elapsed.TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            sampling.Cancel();
            await sampler;

            var inBulk = await CountAsync(store, bulkGraph);
            var pushed = await CountAsync(store, pushGraph.OriginalString);
            if (inBulk != pushed)
            {
                throw new InvalidOperationException($"The bulk loader stored {inBulk} triples and the push {pushed}.");
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {data.FactCount:N0} | {triples:N0} | {bulk:F1} | {push:F1} | {push / bulk:F2} | {triples / push:N0} | {(peak - heapBefore) / 1e6:F0} | {(double)allocated / triples:F0} |"));
            await store.UpdateAsync($"DROP SILENT GRAPH <{bulkGraph}>", Timeout.InfiniteTimeSpan, CancellationToken.None);

            // A store at rest: what the MOVE and the DROP left to write and compact is done first.
            await server.IsqlAsync("checkpoint;");
            foreach (var depth in (int[])[2, 3])
            {
                pulls.Add(await PullNeighbourhoodAsync(store, graph, pushGraph, data.FactCount, depth));
            }

            await store.UpdateAsync($"DROP SILENT GRAPH <{pushGraph}>", Timeout.InfiniteTimeSpan, CancellationToken.None);
        }

        output.WriteLine();
        output.WriteLine("| N facts | centre | depth | facts within it | entities pulled | pull ms (median of 3) | range ms |");
        output.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        pulls.ForEach(output.WriteLine);
    }

    private static async Task<string> PullNeighbourhoodAsync(SparqlStore store, RuntimeGraph graph, Uri pushed, int facts, int depth)
    {
        var candidates = Enumerable.Range(0, 200).Select(i => graph.ByNumber[(int)((long)i * graph.ByNumber.Count / 200)]);
        var (centre, around) = candidates
            .Select(entity => (Entity: entity, Facts: graph.Around(entity, depth).RelationCount))
            .MinBy(candidate => Math.Abs(candidate.Facts - 1_000));
        var first = await store.PullAroundAsync<NewsGraph>(pushed, centre.Id, depth);
        if (first.RelationCount != around)
        {
            throw new InvalidOperationException($"The neighbourhood of {centre.Id} holds {around} facts; the pull gave {first.RelationCount}.");
        }

        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await store.PullAroundAsync<NewsGraph>(pushed, centre.Id, depth);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {facts:N0} | {centre.Id} | {depth} | {around:N0} | {first.EntityCount:N0} | {times.Order().ElementAt(1):F0} | {times.Min():F0}–{times.Max():F0} |");
    }

    private static async Task<long> CountAsync(SparqlStore store, string graph)
    {
        await foreach (var row in store.SelectAsync($"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))
        {
            return row.GetInt64("n");
        }

        throw new InvalidOperationException("A count without a row.");
    }

    private sealed class Reporter(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
