using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace KnowledgeGraph;

/// <summary>
/// Writes a Mermaid <c>flowchart</c>, which Markdown renders on GitHub: a node per entity, labelled by its name (or
/// id), a class per entity type that colours it, and a link per fact labelled by its relation type (without an
/// arrowhead when the relation is symmetric).
/// </summary>
/// <remarks>
/// Nodes are named <c>n0</c>, <c>n1</c>, … in graph order, so no id reaches Mermaid's syntax; labels are quoted, and
/// every character but letters, digits and plain punctuation is written as Mermaid's entity code (<c>#34;</c>), so
/// no text can end a label, start a link or become HTML. A line break is <c>&lt;br&gt;</c>.
/// </remarks>
internal static class MermaidExporter
{
    public static void Write(ExportedGraph graph, Stream output)
    {
        var styles = new TypeStyles(graph.EntityTypes);
        using var writer = ExportText.Writer(output);
        writer.Write("flowchart LR\n");
        var number = 0;
        var byType = new List<int>?[styles.Types.Count()];
        foreach (var entity in graph.Entities)
        {
            var index = styles.IndexOf(graph.TypeOf(entity));
            (byType[index] ??= []).Add(number);
            writer.Write("  n");
            writer.Write(number.ToString(CultureInfo.InvariantCulture));
            writer.Write("[\"");
            Label(writer, graph.LabelOf(entity));
            writer.Write("\"]\n");
            number++;
        }

        foreach (var relation in graph.Relations)
        {
            writer.Write("  n");
            writer.Write(graph.PositionOf(relation.From).ToString(CultureInfo.InvariantCulture));
            writer.Write(relation.IsSymmetric ? " ---|\"" : " -->|\"");
            Label(writer, relation.TypeName);
            writer.Write("\"| n");
            writer.Write(graph.PositionOf(relation.To).ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }

        foreach (var (type, index) in styles.Types)
        {
            if (byType[index] is not { } members)
            {
                continue;
            }

            writer.Write("  classDef t");
            writer.Write(index.ToString(CultureInfo.InvariantCulture));
            writer.Write(" fill:");
            writer.Write(TypeStyles.Color(index));
            writer.Write(",stroke:#555555,color:#000000\n");
            writer.Write("  class ");
            writer.Write(string.Join(",", members.Select(n => "n" + n.ToString(CultureInfo.InvariantCulture))));
            writer.Write(" t");
            writer.Write(index.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static void Label(TextWriter writer, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' ' or '.' or ',' or ':' or '!' or '?' or '\'' or '(' or ')' or '_' or '/' or '+' or '=' or '*' or '@' or '$' or '~')
            {
                writer.Write(c);
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }
            else if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                writer.Write("<br>");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Code(writer, char.ConvertToUtf32(c, text[++i]));
            }
            else
            {
                Code(writer, c);
            }
        }
    }

    private static void Code(TextWriter writer, int codePoint)
    {
        writer.Write('#');
        writer.Write(codePoint.ToString(CultureInfo.InvariantCulture));
        writer.Write(';');
    }
}
