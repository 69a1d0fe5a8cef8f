using System;
using System.IO;
using System.Linq;
using KnowledgeGraph.Cli;
using KnowledgeGraph.EndToEnd.Tests;

namespace KnowledgeGraph.Tests.Exporting;

/// <summary>
/// <c>kg export</c> makes the graph from the files alone, without the classes the generator writes for them: every
/// export equals, byte for byte, the one of the graph compiled from the same files.
/// </summary>
public sealed class KgExportTests : IDisposable
{
    // The sample's compiled files, as globs: its folder also holds a file that the sample loads at run time.
    private static readonly string Sample = Path.Combine(Repository.Root, "src", "IstanbulTalks", "*.kg.json");
    private static readonly string Hostile = Path.Combine(Repository.Root, "tests", "KnowledgeGraph.Tests", "Models", "hostile.kg.json");

    private readonly string _folder = Directory.CreateTempSubdirectory("kg-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, GraphFormat> Formats() => new()
    {
        { "dot", GraphFormat.Dot },
        { "mermaid", GraphFormat.Mermaid },
        { "graphml", GraphFormat.GraphMl },
        { "gexf", GraphFormat.Gexf },
        { "nt", GraphFormat.NTriples },
        { "ttl", GraphFormat.Turtle },
        { "jsonld", GraphFormat.JsonLd },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_export_of_the_files_equals_the_compiled_graphs(string name, GraphFormat format)
    {
        Assert.Equal(ExportTestGraphs.Bytes(ExportTestGraphs.Sample, format), Export(name, Sample));
        Assert.Equal(ExportTestGraphs.Bytes(ExportTestGraphs.Hostile, format), Export(name, Hostile));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_neighbourhood_exports_as_the_compiled_graphs(string name, GraphFormat format)
    {
        var g = ExportTestGraphs.Sample;

        Assert.Equal(ExportTestGraphs.Bytes(g.Around(g.Darchiyev, 2), format), Export(name, Sample, "--around", "darchiyev", "--depth", "2"));
        Assert.Equal(ExportTestGraphs.Bytes(g.Around(g.Darchiyev, 1), format), Export(name, Sample, "--around", "darchiyev", "--depth", "1"));
    }

    [Fact]
    public void The_neo4j_files_of_the_files_are_the_compiled_graphs()
    {
        foreach (var (compiled, path) in new (Graph, string)[] { (ExportTestGraphs.Sample, Sample), (ExportTestGraphs.Hostile, Hostile) })
        {
            var expected = Directory.CreateDirectory(Path.Combine(_folder, "expected")).FullName;
            var actual = Path.Combine(_folder, "actual");
            compiled.ExportNeo4jCsv(expected);

            Assert.Equal(0, KgCommand.Run(["export", "--format", "neo4j", "--output", actual, path], TextWriter.Null, TextWriter.Null));

            var names = Directory.GetFiles(expected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(names);
            Assert.Equal(names, Directory.GetFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var name in names)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(expected, name!)), File.ReadAllBytes(Path.Combine(actual, name!)));
            }

            Directory.Delete(expected, recursive: true);
            Directory.Delete(actual, recursive: true);
        }
    }

    private byte[] Export(string format, string path, params string[] options)
    {
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.{format}");
        var error = new StringWriter();

        var code = KgCommand.Run(["export", "--format", format, "--output", file, .. options, path], TextWriter.Null, error);

        Assert.True(code == 0, error.ToString());
        return File.ReadAllBytes(file);
    }
}
