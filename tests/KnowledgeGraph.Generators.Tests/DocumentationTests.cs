using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// docs/diagnostics.md stays true: every descriptor has a section and a summary row with its exact title and
/// severity, each section's <b>wrong</b> example gives exactly its diagnostic, with the documented message, at the
/// token marked <c>/*↓*/</c>, and each <b>fixed</b> example gives no diagnostic and compiles cleanly.
/// </summary>
public sealed class DocumentationTests
{
    private const string Marker = "/*↓*/";

    // A ```jsonc block without a "// name.kg.json" first line is this file.
    private const string DefaultPath = "model.kg.json";

    private static readonly Lazy<string[]> DocLines = new(() =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md")).ReplaceLineEndings("\n").Split('\n'));

    private static readonly Lazy<IReadOnlyDictionary<string, Section>> DocSections = new(() => ParseSections(DocLines.Value));

    private static readonly DiagnosticDescriptor[] AllDescriptors = typeof(Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToArray();

    // The diagnostics only a load at run time gives, and the file their examples load.
    private static readonly string[] LoaderOnly = ["KG0030", "KG0031"];
    private const string LoadedPath = "today.kg.json";

    public static TheoryData<string> Ids() => [.. AllDescriptors.Select(descriptor => descriptor.Id)];

    [Fact]
    public void EveryDescriptorHasASectionAndASummaryRow()
    {
        var lines = DocLines.Value;
        Assert.NotEmpty(AllDescriptors);
        foreach (var descriptor in AllDescriptors)
        {
            var id = descriptor.Id;
            var anchor = id.ToLowerInvariant();
            var severity = descriptor.DefaultSeverity.ToString();
            var title = descriptor.Title.ToString(CultureInfo.InvariantCulture);

            var section = SectionOf(id);
            Assert.Equal(title, section.Title);
            Assert.True(section.Severity == severity, $"{id}: **Severity:** is '{section.Severity}', the descriptor's is '{severity}'");

            // The help link leads to the section.
            Assert.EndsWith("#" + anchor, descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.Contains($"<a id=\"{anchor}\"></a>", lines[section.HeadingLine - 1]);

            var row = $"| [{id}](#{anchor}) | {title} | {severity} |";
            Assert.True(lines.Count(line => line == row) == 1, $"The summary table has no row (or more than one) '{row}'");
        }

        var documented = DocSections.Value.Keys.Order(StringComparer.Ordinal);
        Assert.Equal(AllDescriptors.Select(descriptor => descriptor.Id), documented);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void WrongExampleGivesItsDiagnosticWhereMarkedWithItsMessage(string id)
    {
        var section = SectionOf(id);
        Assert.True(section.Message is not null, $"{id}: no **Message:** line");
        Assert.True(section.Wrong.Count > 0, $"{id}: no **Wrong:** example");

        var marked = section.Wrong.Where(file => file.Content.Contains(Marker, StringComparison.Ordinal)).ToArray();
        Assert.True(marked.Length == 1, $"{id}: the wrong example must hold one {Marker}, in one of its files");
        Assert.True(marked[0].Content.IndexOf(Marker, StringComparison.Ordinal) == marked[0].Content.LastIndexOf(Marker, StringComparison.Ordinal), $"{id}: more than one {Marker}");
        var (line, column) = PositionAfterMarker(marked[0].Content);
        if (LoaderOnly.Contains(id))
        {
            var loaded = LoadAtRunTime(section.Wrong);
            Assert.True(loaded.Count == 1, $"{id}: the wrong example gives {loaded.Count} diagnostics, not one:\n" + string.Join("\n", loaded));
            Assert.Equal((id, section.Message, $"{marked[0].Path}({line + 1},{column + 1})"), (loaded[0].Id, loaded[0].Message, $"{loaded[0].Path}({loaded[0].Line},{loaded[0].Column})"));
            return;
        }

        var result = GeneratorHarness.Run([.. section.Wrong]);

        var diagnostics = result.GeneratorDiagnostics;
        Assert.True(diagnostics.Length == 1, $"{id}: the wrong example gives {diagnostics.Length} diagnostics, not one:\n" + string.Join("\n", diagnostics));
        var diagnostic = diagnostics[0];
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(section.Message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(
            $"{marked[0].Path}({line + 1},{column + 1})",
            $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})");

        // "Points at" names the additional location exactly where the diagnostic carries one.
        Assert.True(
            section.PointsAt.Contains("additional location", StringComparison.Ordinal) == diagnostic.AdditionalLocations.Count > 0,
            $"{id}: **Points at:** says '{section.PointsAt}', the diagnostic has {diagnostic.AdditionalLocations.Count} additional location(s)");

        // One mistake, one diagnostic: the rest still generates and compiles.
        result.ShouldCompileCleanly();

        // And loaded at run time, the example gives the same diagnostic at the same place.
        LoaderParity.AssertSameAsGenerator(section.Wrong, result);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void FixedExampleIsCleanAndCompiles(string id)
    {
        var section = SectionOf(id);
        Assert.True(section.Fixed.Count > 0, $"{id}: no **Fixed:** example");
        Assert.DoesNotContain(section.Fixed, file => file.Content.Contains(Marker, StringComparison.Ordinal));
        if (LoaderOnly.Contains(id))
        {
            Assert.Empty(LoadAtRunTime(section.Fixed));
            return;
        }

        var result = GeneratorHarness.Run([.. section.Fixed]);

        var diagnostics = result.GeneratorDiagnostics;
        Assert.True(diagnostics.IsEmpty, $"{id}: the fixed example gives diagnostics:\n" + string.Join("\n", diagnostics));
        result.ShouldCompileCleanly();
    }

    /// <summary>
    /// Compiles the example's project files and loads its <c>today.kg.json</c> at run time, for the diagnostics that only a
    /// load gives.
    /// </summary>
    private static List<(string Id, string Message, string Path, int Line, int Column)> LoadAtRunTime(List<ModelFile> example)
    {
        var graph = LoaderParity.Compile([.. example.Where(file => file.Path != LoadedPath)]);
        var folder = Directory.CreateTempSubdirectory("kg-docs-").FullName;
        try
        {
            return LoaderParity.TryLoadWithMessages(graph, folder, example.Where(file => file.Path == LoadedPath));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Section SectionOf(string id)
    {
        Assert.True(DocSections.Value.TryGetValue(id, out var section), $"docs/diagnostics.md has no section '## {id}: …'");
        return section!;
    }

    private static (int Line, int Column) PositionAfterMarker(string content)
    {
        var before = content[..(content.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)];
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.Count(c => c == '\n'), before.Length - lineStart);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KnowledgeGraph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KnowledgeGraph.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// The sections "## KGnnnn: Title", each up to the next "## " heading. In a section, "**Wrong" and "**Fixed"
    /// start an example, made of the ```jsonc blocks up to the next "**" paragraph; a block whose first line is
    /// "// name.kg.json" is that file of the example, any other is <see cref="DefaultPath"/>.
    /// </summary>
    private static Dictionary<string, Section> ParseSections(string[] lines)
    {
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        Section? section = null;
        List<ModelFile>? example = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                example = null;
                section = null;
                if (Regex.Match(line, @"^## (KG\d{4}): (.+)$") is { Success: true } heading)
                {
                    section = new Section(heading.Groups[1].Value, heading.Groups[2].Value, i);
                    Assert.True(sections.TryAdd(section.Id, section), $"Two sections for {section.Id}");
                }

                continue;
            }

            if (section is null)
            {
                continue;
            }

            if (line.StartsWith("**", StringComparison.Ordinal))
            {
                example = null;
                if (Field(line, "Severity") is { } severity)
                {
                    section.Severity ??= severity;
                }
                else if (Field(line, "Message") is { } message)
                {
                    Assert.True(section.Message is null, $"{section.Id}: two **Message:** lines");
                    Assert.Matches("^`[^`]+`$", message);
                    section.Message = message[1..^1];
                }
                else if (Field(line, "Points at") is { } pointsAt)
                {
                    // The paragraph goes on to the next blank line.
                    for (var j = i + 1; j < lines.Length && lines[j].Length > 0; j++)
                    {
                        pointsAt += " " + lines[j];
                    }

                    section.PointsAt = pointsAt;
                }
                else if (line.StartsWith("**Wrong", StringComparison.Ordinal))
                {
                    Assert.True(section.Wrong.Count == 0, $"{section.Id}: two wrong examples");
                    example = section.Wrong;
                }
                else if (line.StartsWith("**Fixed", StringComparison.Ordinal))
                {
                    Assert.True(section.Fixed.Count == 0, $"{section.Id}: two fixed examples");
                    example = section.Fixed;
                }

                continue;
            }

            if (line.StartsWith("```jsonc", StringComparison.Ordinal) && example is not null)
            {
                var body = new List<string>();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                {
                    body.Add(lines[i]);
                }

                var name = Regex.Match(body.FirstOrDefault() ?? "", @"^//\s*(\S+\.kg\.json)\s*$");
                var path = name.Success ? name.Groups[1].Value : DefaultPath;
                Assert.DoesNotContain(example, file => file.Path == path);
                example.Add(new ModelFile(path, string.Join("\n", body) + "\n"));
            }
        }

        return sections;
    }

    private static string? Field(string line, string name) =>
        line.StartsWith($"**{name}:**", StringComparison.Ordinal) ? line[(name.Length + 5)..].Trim() : null;

    private sealed class Section(string id, string title, int headingLine)
    {
        public string Id { get; } = id;

        public string Title { get; } = title;

        /// <summary>The 0-based line of the "## " heading.</summary>
        public int HeadingLine { get; } = headingLine;

        public string? Severity { get; set; }

        public string? Message { get; set; }

        public string PointsAt { get; set; } = "";

        public List<ModelFile> Wrong { get; } = [];

        public List<ModelFile> Fixed { get; } = [];
    }
}
