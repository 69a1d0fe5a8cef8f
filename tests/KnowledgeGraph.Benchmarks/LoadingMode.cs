using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using KnowledgeGraph.Benchmarks.News;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>--loading</c>: loading the synthetic model's files at run time (<c>NewsGraph.Load</c>), against a bare
/// <see cref="Utf8JsonReader"/> pass that reads every token of the same files from disk in the same blocks, in one run;
/// the peak of the GC heap while loading against the loaded graph's own size (what stays reachable after it).
/// </summary>
public static class LoadingMode
{
    private const int Rounds = 3;
    private const int BlockSize = 64 * 1024;

    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        output.WriteLine("| N facts | files MB | reader pass ms | Load ms | Load / reader | graph MB | peak while loading MB | peak / graph |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("kg-loading-").FullName;
            try
            {
                var bytes = SyntheticModel.Write(SyntheticModel.Generate(size), folder);
                var files = Directory.GetFiles(folder, "*.kg.json").Order(StringComparer.Ordinal).ToArray();
                NewsGraph.Load(files); // warm up: JIT, the compiled schema, the file cache
                var reader = Enumerable.Range(0, Rounds).Select(_ => Time(() => ReadEveryToken(files))).Order().ElementAt(Rounds / 2);
                var load = Enumerable.Range(0, Rounds).Select(_ => Time(() => NewsGraph.Load(files))).Order().ElementAt(Rounds / 2);
                var (graph, peak) = Memory(files);
                output.WriteLine(
                    $"| {size:N0} | {MemoryMode.Number(bytes / 1048576.0, 1)} | {reader:F0} | {load:F0} | {load / reader:F2} | "
                    + $"{MemoryMode.Number(graph / 1048576.0, 1)} | {MemoryMode.Number(peak / 1048576.0, 1)} | {(double)peak / graph:F2} |");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static double Time(Action action)
    {
        MemoryMode.FullCollect();
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <returns>Every token's count, so that the pass cannot be optimised away.</returns>
    private static long ReadEveryToken(string[] files)
    {
        long tokens = 0;
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var buffer = new byte[BlockSize];
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var state = new JsonReaderState(options);
            var held = 0;
            var final = false;
            while (!final)
            {
                var read = stream.Read(buffer, held, buffer.Length - held);
                final = read == 0;
                held += read;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, held), final, state);
                while (reader.Read())
                {
                    tokens++;
                }

                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, held - consumed);
                held -= consumed;
                if (held == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }
        }

        return tokens;
    }

    /// <returns>The loaded graph's own size, and the most the GC heap held above where it started while loading.</returns>
    private static (long Graph, long Peak) Memory(string[] files)
    {
        MemoryMode.FullCollect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            do
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - before);
            }
            while (!done.Wait(1));
        });
        sampler.Start();
        var graph = NewsGraph.Load(files);
        done.Set();
        sampler.Join();
        MemoryMode.FullCollect();
        var size = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(graph);
        return (size, peak);
    }
}
