using System;
using System.IO;
using System.Threading.Tasks;

namespace KnowledgeGraph.Testing.Tests;

[CollectionDefinition(nameof(AcceptVariableTests), DisableParallelization = true)]
public sealed class AcceptVariableCollection;

/// <summary>KnowledgeGraph_AcceptSnapshots=true: the one switch that accepts, set here for the process while no other test verifies.</summary>
[Collection(nameof(AcceptVariableTests))]
public sealed class AcceptVariableTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("KnowledgeGraph_AcceptSnapshots", null);
        _folder.Dispose();
    }

    [Fact]
    public async Task With_the_variable_set_differences_are_written_as_verified_and_stale_snapshots_deleted()
    {
        var testFile = Path.Combine(_folder.Path, "LibraryTests.cs");
        _folder.Write("library.kg.json", Models.Schema);
        _folder.Write("facts.kg.json", Models.Facts);
        var stale = _folder.Write("LibraryTests.Accepted#Library.Publisher.g.verified.cs", "// a type the model had once\n");
        var run = GeneratorRun.ForFiles(["library.kg.json", "facts.kg.json"], "Library", testFile);

        Environment.SetEnvironmentVariable("KnowledgeGraph_AcceptSnapshots", "true");
        await run.VerifyAsync(sourceFilePath: testFile, methodName: "Accepted");
        Environment.SetEnvironmentVariable("KnowledgeGraph_AcceptSnapshots", null);

        Assert.False(File.Exists(stale));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.received.*"));
        Assert.Equal(run.Sources["Library.Author.g.cs"], File.ReadAllText(Path.Combine(_folder.Path, "LibraryTests.Accepted#Library.Author.g.verified.cs")));
        await run.VerifyAsync(sourceFilePath: testFile, methodName: "Accepted"); // without the variable: they match
    }
}
