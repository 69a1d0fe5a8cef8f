using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using KnowledgeGraph.EndToEnd.Tests;

namespace KnowledgeGraph.Tests.Exporting;

/// <summary>DOT, drawn by Graphviz, and Mermaid, read back line by line: every entity and fact, every label intact.</summary>
public sealed class PictureExportTests
{
    [Fact]
    public void Graphviz_draws_every_entity_and_fact_of_the_sample()
    {
        var svg = Draw(ExportTestGraphs.Sample);

        Assert.Equal(ExportTestGraphs.Sample.EntityCount, Nodes(svg).Count());
        Assert.Equal(ExportTestGraphs.Sample.RelationCount, Edges(svg).Count());
        Assert.Contains("Alexander Darchiyev", Texts(svg));
    }

    [Fact]
    public void Graphviz_draws_hostile_strings_as_text()
    {
        var g = ExportTestGraphs.Hostile;
        var svg = Draw(g);

        Assert.Equal(g.EntityCount, Nodes(svg).Count());
        Assert.Equal(g.RelationCount, Edges(svg).Count());
        var texts = Texts(svg).ToList();
        Assert.Contains("He said \"hi\" and 'bye'", texts);
        Assert.Contains("<script>alert(\"x\")</script>", texts);
        Assert.Contains("<!-- a --> b", texts);
        Assert.Contains("C:\\path\\to\\file \\u0041", texts);
        Assert.Contains("{{braces}} [brackets] (parens) |pipes| #hash; %percent &amp; @at `tick`", texts);
        Assert.Contains("Line one", texts); // a line break in a name is a line break in the picture
        Assert.Contains("line two", texts);
        Assert.DoesNotContain(svg.Descendants(), element => element.Name.LocalName == "script");
    }

    [Fact]
    public void Dot_shows_symmetric_facts_without_an_arrowhead()
    {
        var dot = ExportTestGraphs.Text(ExportTestGraphs.Hostile, GraphFormat.Dot);

        Assert.Contains("\"a-->b\" -> \"<script>\" [label=\"meets\", dir=none];", dot, StringComparison.Ordinal);
        Assert.Contains("\"quote\\\"d\" -> \"line\\nbreak\" [label=\"links\"];", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_has_a_node_per_entity_and_a_link_per_fact_with_labels_that_decode_to_the_text()
    {
        var g = ExportTestGraphs.Hostile;
        var lines = ExportTestGraphs.Text(g, GraphFormat.Mermaid).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("flowchart LR", lines[0]);
        var nodes = lines.Select(line => Regex.Match(line, "^  n([0-9]+)\\[\"((?:[^\"\\[\\]<>|{}]|<br>)*)\"\\]$")).Where(m => m.Success).ToList();
        var links = lines.Select(line => Regex.Match(line, "^  n([0-9]+) (-->|---)\\|\"([A-Za-z]+)\"\\| n([0-9]+)$")).Where(m => m.Success).ToList();
        var classes = lines.Where(line => line.StartsWith("  classDef ", StringComparison.Ordinal) || line.StartsWith("  class ", StringComparison.Ordinal)).ToList();
        Assert.Equal(lines.Length - 1, nodes.Count + links.Count + classes.Count); // nothing else, nothing broken

        var entities = g.Entities<Hostile.Thing>().ToList();
        Assert.Equal(entities.Select(e => Regex.Replace(e.Name, "\r\n|[\r\u2028\u2029]", "\n")), nodes.Select(m => Decode(m.Groups[2].Value)));
        Assert.Equal(
            g.Relations<Relation>().Select(r => (entities.IndexOf((Hostile.Thing)r.From), r.TypeName, entities.IndexOf((Hostile.Thing)r.To))),
            links.Select(m => (int.Parse(m.Groups[1].Value), m.Groups[3].Value, int.Parse(m.Groups[4].Value))));
        Assert.Equal("---", links.Single(m => m.Groups[3].Value == "meets").Groups[2].Value);
    }

    [Fact]
    public void Around_holds_the_entities_within_the_depth_and_the_facts_between_them()
    {
        var g = ExportTestGraphs.Sample;
        var center = g.Darchiyev;

        var around = g.Around(center, 2);

        // Independently: every entity whose shortest path from the centre, either way, has at most two facts.
        var expected = g.Entities<Entity>().Where(e => e == center || g.ShortestPath(center, e) is { Count: <= 2 }).ToHashSet();
        Assert.Equal(expected.OrderBy(e => e.Id), around.Entities<Entity>().OrderBy(e => e.Id));
        Assert.Equal(
            g.Relations<Relation>().Where(r => expected.Contains(r.From) && expected.Contains(r.To)),
            around.Relations<Relation>());
        Assert.Equal([center], g.Around(center, 0).Entities<Entity>());
        Assert.True(g.Around(center, 3).EntityCount > around.EntityCount);
    }

    [Fact]
    public void Around_an_entity_a_view_leaves_out_is_empty_and_a_negative_depth_is_refused()
    {
        var g = ExportTestGraphs.Sample;
        var view = g.WhereEntities(e => e != g.Darchiyev);

        Assert.Equal(0, view.Around(g.Darchiyev, 2).EntityCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Around(g.Darchiyev, -1));
        Assert.Throws<ArgumentNullException>(() => g.Around(null!, 1));
    }

    [Fact]
    public void The_pictures_in_the_docs_show_the_graph_as_it_is()
    {
        // The README shows docs/images/*.svg; a change to the sample's facts must redraw them (the README's commands).
        var g = ExportTestGraphs.Sample;
        var docs = Path.Combine(Repository.Root, "docs", "images");

        var whole = XDocument.Load(Path.Combine(docs, "istanbul-talks.svg"));
        Assert.Equal(g.EntityCount, Nodes(whole).Count());
        Assert.Equal(g.RelationCount, Edges(whole).Count());
        var around = XDocument.Load(Path.Combine(docs, "darchiyev-around.svg"));
        Assert.Equal(g.Around(g.Darchiyev, 2).EntityCount, Nodes(around).Count());
        Assert.Equal(g.Around(g.Darchiyev, 2).RelationCount, Edges(around).Count());
    }

    [Fact]
    public void The_Mermaid_chart_in_the_README_is_the_export_of_Darchiyevs_neighbourhood()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        var chart = Regex.Match(readme, "```mermaid\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;

        var g = ExportTestGraphs.Sample;
        Assert.Equal(ExportTestGraphs.Text(g.Around(g.Darchiyev, 1), GraphFormat.Mermaid), chart);
    }

    private static XDocument Draw(GraphView graph)
    {
        var run = ExternalTools.Run("dot", "graphviz", ["-Tsvg"], ExportTestGraphs.Text(graph, GraphFormat.Dot)).Succeeded("dot -Tsvg");
        return XDocument.Parse(run.Output);
    }

    private static System.Collections.Generic.IEnumerable<XElement> Nodes(XDocument svg) =>
        svg.Descendants().Where(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "node");

    private static System.Collections.Generic.IEnumerable<XElement> Edges(XDocument svg) =>
        svg.Descendants().Where(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "edge");

    private static System.Collections.Generic.IEnumerable<string> Texts(XDocument svg) =>
        svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value);

    // Mermaid's entity codes back to text, and its line breaks back to \n.
    private static string Decode(string label) =>
        Regex.Replace(label.Replace("<br>", "\n", StringComparison.Ordinal), "#([0-9]+);", m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value)));
}
