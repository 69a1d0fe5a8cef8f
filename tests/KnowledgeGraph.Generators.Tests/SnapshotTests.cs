using System.Linq;
using System.Runtime.CompilerServices;
using KnowledgeGraph.Generators.Tests.Infrastructure;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>The generated code of whole models, compared with reviewed snapshots under Snapshots/.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void IstanbulTalksSample() => Verify(
        GeneratorHarness.Load("Models/Sample/diplomacy.kg.json"),
        GeneratorHarness.Load("Models/Sample/istanbul-talks.kg.json"));

    [Fact]
    public void Inheritance() => Verify(GeneratorHarness.Load("Models/Inheritance.kg.json"));

    [Fact]
    public void Cardinality() => Verify(GeneratorHarness.Load("Models/Cardinality.kg.json"));

    [Fact]
    public void PropertyTypes() => Verify(GeneratorHarness.Load("Models/PropertyTypes.kg.json"));

    [Fact]
    public void Identifiers() => Verify(GeneratorHarness.Load("Models/Identifiers.kg.json"));

    [Fact]
    public void TwoGraphsInOneProject() => Verify(
        GeneratorHarness.Load("Models/TwoGraphs/people.kg.json"),
        GeneratorHarness.Load("Models/TwoGraphs/places.kg.json"));

    [Fact]
    public void SchemaFeatures() => Verify(GeneratorHarness.Load("Models/SchemaFeatures.kg.json"));

    [Fact]
    public void FilesOfOneGraphMerge() => Verify(
        GeneratorHarness.Load("Models/Merge/schema.kg.json"),
        GeneratorHarness.Load("Models/Merge/facts.kg.json"));

    private static void Verify(ModelFile file, ModelFile? other = null, [CallerMemberName] string test = "")
    {
        var result = GeneratorHarness.Run(other is null ? [file] : [file, other]).ShouldCompileCleanly();
        Assert.Empty(result.GeneratorDiagnostics.Select(d => d.ToString()));
        Snapshot.Match(result.Sources.Select(source => (source.HintName, source.SourceText.ToString())), testMethod: test);
    }
}
