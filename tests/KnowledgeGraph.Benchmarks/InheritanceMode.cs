using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using KnowledgeGraph.Language.Validation;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>--inheritance</c>: the generator's full run (a fresh driver, in memory) on schemas of N types linked by
/// <c>extends</c>: one chain, one cycle, and a forest of short chains, of entity types and of relation types.
/// Resolving the types must grow with N, not with N times the depth.
/// </summary>
public static class InheritanceMode
{
    /// <summary>The types of one tree of the forest: shallow, as real schemas are.</summary>
    public const int ForestDepth = 10;

    private const int Rounds = 3;

    // A forest of 100k types takes minutes a run, most of it in Roslyn adding 100k generated files (see docs/performance.md).
    private const int OneRoundFrom = 100_000;

    public enum Shape
    {
        Chain,
        Cycle,
        Forest,
    }

    /// <summary>The runs measured: every shape, of entity types and of relation types.</summary>
    public static IEnumerable<(Shape Shape, bool Relations)> Cases =>
        from relations in new[] { false, true }
        from shape in Enum.GetValues<Shape>()
        select (shape, relations);

    public static void Run(IReadOnlyList<int> sizes, TextWriter output, bool smoke = false)
    {
        // One unmeasured round of every case first, so that no measurement pays for the JIT.
        foreach (var (shape, relations) in Cases)
        {
            Generate(shape, relations, 200);
        }

        output.WriteLine("| N types | kind | shape | ms | diagnostics | types generated |");
        output.WriteLine("| ---: | --- | --- | ---: | --- | ---: |");
        foreach (var size in sizes)
        {
            foreach (var (shape, relations) in Cases)
            {
                var runs = Enumerable.Range(0, smoke || size >= OneRoundFrom ? 1 : Rounds).Select(_ => Generate(shape, relations, size)).ToList();
                var run = runs[0];
                if (smoke)
                {
                    Check(shape, relations, size, run);
                }

                var median = runs.Select(r => r.Milliseconds).OrderBy(ms => ms).ElementAt(runs.Count / 2);
                output.WriteLine(
                    $"| {size:N0} | {(relations ? "relation" : "entity")} | {shape.ToString().ToLowerInvariant()} | {median:F0} | {run.Diagnostics} | {run.Types:N0} |");
            }
        }

        output.WriteLine(smoke
            ? "One run each; checked for the expected diagnostics."
            : $"Medians of {Rounds} runs (one run from {OneRoundFrom:N0} types) after one unmeasured round.");
    }

    /// <summary>
    /// The schema of <paramref name="types"/> types of one kind: each type <c>T{i}</c> (or <c>r{i}</c>) declares a
    /// property of its own and extends the one before it, except the first of a chain, or of each tree of the forest;
    /// in a cycle the first extends the last.
    /// </summary>
    public static string Model(Shape shape, bool relations, int types)
    {
        var text = new StringBuilder("{\n  \"graph\": \"DeepGraph\",\n  \"namespace\": \"Deep\",\n");
        text.Append(relations
            ? "  \"entityTypes\": { \"Thing\": { \"properties\": { \"name\": \"string\" } } },\n  \"relationTypes\": {\n"
            : "  \"entityTypes\": {\n");
        var prefix = relations ? "r" : "T";
        for (var i = 0; i < types; i++)
        {
            var extends = shape switch
            {
                Shape.Cycle => i == 0 ? types - 1 : i - 1,
                Shape.Forest => i % ForestDepth == 0 ? -1 : i - 1,
                _ => i - 1,
            };
            text.Append("    \"").Append(prefix).Append(i).Append("\": { ");
            if (extends >= 0)
            {
                text.Append("\"extends\": \"").Append(prefix).Append(extends).Append("\", ");
            }
            else if (relations)
            {
                text.Append("\"from\": \"Thing\", \"to\": \"Thing\", ");
            }

            text.Append("\"properties\": { \"p").Append(i).Append("\": \"int?\" } }").Append(i < types - 1 ? ",\n" : "\n");
        }

        return text.Append("  }\n}\n").ToString();
    }

    private static Result Generate(Shape shape, bool relations, int types)
    {
        var texts = new[] { new InMemoryText("/model/deep.kg.json", Model(shape, relations, types)) };
        var compilation = GeneratorRunner.Compilation("public static class Program { public static void Main() { } }");
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var run = GeneratorRunner.CreateDriver(texts).RunGenerators(compilation).GetRunResult();
        var milliseconds = clock.Elapsed.TotalMilliseconds;
        if (run.Results.Single().Exception is { } exception)
        {
            throw new InvalidOperationException($"The generator threw on a {shape} of {types} types.", exception);
        }

        var diagnostics = string.Join(", ", run.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()} × {g.Key}"));
        var generated = run.Results.Single().GeneratedSources.Count(source => source.HintName.StartsWith("Deep.T", StringComparison.Ordinal) || source.HintName.StartsWith("Deep.R", StringComparison.Ordinal));
        return new Result(milliseconds, diagnostics.Length == 0 ? "none" : diagnostics, generated);
    }

    /// <summary>What the smoke run asserts: the diagnostics each shape must give (never a time).</summary>
    private static void Check(Shape shape, bool relations, int types, Result run)
    {
        var expected = shape switch
        {
            Shape.Cycle => "KG0015",
            Shape.Chain when types > SchemaResolver.MaxInheritanceDepth + 1 => "KG0027",
            _ => "none",
        };
        if (run.Diagnostics != expected)
        {
            throw new InvalidOperationException(
                $"A {shape} of {types} {(relations ? "relation" : "entity")} types gave the diagnostics '{run.Diagnostics}', not '{expected}'.");
        }
    }

    private sealed record Result(double Milliseconds, string Diagnostics, int Types);
}
