using System;
using System.IO;
using KnowledgeGraph.Cli;

namespace KnowledgeGraph.EndToEnd.Tests;

/// <summary>What <c>kg init</c> writes, built and run as a user would, with the packed package.</summary>
public sealed class InitEndToEndTests(PackageFixture fixture) : IClassFixture<PackageFixture>
{
    [Fact]
    public void The_project_kg_init_writes_builds_with_the_package_and_runs_its_queries()
    {
        // Under the fixture's folder: its NuGet.config adds the feed, its build files shut out the repository's.
        var directory = Path.Combine(fixture.WorkDirectory, "consumers", "starter-app");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = KgCommand.Run(["init", directory], output, error);

        Assert.True(code == 0, error.ToString());
        var projectPath = Path.Combine(directory, "StarterApp.csproj");
        Assert.Contains($"Wrote {projectPath}", output.ToString());

        // The project references the tool's own version; here that is the version the fixture packed.
        var project = File.ReadAllText(projectPath);
        var reference = $"""<PackageReference Include="KnowledgeGraph" Version="{InitCommand.PackageVersion}" />""";
        Assert.Contains(reference, project);
        File.WriteAllText(projectPath, project.Replace(reference, $"""<PackageReference Include="KnowledgeGraph" Version="{fixture.Version}" />""", StringComparison.Ordinal));

        var app = new ConsumerApp(fixture, directory, projectPath);
        var build = app.Build();
        Assert.True(build.ExitCode == 0, $"The app did not build:{Environment.NewLine}{build}");
        Assert.DoesNotMatch(@"(error|warning) (CS|KG)\d{4}", build.Output);

        var run = app.Run();
        Assert.True(run.ExitCode == 0, $"The app failed:{Environment.NewLine}{run}");
        string[] expected =
        [
            "7 entities, 5 facts",
            "Leo Tolstoy, born in Yasnaya Polyana, wrote War and Peace (1869), Anna Karenina (1878)",
            "Fyodor Dostoevsky, born in Moscow, wrote Crime and Punishment (1866)",
            "Anna Karenina was written by Leo Tolstoy",
        ];
        Assert.Equal(string.Join('\n', expected), run.Output.ReplaceLineEndings("\n").Trim());
    }
}
