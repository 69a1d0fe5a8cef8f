using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using KnowledgeGraph.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// The generator as the compiler runs it: a <see cref="CSharpGeneratorDriver"/> over the synthetic model's files
/// held in memory. <see cref="FullRun"/> is a first build (a fresh driver); the other two rerun a driver that has
/// already run once, after the edits an IDE or a rebuild sees.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private AdditionalText[] _texts = [];
    private AdditionalText _lastFactFile = null!;
    private AdditionalText _editedLastFactFile = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private GeneratorDriver _warmDriver = null!;

    [ParamsSource(nameof(Sizes))]
    public int Facts { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Generator;

    [GlobalSetup]
    public void Setup()
    {
        var data = SyntheticModel.Generate(Facts);
        _texts = SyntheticModel.Files(data).Select(file => (AdditionalText)new InMemoryText("/model/" + file.Name, file.Content)).ToArray();
        _lastFactFile = _texts[^1];
        var (name, content) = SyntheticModel.EditedLastFactFile(data);
        _editedLastFactFile = new InMemoryText("/model/" + name, content);

        _compilation = GeneratorRunner.Compilation("public static class Program { public static void Main() { } }");
        _editedCompilation = _compilation.ReplaceSyntaxTree(
            _compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("public static class Program { public static void Main() { System.Console.WriteLine(); } }", GeneratorRunner.ParseOptions, path: "Program.cs"));
        _warmDriver = GeneratorRunner.CreateDriver(_texts).RunGenerators(_compilation);
        GeneratorRunner.EnsureClean(_warmDriver.GetRunResult(), Facts);
    }

    /// <summary>A first build: every file parsed, the graph checked, every source emitted and parsed.</summary>
    [Benchmark]
    public int FullRun() => GeneratorRunner.CreateDriver(_texts).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>One fact changed in one fact file: that file is parsed again, the graph rebuilt and re-emitted.</summary>
    [Benchmark]
    public int EditOneFactFile() =>
        _warmDriver.ReplaceAdditionalText(_lastFactFile, _editedLastFactFile).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>A C# file changed, no model file: every step should be cached.</summary>
    [Benchmark]
    public int EditCSharp() => _warmDriver.RunGenerators(_editedCompilation).GetRunResult().GeneratedTrees.Length;
}

/// <summary>Runs the generator in memory, as the generator tests do.</summary>
public static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts) =>
        CSharpGeneratorDriver.Create(
            [new KnowledgeGraphGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            new OptionsProvider(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <summary>A console program's compilation, referencing the running .NET, the runtime and QuikGraph.</summary>
    public static CSharpCompilation Compilation(string programText) =>
        CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(programText, ParseOptions, path: "Program.cs")],
            References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));

    /// <summary>Throws unless the generator ran without an exception or a diagnostic and wrote the graph.</summary>
    public static void EnsureClean(GeneratorDriverRunResult run, int facts)
    {
        var result = run.Results.Single();
        if (result.Exception is { } exception)
        {
            throw new System.InvalidOperationException($"The generator threw on the model of {facts} facts.", exception);
        }

        if (run.Diagnostics.Length > 0)
        {
            throw new System.InvalidOperationException(
                $"The model of {facts} facts gave {run.Diagnostics.Length} diagnostics, such as: {run.Diagnostics[0]}");
        }

        if (!result.GeneratedSources.Any(source => source.HintName.EndsWith(".NewsGraph.g.cs", System.StringComparison.Ordinal)))
        {
            throw new System.InvalidOperationException("The generator wrote no graph class.");
        }
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string?)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(System.IO.Path.PathSeparator, System.StringSplitOptions.RemoveEmptyEntries)
            .Where(path => System.IO.Path.GetFileName(path) is var name
                && (name.StartsWith("System.", System.StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"));
        return
        [
            .. platform.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
            MetadataReference.CreateFromFile(typeof(Graph).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(QuikGraph.IEdge<>).Assembly.Location),
        ];
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = key == "build_property.RootNamespace" ? "Consumer" : null;
                return value is not null;
            }
        }
    }
}

/// <summary>A <c>.kg.json</c> file held in memory.</summary>
public sealed class InMemoryText(string path, string content) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(content);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
