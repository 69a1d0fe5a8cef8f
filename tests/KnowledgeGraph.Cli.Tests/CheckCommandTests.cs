using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Diplomacy;
using KnowledgeGraph.EndToEnd.Tests;

using static KnowledgeGraph.Cli.Tests.KgRunner;

namespace KnowledgeGraph.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private static readonly string Sample = Path.Combine(Repository.Root, "src", "IstanbulTalks");
    private static readonly string Schema = Path.Combine(Sample, "diplomacy.kg.json");

    private readonly string _folder = Directory.CreateTempSubdirectory("kg-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_samples_files_pass_with_exit_code_0_and_only_a_summary()
    {
        var (code, output, error) = Kg("check", Path.Combine(Sample, "diplomacy.kg.json"), Path.Combine(Sample, "istanbul-talks.kg.json"));

        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Equal("0 errors, 0 warnings in 2 files", error.Trim());
    }

    [Fact]
    public void A_mistake_is_written_as_the_compiler_writes_it_with_exit_code_1()
    {
        var facts = Write("day.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "entities": { "lavrov": { "type": "Person", "name": "Sergei Lavrov" } },
              "relations": [ ["lavrov", "succeeded", "rubio"] ]
            }
            """);

        var (code, output, error) = Kg("check", Schema, facts);

        Assert.Equal(1, code);
        Assert.Equal(
            [$"{facts}(4,42): error KG0007: 'rubio' is not an entity of graph 'DiplomacyGraph'; declare it under 'entities' or correct the id"],
            Lines(output));
        Assert.Equal("1 error, 0 warnings in 2 files", error.Trim());
    }

    [Fact]
    public void Every_mistake_has_the_id_position_and_message_of_the_builds_checks()
    {
        var first = Write("a.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "entities": {
                "lavrov": { "type": "Person", "name": "Sergei Lavrov", "age": 74 },
                "moscow": { "type": "City" }
              },
              "relations": [ ["lavrov", "leads", "moscow"] ]
            }
            """);
        var second = Write("b.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "relations": [ ["lavrov", "calls", "moscow"], ["nobody", "succeeded", "lavrov"] ]
            }
            """);

        var (code, output, _) = Kg("check", Schema, first, second);

        // Loading the files into the compiled sample graph runs the generator's checks and reports as the compiler does.
        Assert.False(DiplomacyGraph.TryLoad([first, second], out _, out var expected));
        Assert.Equal(1, code);
        Assert.Equal(expected.Select(d => d.ToString()), Lines(output));
    }

    [Fact]
    public void A_file_that_is_not_json_is_an_error()
    {
        var broken = Write("broken.kg.json", """{ "graph": "DiplomacyGraph", "entities": { """);

        var (code, output, _) = Kg("check", broken);

        Assert.Equal(1, code);
        Assert.StartsWith($"{broken}(1,", output);
        Assert.Contains("error KG0001: The file is not valid JSON", output);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8 with its byte order mark")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    [InlineData("latin1")]
    public void A_mistake_is_placed_in_the_text_whatever_the_files_encoding(string encoding)
    {
        // The accent before the mistake is two bytes in UTF-8, one in Latin-1 (not UTF-8: read as U+FFFD, as the
        // build reads it), two in UTF-16: the column counts it as one character in each.
        const string Text = """
            {
              "graph": "DiplomacyGraph",
              "entities": { "lavrov": { "type": "Person", "name": "Sérgei Lavrov", "title": "Minister", "age": 74 } }
            }
            """;
        var path = Path.Combine(_folder, "lavrov.kg.json");
        File.WriteAllBytes(path, encoding switch
        {
            "utf-8" => System.Text.Encoding.UTF8.GetBytes(Text),
            "utf-8 with its byte order mark" => [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(Text)],
            _ => Encoded(System.Text.Encoding.GetEncoding(encoding)),
        });

        var (code, output, _) = Kg("check", Schema, path);

        Assert.Equal(1, code);
        var column = Text.Split('\n')[2].IndexOf("\"age\"", StringComparison.Ordinal) + 1;
        Assert.StartsWith($"{path}(3,{column}): error KG", output);
        Assert.Single(Lines(output));

        static byte[] Encoded(System.Text.Encoding encoding) => [.. encoding.Preamble, .. encoding.GetBytes(Text)];
    }

    [Fact]
    public void A_broken_schema_is_reported_at_the_offending_token()
    {
        var text = File.ReadAllText(Schema);
        var broken = Write("diplomacy.kg.json", text.Replace("\"from\": \"Person\"", "\"from\": \"Persn\"", StringComparison.Ordinal));
        var expected = File.ReadAllLines(broken)
            .Select((line, i) => (Line: i + 1, Column: line.IndexOf("\"Persn\"", StringComparison.Ordinal) + 1))
            .Where(position => position.Column > 0)
            .Select(position => $"{broken}({position.Line},{position.Column}): error KG0005: 'Persn' is not an entity type of graph 'DiplomacyGraph'; declare it under 'entityTypes' or correct the name")
            .ToList();

        var (code, output, _) = Kg("check", broken);

        Assert.Equal(1, code);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Lines(output));
    }

    [Fact]
    public void A_folder_means_its_kg_json_files_at_any_depth_named_from_the_folder()
    {
        Copy(Schema, "models/diplomacy.kg.json");
        var facts = Write("models/story/day.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "relations": [ ["lavrov", "succeeded", "rubio"] ]
            }
            """);
        Write("models/notes.json", "not a graph file");
        // Build output, as the build's own default items leave it out.
        Copy(Schema, "models/bin/Debug/diplomacy.kg.json");
        Copy(Schema, "models/obj/diplomacy.kg.json");

        var (code, output, error) = Kg("check", Path.Combine(_folder, "models"));

        Assert.Equal(1, code);
        Assert.Equal(
            [
                $"{facts}(3,19): error KG0007: 'lavrov' is not an entity of graph 'DiplomacyGraph'; declare it under 'entities' or correct the id",
                $"{facts}(3,42): error KG0007: 'rubio' is not an entity of graph 'DiplomacyGraph'; declare it under 'entities' or correct the id",
            ],
            Lines(output));
        Assert.Equal("2 errors, 0 warnings in 2 files", error.Trim());
    }

    [Theory]
    [InlineData("*.kg.json", 2)]
    [InlineData("**/*.kg.json", 3)]
    [InlineData("models/**/*.kg.json", 1)]
    [InlineData("d?plomacy.kg.json", 1)]
    public void A_glob_matches_names_with_star_and_question_mark_and_folders_with_two_stars(string glob, int files)
    {
        Copy(Schema, "diplomacy.kg.json");
        Copy(Path.Combine(Sample, "istanbul-talks.kg.json"), "istanbul-talks.kg.json");
        Copy(Schema, "models/deep/diplomacy.kg.json");

        var (_, _, error) = Kg("check", Path.Combine(_folder, glob));

        Assert.EndsWith($" in {files} file{(files == 1 ? "" : "s")}", error.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("models")]
    [InlineData("models/*.kg.json")]
    [InlineData("models/story/../diplomacy.kg.json")]
    public void Relative_paths_are_written_as_given(string path)
    {
        Write("models/diplomacy.kg.json", File.ReadAllText(Schema).Replace("\"from\": \"Person\", \"to\": \"Office\",", "\"from\": \"Persn\", \"to\": \"Office\",", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(_folder, "models", "story"));
        var folder = path.Contains('*', StringComparison.Ordinal) || path.EndsWith(".kg.json", StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : path;

        // The only test that moves the current directory; the tests of one class never run at once.
        var current = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _folder;
        try
        {
            var (code, output, _) = Kg("check", path);

            Assert.Equal(1, code);
            Assert.All(Lines(output), line => Assert.StartsWith(Path.Combine(folder, "diplomacy.kg.json") + "(", line, StringComparison.Ordinal));
        }
        finally
        {
            Environment.CurrentDirectory = current;
        }
    }

    [Fact]
    public void Json_format_writes_every_field_of_each_diagnostic()
    {
        var facts = Write("day.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "entities": { "lavrov": { "type": "Person", "name": "Sergei Lavrov" } },
              "relations": [ ["lavrov", "succeeded", "rubio"] ]
            }
            """);

        var (code, output, _) = Kg("check", "--format", "json", Schema, facts);

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var diagnostic = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("KG0007", diagnostic.GetProperty("id").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(facts, diagnostic.GetProperty("path").GetString());
        Assert.Equal(4, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(42, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal("'rubio' is not an entity of graph 'DiplomacyGraph'; declare it under 'entities' or correct the id", diagnostic.GetProperty("message").GetString());
        Assert.Equal("https://github.com/knowledgegraph-dotnet/knowledgegraph/blob/main/docs/diagnostics.md#kg0007", diagnostic.GetProperty("helpLink").GetString());
    }

    [Fact]
    public void Json_format_of_clean_files_is_an_empty_array()
    {
        var (code, output, _) = Kg("check", "-f", "json", Sample);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("Required command was not provided.")]
    [InlineData("Required argument 'paths' missing for command: 'check'.", "check")]
    [InlineData("Unrecognized option '--bogus'.", "check", "--bogus", "{sample}")]
    [InlineData("Unrecognized command or argument 'lint'.", "lint")]
    [InlineData("Argument 'xml' not recognized.", "check", "--format", "xml", "{sample}")]
    [InlineData("no file matches '{missing}'.", "check", "{missing}")]
    public void Bad_usage_exits_with_2_a_message_and_the_usage_and_no_stack_trace(string message, params string[] args)
    {
        var missing = Path.Combine(_folder, "missing.kg.json");
        string Fill(string text) => text.Replace("{sample}", Sample, StringComparison.Ordinal).Replace("{missing}", missing, StringComparison.Ordinal);

        var (code, output, error) = Kg([.. args.Select(Fill)]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"kg: {Fill(message)}", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_kg_json_files_is_bad_usage()
    {
        Write("empty/notes.json", "{}");

        var (code, _, error) = Kg("check", Path.Combine(_folder, "empty"));

        Assert.Equal(2, code);
        Assert.Contains("holds no .kg.json file", error, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private void Copy(string source, string name) => Write(name, File.ReadAllText(source));
}
