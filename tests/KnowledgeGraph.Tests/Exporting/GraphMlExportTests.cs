using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Diplomacy;
using static KnowledgeGraph.Tests.Exporting.ExportTestGraphs;

namespace KnowledgeGraph.Tests.Exporting;

/// <summary>
/// GraphML read back by networkx's <c>read_graphml</c>: every node, edge and attribute, with its type, on the sample
/// and on the model of hostile strings.
/// </summary>
public sealed class GraphMlExportTests
{
    // Reads the file with networkx and prints every node and edge with its attributes, each as [Python type, text].
    private const string ReadGraphMl = """
        import json, sys
        import networkx as nx
        g = nx.read_graphml(sys.argv[1], force_multigraph=True)
        def typed(x):
            if isinstance(x, bool): return ["bool", "true" if x else "false"]
            if isinstance(x, int): return ["int", str(x)]
            if isinstance(x, float): return ["float", repr(x)]
            return [type(x).__name__, x]
        print(json.dumps({
            "nodes": {n: {k: typed(x) for k, x in d.items()} for n, d in g.nodes(data=True)},
            "edges": {key: {"source": u, "target": v, "data": {k: typed(x) for k, x in d.items()}}
                      for u, v, key, d in g.edges(keys=True, data=True)},
        }))
        """;

