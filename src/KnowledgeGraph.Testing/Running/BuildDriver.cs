using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using KnowledgeGraph.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KnowledgeGraph.Testing.Running;

/// <summary>
/// Drives the KnowledgeGraph generator with what the package's build logic gives it: the project's <c>.kg.json</c>
/// files as additional files and its <c>RootNamespace</c> as the one compiler-visible property
/// (<c>build/KnowledgeGraph.targets</c>). Nothing else of a build reaches the generator.
/// </summary>
internal static class BuildDriver
{
    /// <summary>The global option under which the compiler passes a <c>CompilerVisibleProperty</c>.</summary>
    private const string RootNamespaceOption = "build_property.RootNamespace";

    public static GeneratorDriver Create(IEnumerable<AdditionalText> files, string? rootNamespace, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new KnowledgeGraphGenerator().AsSourceGenerator()],
            files,
            // The generator reads no C#: the parse options of the oldest consumer, C# 12 (.NET 8), only make the driver complete.
            new CSharpParseOptions(LanguageVersion.CSharp12),
            new BuildOptions(rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private sealed class BuildOptions(string? rootNamespace) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(rootNamespace);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(string? rootNamespace) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(null);

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = key == RootNamespaceOption ? rootNamespace : null;
                return value is not null;
            }
        }
    }
}
