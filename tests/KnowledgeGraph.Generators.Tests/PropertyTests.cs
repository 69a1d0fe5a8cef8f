using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using KnowledgeGraph.Generators.Tests.Properties;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// Property-based tests: random models that are valid by the rules of the format (Properties/ModelBuilder.cs
/// says how they are made) must give no diagnostic, code that compiles without a warning, and the same code
/// byte for byte on every run, whatever the culture, the order of the files or how the model is split into files.
/// </summary>
/// <remarks>
/// <para>The models come from a fixed list of CsCheck seeds, so every run (and CI) checks the same models. A failure
/// is shrunk to the smallest failing model CsCheck finds in 10 seconds and reported with its seed and its .kg.json
/// text; to run that one model again, set the environment variable <c>CsCheck_Seed</c> to the seed. To explore
/// beyond the fixed list, set <c>KG_PROPERTY_MODELS</c> (how many models) and <c>KG_PROPERTY_MASTER_SEED</c>.</para>
/// <para>Bugs found this way are kept as minimal files in Properties/Repros (valid input) and Properties/Repros/Invalid
/// (invalid input that must give a diagnostic), each run by a test of its own. Their inputs stay in the random models;
/// <c>KG_PROPERTY_KNOWN_BUGS=off</c> leaves them out for a run (Properties/Texts.cs, <c>ModelOptions</c>), to see
/// whether anything else fails.</para>
/// </remarks>
public sealed class PropertyTests
{
    /// <summary>How many models one run checks: about a tenth of a second each on two cores, 10 s in all.</summary>
    private const int DefaultModels = 100;

    /// <summary>
    /// How many of the same models also make the round trip through Save, which compiles and runs each twice: about
    /// 20 s in all (150 models passed when it was written).
    /// </summary>
    private const int DefaultRoundTripModels = 20;

    private const ulong DefaultMasterSeed = 0x4B47_2025_0227;

    /// <summary>How long CsCheck searches for a smaller failing model once one fails.</summary>
    private const int ShrinkSeconds = 10;

    private static readonly CSharpParseOptions DocumentationOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    [Fact]
    public void RandomValidModelsGenerateCleanDeterministicCode() => SampleFixedSeeds(CheckModel);

    /// <summary>
    /// Each model's graph, saved with <c>Save</c> and read back by the generator next to the model's schema, is the same
    /// graph, value for value (Infrastructure/SaveRoundTrip.cs).
    /// </summary>
    [Fact]
    public void RandomValidModelsSaveAndReadBackAsTheSameGraph() =>
        SampleFixedSeeds(model => SaveRoundTrip.Check("TestProject", model.SingleFile()), DefaultRoundTripModels);

    /// <summary>
    /// Valid inputs that the generator got wrong, each cut down to a few lines; the comment at the top of each
    /// file says what goes wrong. They pass once the generator is fixed (and may then move to the snapshot tests).
    /// </summary>
    public static TheoryData<string> Reproductions() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Properties", "Repros"), "*.kg.json")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Reproductions))]
    public void ReproducedBugsGenerateCleanCode(string file) =>
        AssertClean(GeneratorHarness.Run(GeneratorHarness.Load(Path.Combine("Properties", "Repros", file))));

    /// <summary>Invalid inputs that the generator got wrong (a crash or no diagnostic), each cut down to a few lines.</summary>
    public static TheoryData<string> InvalidReproductions() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Properties", "Repros", "Invalid"), "*.kg.json")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

    /// <summary>Every mistake becomes a KG diagnostic; the generator never throws, and no C# error follows.</summary>
    [Theory]
    [MemberData(nameof(InvalidReproductions))]
    public void ReproducedBugsOnInvalidInputGiveDiagnostics(string file)
    {
        var model = GeneratorHarness.Load(Path.Combine("Properties", "Repros", "Invalid", file));
        var result = GeneratorHarness.Run(model);
        AssertNone(result.GeneratorDiagnostics.Where(d => !d.Id.StartsWith("KG", StringComparison.Ordinal)), "diagnostics other than KG ones");
        Assert.True(result.GeneratorDiagnostics.Any(d => d.Id.StartsWith("KG", StringComparison.Ordinal)), "no KG diagnostic for the mistake");
        result.ShouldCompileCleanly();

        // Loaded at run time, the model gives the same diagnostics at the same places.
        LoaderParity.AssertSameAsGenerator([model], result);
    }