    [Fact]
    public void Networkx_reads_every_node_edge_and_value_of_the_hostile_model()
    {
        var read = Read(ExportTestGraphs.Hostile);

        Assert.Equal(10, read.Nodes.Count);
        Assert.Equal(7, read.Edges.Count);
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["type"] = "Thing", ["label"] = "He said \"hi\" and 'bye'", ["name"] = "He said \"hi\" and 'bye'",
                ["note"] = "back\\slash \\\" \\n not a newline", ["count"] = -2147483648L, ["big"] = 9223372036854775807L,
                ["ratio"] = 1.5e300, ["price"] = "79228162514264337593543950335", ["flag"] = true, ["day"] = "0001-01-01",
                ["moment"] = "2025-02-27T10:15:30.1234567+03:00", ["link"] = "https://example.org/a?b=c&d=<e>#f",
                ["mood"] = "quote\"d", ["tags"] = """["a,b","c;d","\"\"\"",""]""",
                ["scores"] = "[-0.0,5E-324,1.7976931348623157E+308]", ["moods"] = """["a-->b","İı"]""",
            },
            read.Nodes["quote\"d"]);
        Assert.Equal(
            new Dictionary<string, object> { ["type"] = "Thing", ["label"] = "Plain", ["name"] = "Plain", ["count"] = 0L, ["flag"] = false, ["mood"] = "calm" },
            read.Nodes["plain"]);
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["type"] = "Thing", ["label"] = "Line one\nline two\r\nline three\ttabbed",
                ["name"] = "Line one\nline two\r\nline three\ttabbed", ["ratio"] = -1.25,
            },
            read.Nodes["line\nbreak"]);

        // XML 1.0 cannot hold U+0001 or U+001F: each is U+FFFD. U+007F it can.
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["type"] = "Gadget", ["label"] = "Paragraph\u2029separator and line\u2028separator",
                ["name"] = "Paragraph\u2029separator and line\u2028separator", ["serial"] = "\uFFFD\uFFFD\u007F",
            },
            read.Nodes["sep\u2028arator"]);
        Assert.Equal("--> ]]> <![CDATA[ x ]]>", read.Nodes["a-->b"]["note"]);
        Assert.Equal("</script><img src=x onerror=alert(1)>", read.Nodes["<script>"]["note"]);
        Assert.Equal("{{braces}} [brackets] (parens) |pipes| #hash; %percent &amp; @at `tick`", read.Nodes["{braces}"]["name"]);
        Assert.Equal("1.50", read.Nodes["Iıİi"]["price"]);
        Assert.Equal("""["🙂"]""", read.Nodes["space id"]["tags"]);
        Assert.Equal("C:\\path\\to\\file \\u0041", read.Nodes["back\\slash"]["name"]);

        Edge(read.Edges["e0"], "plain", "quote\"d", new Dictionary<string, object> { ["type"] = "links" });
        Edge(read.Edges["e1"], "quote\"d", "line\nbreak", new Dictionary<string, object>
            {
                ["type"] = "links", ["sources"] = """["plain"]""", ["label"] = "a \"label\" with\nnewline --> ]]>",
                ["weight"] = 0.1, ["since"] = "2024-02-29",
            });
        Edge(read.Edges["e2"], "line\nbreak", "sep\u2028arator", new Dictionary<string, object>
            {
                ["type"] = "links", ["sources"] = """["plain","a-->b"]""", ["validFrom"] = "2025", ["validTo"] = "2025-06",
            });
        Edge(read.Edges["e3"], "a-->b", "<script>", new Dictionary<string, object> { ["type"] = "meets" });
        Edge(read.Edges["e4"], "{braces}", "Iıİi", new Dictionary<string, object>
            {
                ["type"] = "gathers", ["validFrom"] = "2025-02-27", ["witness"] = "space id", ["guests"] = """["plain","back\\slash"]""",
            });
        Edge(read.Edges["e5"], "plain", "plain", new Dictionary<string, object> { ["type"] = "links" });
        Edge(read.Edges["e6"], "back\\slash", "{braces}", new Dictionary<string, object> { ["type"] = "links" });
    }

    [Fact]
    public void Networkx_reads_every_node_and_edge_of_the_sample_with_its_values()
    {
        var g = Sample;
        var read = Read(g);

        var entities = g.Entities<Entity>().ToList();
        Assert.Equal(entities.Select(entity => entity.Id).Order(StringComparer.Ordinal), read.Nodes.Keys.Order(StringComparer.Ordinal));
        foreach (var entity in entities)
        {
            var thing = (Thing)entity;
            var data = read.Nodes[entity.Id];
            Assert.Equal(entity.GetType().Name, data["type"]);
            Assert.Equal(thing.Name, data["label"]);
            Assert.Equal(thing.Name, data["name"]);
            Assert.Equal(thing.Aliases, data.TryGetValue("aliases", out var aliases) ? JsonSerializer.Deserialize<string[]>((string)aliases)! : []);
        }

        Assert.Equal("President of the United States", read.Nodes["trump"]["title"]);
        Assert.Equal("RU", read.Nodes["russia"]["isoCode"]);
        Assert.Equal("news-agency", read.Nodes["reuters"]["kind"]);

        // Edges: one per fact, with its type, ends, sources and validity.
        var relations = g.Relations<Relation>().ToList();
        Assert.Equal(relations.Count, read.Edges.Count);
        var edges = read.Edges.Values.Select(edge => (edge.Source, edge.Target, Type: (string)edge.Data["type"],
            Sources: edge.Data.TryGetValue("sources", out var sources) ? string.Join("|", JsonSerializer.Deserialize<string[]>((string)sources)!) : "",
            From: (string?)edge.Data.GetValueOrDefault("validFrom"), To: (string?)edge.Data.GetValueOrDefault("validTo")));
        var facts = relations.Select(relation => (relation.From.Id, relation.To.Id, relation.TypeName,
            string.Join("|", relation.Sources.Select(source => source.Id)), relation.ValidFrom?.ToString(), relation.ValidTo?.ToString()));
        Assert.Equal(facts.Order(), edges.Order());

        var call = Assert.Single(read.Edges.Values, edge => (string)edge.Data["type"] == "called");
        Assert.Equal("2025-02-12", call.Data["on"]);
    }

    [Fact]
    public void The_README_example_reads_as_it_shows()
    {
        var path = File(Sample, GraphFormat.GraphMl, ".graphml");
        try
        {
            var run = ExternalTools.RunPython(
                "import sys, networkx as nx\ng = nx.read_graphml(sys.argv[1])\nprint(g.nodes['trump'])\nprint(g['trump']['putin'])",
                "python3-networkx",
                path).Succeeded("networkx's read_graphml");
            Assert.Equal(
                """
                {'type': 'Person', 'label': 'Donald Trump', 'name': 'Donald Trump', 'title': 'President of the United States'}
                {'e2': {'type': 'called', 'sources': '["reutersIstanbul"]', 'on': '2025-02-12'}}

                """,
                run.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void A_name_the_types_give_different_kinds_is_one_attribute_per_kind()
    {
        var read = Read(Clashes.ClashGraph.Default);

        // The node's own label is its name or id; the property "label" is label:string. count is an int on Item and a
        // string on Box; size an int and a long, which one long attribute holds.
        Assert.Equal(
            new Dictionary<string, object> { ["type"] = "Item", ["label"] = "item", ["label:string"] = "L", ["count:int"] = 3L, ["size"] = 4L, ["tags:string[]"] = """["x"]""" },
            read.Nodes["item"]);
        Assert.Equal(
            new Dictionary<string, object> { ["type"] = "Box", ["label"] = "box", ["count:string"] = "three", ["size"] = 5000000000L, ["tags:string"] = "t" },
            read.Nodes["box"]);
        Assert.Equal(new Dictionary<string, object> { ["type"] = "Odd type/ü", ["label"] = "odd" }, read.Nodes["odd"]);

        // The file keeps an empty string, but networkx takes an empty <data> for no value: a limit of networkx.
        Assert.Equal(new Dictionary<string, object> { ["type"] = "Item", ["label"] = "blank", ["count:int"] = 0L, ["size"] = 0L }, read.Nodes["blank"]);
        var blank = Text(Clashes.ClashGraph.Default, GraphFormat.GraphMl);
        Assert.Contains("""<node id="blank">""", blank, StringComparison.Ordinal);
        Assert.Contains("""<data key="d2"></data>""", blank, StringComparison.Ordinal);
        Assert.Contains("""<key id="d2" for="node" attr.name="label:string" attr.type="string" />""", blank, StringComparison.Ordinal);

        // A role is a string of its player's id; near's count is an int.
        Edge(read.Edges["e0"], "box", "item", new Dictionary<string, object> { ["type"] = "holds", ["sources"] = """["box"]""", ["count:string"] = "item" });
        Edge(read.Edges["e1"], "odd", "item", new Dictionary<string, object> { ["type"] = "near", ["count:int"] = 7L });
    }

    [Fact]
    public void A_view_exports_what_it_holds()
    {
        var day = new DateOnly(2025, 2, 15);
        var view = Sample.AsOf(day);
        var read = Read(view);

        Assert.Equal(view.Entities<Entity>().Select(entity => entity.Id).Order(StringComparer.Ordinal), read.Nodes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(view.RelationCount, read.Edges.Count);
        Assert.True(read.Nodes.Count < Sample.EntityCount);
    }

    [Fact]
    public void The_same_graph_gives_the_same_bytes_in_every_culture_and_every_run()
    {
        foreach (GraphView graph in new GraphView[] { Sample, ExportTestGraphs.Hostile })
        {
            var invariant = InCulture("", () => Bytes(graph, GraphFormat.GraphMl));
            Assert.Equal(invariant, InCulture("tr-TR", () => Bytes(graph, GraphFormat.GraphMl)));
            Assert.Equal(invariant, Bytes(graph, GraphFormat.GraphMl));
        }
    }

    [Fact]
    public void The_file_is_utf8_without_a_byte_order_mark_and_keys_come_first()
    {
        var bytes = Bytes(ExportTestGraphs.Hostile, GraphFormat.GraphMl);
        Assert.Equal((byte)'<', bytes[0]);
        var text = Text(ExportTestGraphs.Hostile, GraphFormat.GraphMl);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<graphml ", text, StringComparison.Ordinal);
        Assert.True(text.LastIndexOf("<key ", StringComparison.Ordinal) < text.IndexOf("<graph ", StringComparison.Ordinal));
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal); // carriage returns are &#xD;
        Assert.DoesNotContain("]]>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_written_as_the_replacement_character()
    {
        // Possible only in entities made in code: the files hold no half of a surrogate pair.
        var builder = Hostile.HostileGraph.Default.ToBuilder();
        builder.AddEntity(new Hostile.Thing("unwritable\uD800") { Name = "\0 \uDC00\uD83D \uFFFE\uFFFF 🙂", Tags = ["\u0001\uD800"] });
        var read = Read(builder.Build());

        Assert.Equal("\uFFFD \uFFFD\uFFFD \uFFFD\uFFFD 🙂", read.Nodes["unwritable\uFFFD"]["name"]);
        Assert.Equal("[\"\\u0001\\ud800\"]", read.Nodes["unwritable\uFFFD"]["tags"]); // a list's JSON keeps them as escapes
    }

    private static void Edge((string Source, string Target, Dictionary<string, object> Data) edge, string source, string target, Dictionary<string, object> data)
    {
        Assert.Equal((source, target), (edge.Source, edge.Target));
        Assert.Equal(data, edge.Data);
    }

    /// <summary>What networkx reads: each node's attributes, and each edge's ends and attributes by edge id.</summary>
    private static (Dictionary<string, Dictionary<string, object>> Nodes, Dictionary<string, (string Source, string Target, Dictionary<string, object> Data)> Edges) Read(GraphView graph)
    {
        var path = File(graph, GraphFormat.GraphMl, ".graphml");
        try
        {
            var run = ExternalTools.RunPython(ReadGraphMl, "python3-networkx", path).Succeeded("networkx's read_graphml");
            using var json = JsonDocument.Parse(run.Output);
            var nodes = json.RootElement.GetProperty("nodes").EnumerateObject()
                .ToDictionary(node => node.Name, node => Values(node.Value), StringComparer.Ordinal);
            var edges = json.RootElement.GetProperty("edges").EnumerateObject().ToDictionary(
                edge => edge.Name,
                edge => (edge.Value.GetProperty("source").GetString()!, edge.Value.GetProperty("target").GetString()!, Values(edge.Value.GetProperty("data"))),
                StringComparer.Ordinal);
            return (nodes, edges);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>Attributes as C# values of the type Python gave them: an int is a long, a float a double, a Decimal a decimal.</summary>
    internal static Dictionary<string, object> Values(JsonElement attributes) => attributes.EnumerateObject().ToDictionary(
        attribute => attribute.Name,
        attribute =>
        {
            var type = attribute.Value[0].GetString();
            var text = attribute.Value[1].GetString()!;
            return type switch
            {
                "bool" => text == "true",
                "int" => long.Parse(text, CultureInfo.InvariantCulture),
                "float" => text switch
                {
                    "inf" => double.PositiveInfinity,
                    "-inf" => double.NegativeInfinity,
                    "nan" => double.NaN,
                    _ => double.Parse(text, CultureInfo.InvariantCulture),
                },
                "decimal" => decimal.Parse(text, CultureInfo.InvariantCulture),
                "str" => (object)text,
                _ => throw new InvalidDataException($"networkx read '{attribute.Name}' as a {type}."),
            };
        },
        StringComparer.Ordinal);
}
