using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace KnowledgeGraph.Generators.Tests.Fuzzing;

/// <summary>What a run of many inputs found, with each failing input written out to be made a regression test.</summary>
internal sealed record FuzzReport(int Inputs, int Planned, TimeSpan Took, TimeSpan Cpu, long Diagnostics, FuzzOutcome Slowest, IReadOnlyList<FuzzOutcome> Failures, string FailureFolder)
{
    /// <summary>How many failing inputs broke each rule (an input that breaks two counts under both).</summary>
    public IEnumerable<(string Kind, int Inputs)> FailuresByKind =>
        Failures.SelectMany(f => f.Problems.Select(p => p.Kind).Distinct())
            .GroupBy(kind => kind, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Count()))
            .OrderByDescending(group => group.Item2)
            .ThenBy(group => group.Key, StringComparer.Ordinal);

    public string Summary()
    {
        var text = new StringBuilder()
            .AppendLine($"{Inputs} inputs{(Inputs < Planned ? $" (of {Planned}: the time budget ran out)" : "")} in {Took.TotalSeconds:0.0} s ({Cpu.TotalSeconds:0.0} s of processor time, other tests' included); {Diagnostics} KG diagnostics; slowest input {Slowest.Took.TotalSeconds:0.00} s ({Slowest.Input.Name})")
            .AppendLine($"{Failures.Count} inputs failed");
        foreach (var (kind, inputs) in FailuresByKind)
        {
            text.AppendLine($"  {inputs,6}  {kind}");
        }

        return text.ToString();
    }

    /// <summary>The summary, then every failing input with its first problem and where it was written.</summary>
    public string FailureMessage()
    {
        var text = new StringBuilder(Summary()).AppendLine($"Failing inputs (each written under {FailureFolder}):");
        foreach (var failure in Failures)
        {
            var more = failure.Problems.Count > 1 ? $" (+{failure.Problems.Count - 1} more)" : "";
            text.AppendLine($"- {failure.Input.Name}: {failure.Problems[0]}{more}");
        }

        return text.ToString();
    }
}

/// <summary>Runs inputs through <see cref="FuzzOracle"/> on every core.</summary>
internal static class FuzzRun
{
    /// <param name="budget">When given, no input starts once it is spent; the report counts the inputs that ran.</param>
    public static FuzzReport Check(string runName, IReadOnlyList<FuzzInput> inputs, TimeSpan? budget = null)
    {
        var results = Path.Combine(AppContext.BaseDirectory, "fuzz-results", runName);
        var folder = Path.Combine(results, "failures");
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var ran = new FuzzOutcome?[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, loop) =>
        {
            if (watch.Elapsed > budget)
            {
                loop.Stop();
                return;
            }

            ran[i] = FuzzOracle.Check(inputs[i]);
        });
        var took = watch.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        var outcomes = ran.OfType<FuzzOutcome>().ToList();
        var failures = outcomes.Where(o => o.Problems.Count > 0).ToList();
        for (var i = 0; i < failures.Count; i++)
        {
            WriteOut(failures[i], Path.Combine(folder, $"{i + 1:0000}-{FileName(failures[i].Input.Name, 60)}"));
        }

        var report = new FuzzReport(outcomes.Count, inputs.Count, took, cpu, outcomes.Sum(o => (long)o.Diagnostics), outcomes.MaxBy(o => o.Took)!, failures, folder);
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "summary.txt"), report.FailureMessage());
        File.WriteAllLines(Path.Combine(results, "times.tsv"), outcomes.Select(o => $"{o.Took.TotalMilliseconds:0}\t{o.Diagnostics}\t{o.Problems.Count}\t{o.Input.Name}"));
        return report;
    }

    // No byte order mark, and U+FFFD for a lone surrogate instead of an exception.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The input's files as they were built, and every problem in problems.txt.</summary>
    private static void WriteOut(FuzzOutcome failure, string folder)
    {
        Directory.CreateDirectory(folder);
        var problems = new StringBuilder()
            .AppendLine(failure.Input.Name)
            .AppendLine($"root namespace: {failure.Input.RootNamespace ?? "(none)"}");
        for (var i = 0; i < failure.Input.Files.Length; i++)
        {
            var file = failure.Input.Files[i];
            var name = $"{i + 1}-{FileName(Path.GetFileName(file.Path), 60)}";
            File.WriteAllText(Path.Combine(folder, name.EndsWith(".kg.json", StringComparison.OrdinalIgnoreCase) ? name : name + ".kg.json"), file.Content, Utf8);
            problems.AppendLine($"file {name}: built as '{file.Path}'");
            if (HasLoneSurrogate(file.Content))
            {
                problems.AppendLine("  it holds a lone surrogate character, which UTF-8 cannot hold: the file has U+FFFD in its place");
            }
        }

        foreach (var problem in failure.Problems)
        {
            problems.AppendLine(problem.Detail);
        }

        File.WriteAllText(Path.Combine(folder, "problems.txt"), problems.ToString());
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name safe on every file system: letters, digits, '-', '.' and '_' only, cut to <paramref name="length"/>.</summary>
    private static string FileName(string name, int length)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray());
        return safe.Length > length ? safe[..length] : safe;
    }
}
