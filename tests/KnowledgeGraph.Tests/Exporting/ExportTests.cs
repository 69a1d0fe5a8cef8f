using System;
using System.IO;
using System.Linq;

namespace KnowledgeGraph.Tests.Exporting;

/// <summary>What every exporter promises, format by format: the same bytes everywhere, its arguments checked.</summary>
public sealed class ExportTests
{
    public static TheoryData<GraphFormat> Formats() => [.. Enum.GetValues<GraphFormat>()];

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_same_graph_gives_the_same_bytes_in_every_run_and_culture(GraphFormat format)
    {
        foreach (var graph in new GraphView[] { ExportTestGraphs.Sample, ExportTestGraphs.Hostile })
        {
            var invariant = ExportTestGraphs.InCulture("", () => ExportTestGraphs.Bytes(graph, format));
            Assert.NotEmpty(invariant);
            Assert.Equal(invariant, ExportTestGraphs.Bytes(graph, format));
            Assert.Equal(invariant, ExportTestGraphs.InCulture("tr-TR", () => ExportTestGraphs.Bytes(graph, format)));
            Assert.Equal(invariant, ExportTestGraphs.InCulture("ar-SA", () => ExportTestGraphs.Bytes(graph, format)));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_view_exports_less_than_its_graph_and_leaves_the_stream_open(GraphFormat format)
    {
        var g = ExportTestGraphs.Sample;
        var view = g.Around(g.Darchiyev, 1);
        using var stream = new MemoryStream();

        view.Export(stream, format);

        Assert.True(stream.CanWrite);
        Assert.InRange(stream.Length, 1, ExportTestGraphs.Bytes(g, format).Length - 1);
    }

    [Fact]
    public void Export_refuses_a_null_stream_and_a_format_GraphFormat_does_not_name_and_writes_nothing()
    {
        using var stream = new MemoryStream();

        Assert.Throws<ArgumentNullException>(() => ExportTestGraphs.Sample.Export(null!, GraphFormat.Dot));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExportTestGraphs.Sample.Export(stream, (GraphFormat)99));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void A_graph_made_without_the_schema_of_its_files_cannot_be_exported()
    {
        using var stream = new MemoryStream();

        var error = Assert.Throws<NotSupportedException>(() => Runtime.DiplomacyGraph.Default.Export(stream, GraphFormat.Dot));
        Assert.Contains("without the schema of its files", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }
}
