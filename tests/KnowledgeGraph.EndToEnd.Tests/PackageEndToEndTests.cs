using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace KnowledgeGraph.EndToEnd.Tests;

/// <summary>The KnowledgeGraph package as a user gets it: packed, installed by version, built and run.</summary>
public sealed class PackageEndToEndTests(PackageFixture fixture) : IClassFixture<PackageFixture>
{
    private static string ConsumerFile(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", name));

    [Fact]
    public void A_fresh_app_builds_its_model_into_typed_classes_and_queries_them()
    {
        var app = fixture.CreateConsumer("LibraryApp", new Dictionary<string, string>
        {
            ["Program.cs"] = ConsumerFile("Program.cs"),
            ["Models/Library.kg.json"] = ConsumerFile("Library.kg.json"),
        });

        var build = app.Build();
        Assert.True(build.ExitCode == 0, $"The app did not build:{Environment.NewLine}{build}");
        Assert.DoesNotContain("CS8785", build.Output, StringComparison.Ordinal);

        AssertQueryResults(app.Run());
    }

    [Fact]
    public void An_app_that_gets_the_package_through_a_project_reference_generates_its_classes_too()
    {
        // buildTransitive: the library references the package, the app only the library.
        fixture.CreateProject(
            "CatalogLibrary",
            """<PackageReference Include="KnowledgeGraph" Version="$(KnowledgeGraphVersion)" />""",
            new Dictionary<string, string> { ["Catalog.cs"] = "namespace CatalogLibrary;\n\npublic static class Catalog\n{\n    public const string Name = \"catalog\";\n}\n" },
            outputType: "Library");
        var app = fixture.CreateProject(
            "CatalogApp",
            """<ProjectReference Include="../CatalogLibrary/CatalogLibrary.csproj" />""",
            new Dictionary<string, string>
            {
                ["Program.cs"] = ConsumerFile("Program.cs"),
                ["Library.kg.json"] = ConsumerFile("Library.kg.json"),
            });

        var build = app.Build();
        Assert.True(build.ExitCode == 0, $"The app did not build:{Environment.NewLine}{build}");
        AssertQueryResults(app.Run());
    }

    private static void AssertQueryResults(ProcessResult run)
    {
        Assert.True(run.ExitCode == 0, $"The app failed:{Environment.NewLine}{run}");
        string[] expected =
        [
            "entities: 6, relations: 5",
            "publisher of Good Omens: Gollancz",
            "authors of Good Omens: Neil Gaiman, Terry Pratchett",
            "Gollancz publishes: A Wizard of Earthsea, Good Omens",
            "Terry Pratchett wrote 7 chapters of Good Omens",
            "Ursula K. Le Guin wrote 10 chapters of A Wizard of Earthsea",
            "published before 1980: A Wizard of Earthsea",
            "tags of A Wizard of Earthsea: fantasy, magic",
            "born: gaiman=?, leGuin=1929, pratchett=1948",
            "path: leGuin > earthsea > gollancz > goodOmens > pratchett",
        ];
        Assert.Equal(string.Join('\n', expected), run.Output.ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public void A_mistake_in_the_model_fails_the_build_with_a_KG_error_at_its_line()
    {
        var model = ConsumerFile("Broken.kg.json");
        var app = fixture.CreateConsumer("BrokenApp", new Dictionary<string, string>
        {
            ["Program.cs"] = ConsumerFile("BrokenProgram.cs"),
            ["Broken.kg.json"] = model,
        });
        // The offending token: the id "atlantis" in the relation that names it (1-based line and column).
        var lines = model.ReplaceLineEndings("\n").Split('\n');
        var expectedLine = Array.FindIndex(lines, line => line.Contains("\"atlantis\"", StringComparison.Ordinal)) + 1;
        Assert.True(expectedLine > 0, "The broken model no longer names \"atlantis\".");
        var expectedColumn = lines[expectedLine - 1].IndexOf("\"atlantis\"", StringComparison.Ordinal) + 1;

        var build = app.Build();

        Assert.True(build.ExitCode != 0, $"The app built despite the unknown entity:{Environment.NewLine}{build}");
        // MSBuild's canonical form: path(line,column): error KG0007: message [project]
        var errors = Regex.Matches(
                build.Output,
                @"(?<file>[^\s\\/]+)\((?<line>\d+),(?<column>\d+)\): error (?<id>KG\d{4}): (?<message>[^\r\n]*)")
            .ToList();
        Assert.True(errors.Count > 0, $"No KG error in the build output:{Environment.NewLine}{build}");
        Assert.All(errors, error => Assert.Equal("Broken.kg.json", error.Groups["file"].Value));
        // KG0007: an unknown entity. The message names it and says how to fix it.
        Assert.True(
            errors.Any(error => error.Groups["id"].Value == "KG0007"
                             && int.Parse(error.Groups["line"].Value, CultureInfo.InvariantCulture) == expectedLine
                             && int.Parse(error.Groups["column"].Value, CultureInfo.InvariantCulture) == expectedColumn
                             && error.Groups["message"].Value.Contains("'atlantis'", StringComparison.Ordinal)),
            $"No KG0007 naming 'atlantis' at Broken.kg.json({expectedLine},{expectedColumn}):{Environment.NewLine}{build}");
        Assert.All(errors, error => Assert.Equal("KG0007", error.Groups["id"].Value));
        Assert.DoesNotContain("CS8785", build.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"error CS\d{4}", build.Output);
    }

    [Fact]
    public void Several_mistakes_in_several_files_give_one_KG_error_each_at_its_token_and_no_CSharp_error()
    {
        // Each mistake is marked /*KGnnnn*/ just before the token its error must point at.
        var files = new[] { "Schema.kg.json", "Authors.kg.json", "Books.kg.json" }
            .ToDictionary(name => name, name => ConsumerFile(Path.Combine("Mistakes", name)));
        var expected = files
            .SelectMany(file => Markers(file.Key, file.Value))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(8, expected.Count);
        var app = fixture.CreateConsumer("MistakesApp", new Dictionary<string, string>(files)
        {
            ["Program.cs"] = ConsumerFile(Path.Combine("Mistakes", "Program.cs")),
        });

        var build = app.Build();

        Assert.True(build.ExitCode != 0, $"The app built despite its mistakes:{Environment.NewLine}{build}");
        var reported = Regex.Matches(build.Output, @"(?<file>[^\s\\/]+\.kg\.json)\((?<line>\d+),(?<column>\d+)\): error (?<id>KG\d{4}):")
            .Select(match => $"{match.Groups["file"].Value}({match.Groups["line"].Value},{match.Groups["column"].Value}) {match.Groups["id"].Value}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(expected.SequenceEqual(reported), $"Expected:{Environment.NewLine}{string.Join(Environment.NewLine, expected)}{Environment.NewLine}Reported:{Environment.NewLine}{build}");
        Assert.DoesNotMatch(@"(error|warning) CS\d{4}", build.Output);
    }

    private static IEnumerable<string> Markers(string file, string content)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match marker in Regex.Matches(lines[i], @"/\*(KG\d{4})\*/"))
            {
                yield return $"{file}({i + 1},{marker.Index + marker.Length + 1}) {marker.Groups[1].Value}";
            }
        }
    }

    [Fact]
    public void The_package_holds_the_runtime_the_generator_and_the_build_glue_and_no_Roslyn()
    {
        Assert.Equal($"KnowledgeGraph.{fixture.Version}.nupkg", Path.GetFileName(fixture.PackagePath));
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var entries = package.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
        var listing = string.Join(Environment.NewLine, entries.Order(StringComparer.Ordinal));

        string[] required =
        [
            "KnowledgeGraph.nuspec",
            "README.md",
            "kg.schema.json",
            "lib/net8.0/KnowledgeGraph.dll",
            "lib/net8.0/KnowledgeGraph.xml",
            "lib/net10.0/KnowledgeGraph.dll",
            "lib/net10.0/KnowledgeGraph.xml",
            "analyzers/dotnet/cs/KnowledgeGraph.Generators.dll",
            "analyzers/dotnet/cs/System.Text.Json.dll",
            "build/KnowledgeGraph.targets",
            "buildTransitive/KnowledgeGraph.targets",
        ];
        foreach (var path in required)
        {
            Assert.True(entries.Contains(path), $"The package lacks {path}. It holds:{Environment.NewLine}{listing}");
        }

        Assert.DoesNotContain(entries, entry => entry.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, entry => entry.EndsWith("KnowledgeGraph.Package.dll", StringComparison.OrdinalIgnoreCase));
        var assemblies = entries.Where(entry => entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "analyzers/dotnet/cs/KnowledgeGraph.Generators.dll",
                "analyzers/dotnet/cs/System.Text.Json.dll",
                "lib/net10.0/KnowledgeGraph.dll",
                "lib/net8.0/KnowledgeGraph.dll",
            ],
            assemblies);

        XNamespace ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
        XDocument nuspec;
        using (var stream = package.GetEntry("KnowledgeGraph.nuspec")!.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        var metadata = nuspec.Root!.Element(ns + "metadata")!;
        Assert.Equal("KnowledgeGraph", metadata.Element(ns + "id")?.Value);
        Assert.Equal(fixture.Version, metadata.Element(ns + "version")?.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "tags")?.Value));
        Assert.NotNull(metadata.Element(ns + "repository")?.Attribute("url"));

        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group")
            .ToDictionary(
                group => group.Attribute("targetFramework")!.Value,
                group => group.Elements(ns + "dependency")
                    .Select(dependency => $"{dependency.Attribute("id")!.Value} {dependency.Attribute("version")!.Value}")
                    .ToList());
        Assert.Equal(["net10.0", "net8.0"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.All(groups.Values, dependencies => Assert.Equal(["QuikGraph 2.5.0"], dependencies));

        // The README is the one written for NuGet users, the schema the one in the repository.
        Assert.Equal(
            File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "nuget", "kg.schema.json")),
            ReadEntry(package, "kg.schema.json"));
        Assert.Contains("dotnet add package KnowledgeGraph", ReadEntry(package, "README.md"), StringComparison.Ordinal);
    }

    private static string ReadEntry(ZipArchive package, string path)
    {
        using var reader = new StreamReader(package.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }
}
