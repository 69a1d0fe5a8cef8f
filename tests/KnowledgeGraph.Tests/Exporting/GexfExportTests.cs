using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using static KnowledgeGraph.Tests.Exporting.ExportTestGraphs;

namespace KnowledgeGraph.Tests.Exporting;

/// <summary>
/// GEXF 1.3 as Gephi reads it. networkx (2.8) reads only GEXF 1.1 and 1.2draft, so a script checks the file against
/// what GEXF 1.3's schema and Gephi need, with Python's XML parser, and prints what it read; Gephi's timeline is
/// checked against <see cref="GraphView.AsOf"/> day by day.
/// </summary>
public sealed class GexfExportTests
{
    private const string Namespace = "http://gexf.net/1.3";

    // Fails (exit code 1, with what is wrong) unless the file has GEXF 1.3's structure: root and version, a dynamic
    // graph with date times, attributes of the schema's types, then nodes, then edges; unique ids; every value for a
    // declared attribute and readable as its type; edges between declared nodes; intervals that end after they start.
    private const string CheckGexf = """
        import datetime, decimal, json, sys
        import xml.etree.ElementTree as ET
        NS = "{http://gexf.net/1.3}"
        TYPES = {"integer", "long", "double", "float", "boolean", "bigdecimal", "biginteger", "byte", "char", "short",
                 "liststring", "listboolean", "listinteger", "listlong", "listfloat", "listdouble", "listbyte",
                 "listshort", "listbigdecimal", "listbiginteger", "listchar", "string", "anyURI"}
        EDGE_TYPES = {"directed", "undirected", "mutual"}
        def fail(message): sys.exit("GEXF: " + message)
        root = ET.parse(sys.argv[1]).getroot()
        if root.tag != NS + "gexf" or root.get("version") != "1.3": fail("root %s %s" % (root.tag, root.attrib))
        if [c.tag for c in root] != [NS + "meta", NS + "graph"]: fail("root's children")
        graph = root.find(NS + "graph")
        if graph.get("mode") != "dynamic" or graph.get("timeformat") != "date" or graph.get("defaultedgetype") not in EDGE_TYPES:
            fail("graph %s" % graph.attrib)
        tags = [c.tag for c in graph]
        if tags != [NS + "attributes"] * (len(tags) - 2) + [NS + "nodes", NS + "edges"]: fail("graph's children %s" % tags)
        declared = {"node": {}, "edge": {}}
        for attributes in graph.findall(NS + "attributes"):
            kind = attributes.get("class")
            if kind not in declared: fail("attributes class %s" % kind)
            for a in attributes:
                if a.tag != NS + "attribute" or a.get("type") not in TYPES or a.get("title") is None or a.get("id") in declared[kind]:
                    fail("attribute %s" % a.attrib)
                declared[kind][a.get("id")] = (a.get("title"), a.get("type"))
        def day(text): return None if text is None else datetime.date.fromisoformat(text)
        def typed(value, type):
            if type in ("integer", "long"): return ["int", str(int(value))]
            if type == "double": return ["float", repr(float(value))]
            if type == "boolean":
                if value not in ("true", "false"): fail("boolean %r" % value)
                return ["bool", value]
            if type == "bigdecimal": return ["decimal", str(decimal.Decimal(value))]
            return ["str", value]
        def element(e, kind):
            start, end = day(e.get("start")), day(e.get("end"))
            if start and end and start > end: fail("interval %s" % e.attrib)
            data = {}
            for child in e:
                if child.tag != NS + "attvalues": fail("child %s" % child.tag)
                for v in child:
                    if v.tag != NS + "attvalue" or v.get("for") not in declared[kind]: fail("attvalue %s" % v.attrib)
                    title, type = declared[kind][v.get("for")]
                    if title in data: fail("two values of %s" % title)
                    data[title] = typed(v.get("value"), type)
            return {"label": e.get("label"), "start": e.get("start"), "end": e.get("end"), "data": data}
        nodes, edges = {}, {}
        for n in graph.find(NS + "nodes"):
            if n.tag != NS + "node" or n.get("id") is None or n.get("id") in nodes: fail("node %s" % n.attrib)
            nodes[n.get("id")] = element(n, "node")
        for e in graph.find(NS + "edges"):
            if e.tag != NS + "edge" or e.get("source") not in nodes or e.get("target") not in nodes: fail("edge %s" % e.attrib)
            if e.get("type", "directed") not in EDGE_TYPES or e.get("id") is None or e.get("id") in edges: fail("edge %s" % e.attrib)
            edges[e.get("id")] = dict(element(e, "edge"), source=e.get("source"), target=e.get("target"), kind=e.get("kind"), type=e.get("type"))
        print(json.dumps({"nodes": nodes, "edges": edges}))
        """;

