using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>--export</c>: <see cref="GraphView.Export"/> on the synthetic model, in each format asked for, against writing the
/// same text with a bare buffered writer, in one run. The export goes to <see cref="Stream.Null"/>. The baseline writes
/// the export's text (made once beforehand, one string) a line a call through a <see cref="StreamWriter"/> with a
/// 64 KB buffer to <see cref="Stream.Null"/>: what writing the bytes costs when the text is ready, UTF-8 encoding
/// included. The same bytes copied through a 64 KB <see cref="BufferedStream"/> a line a call, with no text to encode,
/// are shown too: the floor of any writer. After a warm-up of each, the three take turns for several rounds and the
/// medians are kept. What one export allocates, per fact, shows whether memory grows with the output.
/// </summary>
public static class ExportMode
{
    private const int Rounds = 5;
    private const int BufferSize = 64 * 1024;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The formats by the names <c>--formats</c> takes: the enum's names and the files' usual extensions.</summary>
    public static readonly IReadOnlyDictionary<string, GraphFormat> Formats = new Dictionary<string, GraphFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["graphml"] = GraphFormat.GraphMl,
        ["gexf"] = GraphFormat.Gexf,
        ["nt"] = GraphFormat.NTriples,
        ["ntriples"] = GraphFormat.NTriples,
        ["ttl"] = GraphFormat.Turtle,
        ["turtle"] = GraphFormat.Turtle,
        ["jsonld"] = GraphFormat.JsonLd,
        ["dot"] = GraphFormat.Dot,
        ["mermaid"] = GraphFormat.Mermaid,
    };

    public static void Run(IReadOnlyList<int> sizes, IReadOnlyList<GraphFormat> formats, TextWriter output)
    {
        // JIT everything once on a small model so that no measurement pays for it.
        var small = new RuntimeGraph(SyntheticModel.Generate(1_000));
        foreach (var format in formats)
        {
            Measure(small, 1_000, format, TextWriter.Null);
        }

        output.WriteLine($"| format | N facts | output MB | export to a null stream ms (median of {Rounds}) | the same text, buffered text writer ms | ratio | the same bytes, buffered stream ms | export MB/s | allocated per fact B |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            var data = SyntheticModel.Generate(size);
            var graph = new RuntimeGraph(data);
            foreach (var format in formats)
            {
                Measure(graph, data.FactCount, format, output);
            }
        }
    }

    private static void Measure(RuntimeGraph graph, int facts, GraphFormat format, TextWriter output)
    {
        byte[] bytes;
        using (var captured = new MemoryStream())
        {
            graph.Export(captured, format);
            bytes = captured.ToArray();
        }

        var lines = LineEnds(bytes);
        var text = Encoding.UTF8.GetString(bytes); // one string, not one a line: millions of them would slow every collection
        var textLines = LineEnds(text);
        graph.Export(Stream.Null, format);
        WriteText(text, textLines);
        WriteBytes(bytes, lines);

        var exports = new double[Rounds];
        var texts = new double[Rounds];
        var copies = new double[Rounds];
        var allocated = long.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            graph.Export(Stream.Null, format);
            exports[round] = clock.Elapsed.TotalMilliseconds;
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);

            clock.Restart();
            WriteText(text, textLines);
            texts[round] = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            WriteBytes(bytes, lines);
            copies[round] = clock.Elapsed.TotalMilliseconds;
        }

        var export = Median(exports);
        var baseline = Median(texts);
        var megabytes = bytes.Length / 1e6;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {format} | {facts:N0} | {megabytes:F1} | {export:F0} | {baseline:F0} | {export / baseline:F2} | {Median(copies):F0} | {megabytes / (export / 1000):F0} | {(double)allocated / facts:F0} |"));
    }

    /// <summary>Where each line of the output ends (after its line feed), for the baseline to write a line a call.</summary>
    private static int[] LineEnds(byte[] bytes)
    {
        var ends = new List<int>();
        var span = bytes.AsSpan();
        for (var at = 0; at < bytes.Length;)
        {
            var next = span[at..].IndexOf((byte)'\n');
            at = next < 0 ? bytes.Length : at + next + 1;
            ends.Add(at);
        }

        return [.. ends];
    }

    private static int[] LineEnds(string text)
    {
        var ends = new List<int>();
        for (var at = 0; at < text.Length;)
        {
            var next = text.IndexOf('\n', at);
            at = next < 0 ? text.Length : next + 1;
            ends.Add(at);
        }

        return [.. ends];
    }

    private static void WriteText(string text, int[] lineEnds)
    {
        using var writer = new StreamWriter(Stream.Null, s_utf8, BufferSize);
        var start = 0;
        foreach (var end in lineEnds)
        {
            writer.Write(text.AsSpan(start, end - start));
            start = end;
        }
    }

    private static void WriteBytes(byte[] bytes, int[] lineEnds)
    {
        using var writer = new BufferedStream(Stream.Null, BufferSize);
        var start = 0;
        foreach (var end in lineEnds)
        {
            writer.Write(bytes, start, end - start);
            start = end;
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
