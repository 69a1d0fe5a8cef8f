using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>--analytics</c>: the runtime's analyses against igraph's C core (Debian's <c>python3-igraph</c>, what data
/// people run them with) on the same synthetic model, in one run: one Python process for the whole run, which loads
/// each size's graph once and times each analysis there with <c>time.perf_counter</c>, loading excluded; ours is timed
/// with a <see cref="Stopwatch"/>, building the graph excluded. Each side makes one untimed call of every analysis
/// first, then the median of several calls is kept (5 up to 100,000 facts, 3 above); ours also runs every analysis over
/// and over on a 1,000-fact graph for a second beforehand, so that no call is timed before the JIT has finished.
/// Before each of our calls the garbage of the one before is collected (not timed); what a call allocates is shown.
/// </summary>
/// <remarks>
/// <para>
/// igraph gets the graph as the parity tests (tests/KnowledgeGraph.Tests/Queries/IgraphParityTests.cs) hand it over:
/// vertex i is the i-th entity of <c>Entities&lt;Entity&gt;()</c>, an edge list of one line per fact from → to
/// (a symmetric fact both ways; the synthetic model has none), read with <c>Read_Edgelist</c> as a directed graph for
/// <see cref="PathDirection.Forward"/>, and as an undirected graph of one edge per fact (<c>as_undirected(mode="each")</c>)
/// for <see cref="PathDirection.Any"/>.
/// </para>
/// <para>What is compared, and the check that the answers agree (a failed check fails the mode after the table):</para>
/// <list type="bullet">
/// <item>PageRank: <c>PageRank(0.85, Forward)</c> against <c>g.pagerank(damping=0.85, directed=True)</c>. Both count a
/// parallel fact once each (a link each, so two facts from a to b send a twice the share of one) and hand a dead end's
/// share (an entity no fact leaves) to every entity alike. Every entity's score agrees within 1e-6; the largest
/// difference is shown.</item>
/// <item>Distances: <c>Distances(first person, direction)</c> against <c>distances(source=[v], mode="out")</c> on the
/// directed graph (Forward) or <c>mode="all"</c> on the undirected one (Any): as many entities reached, with the same
/// sum of distances.</item>
/// <item>One shortest path: <c>ShortestPath(from, to, direction)</c> against <c>get_shortest_paths(v, to=[w], ...)</c>,
/// from the first person to the entity farthest from it in that direction (the last one <c>Distances</c> lists): the
/// same length.</item>
/// <item>Weakly connected components: <c>ConnectedComponents()</c> against <c>connected_components(mode="weak")</c>:
/// as many components, the largest of one size.</item>
/// <item>Degree ranking: <c>DegreeCentrality()</c> (every entity by its number of facts, highest first, ties in file
/// order) against <c>g.degree()</c> sorted as a Python user would, <c>sorted(range(n), key=lambda v: -deg[v])</c>
/// (stable, so ties in vertex order): the same order, entity by entity.</item>
/// </list>
/// </remarks>
public static class AnalyticsMode
{
    // Debian's own Python, where python3-igraph installs, whatever python3 comes first on PATH.
    private const string Python = "/usr/bin/python3";
    private const string Package = "python3-igraph";

    /// <summary>
    /// Reads one request a line (JSON) on standard input, answers one line (JSON) of timings in ms and checks; writes
    /// the PageRank scores (doubles) and the degree order (int32s) to the files the request names.
    /// </summary>
    private const string Script = """
        import array, json, sys, time
        import igraph

        def timed(rounds, run):
            result = run()  # one untimed call, as on the other side
            times = []
            for _ in range(rounds):
                start = time.perf_counter()
                result = run()
                times.append((time.perf_counter() - start) * 1000)
            return times, result

        for line in sys.stdin:
            ask = json.loads(line)
            n, rounds, source = ask["entities"], ask["rounds"], ask["source"]
            g = igraph.Graph.Read_Edgelist(ask["edges"], directed=True)
            if g.vcount() < n:
                g.add_vertices(n - g.vcount())  # entities after the last one a fact names
            u = g.as_undirected(mode="each")
            answer = {}

            answer["pagerank"], ranks = timed(rounds, lambda: g.pagerank(damping=0.85, directed=True))
            with open(ask["pagerankFile"], "wb") as file:
                array.array("d", ranks).tofile(file)

            for name, graph, mode in (("Forward", g, "out"), ("Any", u, "all")):
                answer["distances" + name], rows = timed(rounds, lambda: graph.distances(source=[source], mode=mode))
                reached = [d for d in rows[0] if d != float("inf")]
                answer["reached" + name] = [len(reached), int(sum(reached))]
                target = ask["target" + name]
                answer["path" + name], paths = timed(rounds, lambda: graph.get_shortest_paths(source, to=[target], mode=mode, output="vpath"))
                answer["pathLength" + name] = len(paths[0]) - 1

            answer["components"], components = timed(rounds, lambda: g.connected_components(mode="weak"))
            answer["componentCounts"] = [len(components), max(components.sizes())]

            def degree_ranking():
                deg = g.degree()
                return sorted(range(g.vcount()), key=lambda v: -deg[v])
            answer["degree"], order = timed(rounds, degree_ranking)
            with open(ask["degreeFile"], "wb") as file:
                array.array("i", order).tofile(file)

            print(json.dumps(answer), flush=True)
        """;

    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        using var igraph = IgraphProcess.Start();
        WarmUp();
        output.WriteLine("| N facts | analysis | ours ms | igraph ms | ours / igraph | check | ours allocated MB |");
        output.WriteLine("| ---: | --- | ---: | ---: | ---: | --- | ---: |");
        var failures = new List<string>();
        foreach (var size in sizes)
        {
            foreach (var row in Measure(SyntheticModel.Generate(size), size <= 100_000 ? 5 : 3, igraph))
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {size:N0} | {row.Analysis} | {row.Ours:F2} | {row.Igraph:F2} | {row.Ours / row.Igraph:F2} | {row.Check} | {row.Allocated / 1e6:F2} |"));
                if (!row.Agrees)
                {
                    failures.Add($"{size:N0} facts, {row.Analysis}: {row.Check}");
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException("The runtime and igraph disagree:\n" + string.Join("\n", failures));
        }
    }

    private static void WarmUp()
    {
        var small = new RuntimeGraph(SyntheticModel.Generate(1_000));
        var (from, to) = (small.ByNumber[0], small.ByNumber[^1]);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            small.PageRank(0.85, PathDirection.Forward);
            small.Distances(from, PathDirection.Forward);
            small.Distances(from, PathDirection.Any);
            small.ShortestPath(from, to, PathDirection.Forward);
            small.ShortestPath(from, to, PathDirection.Any);
            small.ConnectedComponents();
            small.DegreeCentrality();
        }
    }

    private static List<Row> Measure(SyntheticData data, int rounds, IgraphProcess igraph)
    {
        var graph = new RuntimeGraph(data);
        var entities = graph.Entities<Entity>().ToArray();
        var vertex = new Dictionary<Entity, int>(entities.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < entities.Length; i++)
        {
            vertex.Add(entities[i], i);
        }

        var source = graph.ByNumber[data.PathEnds.From];
        var targets = new Dictionary<PathDirection, Entity>
        {
            [PathDirection.Forward] = graph.Distances(source, PathDirection.Forward)[^1].Entity,
            [PathDirection.Any] = graph.Distances(source, PathDirection.Any)[^1].Entity,
        };

        var edges = Path.GetTempFileName();
        var pagerankFile = Path.GetTempFileName();
        var degreeFile = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(edges, append: false, new UTF8Encoding(false), 1 << 16))
            {
                foreach (var relation in graph.Relations<Relation>())
                {
                    var (from, to) = (vertex[relation.From], vertex[relation.To]);
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{from} {to}\n"));
                    if (relation.IsSymmetric)
                    {
                        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{to} {from}\n"));
                    }
                }
            }

            var answer = igraph.Ask(new JsonObject
            {
                ["edges"] = edges,
                ["entities"] = entities.Length,
                ["rounds"] = rounds,
                ["source"] = vertex[source],
                ["targetForward"] = vertex[targets[PathDirection.Forward]],
                ["targetAny"] = vertex[targets[PathDirection.Any]],
                ["pagerankFile"] = pagerankFile,
                ["degreeFile"] = degreeFile,
            });
            double IgraphMedian(string name) => Median(answer[name]!.AsArray().Select(time => time!.GetValue<double>()));
            int[] Ints(string name) => [.. answer[name]!.AsArray().Select(value => value!.GetValue<int>())];

            var rows = new List<Row>();

            var (pagerankMs, pagerankBytes, ranks) = Time(rounds, () => graph.PageRank(0.85, PathDirection.Forward));
            var theirRanks = MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(pagerankFile)).ToArray();
            var difference = theirRanks.Length == entities.Length
                ? ranks.Max(score => Math.Abs(score.Score - theirRanks[vertex[score.Entity]]))
                : double.PositiveInfinity;
            rows.Add(new Row(
                "PageRank (Forward)", pagerankMs, IgraphMedian("pagerank"), pagerankBytes, difference < 1e-6,
                theirRanks.Length == entities.Length
                    ? string.Create(CultureInfo.InvariantCulture, $"max difference {difference:G2}")
                    : $"igraph scored {theirRanks.Length:N0} vertices, not {entities.Length:N0}"));

            foreach (var direction in new[] { PathDirection.Forward, PathDirection.Any })
            {
                var (distancesMs, distancesBytes, distances) = Time(rounds, () => graph.Distances(source, direction));
                int[] ours = [distances.Count, distances.Sum(distance => distance.Distance)];
                var theirs = Ints("reached" + direction);
                rows.Add(new Row(
                    $"Distances from one entity ({direction})", distancesMs, IgraphMedian("distances" + direction), distancesBytes, ours.SequenceEqual(theirs),
                    $"reached {ours[0]:N0} / {theirs[0]:N0}, distance sum {ours[1]:N0} / {theirs[1]:N0}"));

                var target = targets[direction];
                var (pathMs, pathBytes, path) = Time(rounds, () => graph.ShortestPath(source, target, direction));
                var length = path?.Count ?? -1;
                var theirLength = answer["pathLength" + direction]!.GetValue<int>();
                rows.Add(new Row(
                    $"ShortestPath, one pair ({direction})", pathMs, IgraphMedian("path" + direction), pathBytes, length == theirLength,
                    $"length {length} / {theirLength}"));
            }

            var (componentsMs, componentsBytes, components) = Time(rounds, graph.ConnectedComponents);
            int[] ourComponents = [components.Count, components[0].Count];
            var theirComponents = Ints("componentCounts");
            rows.Add(new Row(
                "ConnectedComponents (weak)", componentsMs, IgraphMedian("components"), componentsBytes, ourComponents.SequenceEqual(theirComponents),
                $"{ourComponents[0]:N0} / {theirComponents[0]:N0} components, largest {ourComponents[1]:N0} / {theirComponents[1]:N0}"));

            var (degreeMs, degreeBytes, degrees) = Time(rounds, graph.DegreeCentrality);
            var theirOrder = MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(degreeFile)).ToArray();
            var sameOrder = degrees.Select(score => vertex[score.Entity]).SequenceEqual(theirOrder);
            rows.Add(new Row(
                "DegreeCentrality (ranking)", degreeMs, IgraphMedian("degree"), degreeBytes, sameOrder,
                sameOrder ? "same order" : "the orders differ"));

            return rows;
        }
        finally
        {
            File.Delete(edges);
            File.Delete(pagerankFile);
            File.Delete(degreeFile);
        }
    }

    /// <summary>One untimed call, then the median of <paramref name="rounds"/> timed ones, each after a full collection.</summary>
    private static (double Median, long Allocated, T Result) Time<T>(int rounds, Func<T> run)
    {
        var result = run();
        var times = new double[rounds];
        var allocated = long.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            result = default!;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            result = run();
            times[round] = clock.Elapsed.TotalMilliseconds;
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        }

        return (Median(times), allocated, result);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Row(string Analysis, double Ours, double Igraph, long Allocated, bool Agrees, string Check);

    /// <summary>The one Python process of a run, with igraph imported; a missing Python or igraph names the package.</summary>
    private sealed class IgraphProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _error = new();

        private IgraphProcess(Process process)
        {
            _process = process;
            _process.ErrorDataReceived += (_, line) =>
            {
                lock (_error)
                {
                    _error.AppendLine(line.Data);
                }
            };
            _process.BeginErrorReadLine();
        }

        public static IgraphProcess Start()
        {
            var start = new ProcessStartInfo(Python)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Script);
            try
            {
                return new IgraphProcess(Process.Start(start) ?? throw new Win32Exception());
            }
            catch (Win32Exception)
            {
                throw new InvalidOperationException($"'{Python}' is not installed: install the Debian packages python3 and {Package} (tests/test.sh installs them, as root).");
            }
        }

        public JsonNode Ask(JsonObject request)
        {
            _process.StandardInput.WriteLine(request.ToJsonString());
            _process.StandardInput.Flush();
            if (_process.StandardOutput.ReadLine() is { } line)
            {
                return JsonNode.Parse(line)!;
            }

            _process.WaitForExit();
            string error;
            lock (_error)
            {
                error = _error.ToString();
            }

            throw new InvalidOperationException(error.Contains("ModuleNotFoundError", StringComparison.Ordinal)
                ? $"Python cannot import igraph: install the Debian package {Package} (tests/test.sh installs it, as root).\n{error}"
                : $"igraph's Python process failed with exit code {_process.ExitCode}:\n{error}");
        }

        public void Dispose()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
