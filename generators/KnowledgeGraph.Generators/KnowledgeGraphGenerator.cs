using System;
using System.Linq;
using KnowledgeGraph.Generators.Emitting;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Parsing;
using KnowledgeGraph.Language.Validation;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators;

/// <summary>
/// Turns the <c>*.kg.json</c> additional files of a project into typed entity, relation and graph classes.
/// </summary>
/// <remarks>
/// Each file is parsed on its own (editing one file parses only that file again); the files of each graph are
/// then merged and checked; nothing depends on the compilation, so editing C# reuses every step.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class KnowledgeGraphGenerator : IIncrementalGenerator
{
    /// <summary>The names of the pipeline steps, for tests of what each edit reruns.</summary>
    public static class TrackingNames
    {
        public const string ParseFile = nameof(ParseFile);
        public const string RootNamespace = nameof(RootNamespace);
        public const string BuildGraph = nameof(BuildGraph);
        public const string GraphCode = nameof(GraphCode);
        public const string GraphDiagnostics = nameof(GraphDiagnostics);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".kg.json", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => FileParser.Parse(text.Path, text.GetText(cancellationToken)?.ToString() ?? "", cancellationToken))
            .WithTrackingName(TrackingNames.ParseFile);

        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns) ? ns : null)
            .WithTrackingName(TrackingNames.RootNamespace);

        var graphs = files.Collect()
            .Combine(rootNamespace)
            .SelectMany(static (input, cancellationToken) => GraphChecker.Check(input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.BuildGraph);

        // Code and diagnostics are separate outputs, as in System.Text.Json's generator: a mistake that only moves
        // in its file changes the diagnostics, and the code model, equal to the last one, is not written again.
        var code = graphs
            .Select(static (graph, _) => graph.Model)
            .WithTrackingName(TrackingNames.GraphCode);
        var graphDiagnostics = graphs
            .Select(static (graph, _) => graph.Diagnostics)
            .WithTrackingName(TrackingNames.GraphDiagnostics);

        // Severities come from .globalconfig or the project (NoWarn, WarningsAsErrors): the compiler applies
        // .editorconfig sections only to diagnostics in C# files, never to those in additional files.
        context.RegisterSourceOutput(files.Select(static (file, _) => file.Diagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(graphDiagnostics, ReportDiagnostics);

        context.RegisterSourceOutput(code, static (context, graph) =>
        {
            if (!graph.IsEmitted)
            {
                return;
            }

            foreach (var (hintName, source) in Emitter.Emit(graph, context.CancellationToken))
            {
                context.AddSource(hintName, source);
            }
        });
    }

    private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
