using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>--export</c>: <see cref="GraphView.Export"/> of the synthetic model, in each format asked for, against a bare
/// buffered text writer (a <see cref="StreamWriter"/> with the same encoding and buffer) writing the same text, the
/// export's own output captured once, a line at a time; both to a stream that drops the bytes, in one run. And what the
/// export allocates: per fact, it should not grow with the graph, as nothing of the output is kept.
/// </summary>
public static class ExportMode
{
    private const int Rounds = 3;

    /// <summary>The formats <c>--formats</c> names, by their usual file extensions.</summary>
    public static IReadOnlyDictionary<string, GraphFormat> Formats { get; } = new Dictionary<string, GraphFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["nt"] = GraphFormat.NTriples,
        ["ttl"] = GraphFormat.Turtle,
        ["jsonld"] = GraphFormat.JsonLd,
    };

    public static void Run(IReadOnlyList<int> sizes, IReadOnlyList<string> formats, TextWriter output)
    {
        // JIT everything once on a small model so that no measurement pays for it.
        var warmUp = new RuntimeGraph(SyntheticModel.Generate(1_000));
        foreach (var format in formats)
        {
            Measure(warmUp, format, TextWriter.Null);
        }

        output.WriteLine("| format | N facts | output MB | bare writer ms | Export ms | Export / bare | allocated by Export MB | allocated per fact B |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            var graph = new RuntimeGraph(SyntheticModel.Generate(size));
            foreach (var format in formats)
            {
                Measure(graph, format, output);
            }
        }
    }

    private static void Measure(RuntimeGraph graph, string format, TextWriter output)
    {
        var graphFormat = Formats[format];
        var (text, lineEnds) = Capture(graph, graphFormat);

        var bare = new List<double>();
        var export = new List<double>();
        var allocated = long.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            bare.Add(Time(() => WriteLines(text, lineEnds)));
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            export.Add(Time(() => graph.Export(Stream.Null, graphFormat)));
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        }

        var bareMs = Median(bare);
        var exportMs = Median(export);
        var facts = graph.Relations<Relation>().Count;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {format} | {facts:N0} | {Encoding.UTF8.GetByteCount(text) / 1e6:F1} | {bareMs:F0} | {exportMs:F0} | {exportMs / bareMs:F2} | {allocated / 1e6:F1} | {(double)allocated / facts:F0} |"));
    }

    /// <summary>The export's text, and where each of its lines ends.</summary>
    private static (char[] Text, int[] LineEnds) Capture(GraphView graph, GraphFormat format)
    {
        using var stream = new MemoryStream();
        graph.Export(stream, format);
        var text = Encoding.UTF8.GetChars(stream.GetBuffer(), 0, (int)stream.Length);
        var lineEnds = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineEnds.Add(i + 1);
            }
        }

        return (text, [.. lineEnds]);
    }

    /// <summary>What the bare writer does: the same text, a line at a time, UTF-8 without a byte order mark, a 64 KB buffer.</summary>
    private static void WriteLines(char[] text, int[] lineEnds)
    {
        using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        var start = 0;
        foreach (var end in lineEnds)
        {
            writer.Write(text.AsSpan(start, end - start));
            start = end;
        }

        writer.Write(text.AsSpan(start));
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
}
