using System;
using System.Globalization;
using System.Linq;
using Xunit.Abstractions;

namespace KnowledgeGraph.Generators.Tests.Fuzzing;

/// <summary>
/// The generator under attack: whatever the files hold, it must not throw, hang, report a diagnostic outside
/// the file it is about, or write code with a C# error (<see cref="FuzzOracle"/> has the rules). Two sources of
/// input: a fixed corpus of hostile files (<see cref="AdversarialCorpus"/>) and seeded mutants of the repository's
/// models (<see cref="Mutator"/>).
/// </summary>
/// <remarks>
/// Every failing input is listed with its first problem and written out, with all its problems, under
/// <c>fuzz-results/{corpus,mutants}/failures/</c> in the test's output folder, ready to become a regression test. CI runs a hundred
/// mutants; a longer run takes <c>KG_FUZZ_ITERATIONS</c> mutants from <c>KG_FUZZ_SEED</c> on (docs/fuzzing.md), and
/// <c>KG_FUZZ_ITERATIONS=1 KG_FUZZ_SEED=n</c> replays the mutant named with seed n, <c>KG_FUZZ_CORPUS=name</c> one corpus input.
/// </remarks>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultMutants = 100;

    private const ulong DefaultSeed = 20_251_207;

    [Fact]
    public void AdversarialCorpusKeepsTheRules()
    {
        var corpus = AdversarialCorpus.All().ToList();
        var repeated = corpus.GroupBy(input => input.Name, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(repeated.Count == 0, "Corpus inputs named twice: " + string.Join(", ", repeated));

        // KG_FUZZ_CORPUS=escapes/,line-ends/cr/ runs only the inputs whose names start so.
        if (Environment.GetEnvironmentVariable("KG_FUZZ_CORPUS") is { Length: > 0 } only)
        {
            var prefixes = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            corpus = corpus.Where(input => prefixes.Any(prefix => input.Name.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        }

        Check(FuzzRun.Check("corpus", corpus));
    }

    [Fact]
    public void SeededMutantsOfTheModelsKeepTheRules()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("KG_FUZZ_ITERATIONS"), out var given) ? given : DefaultMutants;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("KG_FUZZ_SEED"), out var start) ? start : DefaultSeed;
        TimeSpan? budget = double.TryParse(Environment.GetEnvironmentVariable("KG_FUZZ_MINUTES"), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes)
            ? TimeSpan.FromMinutes(minutes)
            : null;
        var mutants = Enumerable.Range(0, count).Select(i => Mutator.Mutant(seed + (ulong)i)).ToList();

        Check(FuzzRun.Check("mutants", mutants, budget));
    }

    private void Check(FuzzReport report)
    {
        output.WriteLine(report.Summary());
        Assert.True(report.Failures.Count == 0, report.FailureMessage());
    }
}
