using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using KnowledgeGraph.Generators.Emitting;
using KnowledgeGraph.Language.Parsing;
using KnowledgeGraph.Language.Validation;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// The generator's three phases on their own, in this process: reading the files, checking the facts, writing the
/// code; each one's time and the bytes it allocates. What the driver's full run is made of, so that a change can be
/// aimed at the phase that costs.
/// </summary>
public static class PhasesMode
{
    private const int Rounds = 5;

    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        // One round on a small model first, so that no measurement pays for the JIT.
        Measure(1_000, TextWriter.Null);

        output.WriteLine("| N facts | read ms | read MB | check ms | check MB | write ms | write MB | generated M chars |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            Measure(size, output);
        }

        output.WriteLine($"Medians of {Rounds} rounds after one unmeasured round; MB allocated on this thread.");
    }

    private static void Measure(int facts, TextWriter output)
    {
        var texts = SyntheticModel.Files(SyntheticModel.Generate(facts))
            .Select(file => (Path: "/model/" + file.Name, Text: SourceText.From(file.Content)))
            .ToArray();
        var rounds = Enumerable.Range(0, Rounds + 1).Select(_ => Round(texts)).Skip(1).ToList();
        double Median(Func<Phases, double> of) => rounds.Select(of).OrderBy(value => value).ElementAt(Rounds / 2);
        output.WriteLine(
            $"| {facts:N0} | {Median(r => r.ReadMs):F0} | {Median(r => r.ReadMB):F0} | {Median(r => r.CheckMs):F0} | {Median(r => r.CheckMB):F0} " +
            $"| {Median(r => r.WriteMs):F0} | {Median(r => r.WriteMB):F0} | {rounds[0].Chars / 1e6:F1} |");
    }

    private static Phases Round((string Path, SourceText Text)[] texts)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var files = texts.Select(file => FileParser.Parse(file.Path, file.Text.ToString(), CancellationToken.None)).ToImmutableArray();
        var (readMs, readBytes) = Lap(clock, ref allocated);
        var graphs = GraphChecker.Check(files, "Model", CancellationToken.None);
        var (checkMs, checkBytes) = Lap(clock, ref allocated);
        var chars = graphs.SelectMany(graph => Emitter.Emit(graph.Model, CancellationToken.None)).Sum(source => (long)source.Source.Length);
        var (writeMs, writeBytes) = Lap(clock, ref allocated);
        return new Phases(readMs, readBytes / 1e6, checkMs, checkBytes / 1e6, writeMs, writeBytes / 1e6, chars);
    }

    private static (double Ms, long Bytes) Lap(Stopwatch clock, ref long allocated)
    {
        var now = GC.GetAllocatedBytesForCurrentThread();
        var lap = (clock.Elapsed.TotalMilliseconds, now - allocated);
        allocated = now;
        clock.Restart();
        return lap;
    }

    private sealed record Phases(double ReadMs, double ReadMB, double CheckMs, double CheckMB, double WriteMs, double WriteMB, long Chars);
}
