using System.Linq;
using System.Text;
using KnowledgeGraph.Generators.Emitting;
using KnowledgeGraph.Generators.Tests.Infrastructure;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>A large graph's facts go into tables of a bounded size, a file each, and still compile cleanly.</summary>
public sealed class ChunkingTests
{
    [Fact]
    public void FactsAreSplitIntoFilesOfAtMostOneChunk()
    {
        var count = (2 * Emitter.ChunkSize) + 1;
        var result = GeneratorHarness.Run(new ModelFile("big.kg.json", Ring("Big", count))).ShouldCompileCleanly();

        var hints = result.Sources.Select(source => source.HintName).ToList();
        Assert.Equal(["TestProject.Big.Entities0.g.cs", "TestProject.Big.Entities1.g.cs", "TestProject.Big.Entities2.g.cs"], hints.Where(h => h.Contains(".Entities")));
        Assert.Equal(["TestProject.Big.Relations0.g.cs", "TestProject.Big.Relations1.g.cs", "TestProject.Big.Relations2.g.cs"], hints.Where(h => h.Contains(".Relations")));
        var last = result.Sources.Single(source => source.HintName == "TestProject.Big.Entities2.g.cs").SourceText.ToString();
        Assert.Contains($"public global::TestProject.P P{count - 1} => EntityAt<global::TestProject.P>({count - 1}, \"p{count - 1}\");", last);
        var graph = result.Sources.Single(source => source.HintName == "TestProject.Big.g.cs").SourceText.ToString();
        Assert.Contains("content.AddEntities(CompiledFacts.Entities2, CompiledFacts.ReadEntity);\n        content.AddRelations(CompiledFacts.Relations0, CompiledFacts.ReadRelation);", graph);
    }

    [Fact]
    public void AGraphWithMoreEntitiesThanAClassCanHoldMembersForHasNone()
    {
        var count = Emitter.MaxEntityMembers + 1;
        var result = GeneratorHarness.Run(new ModelFile("huge.kg.json", Ring("Huge", count))).ShouldCompileCleanly();

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.DoesNotContain(result.Sources, source => source.SourceText.ToString().Contains("EntityAt<", System.StringComparison.Ordinal));
        var last = result.Sources.Single(source => source.HintName == $"TestProject.Huge.Entities{count / Emitter.ChunkSize}.g.cs").SourceText.ToString();
        Assert.Contains($"[\"P\", \"p{count - 1}\"]", last);
        var graph = result.Sources.Single(source => source.HintName == "TestProject.Huge.g.cs").SourceText.ToString();
        Assert.Contains("/// <remarks>More than 60,000 entities: too many for a member each", graph);
    }

    // A graph of `count` entities, each linked to the next by one fact, the last to the first.
    private static string Ring(string graph, int count)
    {
        var json = new StringBuilder($$"""{ "graph": "{{graph}}", "entityTypes": { "P": {} }, "relationTypes": { "next": { "from": "P", "to": "P" } }, "entities": {""");
        json.Append(string.Join(",", Enumerable.Range(0, count).Select(i => $"\"p{i}\": {{ \"type\": \"P\" }}")));
        json.Append("""}, "relations": [""");
        json.Append(string.Join(",", Enumerable.Range(0, count).Select(i => $"[\"p{i}\", \"next\", \"p{(i + 1) % count}\"]")));
        json.Append("]}");
        return json.ToString();
    }
}
