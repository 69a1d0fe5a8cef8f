using System.Linq;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>What each kind of edit makes the generator redo, read from its named pipeline steps.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] Steps =
    [
        KnowledgeGraphGenerator.TrackingNames.ParseFile,
        KnowledgeGraphGenerator.TrackingNames.RootNamespace,
        KnowledgeGraphGenerator.TrackingNames.BuildGraph,
        KnowledgeGraphGenerator.TrackingNames.GraphCode,
        KnowledgeGraphGenerator.TrackingNames.GraphDiagnostics,
    ];

    [Fact]
    public void EditingCSharpLeavesEveryStepCached()
    {
        var files = new[] { GeneratorHarness.Load("Models/Merge/schema.kg.json"), GeneratorHarness.Load("Models/Merge/facts.kg.json") };
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver("TestProject", files).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("class A { int X => 1; }", GeneratorHarness.ParseOptions, path: "Program.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void EditingOneFileParsesOnlyThatFile()
    {
        var schema = GeneratorHarness.Load("Models/Merge/schema.kg.json");
        var facts = GeneratorHarness.Load("Models/Merge/facts.kg.json");
        var factsText = GeneratorHarness.ToText(facts);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver("TestProject", GeneratorHarness.ToText(schema), factsText).RunGenerators(compilation);

        var edited = GeneratorHarness.ToText(facts with { Content = facts.Content.Replace("1869", "1867") });
        var result = driver.ReplaceAdditionalText(factsText, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var parses = result.TrackedSteps[KnowledgeGraphGenerator.TrackingNames.ParseFile];
        Assert.Equal(2, parses.Length);
        Assert.Equal(IncrementalStepRunReason.Cached, parses[0].Outputs.Single().Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, parses[1].Outputs.Single().Reason);
        Assert.Equal(
            IncrementalStepRunReason.Modified,
            result.TrackedSteps[KnowledgeGraphGenerator.TrackingNames.BuildGraph].Single().Outputs.Single().Reason);
        Assert.Contains("""["Book", "warAndPeace", "War and Peace", 1867]""", result.GeneratedSources.Single(s => s.HintName.EndsWith(".LibraryGraph.Entities0.g.cs")).SourceText.ToString());
    }

    [Fact]
    public void ReformattingAFileRegeneratesNothing()
    {
        var facts = GeneratorHarness.Load("Models/Merge/facts.kg.json");
        var factsText = GeneratorHarness.ToText(facts);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver("TestProject", GeneratorHarness.ToText(GeneratorHarness.Load("Models/Merge/schema.kg.json")), factsText)
            .RunGenerators(compilation);

        // Only positions change: the parsed file differs, but the checked graph is equal, so nothing is written again.
        var edited = GeneratorHarness.ToText(facts with { Content = "\n\n" + facts.Content });
        var result = driver.ReplaceAdditionalText(factsText, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[KnowledgeGraphGenerator.TrackingNames.ParseFile][1].Outputs.Single().Reason);
        Assert.Equal(
            IncrementalStepRunReason.Unchanged,
            result.TrackedSteps[KnowledgeGraphGenerator.TrackingNames.BuildGraph].Single().Outputs.Single().Reason);
    }

    [Fact]
    public void AMistakeThatOnlyMovesWritesNoCodeAgain()
    {
        var facts = GeneratorHarness.Load("Models/Merge/facts.kg.json");
        var broken = facts with { Content = facts.Content.Replace("\"entities\": {", "\"entities\": { \"ghost\": { \"type\": \"Ghost\" },") };
        var factsText = GeneratorHarness.ToText(broken);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver("TestProject", GeneratorHarness.ToText(GeneratorHarness.Load("Models/Merge/schema.kg.json")), factsText)
            .RunGenerators(compilation);
        Assert.Equal("KG0005", Assert.Single(driver.GetRunResult().Diagnostics).Id);

        var moved = GeneratorHarness.ToText(broken with { Content = "\n\n" + broken.Content });
        var result = driver.ReplaceAdditionalText(factsText, moved).RunGenerators(compilation).GetRunResult().Results.Single();

        // The diagnostic moved two lines down; the code to write is equal, so the step that writes it does not run.
        Assert.Equal(IncrementalStepRunReason.Modified, Reason(result, KnowledgeGraphGenerator.TrackingNames.BuildGraph));
        Assert.Equal(IncrementalStepRunReason.Modified, Reason(result, KnowledgeGraphGenerator.TrackingNames.GraphDiagnostics));
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reason(result, KnowledgeGraphGenerator.TrackingNames.GraphCode));
        Assert.Equal(Line(driver.GetRunResult().Diagnostics) + 2, Line(result.Diagnostics));
    }

    private static int Line(System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics) =>
        Assert.Single(diagnostics).Location.GetLineSpan().StartLinePosition.Line;

    private static IncrementalStepRunReason Reason(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].Single().Outputs.Single().Reason;
}