    [Fact]
    public void The_hostile_model_is_a_gexf_file_gephi_reads_with_every_value()
    {
        var read = Check(ExportTestGraphs.Hostile);

        Assert.Equal(10, read.GetProperty("nodes").EnumerateObject().Count());
        Assert.Equal(7, read.GetProperty("edges").EnumerateObject().Count());
        var quoted = read.GetProperty("nodes").GetProperty("quote\"d");
        Assert.Equal("He said \"hi\" and 'bye'", quoted.GetProperty("label").GetString());
        Assert.Equal("0001-01-01", quoted.GetProperty("start").GetString()); // its earliest date, as AsOf reads it
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["type"] = "Thing", ["name"] = "He said \"hi\" and 'bye'", ["note"] = "back\\slash \\\" \\n not a newline",
                ["count"] = -2147483648L, ["big"] = 9223372036854775807L, ["ratio"] = 1.5e300,
                ["price"] = 79228162514264337593543950335m, ["flag"] = true, ["day"] = "0001-01-01",
                ["moment"] = "2025-02-27T10:15:30.1234567+03:00", ["link"] = "https://example.org/a?b=c&d=<e>#f",
                ["mood"] = "quote\"d", ["tags"] = """["a,b","c;d","\"\"\"",""]""",
                ["scores"] = "[-0.0,5E-324,1.7976931348623157E+308]", ["moods"] = """["a-->b","İı"]""",
            },
            GraphMlExportTests.Values(quoted.GetProperty("data")));
        var lines = read.GetProperty("nodes").GetProperty("line\nbreak");
        Assert.Equal("Line one\nline two\r\nline three\ttabbed", lines.GetProperty("label").GetString());
        Assert.Equal("\uFFFD\uFFFD\u007F", read.GetProperty("nodes").GetProperty("sep\u2028arator").GetProperty("data").GetProperty("serial")[1].GetString());

        // From 2025 to 2025-06: every day of both, as AsOf reads them.
        var vague = read.GetProperty("edges").GetProperty("e2");
        Assert.Equal(("2025-01-01", "2025-06-30"), (vague.GetProperty("start").GetString(), vague.GetProperty("end").GetString()));
        Assert.Equal(
            new Dictionary<string, object> { ["type"] = "links", ["sources"] = """["plain","a-->b"]""", ["validFrom"] = "2025", ["validTo"] = "2025-06" },
            GraphMlExportTests.Values(vague.GetProperty("data")));
        Assert.Equal(("line\nbreak", "sep\u2028arator", "links", "links"), (vague.GetProperty("source").GetString(),
            vague.GetProperty("target").GetString(), vague.GetProperty("kind").GetString(), vague.GetProperty("label").GetString()));

        // A symmetric fact is an undirected edge; the others follow the graph's default, directed.
        var meets = read.GetProperty("edges").GetProperty("e3");
        Assert.Equal("undirected", meets.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("edges").GetProperty("e0").GetProperty("type").ValueKind);
        Assert.Equal("space id", read.GetProperty("edges").GetProperty("e4").GetProperty("data").GetProperty("witness")[1].GetString());
    }

    [Fact]
    public void The_sample_is_a_gexf_file_gephi_reads_with_every_node_and_edge()
    {
        var g = Sample;
        var read = Check(g);

        var nodes = read.GetProperty("nodes");
        Assert.Equal(g.EntityCount, nodes.EnumerateObject().Count());
        foreach (var entity in g.Entities<Diplomacy.Thing>())
        {
            var node = nodes.GetProperty(entity.Id);
            Assert.Equal(entity.Name, node.GetProperty("label").GetString());
            Assert.Equal(entity.GetType().Name, node.GetProperty("data").GetProperty("type")[1].GetString());
        }

        Assert.Equal(g.RelationCount, read.GetProperty("edges").EnumerateObject().Count());
        Assert.Equal("2025-02-12", Assert.Single(read.GetProperty("edges").EnumerateObject(), edge => edge.Value.GetProperty("kind").GetString() == "called")
            .Value.GetProperty("start").GetString());
        Assert.Equal("2025-02-27", nodes.GetProperty("istanbulTalks").GetProperty("start").GetString());
    }

    [Fact]
    public void A_file_of_clashing_names_is_one_gephi_reads()
    {
        var read = Check(Clashes.ClashGraph.Default);

        Assert.Equal(
            new Dictionary<string, object> { ["type"] = "Box", ["count:string"] = "three", ["size"] = 5000000000L, ["tags:string"] = "t" },
            GraphMlExportTests.Values(read.GetProperty("nodes").GetProperty("box").GetProperty("data")));

        // An empty string is a value="" that GEXF readers keep.
        Assert.Equal(
            new Dictionary<string, object> { ["type"] = "Item", ["label:string"] = "", ["count:int"] = 0L, ["size"] = 0L },
            GraphMlExportTests.Values(read.GetProperty("nodes").GetProperty("blank").GetProperty("data")));
    }

    [Fact]
    public void Gephis_timeline_shows_on_each_day_what_AsOf_keeps()
    {
        foreach (var graph in new GraphView[] { Sample, ExportTestGraphs.Hostile })
        {
            var whole = Intervals(graph);
            var days = whole.Nodes.Values.Concat(whole.Edges.Values.Select(edge => edge.Interval))
                .SelectMany(interval => new[] { interval.Start, interval.End }).OfType<DateOnly>()
                .SelectMany(day => new[] { day == DateOnly.MinValue ? day : day.AddDays(-1), day, day.AddDays(1) }).Distinct().Order().ToList();
            Assert.NotEmpty(days);
            foreach (var day in days)
            {
                // Gephi shows a node on the days of its interval, and an edge on the days of its own when it shows both ends.
                var shown = whole.Nodes.Where(node => node.Value.Holds(day)).Select(node => node.Key).ToHashSet(StringComparer.Ordinal);
                var shownEdges = whole.Edges
                    .Where(edge => edge.Value.Interval.Holds(day) && shown.Contains(edge.Value.Source) && shown.Contains(edge.Value.Target))
                    .Select(edge => edge.Key);
                var view = Intervals(graph.AsOf(day));
                Assert.Equal(view.Nodes.Keys.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
                Assert.Equal(view.Edges.Keys.Order(StringComparer.Ordinal), shownEdges.Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void The_same_graph_gives_the_same_bytes_in_every_culture_and_every_run()
    {
        foreach (GraphView graph in new GraphView[] { Sample, ExportTestGraphs.Hostile })
        {
            var invariant = InCulture("", () => Bytes(graph, GraphFormat.Gexf));
            Assert.Equal(invariant, InCulture("tr-TR", () => Bytes(graph, GraphFormat.Gexf)));
            Assert.Equal(invariant, Bytes(graph, GraphFormat.Gexf));
        }
    }

    private static JsonElement Check(GraphView graph)
    {
        var path = File(graph, GraphFormat.Gexf, ".gexf");
        try
        {
            var run = ExternalTools.RunPython(CheckGexf, "python3", path).Succeeded("The GEXF check");
            return JsonDocument.Parse(run.Output).RootElement.Clone();
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>The interval of every node and edge of the export, by id, and each edge's ends.</summary>
    private static (Dictionary<string, Interval> Nodes, Dictionary<string, (string Source, string Target, Interval Interval)> Edges) Intervals(GraphView graph)
    {
        XNamespace gexf = Namespace;
        var document = XDocument.Load(new MemoryStream(Bytes(graph, GraphFormat.Gexf)));
        var nodes = document.Descendants(gexf + "node").ToDictionary(node => (string)node.Attribute("id")!, Interval.Of, StringComparer.Ordinal);
        var edges = document.Descendants(gexf + "edge").ToDictionary(
            edge => (string)edge.Attribute("id")!,
            edge => ((string)edge.Attribute("source")!, (string)edge.Attribute("target")!, Interval.Of(edge)),
            StringComparer.Ordinal);
        return (nodes, edges);
    }

    /// <summary>A GEXF interval: both its days included, either end open when absent.</summary>
    private readonly record struct Interval(DateOnly? Start, DateOnly? End)
    {
        public static Interval Of(XElement element) => new(Day(element.Attribute("start")), Day(element.Attribute("end")));

        public bool Holds(DateOnly day) => (Start is not { } start || start <= day) && (End is not { } end || day <= end);

        private static DateOnly? Day(XAttribute? attribute) => attribute is null ? null : DateOnly.ParseExact(attribute.Value, "yyyy-MM-dd");
    }
}
