using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace KnowledgeGraph;

/// <summary>
/// Writes GEXF 1.3 for Gephi: typed node and edge attributes (<see cref="ExportAttributes"/>), and each entity and
/// fact with the days it holds, so that the timeline shows on each day what <see cref="GraphView.AsOf"/> keeps.
/// </summary>
/// <remarks>
/// A thing's interval is <see cref="Period"/>'s, from the first day its start may be to the last day its end may be;
/// GEXF's intervals hold both their days, so a fact valid from <c>2025</c> to <c>2025-06</c> spans 2025-01-01 to
/// 2025-06-30, the days <c>AsOf</c> keeps it. An open end is left out, and so is the interval of an undated thing.
/// </remarks>
internal static class GexfExporter
{
    private const string Namespace = "http://gexf.net/1.3";

    public static void Write(ExportedGraph graph, Stream output)
    {
        var attributes = new ExportAttributes(graph);
        var texts = new AttributeValues();
        var values = new List<(ExportAttribute Attribute, string Text)>();
        var xml = new ExportXml(output);

        xml.Raw($"<gexf xmlns=\"{Namespace}\" xmlns:xsi=\"{ExportXml.SchemaInstance}\" xsi:schemaLocation=\"{Namespace} {Namespace}/gexf.xsd\" version=\"1.3\">\n");
        xml.Raw("  <meta>\n    <creator>KnowledgeGraph</creator>\n    <description>"u8);
        xml.Text(graph.GraphName);
        xml.Raw("</description>\n  </meta>\n  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n"u8);

        // Each value's element up to its value, made once: <attvalue for="7" value=".
        var attvalues = new byte[attributes.Nodes.Count + attributes.Edges.Count][];
        // The label is the node's own: no attribute repeats it.
        foreach (var (domain, all) in new[] { ("node", attributes.Nodes.Where(attribute => attribute != attributes.NodeLabel)), ("edge", attributes.Edges) })
        {
            xml.Raw($"    <attributes class=\"{domain}\">\n");
            foreach (var attribute in all)
            {
                var id = attribute.Index.ToString(CultureInfo.InvariantCulture);
                attvalues[attribute.Index] = Encoding.ASCII.GetBytes($"          <attvalue for=\"{id}\" value=\"");
                xml.Raw($"      <attribute id=\"{id}\" title=\"");
                xml.Attribute(attribute.Name);
                xml.Raw($"\" type=\"{TypeOf(attribute)}\" />\n");
            }

            xml.Raw("    </attributes>\n"u8);
        }

        xml.Raw("    <nodes>\n"u8);
        foreach (var entity in graph.Entities)
        {
            var label = graph.LabelOf(entity);
            var type = attributes.TypeOf(entity, graph);
            texts.Collect(attributes.SlotsOf(type), graph.Values, values);
            xml.Raw("      <node id=\""u8);
            xml.Attribute(entity.Id);
            xml.Raw("\" label=\""u8);
            xml.Attribute(label);
            xml.Raw("\""u8);
            Interval(xml, Period.Of(entity));
            xml.Raw(">\n        <attvalues>\n"u8);
            Value(xml, attvalues, attributes.NodeType, type.Name);
            foreach (var (attribute, value) in values)
            {
                Value(xml, attvalues, attribute, value);
            }

            xml.Raw("        </attvalues>\n      </node>\n"u8);
        }

        xml.Raw("    </nodes>\n    <edges>\n"u8);
        foreach (var relation in graph.Relations)
        {
            var type = attributes.TypeOf(relation, graph);
            texts.Collect(attributes.SlotsOf(type), graph.Values.Of(relation), values);
            xml.Raw("      <edge id=\""u8);
            xml.EdgeId(relation);
            xml.Raw("\" source=\""u8);
            xml.Attribute(relation.From.Id);
            xml.Raw("\" target=\""u8);
            xml.Attribute(relation.To.Id);
            xml.Raw(type.IsSymmetric ? "\" type=\"undirected\" label=\""u8 : "\" label=\""u8);
            xml.Attribute(type.Name);
            xml.Raw("\" kind=\""u8);
            xml.Attribute(type.Name);
            xml.Raw("\""u8);
            Interval(xml, Period.Of(relation));
            xml.Raw(">\n        <attvalues>\n"u8);
            Value(xml, attvalues, attributes.EdgeType, type.Name);
            if (texts.SourcesOf(relation, graph) is { } sources)
            {
                Value(xml, attvalues, attributes.EdgeSources, sources);
            }

            if (relation.ValidFrom is { } validFrom)
            {
                Value(xml, attvalues, attributes.EdgeValidFrom, ElementValues.Lexical(validFrom));
            }

            if (relation.ValidTo is { } validTo)
            {
                Value(xml, attvalues, attributes.EdgeValidTo, ElementValues.Lexical(validTo));
            }

            foreach (var (attribute, value) in values)
            {
                Value(xml, attvalues, attribute, value);
            }

            xml.Raw("        </attvalues>\n      </edge>\n"u8);
        }

        xml.Raw("    </edges>\n  </graph>\n</gexf>\n"u8);
        xml.Flush();
    }

    // A decimal is a bigdecimal, which keeps all its digits; dates, URIs and enum values are strings, and a list is a
    // string holding a JSON array, as in GraphML (GEXF's list types have no escape for their separator).
    private static string TypeOf(ExportAttribute attribute) => attribute.IsList ? "string" : attribute.Kind switch
    {
        ValueKind.Int => "integer",
        ValueKind.Long => "long",
        ValueKind.Double => "double",
        ValueKind.Boolean => "boolean",
        ValueKind.Decimal => "bigdecimal",
        _ => "string",
    };

    private static void Interval(ExportXml xml, Period period)
    {
        if (period.Start is { } start)
        {
            xml.Raw(" start=\""u8);
            xml.Raw(ElementValues.Lexical(start.Earliest));
            xml.Raw("\""u8);
        }

        if (period.End is { } end)
        {
            xml.Raw(" end=\""u8);
            xml.Raw(ElementValues.Lexical(end.Latest));
            xml.Raw("\""u8);
        }
    }

    private static void Value(ExportXml xml, byte[][] attvalues, ExportAttribute attribute, string value)
    {
        xml.Raw(attvalues[attribute.Index]);
        xml.Attribute(value);
        xml.Raw("\" />\n"u8);
    }
}
