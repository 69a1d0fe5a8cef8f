using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Diplomacy;

namespace KnowledgeGraph.Tests;

/// <summary>
/// Files loaded at run time: read as they stream, checked by the generator's own checks with the same IDs, messages
/// and positions, and all or nothing.
/// </summary>
public sealed class LoadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kg-load-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static string SampleFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "KnowledgeGraph.sln")))
                {
                    return Path.Combine(folder.FullName, "src", "IstanbulTalks");
                }
            }

            throw new InvalidOperationException("The repository's root was not found above the test's folder.");
        }
    }

    private static string Schema => Path.Combine(SampleFolder, "diplomacy.kg.json");

    private static string Story => Path.Combine(SampleFolder, "istanbul-talks.kg.json");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_sample_files_load_at_run_time_into_the_graph_the_build_compiled()
    {
        var loaded = DiplomacyGraph.Load(Schema, Story);
        var compiled = DiplomacyGraph.Default;

        Assert.NotSame(compiled, loaded);
        Assert.Equal(Describe(compiled), Describe(loaded));
        Assert.Equal("Alexander Darchiyev", loaded.FindEntity("russianDelegation") is Delegation delegation ? delegation.LedBy?.Name : null);
    }

    [Fact]
    public void A_file_of_facts_alone_loads_against_the_compiled_schema()
    {
        var facts = Write("day.kg.json", """
            // Only facts: the schema is the compiled one.
            {
              "graph": "DiplomacyGraph",
              "entities": {
                "lavrov": { "type": "Person", "name": "Sergei Lavrov" },
                "rubio": { "type": "Person", "name": "Marco Rubio", },
              },
              "relations": [
                ["lavrov", "succeeded", "rubio"], // a trailing comma is fine
                { "from": "rubio", "type": "called", "to": "lavrov", "on": "2025-03-01", "validFrom": "2025-03" },
              ],
            }
            """);

        var graph = DiplomacyGraph.Load(facts);

        Assert.Equal(2, graph.EntityCount);
        Assert.Equal(2, graph.RelationCount);
        var call = Assert.Single(graph.Relations<Called>());
        Assert.Equal(new DateOnly(2025, 3, 1), call.On);
        Assert.Equal("2025-03", call.ValidFrom?.ToString());
        Assert.Equal(["rubio"], graph.Entities<Person>().Single(p => p.Id == "lavrov").Succeeded.Select(p => p.Id));
    }

    [Fact]
    public void A_loaded_graphs_entity_members_find_their_entities_by_id_wherever_the_files_put_them()
    {
        // Lavrov, a compiled entity, comes first here; Darchiyev's delegation is not in the files at all.
        var facts = Write("day.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "entities": {
                "rubio": { "type": "Person", "name": "Marco Rubio" },
                "lavrov": { "type": "Person", "name": "Sergei Lavrov" }
              },
              "relations": [ ["lavrov", "succeeded", "rubio"] ]
            }
            """);

        var graph = DiplomacyGraph.Load(facts);

        Assert.Same(graph.FindEntity("lavrov"), graph.Lavrov);
        Assert.Equal(["rubio"], graph.Lavrov.Succeeded.Select(p => p.Id));
        var absent = Assert.Throws<InvalidOperationException>(() => graph.RussianDelegation);
        Assert.Contains("'russianDelegation'", absent.Message, StringComparison.Ordinal);
        Assert.Same(DiplomacyGraph.Default.FindEntity("russianDelegation"), DiplomacyGraph.Default.RussianDelegation);
    }

    [Fact]
    public void A_mistake_is_reported_with_the_compilers_id_message_and_position()
    {
        var facts = Write("day.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "entities": { "lavrov": { "type": "Person", "name": "Sergei Lavrov" } },
              "relations": [ ["lavrov", "succeeded", "rubio"] ]
            }
            """);

        var exception = Assert.Throws<GraphLoadException>(() => DiplomacyGraph.Load(facts));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal("KG0007", diagnostic.Id);
        Assert.Equal(GraphDiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal((facts, 4, 42), (diagnostic.Path, diagnostic.Line, diagnostic.Column));
        Assert.Equal("'rubio' is not an entity of graph 'DiplomacyGraph'; declare it under 'entities' or correct the id", diagnostic.Message);
        Assert.Equal("https://github.com/knowledgegraph-dotnet/knowledgegraph/blob/main/docs/diagnostics.md#kg0007", diagnostic.HelpLink);
        Assert.Equal($"{facts}(4,42): error KG0007: {diagnostic.Message}", diagnostic.ToString());
        Assert.Contains(diagnostic.ToString(), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_mistake_of_every_file_is_reported_in_one_pass_in_file_order()
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

        var exception = Assert.Throws<GraphLoadException>(() => DiplomacyGraph.Load(first, second));

        Assert.Equal(
            [
                ("KG0012", first, 4, 60),
                ("KG0010", first, 5, 5),
                ("KG0008", first, 7, 38),
                ("KG0006", second, 3, 29),
                ("KG0007", second, 3, 50),
            ],
            exception.Diagnostics.Select(d => (d.Id, d.Path, d.Line, d.Column)));
    }

    [Fact]
    public void Warnings_do_not_stop_a_load_and_come_back_with_it()
    {
        var facts = Write("day.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "entities": {
                "lavrov": { "type": "Person", "name": "Sergei Lavrov" },
                "rubio": { "type": "Person", "name": "Marco Rubio" },
                "witkoff": { "type": "Person", "name": "Steve Witkoff" }
              },
              "relations": [ ["lavrov", "succeeded", "rubio"], ["lavrov", "succeeded", "rubio"] ]
            }
            """);

        Assert.True(DiplomacyGraph.TryLoad([facts], out var graph, out var diagnostics));

        Assert.Equal(3, graph.EntityCount);
        Assert.Equal(1, graph.RelationCount); // the repeat is one fact
        Assert.Equal([("KG0025", 6, 5), ("KG0020", 8, 52)], diagnostics.Select(d => (d.Id, d.Line, d.Column)));
        Assert.All(diagnostics, d => Assert.Equal(GraphDiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void A_fact_stated_twice_from_two_sources_is_one_fact_with_both()
    {
        var facts = Write("day.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "entities": {
                "a": { "type": "Article", "name": "A", "date": "2025-03-01" },
                "b": { "type": "Article", "name": "B", "date": "2025-03-02" },
                "lavrov": { "type": "Person", "name": "Sergei Lavrov" },
                "rubio": { "type": "Person", "name": "Marco Rubio" }
              },
              "relations": [
                { "from": "lavrov", "type": "called", "to": "rubio", "on": "2025-03-01", "source": "a" },
                { "from": "lavrov", "type": "called", "to": "rubio", "on": "2025-03-01", "source": ["b", "a"] }
              ]
            }
            """);

        var call = Assert.Single(DiplomacyGraph.Load(facts).Relations<Called>());

        Assert.Equal(["a", "b"], call.Sources.Select(s => s.Id));
    }

    [Fact]
    public void A_TryLoad_that_fails_gives_no_graph_and_every_diagnostic()
    {
        var facts = Write("day.kg.json", """{ "graph": "DiplomacyGraph", "entities": { "x": { "type": "Spaceship" } } }""");

        Assert.False(DiplomacyGraph.TryLoad([facts], out var graph, out var diagnostics));

        Assert.Null(graph);
        Assert.Equal(["KG0005"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_file_may_repeat_the_compiled_schema_but_not_change_it()
    {
        var changed = Write("schema.kg.json", File.ReadAllText(Schema)
            .Replace("\"title\": \"string?\"", "\"title\": \"string\"", StringComparison.Ordinal)
            + "\n");
        var added = Write("added.kg.json", """
            { "graph": "DiplomacyGraph", "entityTypes": { "Ship": { "properties": { "name": "string" } } } }
            """);

        Assert.Equal(DiplomacyGraph.Default.RelationCount, DiplomacyGraph.Load(Schema, Story).RelationCount);
        var exception = Assert.Throws<GraphLoadException>(() => DiplomacyGraph.Load(changed, added, Story));

        Assert.Equal(["KG0031", "KG0031"], exception.Diagnostics.Select(d => d.Id));
        Assert.Equal("Entity type 'Person' is declared otherwise than in the schema of graph 'DiplomacyGraph' as the project compiled it, and a schema is fixed when its project is built; change it in the project's files and build again, or leave it out of this file", exception.Diagnostics[0].Message);
        Assert.StartsWith("Entity type 'Ship' is not in the schema", exception.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_another_graph_or_namespace_is_refused()
    {
        var facts = Write("day.kg.json", """{ "namespace": "Elsewhere", "graph": "OtherGraph" }""");

        var exception = Assert.Throws<GraphLoadException>(() => DiplomacyGraph.Load(facts));

        Assert.Equal([("KG0018", 1, 16), ("KG0030", 1, 38)], exception.Diagnostics.Select(d => (d.Id, d.Line, d.Column)));
    }

    [Fact]
    public void Invalid_JSON_is_reported_where_the_reader_stops()
    {
        var facts = Write("day.kg.json", "{\n  \"graph\": \"DiplomacyGraph\"\n  \"entities\": {}\n}");

        var diagnostic = Assert.Single(Assert.Throws<GraphLoadException>(() => DiplomacyGraph.Load(facts)).Diagnostics);

        Assert.Equal(("KG0001", 3, 3), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_byte_order_mark_is_no_part_of_the_text()
    {
        var path = Path.Combine(_folder, "bom.kg.json");
        File.WriteAllText(path, "{ \"graph\": \"DiplomacyGraph\", \"entities\": { \"x\": { \"type\": \"Person\" } } }", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var diagnostic = Assert.Single(Assert.Throws<GraphLoadException>(() => DiplomacyGraph.Load(path)).Diagnostics);

        Assert.Equal(("KG0010", 1, 44), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_fact_may_name_an_entity_of_a_later_file()
    {
        var facts = Write("a.kg.json", """{ "graph": "DiplomacyGraph", "relations": [ ["lavrov", "succeeded", "rubio"] ] }""");
        var people = Write("b.kg.json", """
            { "graph": "DiplomacyGraph", "entities": { "lavrov": { "type": "Person", "name": "L" }, "rubio": { "type": "Person", "name": "R" } } }
            """);

        Assert.Equal(1, DiplomacyGraph.Load(facts, people).RelationCount);
    }

    [Fact]
    public async Task Streams_load_with_their_names_and_a_cancelled_load_loads_nothing()
    {
        var text = """{ "graph": "DiplomacyGraph", "entities": { "x": { "type": "Person" } } }""";
        var source = new GraphSource("https://example.org/today.kg.json", new MemoryStream(Encoding.UTF8.GetBytes(text)));

        var exception = await Assert.ThrowsAsync<GraphLoadException>(() => DiplomacyGraph.LoadAsync([source]));
        Assert.Equal("https://example.org/today.kg.json", Assert.Single(exception.Diagnostics).Path);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => DiplomacyGraph.LoadAsync([new GraphSource("story", File.OpenRead(Story)), new GraphSource("schema", File.OpenRead(Schema))], cancelled.Token));
    }

    [Fact]
    public void A_file_far_larger_than_the_read_buffer_streams_through_it()
    {
        // Facts longer than a block, and many of them: the reader refills and grows its buffer as it goes.
        var text = new StringBuilder("{ \"graph\": \"DiplomacyGraph\", \"entities\": {\n");
        const int count = 20_000;
        for (var i = 0; i < count; i++)
        {
            var name = i == 7 ? new string('x', 200_000) : $"Person {i} \u00e9\u4e2d\U0001F600";
            text.Append($"  \"p{i}\": {{ \"type\": \"Person\", \"name\": \"{name}\" }},\n");
        }

        text.Append("  \"last\": { \"type\": \"Person\" }\n}, \"relations\": [");
        text.Append(string.Join(",\n", Enumerable.Range(0, count).Select(i => $"[\"p{i}\", \"succeeded\", \"p{(i + 1) % count}\"]")));
        text.Append("] }");
        var path = Write("big.kg.json", text.ToString());

        var diagnostic = Assert.Single(Assert.Throws<GraphLoadException>(() => DiplomacyGraph.Load(path)).Diagnostics);

        // The one mistake, the last entity's missing name, is found on its line after a long run of multi-byte text.
        Assert.Equal(("KG0010", count + 2, 3), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
    }

    private static List<string> Describe(DiplomacyGraph graph) =>
        graph.Entities<Entity>().Select(e => $"{e.GetType().Name} {e.Id} {e}")
            .Concat(graph.Relations<Relation>().Select(r =>
                $"{r.TypeName} {r.From.Id} {r.To.Id} [{string.Join(",", r.Sources.Select(s => s.Id))}] {r.ValidFrom} {r.ValidTo} {r}"))
            .ToList();
}
