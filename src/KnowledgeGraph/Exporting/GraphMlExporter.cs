using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace KnowledgeGraph;

/// <summary>
/// Writes GraphML: a typed <c>&lt;key&gt;</c> for every attribute (<see cref="ExportAttributes"/>), a node per entity
/// and an edge per fact, with every value of each.
/// </summary>
internal static class GraphMlExporter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(ExportedGraph graph, Stream output)
    {
        var attributes = new ExportAttributes(graph);
        var texts = new AttributeValues();
        var values = new List<(ExportAttribute Attribute, string Text)>();
        var xml = new ExportXml(output);

        // Each value's element up to its text, made once: <data key="d7">.
        var data = new byte[attributes.Nodes.Count + attributes.Edges.Count][];
        xml.Raw($"<graphml xmlns=\"{Namespace}\" xmlns:xsi=\"{ExportXml.SchemaInstance}\" xsi:schemaLocation=\"{Namespace} {Namespace}/1.0/graphml.xsd\">\n");
        foreach (var (domain, all) in new[] { ("node", attributes.Nodes), ("edge", attributes.Edges) })
        {
            foreach (var attribute in all)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"d{attribute.Index}");
                data[attribute.Index] = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"      <data key=\"{id}\">"));
                xml.Raw($"  <key id=\"{id}\" for=\"{domain}\" attr.name=\"");
                xml.Attribute(attribute.Name);
                xml.Raw($"\" attr.type=\"{TypeOf(attribute)}\"");
                if (attribute.Description is { } description)
                {
                    xml.Raw(">\n    <desc>"u8);
                    xml.Text(description);
                    xml.Raw("</desc>\n  </key>\n"u8);
                }
                else
                {
                    xml.Raw(" />\n"u8);
                }
            }
        }

        xml.Raw("  <graph id=\""u8);
        xml.Attribute(graph.GraphName);
        xml.Raw("\" edgedefault=\"directed\">\n"u8);
        foreach (var entity in graph.Entities)
        {
            var label = graph.LabelOf(entity);
            var type = attributes.TypeOf(entity, graph);
            xml.Raw("    <node id=\""u8);
            xml.Attribute(entity.Id);
            xml.Raw("\">\n"u8);
            Data(xml, data, attributes.NodeType, type.Name);
            Data(xml, data, attributes.NodeLabel, label);
            texts.Collect(attributes.SlotsOf(type), graph.Values, values);
            foreach (var (attribute, value) in values)
            {
                Data(xml, data, attribute, value);
            }

            xml.Raw("    </node>\n"u8);
        }

        foreach (var relation in graph.Relations)
        {
            var type = attributes.TypeOf(relation, graph);
            xml.Raw("    <edge id=\""u8);
            xml.EdgeId(relation);
            xml.Raw("\" source=\""u8);
            xml.Attribute(relation.From.Id);
            xml.Raw("\" target=\""u8);
            xml.Attribute(relation.To.Id);
            xml.Raw("\">\n"u8);
            Data(xml, data, attributes.EdgeType, type.Name);
            if (texts.SourcesOf(relation, graph) is { } sources)
            {
                Data(xml, data, attributes.EdgeSources, sources);
            }

            if (relation.ValidFrom is { } validFrom)
            {
                Data(xml, data, attributes.EdgeValidFrom, ElementValues.Lexical(validFrom));
            }

            if (relation.ValidTo is { } validTo)
            {
                Data(xml, data, attributes.EdgeValidTo, ElementValues.Lexical(validTo));
            }

            texts.Collect(attributes.SlotsOf(type), graph.Values.Of(relation), values);
            foreach (var (attribute, value) in values)
            {
                Data(xml, data, attribute, value);
            }

            xml.Raw("    </edge>\n"u8);
        }

        xml.Raw("  </graph>\n</graphml>\n"u8);
        xml.Flush();
    }

    // GraphML's types are Java's; a decimal is a string, which keeps all its digits (a double keeps about 16).
    private static string TypeOf(ExportAttribute attribute) => attribute.IsList ? "string" : attribute.Kind switch
    {
        ValueKind.Int => "int",
        ValueKind.Long => "long",
        ValueKind.Double => "double",
        ValueKind.Boolean => "boolean",
        _ => "string",
    };

    private static void Data(ExportXml xml, byte[][] data, ExportAttribute attribute, string value)
    {
        xml.Raw(data[attribute.Index]);
        xml.Text(value);
        xml.Raw("</data>\n"u8);
    }
}
