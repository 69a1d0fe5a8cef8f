using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KnowledgeGraph.Tests.Values;

namespace KnowledgeGraph.Tests.Saving;

/// <summary>
/// What <see cref="GraphView.Save(Stream)"/> writes, on the compiled-in graph of Models/values.kg.json (every kind of
/// value) and the sample. That the generator reads a saved file back to an equal graph is tested in the generator's
/// tests (SaveRoundTripTests), which can run it.
/// </summary>
public sealed class SaveTests
{
    private static ValuesGraph G => ValuesGraph.Default;

    // Every value as the files write it: escapes, the digits a decimal holds, vague dates, one source or a list, roles
    // by name, enum values by their names in the files, lists, and absent values (stool's note, rating, …) left out.
    private const string ValuesFile = """
        {
          "$schema": "https://raw.githubusercontent.com/knowledgegraph-dotnet/knowledgegraph/main/nuget/kg.schema.json",
          "namespace": "KnowledgeGraph.Tests.Values",
          "graph": "ValuesGraph",
          "entities": {
            "wire": { "type": "Source", "name": "The wire" },
            "paper": { "type": "Source", "name": "The paper" },
            "odd \"id\" \\ ü": { "type": "Source", "name": "A source whose id needs escaping" },
            "hall": { "type": "Place", "name": "Town hall" },
            "lamp": { "type": "Item", "name": "Lamp \"\"\"Deluxe\"\"\"\nsecond\tline \\ \u2028 after a line separator, \u202eright-to-left, zero\u200bwidth, Дарчиев, 😀", "note": "a note", "count": -2147483648, "serial": 9223372036854775807, "weight": 1E-07, "price": 19.990, "inStock": true, "released": "2024-02-29", "updated": "2025-02-12T14:30:00+03:00", "homepage": "https://example.org/lamp?size=2&colour=r%C3%B6d", "mood": "very-angry", "rating": 4.25, "lastSeen": "2025-12-31", "mirror": "https://mirror.example.org/", "moodLater": "calm", "tags": ["light", "", "desk"], "sizes": [3, -1], "prices": [0.5, 100], "days": ["2025-01-01", "2025-01-02"], "moods": ["calm", "very-angry", "calm"], "links": ["https://a.example/", "https://b.example/"] },
            "stool": { "type": "Item", "name": "Stool", "count": 0, "serial": -1, "weight": 2.5, "price": 0, "inStock": false, "released": "1999-12-31", "updated": "1999-12-31T23:59:59+00:00", "homepage": "https://example.org/stool", "mood": "calm" }
          },
          "relations": [
            { "from": "lamp", "type": "replaces", "to": "stool", "since": "2025-01-01", "reason": "brighter", "score": 1.50, "source": ["wire", "paper"], "validFrom": "2025", "validTo": "2025-06" },
            { "from": "stool", "type": "replaces", "to": "lamp", "since": "2000-01-01", "validTo": "2001-02-03" },
            { "from": "lamp", "type": "met", "to": "stool", "venue": "hall", "witness": "stool", "guests": ["lamp", "stool"], "source": "wire", "validFrom": "2025-03-04" },
            { "from": "stool", "type": "met", "to": "lamp", "venue": "hall", "source": "wire" },
            { "from": "lamp", "type": "met", "to": "lamp", "venue": "hall", "source": ["wire", "odd \"id\" \\ ü"] }
          ]
        }

        """;

    [Fact]
    public void A_graph_saves_as_its_canonical_file()
    {
        Assert.Equal(ValuesFile.Replace("\r\n", "\n"), Text(G));
    }

