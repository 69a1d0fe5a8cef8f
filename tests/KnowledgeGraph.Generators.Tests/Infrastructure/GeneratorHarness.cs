using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using KnowledgeGraph.Testing.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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

    // The driver the testing package runs the generator with: the build's options, and the steps tracked for the incremental tests.
    public static GeneratorDriver CreateDriver(string? rootNamespace, params AdditionalText[] texts) =>
        BuildDriver.Create(texts, rootNamespace, trackSteps: true);

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

    public static AdditionalText ToText(ModelFile file) => new ModelText(file.Path, file.Content);

    /// <summary>The C# errors and warnings of a compilation.</summary>
    public static ImmutableArray<Diagnostic> WarningsAndErrors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>Fails unless the compilation, with the generated code in it, has no warning at all.</summary>
    public static void ShouldCompileCleanly(Compilation compilation)
    {
        var diagnostics = WarningsAndErrors(compilation).Select(d => d.ToString()).ToList();
        Assert.True(diagnostics.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", diagnostics));
    }

    /// <summary>Fails unless the sources compile, in a project referencing the runtime, with no warning at all.</summary>
    public static void ShouldCompileCleanly(IEnumerable<string> sources) =>
        ShouldCompileCleanly(CreateCompilation().AddSyntaxTrees(sources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions))));
}

/// <summary>What one generator run produced: its sources and diagnostics, and the compilation with them.</summary>
internal sealed record GeneratorResult(GeneratorDriverRunResult RunResult, Compilation Output)
{
    public ImmutableArray<GeneratedSourceResult> Sources => RunResult.Results.Single().GeneratedSources;

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => RunResult.Diagnostics;

    /// <summary>The C# errors and warnings of the compilation with the generated code (the generator's own excluded).</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics => GeneratorHarness.WarningsAndErrors(Output);

    /// <summary>Fails unless the generator ran without throwing and its code compiles with no warning at all.</summary>
    public GeneratorResult ShouldCompileCleanly()
    {
        Assert.Null(RunResult.Results.Single().Exception);
        GeneratorHarness.ShouldCompileCleanly(Output);
        return this;
    }
}
