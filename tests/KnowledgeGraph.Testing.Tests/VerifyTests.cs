using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace KnowledgeGraph.Testing.Tests;

/// <summary>
/// VerifyAsync against snapshots in a folder of the test's own: each test names a source file there, as the compiler
/// names the calling test's, so the files it writes can be looked at.
/// </summary>
[Collection(nameof(AcceptVariableTests))] // the accept variable is set for the process: not while these run
public sealed class VerifyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string TestFile => Path.Combine(_folder.Path, "LibraryTests.cs");

    public void Dispose() => _folder.Dispose();

    private GeneratorRun Run(string facts = Models.Facts)
    {
        _folder.Write("Models/library.kg.json", Models.Schema);
        _folder.Write("Models/facts.kg.json", facts);
        return GeneratorRun.ForFiles(["Models/library.kg.json", "Models/facts.kg.json"], "Library", TestFile);
    }

    private string[] Files(string pattern) =>
        Directory.GetFiles(_folder.Path, pattern).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private void AcceptReceived()
    {
        foreach (var received in Directory.GetFiles(_folder.Path, "*.received.*"))
        {
            File.Move(received, received.Replace(".received.", ".verified.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_first_run_fails_writes_a_received_file_per_source_in_Verify_naming_and_accepts_nothing()
    {
        var run = Run();

        var error = await Assert.ThrowsAsync<SnapshotMismatchException>(() => run.VerifyAsync(sourceFilePath: TestFile, methodName: "Snapshot"));

        string[] expected =
        [
            "LibraryTests.Snapshot#Library.Author.g.received.cs",
            "LibraryTests.Snapshot#Library.Book.g.received.cs",
            "LibraryTests.Snapshot#Library.LibraryGraph.CompiledFacts.g.received.cs",
            "LibraryTests.Snapshot#Library.LibraryGraph.Entities0.g.received.cs",
            "LibraryTests.Snapshot#Library.LibraryGraph.Relations0.g.received.cs",
            "LibraryTests.Snapshot#Library.LibraryGraph.g.received.cs",
            "LibraryTests.Snapshot#Library.LibraryGraphTraversal.g.received.cs",
            "LibraryTests.Snapshot#Library.Wrote.g.received.cs",
        ];
        Assert.Equal(expected, Files("*.received.*"));
        Assert.Empty(Files("*.verified.*"));
        Assert.Equal(expected.Select(name => Path.Combine(_folder.Path, name)), error.ReceivedFiles.Order(StringComparer.Ordinal));
        Assert.Contains("LibraryTests.Snapshot#Library.Author.g.received.cs: no verified snapshot yet", error.Message);
        Assert.Contains("KnowledgeGraph_AcceptSnapshots=true", error.Message);
        Assert.Equal(run.Sources["Library.Author.g.cs"], File.ReadAllText(Path.Combine(_folder.Path, expected[0])));
    }

    [Fact]
    public async Task Accepted_snapshots_pass_and_a_changed_fact_fails_with_the_changed_line()
    {
        await Assert.ThrowsAsync<SnapshotMismatchException>(() => Run().VerifyAsync(sourceFilePath: TestFile, methodName: "Snapshot"));
        AcceptReceived();

        await Run().VerifyAsync(sourceFilePath: TestFile, methodName: "Snapshot");
        Assert.Empty(Files("*.received.*"));

        var changed = Run(Models.Facts.Replace("Leo Tolstoy", "Lev Tolstoy", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<SnapshotMismatchException>(() => changed.VerifyAsync(sourceFilePath: TestFile, methodName: "Snapshot"));

        Assert.Contains("LibraryTests.Snapshot#Library.LibraryGraph.Entities0.g.received.cs: differs from its verified snapshot", error.Message);
        Assert.Matches("""\n-\s+\["Author", "tolstoy", "Leo Tolstoy"\],\n\+\s+\["Author", "tolstoy", "Lev Tolstoy"\],\n""", error.Message);
        Assert.Equal(["LibraryTests.Snapshot#Library.LibraryGraph.Entities0.g.received.cs"], Files("*.received.*"));
    }

    [Fact]
    public async Task Diagnostics_are_compared_as_the_compiler_prints_them_with_paths_relative_to_the_project()
    {
        var run = Run(Models.FactsWithUnknownEntity);

        await Assert.ThrowsAsync<SnapshotMismatchException>(() => run.VerifyAsync(sourceFilePath: TestFile, methodName: "Broken"));

        var text = File.ReadAllText(Path.Combine(_folder.Path, "LibraryTests.Broken.received.txt"));
        Assert.Matches(@"^Models/facts\.kg\.json\(9,\d+\): error KG0007: '.*annaKarenina.*\n$", text);
        Assert.Equal(run.DiagnosticsText(), text);
    }

    [Fact]
    public async Task Accepted_diagnostics_pass_and_once_the_mistake_is_fixed_their_snapshot_is_stale()
    {
        await Assert.ThrowsAsync<SnapshotMismatchException>(() => Run(Models.FactsWithUnknownEntity).VerifyAsync(sourceFilePath: TestFile, methodName: "Broken"));
        AcceptReceived();
        await Run(Models.FactsWithUnknownEntity).VerifyAsync(sourceFilePath: TestFile, methodName: "Broken");

        var error = await Assert.ThrowsAsync<SnapshotMismatchException>(() => Run().VerifyAsync(sourceFilePath: TestFile, methodName: "Broken"));

        Assert.Contains("LibraryTests.Broken.verified.txt: the generator no longer writes this; delete the snapshot.", error.Message);
        Assert.DoesNotContain(error.ReceivedFiles, path => path.EndsWith(".txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_snapshot_of_a_source_no_longer_written_fails_as_stale()
    {
        await Assert.ThrowsAsync<SnapshotMismatchException>(() => Run().VerifyAsync(sourceFilePath: TestFile, methodName: "Snapshot"));
        AcceptReceived();
        _folder.Write("LibraryTests.Snapshot#Library.Publisher.g.verified.cs", "// a type the model had once\n");

        var error = await Assert.ThrowsAsync<SnapshotMismatchException>(() => Run().VerifyAsync(sourceFilePath: TestFile, methodName: "Snapshot"));

        Assert.Contains("LibraryTests.Snapshot#Library.Publisher.g.verified.cs: the generator no longer writes this; delete the snapshot.", error.Message);
        Assert.Empty(error.ReceivedFiles);
    }

    [Fact]
    public async Task Options_leave_out_the_fact_tables_keep_the_chosen_hint_names_and_scrub_the_version()
    {
        var options = new SnapshotOptions
        {
            IncludeFactTables = false,
            HintNameFilter = name => name.StartsWith("Library.LibraryGraph", StringComparison.Ordinal),
            ScrubGeneratedCodeVersion = true,
            SnapshotDirectory = "Snapshots",
        };

        await Assert.ThrowsAsync<SnapshotMismatchException>(() => Run().VerifyAsync(options, TestFile, "Chosen"));

        Assert.Equal(
            [
                "LibraryTests.Chosen#Library.LibraryGraph.CompiledFacts.g.received.cs",
                "LibraryTests.Chosen#Library.LibraryGraph.g.received.cs",
                "LibraryTests.Chosen#Library.LibraryGraphTraversal.g.received.cs",
            ],
            Directory.GetFiles(Path.Combine(_folder.Path, "Snapshots")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var graph = File.ReadAllText(Path.Combine(_folder.Path, "Snapshots", "LibraryTests.Chosen#Library.LibraryGraph.g.received.cs"));
        Assert.Contains("""[global::System.CodeDom.Compiler.GeneratedCode("KnowledgeGraph.Generators", "{version}")]""", graph);
        Assert.DoesNotContain("""GeneratedCode("KnowledgeGraph.Generators", "0""", graph);
    }
}
