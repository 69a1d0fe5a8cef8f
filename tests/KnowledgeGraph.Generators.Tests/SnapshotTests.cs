using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// The generated code of whole models, compared with reviewed snapshots under Snapshots/ by the testing package, as
/// our users compare theirs.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly SnapshotOptions Options = new() { SnapshotDirectory = "Snapshots" };

    [Fact]
    public Task IstanbulTalksSample() => Verify("../../src/IstanbulTalks/diplomacy.kg.json", "../../src/IstanbulTalks/istanbul-talks.kg.json");

    [Fact]
    public Task Inheritance() => Verify("Models/Inheritance.kg.json");

    [Fact]
    public Task Cardinality() => Verify("Models/Cardinality.kg.json");

    [Fact]
    public Task PropertyTypes() => Verify("Models/PropertyTypes.kg.json");

    [Fact]
    public Task Identifiers() => Verify("Models/Identifiers.kg.json");

    [Fact]
    public Task TwoGraphsInOneProject() => Verify("Models/TwoGraphs/people.kg.json", "Models/TwoGraphs/places.kg.json");

    [Fact]
    public Task SchemaFeatures() => Verify("Models/SchemaFeatures.kg.json");

    [Fact]
    public Task FilesOfOneGraphMerge() => Verify("Models/Merge/schema.kg.json", "Models/Merge/facts.kg.json");

    // Paths relative to this file's folder; the models are clean, and their code compiles without a warning.
    private static Task Verify(string first, string? second = null, [CallerMemberName] string test = "")
    {
        var run = GeneratorRun.ForFiles(second is null ? [first] : [first, second], "TestProject");
        Assert.Empty(run.Diagnostics.Select(d => d.ToString()));
        GeneratorHarness.ShouldCompileCleanly(run.Sources.Values);
        return run.VerifyAsync(Options, methodName: test);
    }
}
