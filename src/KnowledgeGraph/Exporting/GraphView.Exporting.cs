using System;
using System.IO;

namespace KnowledgeGraph;

// Exporting: a graph or a view written in the formats other tools read.
public abstract partial class GraphView
{
    /// <summary>
    /// Writes the entities and relations of this graph or view to <paramref name="output"/> in
    /// <paramref name="format"/>, in UTF-8; the stream is left open.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Entities and facts are written in graph order, and the same graph gives the same bytes, whatever the culture.
    /// Every id, name and value is escaped as the format needs. Text goes to the stream as it is made, so memory does
    /// not grow with the graph.
    /// </para>
    /// <para>
    /// A view writes what it holds: a fact whose role player it leaves out is left out too, as one whose end it leaves
    /// out is, and a source it leaves out is not cited.
    /// </para>
    /// </remarks>
    /// <param name="output">A writable stream.</param>
    /// <param name="format">The format to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a <see cref="GraphFormat"/>.</exception>
    /// <exception cref="IOException">Writing to the stream fails.</exception>
    /// <exception cref="NotSupportedException">The graph's class is not one the generator wrote.</exception>
    public void Export(Stream output, GraphFormat format)
    {
        ArgumentNullException.ThrowIfNull(output);
        Action<ExportedGraph, Stream> write = format switch
        {
            GraphFormat.NTriples => RdfMapping.WriteNTriples,
            GraphFormat.Turtle => RdfMapping.WriteTurtle,
            GraphFormat.JsonLd => RdfMapping.WriteJsonLd,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a format GraphFormat names."),
        };
        write(new ExportedGraph(this, TargetOf(format)), output);
    }

    private static string TargetOf(GraphFormat format) => format switch
    {
        GraphFormat.Dot => "a DOT file",
        GraphFormat.Mermaid => "a Mermaid chart",
        GraphFormat.GraphMl => "a GraphML file",
        GraphFormat.Gexf => "a GEXF file",
        GraphFormat.NTriples => "an N-Triples file",
        GraphFormat.Turtle => "a Turtle file",
        GraphFormat.JsonLd => "a JSON-LD file",
        _ => "an export",
    };
}