    [Fact]
    public async Task The_README_example_saves_a_graph_built_in_code_and_a_view()
    {
        var g = Diplomacy.DiplomacyGraph.Default;
        var folder = Directory.CreateTempSubdirectory("kg-save-");
        using var stream = new MemoryStream();
        var cancellationToken = CancellationToken.None;
        try
        {
            // As in the README's "Saving", in a folder of its own.
            var whatIf = g.ToBuilder();
            whatIf.AddRelation(new Diplomacy.Called(g.Trump, g.Lavrov) { On = new DateOnly(2025, 3, 1), Sources = [g.ReutersIstanbul] });
            whatIf.Build().Save(Path.Combine(folder.FullName, "istanbul-talks.kg.json"));
            g.AsOf(new DateOnly(2025, 2, 15)).Save(stream);
            await g.SaveAsync(stream, cancellationToken);

            var saved = File.ReadAllText(Path.Combine(folder.FullName, "istanbul-talks.kg.json"));
            Assert.StartsWith("{\n  \"$schema\": \"https://raw.githubusercontent.com/knowledgegraph-dotnet/knowledgegraph/main/nuget/kg.schema.json\",\n  \"namespace\": \"Diplomacy\",\n  \"graph\": \"DiplomacyGraph\",\n  \"entities\": {\n    \"reutersIstanbul\": { \"type\": \"Article\", \"name\": \"Reuters report from Istanbul\", \"date\": \"2025-02-28\" },\n    \"trump\": { \"type\": \"Person\", \"name\": \"Donald Trump\", \"title\": \"President of the United States\" },\n", saved);
            Assert.Contains("\n    { \"from\": \"trump\", \"type\": \"holdsOffice\", \"to\": \"usPresident\", \"source\": \"reutersIstanbul\", \"validFrom\": \"2025-01\" },\n", saved);
            Assert.EndsWith("\n    { \"from\": \"trump\", \"type\": \"called\", \"to\": \"lavrov\", \"on\": \"2025-03-01\", \"source\": \"reutersIstanbul\" }\n  ]\n}\n", saved);
            Assert.Equal(Bytes(g.AsOf(new DateOnly(2025, 2, 15))).Concat(Bytes(g)), stream.ToArray());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_bytes_are_the_same_on_every_run_in_every_culture_and_by_every_overload()
    {
        var expected = Bytes(Diplomacy.DiplomacyGraph.Default);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // In tr-TR "i".ToUpper() is not "I", and numbers and dates are written otherwise.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");
            Assert.Equal(expected, Bytes(Diplomacy.DiplomacyGraph.Default));
            Assert.Equal(Bytes(G), Encoding.UTF8.GetBytes(ValuesFile.Replace("\r\n", "\n")));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }

        var path = Path.Combine(Path.GetTempPath(), $"kg-save-{Guid.NewGuid():N}.kg.json");
        try
        {
            Diplomacy.DiplomacyGraph.Default.Save(path);
            Assert.Equal(expected, File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SaveAsync_writes_the_same_bytes()
    {
        var stream = new MemoryStream();
        await Diplomacy.DiplomacyGraph.Default.SaveAsync(stream);

        Assert.Equal(Bytes(Diplomacy.DiplomacyGraph.Default), stream.ToArray());
    }

    [Fact]
    public async Task SaveAsync_stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => G.SaveAsync(new MemoryStream(), cancelled.Token));
    }

    [Fact]
    public void A_relation_with_nothing_but_its_ends_is_written_as_an_array()
    {
        var g = Diplomacy.DiplomacyGraph.Default;
        var builder = g.ToBuilder();
        builder.AddRelation(new Diplomacy.WorksFor(g.Lavrov, g.RussianForeignMinistry));

        Assert.EndsWith("    [\"lavrov\", \"worksFor\", \"russianForeignMinistry\"]\n  ]\n}\n", Text(builder.Build()));
    }

    [Theory]
    [InlineData("\u0000\u0001\u001f", "\\u0000\\u0001\\u001f")]
    [InlineData("\b\f\n\r\t", "\\b\\f\\n\\r\\t")]
    [InlineData("\"quoted\" \\ back/slash", "\\\"quoted\\\" \\\\ back/slash")]
    [InlineData("\u007f\u0085\u00ad\u200d\u2029\ufeff", "\\u007f\\u0085\\u00ad\\u200d\\u2029\\ufeff")]
    [InlineData("İstanbul, ı, Ünye, 東京, 🇹🇷", "İstanbul, ı, Ünye, 東京, 🇹🇷")]
    public void Strings_are_escaped_so_they_read_back_as_they_were(string value, string written)
    {
        var builder = G.ToBuilder();
        builder.AddEntity(new Source("x") { Name = value, Note = "" });
        var text = Text(builder.Build());

        Assert.Contains($"    \"x\": {{ \"type\": \"Source\", \"name\": \"{written}\", \"note\": \"\" }}\n", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(value, json.RootElement.GetProperty("entities").GetProperty("x").GetProperty("name").GetString());
    }

    [Fact]
    public void A_view_saves_only_what_it_holds()
    {
        // In June 2000 the lamp (released 2024) was not yet there, so neither were the facts about it.
        var text = Text(G.AsOf(new DateOnly(2000, 6, 1)));

        Assert.Equal(["wire", "paper", "odd \"id\" \\ ü", "hall", "stool"], EntityIds(text));
        Assert.Contains("  \"relations\": []\n}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_view_cites_only_the_sources_it_holds_and_leaves_out_a_fact_whose_role_player_it_leaves_out()
    {
        var withoutPaper = Text(G.WhereEntities(entity => entity.Id != "paper"));
        var withoutHall = Text(G.WhereEntities(entity => entity.Id != "hall"));

        Assert.Contains("""{ "from": "lamp", "type": "replaces", "to": "stool", "since": "2025-01-01", "reason": "brighter", "score": 1.50, "source": "wire", "validFrom": "2025", "validTo": "2025-06" }""", withoutPaper, StringComparison.Ordinal);
        Assert.Equal(5, Relations(withoutPaper).Count);
        Assert.Equal(["replaces", "replaces"], Relations(withoutHall).Select(r => r.GetProperty("type").GetString()));
    }

    [Fact]
    public void Save_to_a_path_replaces_the_file_whole()
    {
        var folder = Directory.CreateTempSubdirectory("kg-save-");
        try
        {
            var path = Path.Combine(folder.FullName, "graph.kg.json");
            File.WriteAllText(path, "the old file");

            G.Save(path);

            Assert.Equal(Bytes(G), File.ReadAllBytes(path));
            Assert.Equal(["graph.kg.json"], folder.GetFiles().Select(file => file.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Save_to_a_path_that_fails_leaves_the_old_file_and_no_part_of_the_new_one()
    {
        var folder = Directory.CreateTempSubdirectory("kg-save-");
        try
        {
            var path = Path.Combine(folder.FullName, "graph.kg.json");
            File.WriteAllText(path, "the old file");
            // The last entity cannot be written: everything before it has been by then.
            var builder = G.ToBuilder();
            builder.AddEntity(new Source("broken") { Name = "half a pair: \ud83d" });
            var broken = builder.Build();

            var error = Assert.Throws<InvalidOperationException>(() => broken.Save(path));

            Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
            Assert.Equal("the old file", File.ReadAllText(path));
            Assert.Equal(["graph.kg.json"], folder.GetFiles().Select(file => file.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Values_no_file_can_hold_are_refused()
    {
        var builder = G.ToBuilder();
        builder.AddEntity(new Item("nan")
        {
            Name = "NaN", Count = 0, Serial = 0, Weight = double.NaN, Price = 0, InStock = true, Released = default,
            Updated = default, Homepage = new Uri("https://example.org/"), Mood = Mood.Calm,
        });
        var error = Assert.Throws<InvalidOperationException>(() => builder.Build().Save(Stream.Null));

        Assert.Equal("The entity 'nan' holds the number NaN, which JSON cannot hold: a .kg.json file cannot hold it.", error.Message);

        var other = G.ToBuilder();
        other.AddEntity(new Item("seven")
        {
            Name = "Seven", Count = 0, Serial = 0, Weight = 0, Price = 0, InStock = true, Released = default,
            Updated = default, Homepage = new Uri("https://example.org/"), Mood = (Mood)7,
        });
        error = Assert.Throws<InvalidOperationException>(() => other.Build().Save(Stream.Null));

        Assert.Equal("The entity 'seven' holds the Mood value 7, which its enum does not declare: a .kg.json file cannot hold it.", error.Message);
    }

    [Fact]
    public void Errors_of_the_stream_and_the_path_pass_through()
    {
        Assert.Throws<ArgumentNullException>(() => G.Save((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => G.Save((string)null!));
        Assert.Throws<ArgumentException>(() => G.Save(""));
        Assert.Throws<DirectoryNotFoundException>(() => G.Save(Path.Combine(Path.GetTempPath(), $"kg-missing-{Guid.NewGuid():N}", "graph.kg.json")));
        Assert.Throws<NotSupportedException>(() => G.Save(new MemoryStream([], writable: false)));
    }

    [Fact]
    public void A_large_graph_goes_to_the_stream_as_it_is_written()
    {
        var builder = G.ToBuilder();
        for (var i = 0; i < 5000; i++)
        {
            builder.AddEntity(new Source($"source{i}") { Name = new string('x', 100) });
        }

        var stream = new RecordingStream();
        builder.Build().Save(stream);

        // About 600 KB in writes of about 64 KB: the whole file is never held at once.
        Assert.True(stream.Length > 500_000, $"{stream.Length} bytes");
        Assert.True(stream.Writes.Count >= 8, $"{stream.Writes.Count} writes");
        Assert.All(stream.Writes, size => Assert.InRange(size, 1, 80_000));
    }

    [Fact]
    public void A_graph_class_the_generator_did_not_write_cannot_be_saved()
    {
        Assert.Throws<NotSupportedException>(() => Runtime.DiplomacyGraph.Default.Save(Stream.Null));
    }

    private static byte[] Bytes(GraphView graph)
    {
        var stream = new MemoryStream();
        graph.Save(stream);
        return stream.ToArray();
    }

    private static string Text(GraphView graph) => Encoding.UTF8.GetString(Bytes(graph));

    private static List<string> EntityIds(string text)
    {
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("entities").EnumerateObject().Select(entity => entity.Name).ToList();
    }

    private static List<JsonElement> Relations(string text) =>
        JsonDocument.Parse(text).RootElement.GetProperty("relations").EnumerateArray().ToList();

    private sealed class RecordingStream : MemoryStream
    {
        public List<int> Writes { get; } = [];

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes.Add(count);
            base.Write(buffer, offset, count);
        }
    }
}
