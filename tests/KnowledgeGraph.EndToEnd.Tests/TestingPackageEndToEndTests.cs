using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.EndToEnd.Tests;

/// <summary>
/// The KnowledgeGraph.Testing package as a user gets it: a fresh xunit project that references the packed
/// KnowledgeGraph and KnowledgeGraph.Testing packages snapshots the code generated for an app's model.
/// </summary>
public sealed class TestingPackageEndToEndTests(PackageFixture fixture) : IClassFixture<PackageFixture>
{
    // No diff tool may open on the machine that runs these tests.
    private static readonly Dictionary<string, string> NoDiffTool = new() { ["DiffEngine_Disabled"] = "true" };

    [Fact]
    public void A_snapshot_test_fails_first_passes_once_accepted_and_shows_the_changed_line_of_a_renamed_fact()
    {
        fixture.PackAlso(Path.Combine("src", "KnowledgeGraph.Testing", "KnowledgeGraph.Testing.csproj"));
        var model = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", "Library.kg.json"));
        var app = fixture.CreateProject(
            "ShelfApp",
            """<PackageReference Include="KnowledgeGraph" Version="$(KnowledgeGraphVersion)" />""",
            new Dictionary<string, string> { ["Models/Library.kg.json"] = model },
            outputType: "Library");
        var tests = fixture.CreateProject(
            "ShelfApp.Tests",
            """
            <PackageReference Include="KnowledgeGraph" Version="$(KnowledgeGraphVersion)" />
                <PackageReference Include="KnowledgeGraph.Testing" Version="$(KnowledgeGraphVersion)" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="4.0.1" />
            """,
            new Dictionary<string, string>
            {
                ["GeneratedCodeTests.cs"] = """
                    using KnowledgeGraph.Testing;
                    using Xunit;

                    public class GeneratedCodeTests
                    {
                        [Fact]
                        public Task GeneratedCode() =>
                            GeneratorRun.ForProject("../ShelfApp/ShelfApp.csproj").VerifyAsync();
                    }
                    """,
            });

        var first = tests.Test(NoDiffTool);
        Assert.True(first.ExitCode != 0, $"The first run passed without a snapshot:{Environment.NewLine}{first}");
        Assert.Contains("GeneratedCodeTests.GeneratedCode#Shelf.Author.g.received.cs: no verified snapshot yet", first.Output);
        var received = Directory.GetFiles(tests.Directory, "*.received.*");
        Assert.Contains(Path.Combine(tests.Directory, "GeneratedCodeTests.GeneratedCode#Shelf.LibraryGraph.g.received.cs"), received);
        Assert.Empty(Directory.GetFiles(tests.Directory, "*.verified.*"));

        // Accepting as the package's README says: each received file renamed to verified.
        foreach (var file in received)
        {
            File.Move(file, file.Replace(".received.", ".verified.", StringComparison.Ordinal));
        }

        var accepted = tests.Test(NoDiffTool);
        Assert.True(accepted.ExitCode == 0, $"The accepted snapshots did not pass:{Environment.NewLine}{accepted}");
        Assert.Contains("Passed!", accepted.Output);

        var modelPath = Path.Combine(app.Directory, "Models", "Library.kg.json");
        File.WriteAllText(modelPath, model.Replace("\"name\": \"Neil Gaiman\"", "\"name\": \"Neil Richard Gaiman\"", StringComparison.Ordinal));
        var changed = tests.Test(NoDiffTool);
        Assert.True(changed.ExitCode != 0, $"A renamed fact passed:{Environment.NewLine}{changed}");
        Assert.Contains("GeneratedCodeTests.GeneratedCode#Shelf.LibraryGraph.Entities0.g.received.cs: differs from its verified snapshot", changed.Output);
        // The row of the renamed entity, removed and added, in the diff of the test's message.
        Assert.True(
            Regex.IsMatch(changed.Output, """\n\s*-\s+\["Author", "gaiman", "Neil Gaiman"\],\n\s*\+\s+\["Author", "gaiman", "Neil Richard Gaiman"\],"""),
            $"The message does not show the changed line:{Environment.NewLine}{changed}");
        Assert.Equal(
            ["GeneratedCodeTests.GeneratedCode#Shelf.LibraryGraph.Entities0.g.received.cs"],
            Directory.GetFiles(tests.Directory, "*.received.*").Select(Path.GetFileName));
    }
}