    /// <summary>The model as one file: no diagnostic, clean C#, valid XML docs, the expected names; then the same code again.</summary>
    private static void CheckModel(KgCase model)
    {
        var single = model.SingleFile();
        var first = GeneratorHarness.Run(single);
        AssertClean(first);
        AssertGeneratedNames(model, first.Output);
        var expected = SourcesOf(first);

        AssertSameSources(expected, RunIn(CultureInfo.GetCultureInfo("tr-TR"), [single]), "a second run, in the tr-TR culture");

        // Split into 2–3 files of the same graph, in declaration order: the graph is the same, and so is its code.
        var parts = model.SplitFiles();
        var split = GeneratorHarness.Run(parts);
        AssertNone(split.GeneratorDiagnostics, $"the generator's diagnostics for the model split into {parts.Length} files");
        AssertSameSources(expected, SourcesOf(split), $"the model split into {parts.Length} files");
        AssertSameSources(expected, SourcesOf(GeneratorHarness.Run(parts.Reverse().ToArray())), $"the {parts.Length} files given in reverse order");
    }

    /// <summary>No diagnostic, no exception, no C# warning, and well-formed XML docs.</summary>
    private static void AssertClean(GeneratorResult result)
    {
        AssertNone(result.GeneratorDiagnostics, "the generator's diagnostics");
        AssertNone(result.RunResult.Results.Single().Exception is { } exception ? [exception.ToString()] : [], "the generator threw");

        // The compiler checks XML doc comments only in projects that write documentation, and descriptions become
        // <summary> text: so the harness's compilation is checked as such a project builds it (one compilation, not two).
        var documented = new GeneratorResult(result.RunResult, WithDocumentation(result.Output));
        AssertNone(documented.CompilationDiagnostics, "C# warnings and errors in the generated code, XML docs checked");
        documented.ShouldCompileCleanly();
    }

    private static Compilation WithDocumentation(Compilation compilation)
    {
        var trees = compilation.SyntaxTrees.Select(tree => CSharpSyntaxTree.ParseText(tree.GetText(), DocumentationOptions, tree.FilePath));
        return compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
    }

    /// <summary>Fails with every problem written out in full (xunit cuts long items of a collection short).</summary>
    private static void AssertNone(IEnumerable<object> problems, string what)
    {
        var list = problems.Select(problem => problem.ToString()).ToList();
        Assert.True(list.Count == 0, $"{what}:\n  {string.Join("\n  ", list)}");
    }

    /// <summary>The generated API has the names the model's names map to (the contract of the generated code).</summary>
    private static void AssertGeneratedNames(KgCase model, Compilation output)
    {
        var ns = model.ExpectedNamespace.Replace("@", "");
        INamedTypeSymbol Type(string className)
        {
            var type = output.GetTypeByMetadataName($"{ns}.{Metadata(className)}");
            Assert.True(type is not null, $"no class {ns}.{className}");
            return type;
        }

        void HasMember(INamedTypeSymbol type, string member) =>
            Assert.True(type.GetMembers(Metadata(member)).Any(), $"{type.Name} has no member {member}");

        var graph = Type(model.GraphClassName);
        foreach (var entity in model.Entities)
        {
            HasMember(graph, entity.MemberName);
        }

        foreach (var entityType in model.EntityTypes)
        {
            var type = Type(entityType.ClassName);
            Assert.Equal(entityType.IsAbstract, type.IsAbstract);
            Assert.Equal(entityType.Base is { } parent ? Metadata(parent.ClassName) : "Entity", type.BaseType!.Name);
            foreach (var member in entityType.Properties.Select(p => p.MemberName).Concat(entityType.Navigations))
            {
                HasMember(type, member);
            }
        }

        foreach (var relationType in model.RelationTypes)
        {
            var type = Type(relationType.ClassName);
            Assert.Equal(relationType.IsAbstract, type.IsAbstract);
            Assert.Equal(relationType.Base is { } parent ? Metadata(parent.ClassName) : "Relation", type.BaseType!.Name);
            foreach (var member in relationType.Properties.Select(p => p.MemberName).Concat(relationType.Roles.Select(r => r.MemberName)))
            {
                HasMember(type, member);
            }
        }

        foreach (var enumType in model.Enums)
        {
            var type = Type(enumType.ClassName);
            Assert.Equal(TypeKind.Enum, type.TypeKind);
        }
    }

