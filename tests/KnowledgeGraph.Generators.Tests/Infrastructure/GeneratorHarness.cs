using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Generators.Tests.Infrastructure;

/// <summary>A <c>.kg.json</c> file handed to the generator.</summary>
public sealed record ModelFile(string Path, string Content);

/// <summary>Runs the generator the way the compiler does, on in-memory files, and compiles what it wrote.</summary>
internal static class GeneratorHarness
{
    // C# 12 and the .NET 8 reference assemblies: the oldest consumer the package supports.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net80.References.All,
        MetadataReference.CreateFromFile(Path.Combine(System.AppContext.BaseDirectory, "runtime", "KnowledgeGraph.dll")),
        MetadataReference.CreateFromFile(Path.Combine(System.AppContext.BaseDirectory, "runtime", "QuikGraph.dll")),
    ];

    public static GeneratorDriver CreateDriver(string? rootNamespace, params ModelFile[] files) =>
        CreateDriver(rootNamespace, files.Select(ToText).ToArray());

    public static GeneratorDriver CreateDriver(string? rootNamespace, params AdditionalText[] texts) =>
        CSharpGeneratorDriver.Create(
            [new KnowledgeGraphGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            new OptionsProvider(rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpCompilation CreateCompilation(string userCode = "") =>
        CSharpCompilation.Create(
            "TestProject",
            [CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "Program.cs")],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorResult Run(params ModelFile[] files) => Run(null, "TestProject", files);

    public static GeneratorResult Run(string? userCode, string? rootNamespace, params ModelFile[] files)
    {
        var driver = CreateDriver(rootNamespace, files)
            .RunGeneratorsAndUpdateCompilation(CreateCompilation(userCode ?? ""), out var output, out _, CancellationToken.None);
        return new GeneratorResult(driver.GetRunResult(), output);
    }

    public static ModelFile Load(string relativePath) =>
        new(relativePath, File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, relativePath)));

    public static AdditionalText ToText(ModelFile file) => new InMemoryAdditionalText(file.Path, file.Content);

    private sealed class InMemoryAdditionalText(string path, string content) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(string? rootNamespace) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(rootNamespace);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(string? rootNamespace) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(null);

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = key == "build_property.RootNamespace" ? rootNamespace : null;
                return value is not null;
            }
        }
    }
}

/// <summary>What one generator run produced: its sources and diagnostics, and the compilation with them.</summary>
internal sealed record GeneratorResult(GeneratorDriverRunResult RunResult, Compilation Output)
{
    public ImmutableArray<GeneratedSourceResult> Sources => RunResult.Results.Single().GeneratedSources;

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => RunResult.Diagnostics;

    /// <summary>The C# errors and warnings of the compilation with the generated code (the generator's own excluded).</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>Fails unless the generator ran without throwing and its code compiles with no warning at all.</summary>
    public GeneratorResult ShouldCompileCleanly()
    {
        Assert.Null(RunResult.Results.Single().Exception);
        var diagnostics = CompilationDiagnostics.Select(d => d.ToString()).ToList();
        Assert.True(diagnostics.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", diagnostics));
        return this;
    }
}
