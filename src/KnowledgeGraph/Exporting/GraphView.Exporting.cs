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
    /// <exception cref="InvalidOperationException">
    /// A value cannot be written: a string holding half of a surrogate pair, or an enum value its enum does not
    /// declare (both possible only in entities and facts made in code). What was written before stays in the stream.
    /// </exception>
    /// <exception cref="NotSupportedException">The graph's class is not one the generator wrote.</exception>
    public void Export(Stream output, GraphFormat format)
    {
        ArgumentNullException.ThrowIfNull(output);
        Action<ExportedGraph, Stream> write = format switch
        {
            GraphFormat.Dot => DotExporter.Write,
            GraphFormat.Mermaid => MermaidExporter.Write,
            GraphFormat.GraphMl => GraphMlExporter.Write,
            GraphFormat.Gexf => GexfExporter.Write,
            GraphFormat.NTriples => RdfMapping.WriteNTriples,
            GraphFormat.Turtle => RdfMapping.WriteTurtle,
            GraphFormat.JsonLd => RdfMapping.WriteJsonLd,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a format GraphFormat names."),
        };
        write(new ExportedGraph(this, TargetOf(format)), output);
    }

    /// <summary>
    /// Writes the entities and relations of this graph or view as the CSV files <c>neo4j-admin database import</c>
    /// reads, into <paramref name="directory"/>, which is made if it does not exist.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each concrete entity type gets <c>nodes-{Type}.csv</c>: <c>id:ID</c>, <c>:LABEL</c> (the type and the types it
    /// extends, nearest first, separated by <c>;</c>), then a column per property typed for Neo4j (<c>date:date</c>,
    /// <c>aliases:string[]</c>). Each concrete relation type gets <c>relationships-{type}.csv</c>: <c>:START_ID</c>,
    /// <c>:END_ID</c>, <c>:TYPE</c>, its properties, its roles (players' ids), <c>sources:string[]</c>,
    /// <c>validFrom:string</c> and <c>validTo:string</c> (dates as precise as they are). A type with nothing to
    /// write gets a file with its header alone. In a file name, every character of the type's name but ASCII letters,
    /// digits and <c>-</c> is written <c>_XXXX</c>, its UTF-16 code in hex.
    /// </para>
    /// <para>
    /// The files are UTF-8 CSV with a header row: a value holding a comma, a quote or a line break is quoted, its quotes
    /// doubled (import with <c>--multiline-fields=true</c>); lists are separated by <c>;</c>, the importer's default.
    /// A <c>decimal</c> is a string, which keeps all its digits.
    /// </para>
    /// <para>
    /// The files this export writes replace those of the same name; other files are left alone. Each is written under
    /// a temporary name in the directory and all are moved to their names once all are written, so a failed export
    /// leaves no partly written file under a final name.
    /// </para>
    /// </remarks>
    /// <param name="directory">Where to write the files.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty.</exception>
    /// <exception cref="IOException">A file cannot be written (a full disk, a file in use, …).</exception>
    /// <exception cref="UnauthorizedAccessException">The directory or a file may not be written.</exception>
    /// <exception cref="InvalidOperationException">
    /// An enum value its enum does not declare (possible only in entities and facts made in code).
    /// </exception>
    /// <exception cref="NotSupportedException">The graph's class is not one the generator wrote.</exception>
    public void ExportNeo4jCsv(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Neo4jCsvExporter.Write(new ExportedGraph(this, "a Neo4j CSV file"), directory);
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