    /// <summary>A C# name as the compiler keeps it: without '@' and without formatting characters.</summary>
    private static string Metadata(string name) =>
        string.Concat(name.TrimStart('@').Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format));

    // ---- running the generator ----

    private static List<(string HintName, string Text)> SourcesOf(GeneratorResult result) =>
        result.Sources
            .Select(source => (source.HintName, source.SourceText.ToString()))
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .ToList();

    private static List<(string HintName, string Text)> RunIn(CultureInfo culture, ModelFile[] files)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return SourcesOf(GeneratorHarness.Run(files));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, currentUi);
        }
    }

    private static void AssertSameSources(List<(string HintName, string Text)> expected, List<(string HintName, string Text)> actual, string what)
    {
        Assert.True(
            expected.Select(s => s.HintName).SequenceEqual(actual.Select(s => s.HintName)),
            $"{what}: other files: [{string.Join(", ", actual.Select(s => s.HintName))}] instead of [{string.Join(", ", expected.Select(s => s.HintName))}]");
        foreach (var (want, got) in expected.Zip(actual))
        {
            if (want.Text != got.Text)
            {
                var wantLines = want.Text.Split('\n');
                var gotLines = got.Text.Split('\n');
                var line = Enumerable.Range(0, Math.Min(wantLines.Length, gotLines.Length)).FirstOrDefault(i => wantLines[i] != gotLines[i], Math.Min(wantLines.Length, gotLines.Length));
                Assert.Fail($"{what}: {want.HintName} differs at line {line + 1}:\n  expected: {wantLines.ElementAtOrDefault(line)}\n  actual:   {gotLines.ElementAtOrDefault(line)}");
            }
        }
    }

    // ---- seeds ----

    /// <summary>
    /// Checks the models of a fixed list of seeds (in parallel; each model is one CsCheck sample of one iteration),
    /// so that every run checks the same models. A failure is then shrunk by CsCheck from its seed.
    /// </summary>
    private static void SampleFixedSeeds(Action<KgCase> check, int defaultCount = DefaultModels)
    {
        static string Print(KgCase model) => $"\n{model}\n(split into {model.Split.Length} files for the merge check)";

        if (Environment.GetEnvironmentVariable("KG_PROPERTY_KNOWN_BUGS") == "off")
        {
            ModelOptions.KnownBugs(on: false);
        }

        if (Check.Seed is { } replay)
        {
            KgCaseGen.Instance.Sample(check, seed: replay, iter: 1, threads: 1, print: Print);
            return;
        }

        var count = int.TryParse(Environment.GetEnvironmentVariable("KG_PROPERTY_MODELS"), out var models) ? models : defaultCount;
        var master = ulong.TryParse(Environment.GetEnvironmentVariable("KG_PROPERTY_MASTER_SEED"), out var given) ? given : DefaultMasterSeed;
        var seeds = Enumerable.Range(0, count).Select(i => new PCG(0x4B47, master + (ulong)i).ToString()).ToArray();
        var failures = new ConcurrentDictionary<int, string>();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                KgCaseGen.Instance.Sample(check, seed: seeds[i], iter: 1, threads: 1, print: Print);
            }
            catch (CsCheckException)
            {
                failures[i] = seeds[i];
            }
        });

        if (failures.IsEmpty)
        {
            return;
        }

        // Shrink the first failure: CsCheck starts from its seed and keeps the smallest failing model it finds.
        var first = failures.OrderBy(failure => failure.Key).First();
        var message = $"{failures.Count} of {count} models failed (seeds {string.Join(", ", failures.OrderBy(f => f.Key).Take(10).Select(f => f.Value))}{(failures.Count > 10 ? ", …" : "")}).";
        try
        {
            KgCaseGen.Instance.Sample(check, seed: first.Value, time: ShrinkSeconds, print: Print);
        }
        catch (CsCheckException exception)
        {
            throw new CsCheckException(message + " The smallest failing model found from the first:\n" + exception.Message, exception.InnerException);
        }

        Assert.Fail(message + $" The first, seed {first.Value}, passed when run again.");
    }
}
