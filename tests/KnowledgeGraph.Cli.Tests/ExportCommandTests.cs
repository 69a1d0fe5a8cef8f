using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Diplomacy;
using KnowledgeGraph.EndToEnd.Tests;

using static KnowledgeGraph.Cli.Tests.KgRunner;

namespace KnowledgeGraph.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private static readonly string Sample = Path.Combine(Repository.Root, "src", "IstanbulTalks");
    private static readonly string Schema = Path.Combine(Sample, "diplomacy.kg.json");
    private static readonly string Facts = Path.Combine(Sample, "istanbul-talks.kg.json");

    private readonly string _folder = Directory.CreateTempSubdirectory("kg-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_samples_export_to_standard_output_is_the_compiled_graphs()
    {
        var (code, output, error) = Kg("export", "--format", "ttl", Schema, Facts);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(Exported(DiplomacyGraph.Default, GraphFormat.Turtle), output);
    }

    [Fact]
    public void A_neighbourhood_written_to_a_file_is_the_compiled_graphs()
    {
        var g = DiplomacyGraph.Default;
        var file = Path.Combine(_folder, "out", "darchiyev.dot");

        var (code, output, _) = Kg("export", "-f", "dot", "-o", file, "--around", "darchiyev", "--depth", "2", Schema, Facts);

        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Equal(Exported(g.Around(g.Darchiyev, 2), GraphFormat.Dot), File.ReadAllText(file));
        Assert.Equal(["darchiyev.dot"], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Svg_is_drawn_by_graphviz_with_a_node_per_entity()
    {
        var file = Path.Combine(_folder, "sample.svg");

        var (code, _, error) = Kg("export", "--format", "svg", "--output", file, Schema, Facts);

        Assert.True(code == 0, error);
        XNamespace svg = "http://www.w3.org/2000/svg";
        var nodes = XDocument.Load(file).Descendants(svg + "g").Where(g => (string?)g.Attribute("class") == "node");
        Assert.Equal(DiplomacyGraph.Default.EntityCount, nodes.Count());
    }

    [Fact]
    public void Svg_without_graphviz_says_how_to_install_it_with_exit_code_3()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        var file = Path.Combine(_folder, "sample.svg");
        try
        {
            Environment.SetEnvironmentVariable("PATH", _folder);

            var (code, _, error) = Kg("export", "--format", "svg", "--output", file, Schema, Facts);

            Assert.Equal(3, code);
            Assert.Contains("install Graphviz (apt-get install graphviz", error);
            Assert.False(File.Exists(file));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Fact]
    public void Files_with_errors_are_reported_as_kg_check_reports_them_and_nothing_is_exported()
    {
        var facts = Path.Combine(_folder, "day.kg.json");
        File.WriteAllText(facts, """
            {
              "graph": "DiplomacyGraph",
              "relations": [ ["lavrov", "succeeded", "rubio"] ]
            }
            """);
        var file = Path.Combine(_folder, "day.ttl");

        var (code, output, error) = Kg("export", "--format", "ttl", "--output", file, Schema, facts);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        var (_, check, _) = Kg("check", Schema, facts);
        Assert.Contains($"{facts}(3,19): error KG0007: 'lavrov' is not an entity of graph 'DiplomacyGraph'", check);
        Assert.StartsWith(check, error);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("export", "Schema")]
    [InlineData("export", "--format", "png", "Schema")]
    [InlineData("export", "--format", "neo4j", "Schema")]
    [InlineData("export", "--format", "dot", "--depth", "1", "Schema")]
    [InlineData("export", "--format", "dot", "--around", "trump", "--depth", "-1", "Schema")]
    [InlineData("export", "--format", "dot", "--around", "trump", "--depth", "many", "Schema")]
    [InlineData("export", "--format", "dot", "--around", "nobody", "Schema")]
    [InlineData("export", "--format", "dot", "--colour", "Schema")]
    [InlineData("export", "--format", "dot", "missing.kg.json")]
    public void Bad_usage_exits_with_2_and_the_usage(params string[] args)
    {
        var (code, output, error) = Kg([.. args.Select(arg => arg == "Schema" ? Schema : arg)]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("kg: ", error);
        Assert.Contains("Usage:", error);
    }

    [Fact]
    public void An_unknown_id_is_named()
    {
        var (_, _, error) = Kg("export", "--format", "dot", "--around", "nobody", Schema, Facts);

        Assert.StartsWith("kg: graph 'DiplomacyGraph' has no entity with the id 'nobody'.", error);
    }

    [Fact]
    public void Files_of_two_graphs_are_refused_with_exit_code_2()
    {
        var other = Path.Combine(_folder, "other.kg.json");
        File.WriteAllText(other, """{ "graph": "OtherGraph", "entityTypes": { "Thing": {} }, "entities": { "a": { "type": "Thing" } } }""");

        var (code, _, error) = Kg("export", "--format", "dot", Schema, Facts, other);

        Assert.Equal(2, code);
        Assert.Contains($"{Environment.NewLine}kg: the files make 2 graphs (DiplomacyGraph, OtherGraph): export the files of one graph.", error);
    }

    private static string Exported(GraphView graph, GraphFormat format)
    {
        using var stream = new MemoryStream();
        graph.Export(stream, format);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
