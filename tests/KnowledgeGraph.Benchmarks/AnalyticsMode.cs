using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>--analytics</c>: the runtime's analyses against igraph's C core (Debian's <c>python3-igraph</c>, what data
/// people run them with) on the same synthetic model, in one run. One Python process serves the whole run: it loads
/// each size's graph once, then runs one analysis a request and times it with <c>time.perf_counter</c> (loading and
/// the request itself excluded); ours is timed with a <see cref="Stopwatch"/>, building the graph excluded. For each
/// analysis both sides make one untimed call, whose answers are compared, then take turns, a call each, for several
/// rounds (5 up to 100,000 facts, 3 above), so that both see the same load; the medians are kept. Ours also runs every
/// analysis over and over on a 1,000-fact graph for a second beforehand, so that no call is timed before the JIT has
/// finished, and collects the garbage of the call before each timed call (not timed); what a call allocates is shown.
/// igraph runs on one thread (<c>OMP_NUM_THREADS=1</c>), as ours does: Debian builds it with OpenMP, and on a busy
/// machine its PageRank then took anything from 4 to 100 ms for the same call at 100,000 facts; on one thread it does not.
/// </summary>
/// <remarks>
/// <para>
/// igraph gets the graph as the parity tests (tests/KnowledgeGraph.Tests/Queries/IgraphParityTests.cs) hand it over:
/// vertex i is the i-th entity of <c>Entities&lt;Entity&gt;()</c>, an edge list of one line per fact from → to
/// (a symmetric fact both ways, so igraph would count it twice in a degree where ours counts it once: the synthetic
/// model has none), read with <c>Read_Edgelist</c> as a directed graph for
/// <see cref="PathDirection.Forward"/>, and as an undirected graph of one edge per fact (<c>as_undirected(mode="each")</c>)
/// for <see cref="PathDirection.Any"/>.
/// </para>
/// <para>What is compared, and the check that the answers agree (a failed check fails the mode after the table):</para>
/// <list type="bullet">
/// <item>PageRank: <c>PageRank(0.85, Forward)</c> against <c>g.pagerank(damping=0.85, directed=True)</c>. Both count a
/// parallel fact once each (two facts from a to b hand b two shares of a's score) and hand a dead end's
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
    /// Reads one request a line (JSON): a graph to load, or an analysis to run once on it. Answers one line (JSON): the
    /// time in ms, and when asked for, what the check needs (the PageRank scores as doubles and the degree order as
    /// int32s go to the file the request names).
    /// </summary>
    private const string Script = """
        import array, json, sys, time
        import igraph

        def degree_ranking(ask):
            deg = g.degree()
            return sorted(range(g.vcount()), key=lambda v: -deg[v])

        analyses = {
            "pagerank": lambda ask: g.pagerank(damping=0.85, directed=True),
            "distancesForward": lambda ask: g.distances(source=[ask["source"]], mode="out"),
            "distancesAny": lambda ask: u.distances(source=[ask["source"]], mode="all"),
            "pathForward": lambda ask: g.get_shortest_paths(ask["source"], to=[ask["target"]], mode="out", output="vpath"),
            "pathAny": lambda ask: u.get_shortest_paths(ask["source"], to=[ask["target"]], mode="all", output="vpath"),
            "components": lambda ask: g.connected_components(mode="weak"),
            "degree": degree_ranking,
        }

        def write(path, kind, values):
            with open(path, "wb") as file:
                array.array(kind, values).tofile(file)

        def reached(rows):
            distances = [d for d in rows[0] if d != float("inf")]
            return [len(distances), int(sum(distances))]

        checks = {
            "pagerank": lambda ask, scores: write(ask["file"], "d", scores),
            "distancesForward": lambda ask, rows: reached(rows),
            "distancesAny": lambda ask, rows: reached(rows),
            "pathForward": lambda ask, paths: len(paths[0]) - 1,
            "pathAny": lambda ask, paths: len(paths[0]) - 1,
            "components": lambda ask, components: [len(components), max(components.sizes())],
            "degree": lambda ask, order: write(ask["file"], "i", order),
        }

        for line in sys.stdin:
            ask = json.loads(line)
            if "edges" in ask:
                g = igraph.Graph.Read_Edgelist(ask["edges"], directed=True)
                if g.vcount() < ask["entities"]:
                    g.add_vertices(ask["entities"] - g.vcount())  # entities after the last one a fact names
                u = g.as_undirected(mode="each")
                print("{}", flush=True)
                continue
            start = time.perf_counter()
            result = analyses[ask["analysis"]](ask)
            answer = {"ms": (time.perf_counter() - start) * 1000}
            if ask.get("check"):
                answer["check"] = checks[ask["analysis"]](ask, result)
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
        var edges = Path.GetTempFileName();
        var file = Path.GetTempFileName();
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

            igraph.Ask(new JsonObject { ["edges"] = edges, ["entities"] = entities.Length });
            var rows = new List<Row>();

            // Each measures both sides, then checks ours (from the untimed call) against igraph's check answer.
            Row Compare<T>(string analysis, string name, JsonObject parameters, Func<T> ours, Func<T, JsonNode?, (bool Agrees, string Check)> check)
            {
                parameters["analysis"] = name;
                var result = ours();
                var answer = igraph.Ask(Check(parameters));
                var oursMs = new double[rounds];
                var igraphMs = new double[rounds];
                var allocated = long.MaxValue;
                for (var round = 0; round < rounds; round++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    var clock = Stopwatch.StartNew();
                    ours();
                    oursMs[round] = clock.Elapsed.TotalMilliseconds;
                    allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
                    igraphMs[round] = igraph.Ask(parameters)["ms"]!.GetValue<double>();
                }

                var (agrees, text) = check(result, answer["check"]);
                return new Row(analysis, Median(oursMs), Median(igraphMs), allocated, agrees, text);
            }

            JsonObject Check(JsonObject parameters)
            {
                var asked = (JsonObject)parameters.DeepClone();
                asked["check"] = true;
                asked["file"] = file;
                return asked;
            }

            rows.Add(Compare("PageRank (Forward)", "pagerank", [], () => graph.PageRank(0.85, PathDirection.Forward), (ranks, _) =>
            {
                var theirs = MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(file)).ToArray();
                if (theirs.Length != entities.Length)
                {
                    return (false, $"igraph scored {theirs.Length:N0} vertices, not {entities.Length:N0}");
                }

                var difference = ranks.Max(score => Math.Abs(score.Score - theirs[vertex[score.Entity]]));
                return (difference < 1e-6, string.Create(CultureInfo.InvariantCulture, $"max difference {difference:G2}"));
            }));

            foreach (var direction in new[] { PathDirection.Forward, PathDirection.Any })
            {
                rows.Add(Compare(
                    $"Distances from one entity ({direction})", "distances" + direction, new JsonObject { ["source"] = vertex[source] },
                    () => graph.Distances(source, direction),
                    (distances, theirs) =>
                    {
                        int[] ours = [distances.Count, distances.Sum(distance => distance.Distance)];
                        var (count, sum) = (theirs![0]!.GetValue<int>(), theirs[1]!.GetValue<int>());
                        return (ours[0] == count && ours[1] == sum, $"reached {ours[0]:N0} / {count:N0}, distance sum {ours[1]:N0} / {sum:N0}");
                    }));

                // The entity farthest from the start in this direction: the last one Distances lists.
                var target = graph.Distances(source, direction)[^1].Entity;
                rows.Add(Compare(
                    $"ShortestPath, one pair ({direction})", "path" + direction, new JsonObject { ["source"] = vertex[source], ["target"] = vertex[target] },
                    () => graph.ShortestPath(source, target, direction),
                    (path, theirs) =>
                    {
                        var (length, theirLength) = (path?.Count ?? -1, theirs!.GetValue<int>());
                        return (length == theirLength, $"length {length} / {theirLength}");
                    }));
            }

            rows.Add(Compare("ConnectedComponents (weak)", "components", [], graph.ConnectedComponents, (components, theirs) =>
            {
                var (count, largest) = (theirs![0]!.GetValue<int>(), theirs[1]!.GetValue<int>());
                return (components.Count == count && components[0].Count == largest,
                    $"{components.Count:N0} / {count:N0} components, largest {components[0].Count:N0} / {largest:N0}");
            }));

            rows.Add(Compare("DegreeCentrality (ranking)", "degree", [], graph.DegreeCentrality, (degrees, _) =>
            {
                var theirs = MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(file)).ToArray();
                var same = degrees.Select(score => vertex[score.Entity]).SequenceEqual(theirs);
                return (same, same ? "same order" : "the orders differ");
            }));

            return rows;
        }
        finally
        {
            File.Delete(edges);
            File.Delete(file);
        }
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
            start.Environment["OMP_NUM_THREADS"] = "1";
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
            try
            {
                _process.StandardInput.WriteLine(request.ToJsonString());
                _process.StandardInput.Flush();
                if (_process.StandardOutput.ReadLine() is { } line)
                {
                    return JsonNode.Parse(line)!;
                }
            }
            catch (IOException)
            {
                // The process has ended (a broken pipe): its standard error says why.
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
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Ended already: the exception that says why is on its way.
            }

            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
