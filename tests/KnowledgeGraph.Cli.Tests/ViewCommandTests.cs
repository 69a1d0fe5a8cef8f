using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using KnowledgeGraph.EndToEnd.Tests;

using static KnowledgeGraph.Cli.Tests.KgRunner;

namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg view</c> as a command: what it writes, and what it refuses. <see cref="ViewPageTests"/> opens the pages.</summary>
public sealed class ViewCommandTests : IDisposable
{
    private const string DataStart = "<script type=\"application/json\" id=\"kg-data\">";

    // The sample's compiled files; its RunTime folder holds facts it loads when it runs.
    private static readonly string Schema = Path.Combine(Repository.Root, "src", "IstanbulTalks", "diplomacy.kg.json");
    private static readonly string Facts = Path.Combine(Repository.Root, "src", "IstanbulTalks", "istanbul-talks.kg.json");
    private static readonly string Hostile = Path.Combine(Repository.Root, "tests", "KnowledgeGraph.Tests", "Models", "hostile.kg.json");

    private readonly string _folder = Directory.CreateTempSubdirectory("kg-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A graph of <paramref name="entities"/> entities in a chain of facts, each fact dated a day later.</summary>
    internal static string Model(int entities)
    {
        var text = new StringBuilder("""
            {
              "graph": "ChainGraph",
              "entityTypes": { "Link": { "properties": { "name": "string" } } },
              "relationTypes": { "next": { "from": "Link", "to": "Link" } },
              "entities": {
            """);
        for (var i = 0; i < entities; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    \"e{i}\": {{ \"type\": \"Link\", \"name\": \"Link {i}\" }},\n");
        }

        text.Append("  },\n  \"relations\": [\n");
        var day = new DateOnly(2020, 1, 1);
        for (var i = 1; i < entities; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {{ \"from\": \"e{i - 1}\", \"type\": \"next\", \"to\": \"e{i}\", \"validFrom\": \"{day.AddDays(i):yyyy-MM-dd}\" }},\n");
        }

        return text.Append("  ]\n}\n").ToString();
    }

    [Fact]
    public void The_page_is_one_file_that_holds_the_library_and_the_graph_and_needs_no_network()
    {
        var file = Path.Combine(_folder, "sample.html");

        var (code, output, error) = Kg("view", "--output", file, Schema, Facts);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", output);
        Assert.Equal("", error);
        var page = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains($"cf.version=\"{GraphPage.LibraryVersion}\"", page, StringComparison.Ordinal); // cytoscape.js, inlined
        Assert.Contains("Permission is hereby granted, free of charge", page, StringComparison.Ordinal); // with its licence
        Assert.Contains("default-src 'none'", page, StringComparison.Ordinal); // the page may load nothing
        Assert.DoesNotContain("<script src", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);

        var data = Data(page);
        var g = Diplomacy.DiplomacyGraph.Default;
        Assert.Equal(g.EntityCount, data.GetProperty("entities").GetArrayLength());
        Assert.Equal(g.RelationCount, data.GetProperty("facts").GetArrayLength());
    }

    [Fact]
    public void The_same_files_give_the_same_bytes_in_any_culture()
    {
        var first = Path.Combine(_folder, "first.html");
        var second = Path.Combine(_folder, "second.html");
        Assert.Equal(ExitCodes.Success, Kg("view", "-o", first, Schema, Facts).Code);

        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = Thread.CurrentThread.CurrentUICulture = new CultureInfo("tr-TR");
            Assert.Equal(ExitCodes.Success, Kg("view", "-o", second, Schema, Facts).Code);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = Thread.CurrentThread.CurrentUICulture = culture;
        }

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void No_text_of_the_hostile_model_can_end_the_script_or_open_a_comment()
    {
        var file = Path.Combine(_folder, "hostile.html");

        Assert.Equal(ExitCodes.Success, Kg("view", "-o", file, Hostile).Code);

        var page = File.ReadAllText(file);
        var start = page.IndexOf(DataStart, StringComparison.Ordinal) + DataStart.Length;
        var json = page[start..page.IndexOf("</script>", start, StringComparison.Ordinal)];
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2029", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", page, StringComparison.Ordinal);
        Assert.Equal(3, page.Split("</script>").Length - 1); // the page's own three scripts end, and nothing else

        // And the escaped JSON reads back to the very texts of the file.
        var model = CheckCommand.ReadOneGraph([Hostile], TextWriter.Null, "none", "view")!;
        var graph = FileGraph.Create(model);
        var values = new ElementValues("a test");
        var entities = JsonDocument.Parse(json).RootElement.GetProperty("entities").EnumerateArray().ToArray();
        Assert.Equal(graph.Entities<Entity>().Select(e => e.Id), entities.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(graph.Entities<Entity>().Select(e => values.Of(e).Text("name") ?? e.Id), entities.Select(e => e.GetProperty("label").GetString()));
        Assert.Contains(entities, e => e.GetProperty("label").GetString() == "<script>alert(\"x\")</script>");
    }

    [Fact]
    public void Above_five_thousand_entities_it_refuses_and_offers_around()
    {
        var model = Path.Combine(_folder, "large.kg.json");
        File.WriteAllText(model, Model(GraphPage.MaxEntities + 1));
        var file = Path.Combine(_folder, "large.html");

        var (code, output, error) = Kg("view", "-o", file, model);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", output);
        Assert.Contains("kg: the graph has 5,001 entities, more than the 5,000 a page draws smoothly", error, StringComparison.Ordinal);
        Assert.Contains("--around ID --depth N", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));

        // The neighbourhood it offers is drawn.
        Assert.Equal(ExitCodes.Success, Kg("view", "-o", file, "--around", "e2500", "--depth", "3", model).Code);
        var entities = Data(File.ReadAllText(file)).GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["e2497", "e2498", "e2499", "e2500", "e2501", "e2502", "e2503"], entities);
    }

    [Fact]
    public void Five_thousand_entities_are_drawn()
    {
        var model = Path.Combine(_folder, "large.kg.json");
        File.WriteAllText(model, Model(GraphPage.MaxEntities));
        var file = Path.Combine(_folder, "large.html");

        Assert.Equal(ExitCodes.Success, Kg("view", "-o", file, model).Code);

        Assert.Equal(GraphPage.MaxEntities, Data(File.ReadAllText(file)).GetProperty("entities").GetArrayLength());
    }

    [Fact]
    public void Errors_in_the_files_write_no_page_and_exit_1()
    {
        var broken = Path.Combine(_folder, "broken.kg.json");
        File.WriteAllText(broken, """{ "graph": "G", "entityTypes": { "T": {} }, "entities": { "a": { "type": "Missing" } } }""");
        var file = Path.Combine(_folder, "broken.html");

        var (code, _, error) = Kg("view", "-o", file, broken);

        Assert.Equal(ExitCodes.Errors, code);
        Assert.Matches(@"broken\.kg\.json\(\d+,\d+\): error KG\d{4}", error);
        Assert.Contains("no page written", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("--depth needs --around.", "--depth", "1")]
    [InlineData("has no entity with the id 'nobody'", "--around", "nobody")]
    [InlineData("--depth must be a whole number, 0 or more.", "--around", "lavrov", "--depth", "many")]
    public void Bad_usage_exits_2_with_the_usage(string message, params string[] options)
    {
        var file = Path.Combine(_folder, "page.html");

        var (code, _, error) = Kg(["view", "-o", file, .. options, Schema, Facts]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_bad_usage_not_a_crash()
    {
        var blocker = Path.Combine(_folder, "a-file");
        File.WriteAllText(blocker, "");

        foreach (var output in new[] { Path.Combine(blocker, "page.html"), _folder })
        {
            var (code, _, error) = Kg("view", "-o", output, Schema, Facts);

            Assert.Equal(ExitCodes.Usage, code);
            Assert.StartsWith($"kg: cannot write '{output}': ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }

        Assert.Equal([blocker], Directory.GetFileSystemEntries(_folder)); // and nothing half-written is left
    }

    [Fact]
    public void The_output_is_required()
    {
        var (code, _, error) = Kg("view", Schema, Facts);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Option '--output' is required.", error, StringComparison.Ordinal);
    }

    private static JsonElement Data(string page)
    {
        var start = page.IndexOf(DataStart, StringComparison.Ordinal) + DataStart.Length;
        return JsonDocument.Parse(page[start..page.IndexOf("</script>", start, StringComparison.Ordinal)]).RootElement.Clone();
    }
}
