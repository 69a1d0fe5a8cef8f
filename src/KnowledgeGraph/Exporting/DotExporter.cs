using System.IO;
using System.Text;

namespace KnowledgeGraph;

/// <summary>
/// Writes Graphviz DOT: a <c>digraph</c> with a node per entity, labelled by its name (or id) and coloured and shaped
/// by its type, and an edge per fact, labelled by its relation type (without an arrowhead when the relation is
/// symmetric).
/// </summary>
/// <remarks>
/// Every id and label is a quoted DOT string: <c>"</c> and <c>\</c> are escaped, <c>&amp;</c> is written
/// <c>&amp;amp;</c> (Graphviz reads entities in labels), a line break is DOT's <c>\n</c>, and other control
/// characters, which DOT cannot carry, become U+FFFD. The entity's type is its node's tooltip.
/// </remarks>
internal static class DotExporter
{
    public static void Write(ExportedGraph graph, Stream output)
    {
        var styles = new TypeStyles(graph.EntityTypes);
        using var writer = ExportText.Writer(output);
        writer.Write("digraph ");
        Quoted(writer, graph.GraphName);
        writer.Write(" {\n");
        writer.Write("  graph [fontname=\"Helvetica\", overlap=false, splines=true];\n");
        writer.Write("  node [fontname=\"Helvetica\", fontsize=10, style=\"filled\", color=\"#555555\"];\n");
        writer.Write("  edge [fontname=\"Helvetica\", fontsize=8, color=\"#777777\", fontcolor=\"#555555\"];\n");
        foreach (var entity in graph.Entities)
        {
            var type = graph.TypeOf(entity);
            var index = styles.IndexOf(type);
            writer.Write("  ");
            Quoted(writer, entity.Id);
            writer.Write(" [label=");
            Quoted(writer, graph.LabelOf(entity));
            writer.Write(", tooltip=");
            Quoted(writer, type.Name);
            writer.Write(", shape=");
            writer.Write(TypeStyles.Shape(index));
            writer.Write(", fillcolor=\"");
            writer.Write(TypeStyles.Color(index));
            writer.Write("\"];\n");
        }

        foreach (var relation in graph.Relations)
        {
            writer.Write("  ");
            Quoted(writer, relation.From.Id);
            writer.Write(" -> ");
            Quoted(writer, relation.To.Id);
            writer.Write(" [label=");
            Quoted(writer, relation.TypeName);
            writer.Write(relation.IsSymmetric ? ", dir=none];\n" : "];\n");
        }

        writer.Write("}\n");
    }

    private static void Quoted(TextWriter writer, string text)
    {
        writer.Write('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    writer.Write("\\\"");
                    break;
                case '\\':
                    writer.Write("\\\\");
                    break;
                case '&':
                    writer.Write("&amp;"); // Graphviz reads HTML entities in labels
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    writer.Write("\\n");
                    break;
                default:
                    writer.Write(char.IsControl(c) ? '\uFFFD' : c);
                    break;
            }
        }

        writer.Write('"');
    }
}
