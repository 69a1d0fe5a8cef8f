using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// The performance harness. Every mode, with the exact commands behind docs/performance.md:
/// <code>
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --filter '*' --job short   # BenchmarkDotNet
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --filter '*Query*' --sizes 100000 --job short
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --memory [--sizes 1000,100000]
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --compile [--sizes 1000,10000]   # above 10000: set a GC heap limit
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --phases [--sizes 10000,100000]  # the generator's phases, one by one
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --inheritance [--sizes 10000,100000] # types in chains, cycles, forests
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --loading [--sizes 100000,1000000]  # files loaded at run time
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --save [--sizes 100000,1000000]   # GraphView.Save: time, file size, allocations
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --export [--formats nt,graphml] [--sizes 100000,1000000] # Export against a bare writer
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --push [--sizes 1000000]   # SparqlStore.PushAsync against Virtuoso's bulk loader
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --analytics [--sizes 100000,1000000] # PageRank, paths, components, degrees against igraph
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --view [--sizes 19500]   # kg view's largest page in Chromium: first drawing, frames
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --smoke          # CI: every benchmark once, smallest size
/// dotnet run -c Release --project tests/KnowledgeGraph.Benchmarks -- --write-model DIR --facts N [--seed S]
/// </code>
/// <c>--sizes</c> (comma-separated fact counts; type counts for --inheritance) replaces the sizes of every benchmark class; all other
/// arguments go to BenchmarkDotNet.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return Run(args.ToList());
        }
        catch (UsageException error)
        {
            Console.Error.WriteLine("error: " + error.Message);
            return 2;
        }
    }

    private static int Run(List<string> args)
    {
        int[]? sizes = null;
        if (Take(args, "--sizes") is { } sizesText)
        {
            sizes = ParseSizes(sizesText);
            BenchmarkSizes.SetAll(sizes);
        }

        if (TakeFlag(args, "--write-model"))
        {
            return WriteModel(args);
        }

        if (TakeFlag(args, "--memory"))
        {
            MemoryMode.Run(BenchmarkSizes.Materialization, Console.Out);
            return 0;
        }

        if (TakeFlag(args, "--loading"))
        {
            if (args.Count > 0)
            {
                throw new UsageException("--loading takes only --sizes.");
            }

            LoadingMode.Run(sizes ?? [100_000, 1_000_000], Console.Out);
            return 0;
        }

        if (TakeFlag(args, "--phases"))
        {
            if (args.Count > 0)
            {
                throw new UsageException("--phases takes only --sizes.");
            }

            PhasesMode.Run(sizes ?? [10_000, 100_000], Console.Out);
            return 0;
        }

        if (TakeFlag(args, "--inheritance"))
        {
            if (args.Count > 0)
            {
                throw new UsageException("--inheritance takes only --sizes.");
            }

            InheritanceMode.Run(sizes ?? [10_000, 100_000], Console.Out);
            return 0;
        }

        if (TakeFlag(args, "--save"))
        {
            if (args.Count > 0)
            {
                throw new UsageException("--save takes only --sizes.");
            }

            SaveMode.Run(sizes ?? [100_000, 1_000_000], Console.Out);
            return 0;
        }

        if (TakeFlag(args, "--export"))
        {
            var formats = Take(args, "--formats") is { } formatsText ? ParseFormats(formatsText) : [GraphFormat.NTriples, GraphFormat.GraphMl];
            if (args.Count > 0)
            {
                throw new UsageException("--export takes only --formats and --sizes.");
            }

            ExportMode.Run(sizes ?? [100_000, 1_000_000], formats, Console.Out);
            return 0;
        }

        if (TakeFlag(args, "--analytics"))
        {
            if (args.Count > 0)
            {
                throw new UsageException("--analytics takes only --sizes.");
            }

            AnalyticsMode.Run(sizes ?? [100_000, 1_000_000], Console.Out);
            return 0;
        }

        if (TakeFlag(args, "--view"))
        {
            if (args.Count > 0)
            {
                throw new UsageException("--view takes only --sizes.");
            }

            ViewMode.Run(sizes ?? [ViewMode.DefaultFacts], Console.Out);
            return 0;
        }

        if (TakeFlag(args, "--push"))
        {
            if (args.Count > 0)
            {
                throw new UsageException("--push takes only --sizes.");
            }

            PushMode.Run(sizes ?? [1_000_000], Console.Out);
            return 0;
        }

        if (TakeFlag(args, "--compile"))
        {
            if (args.Count > 0)
            {
                throw new UsageException("--compile takes only --sizes.");
            }

            CompileMode.Run(sizes ?? [1_000, 10_000], Console.Out);
            return 0;
        }

        if (TakeFlag(args, "--smoke"))
        {
            return Smoke(args);
        }

        return Succeeded(BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. args], DefaultConfig.Instance));
    }

    /// <summary>
    /// Every benchmark once (BenchmarkDotNet's Dry job, in this process) at the smallest size, the stores' answers
    /// compared, the memory, phases, inheritance, save, export (every format), analytics (against igraph), view (in Chromium)
    /// and compile modes at the smallest size. Asserts answers, never times.
    /// </summary>
    private static int Smoke(List<string> args)
    {
        var clock = Stopwatch.StartNew();
        const int smallest = 1_000;
        BenchmarkSizes.SetAll([smallest]);

        var data = SyntheticModel.Generate(smallest);
        StoreCheck.EnsureAgree(data, new RuntimeGraph(data), new QuikStore(data), new ArrayStore(data));
        if (SyntheticModel.Generate(smallest).Ids.Zip(data.Ids).Any(pair => pair.First != pair.Second)
            || SyntheticModel.FactFile(SyntheticModel.Generate(smallest), 0) != SyntheticModel.FactFile(data, 0))
        {
            throw new InvalidOperationException("The synthetic model is not deterministic.");
        }

        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOption(ConfigOptions.DisableLogFile, true);
        var filter = args.Count > 0 ? args.ToArray() : ["--filter", "*"];
        var ok = Succeeded(BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(filter, config));

        MemoryMode.Run([smallest], Console.Out);
        PhasesMode.Run([smallest], Console.Out);
        InheritanceMode.Run([smallest], Console.Out, smoke: true);
        LoadingMode.Run([smallest], Console.Out);
        SaveMode.Run([smallest], Console.Out);
        ExportMode.Run([smallest], Enum.GetValues<GraphFormat>(), Console.Out);
        AnalyticsMode.Run([smallest], Console.Out);
        ViewMode.Run([smallest], Console.Out);
        CompileMode.Run([smallest], Console.Out, warmUp: false); // a check that it runs, not a measurement
        Console.WriteLine($"Smoke run {(ok == 0 ? "passed" : "FAILED")} in {clock.Elapsed.TotalSeconds:F1} s.");
        return ok;
    }

    private static int Succeeded(IEnumerable<Summary> summaries)
    {
        var all = summaries.ToList();
        if (all.Count == 0)
        {
            Console.Error.WriteLine("No benchmark ran: check the --filter.");
            return 1;
        }

        var failed = all.Where(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)).ToList();
        foreach (var summary in failed)
        {
            Console.Error.WriteLine($"Benchmarks failed in {summary.Title}.");
        }

        return failed.Count == 0 ? 0 : 1;
    }

    private static int WriteModel(List<string> args)
    {
        var directory = Take(args, "--write-model")!;
        if (directory.StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException("--write-model needs a directory: --write-model DIR --facts N [--seed S].");
        }

        var facts = Take(args, "--facts") is { } factsText ? ParseSizes(factsText).Single() : throw new UsageException("--write-model needs --facts N.");
        var seed = Take(args, "--seed") is { } seedText ? ulong.Parse(seedText, CultureInfo.InvariantCulture) : SyntheticModel.DefaultSeed;
        if (args.Count > 0)
        {
            throw new UsageException("Unknown arguments: " + string.Join(" ", args));
        }

        var data = SyntheticModel.Generate(facts, seed);
        var bytes = SyntheticModel.Write(data, directory);
        Console.WriteLine(
            $"Wrote {SyntheticModel.FileCount(facts) + 1} files ({bytes:N0} bytes) to {directory}: {data.EntityCount:N0} entities, {data.RelationCount:N0} relations.");
        return 0;
    }

    private static int[] ParseSizes(string text)
    {
        try
        {
            var sizes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(size => int.Parse(size.Replace("_", ""), NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
                .ToArray();
            return sizes.Length > 0 && sizes.All(size => size >= 100) ? sizes : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new UsageException($"'{text}' is not a list of fact counts of at least 100, such as 1000,100000.");
        }
    }

    private static GraphFormat[] ParseFormats(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length > 0 && names.All(ExportMode.Formats.ContainsKey)
            ? [.. names.Select(name => ExportMode.Formats[name])]
            : throw new UsageException($"'{text}' is not a list of formats such as graphml,gexf (known: {string.Join(", ", ExportMode.Formats.Keys)}).");
    }

    /// <summary>Removes <paramref name="name"/> and the value after it from the arguments; returns the value.</summary>
    private static string? Take(List<string> args, string name)
    {
        var at = args.IndexOf(name);
        if (at < 0)
        {
            return null;
        }

        if (at + 1 >= args.Count)
        {
            throw new UsageException($"{name} needs a value.");
        }

        var value = args[at + 1];
        args.RemoveRange(at, 2);
        return value;
    }

    private static bool TakeFlag(List<string> args, string name)
    {
        var at = args.IndexOf(name);
        if (at < 0)
        {
            return false;
        }

        // --write-model keeps its value for WriteModel to read.
        if (name != "--write-model")
        {
            args.RemoveAt(at);
        }

        return true;
    }

    private sealed class UsageException(string message) : Exception(message);
}
