using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Xml;

namespace KnowledgeGraph;

/// <summary>
/// Writes GraphML: a typed <c>&lt;key&gt;</c> for every attribute (<see cref="ExportAttributes"/>), a node per entity
/// and an edge per fact, with every value of each.
/// </summary>
internal static class GraphMlWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(ExportedGraph graph, Stream output)
    {
        var attributes = new ExportAttributes(graph);
        var text = new ExportText();
        var values = new List<(ExportAttribute Attribute, string Text)>();
        var keys = new string[attributes.Nodes.Count + attributes.Edges.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = string.Create(CultureInfo.InvariantCulture, $"d{i}");
        }

        using var xml = ExportXml.Create(output);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, ExportXml.SchemaInstance);
        xml.WriteAttributeString("xsi", "schemaLocation", ExportXml.SchemaInstance, $"{Namespace} {Namespace}/1.0/graphml.xsd");
        Keys(xml, "node", attributes.Nodes, keys);
        Keys(xml, "edge", attributes.Edges, keys);

        xml.WriteStartElement("graph");
        ExportXml.Attribute(xml, "id", graph.GraphName);
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var entity in graph.Entities)
        {
            var label = graph.LabelOf(entity);
            var type = graph.Schema.EntityTypes[graph.Values.TypeName];
            xml.WriteStartElement("node");
            ExportXml.Attribute(xml, "id", entity.Id);
            Data(xml, keys, attributes.NodeType, type.Name);
            Data(xml, keys, attributes.NodeLabel, label);
            text.Collect(attributes.SlotsOf(type), graph.Values, values);
            foreach (var (attribute, value) in values)
            {
                Data(xml, keys, attribute, value);
            }

            xml.WriteEndElement();
        }

        foreach (var relation in graph.Relations)
        {
            var type = graph.TypeOf(relation);
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("id", ExportText.EdgeId(relation));
            ExportXml.Attribute(xml, "source", relation.From.Id);
            ExportXml.Attribute(xml, "target", relation.To.Id);
            Data(xml, keys, attributes.EdgeType, type.Name);
            if (text.JsonArray(ExportText.Ids(graph.SourcesOf(relation)), ValueKind.String) is { } sources)
            {
                Data(xml, keys, attributes.EdgeSources, sources);
            }

            if (relation.ValidFrom is { } validFrom)
            {
                Data(xml, keys, attributes.EdgeValidFrom, ElementValues.Lexical(validFrom));
            }

            if (relation.ValidTo is { } validTo)
            {
                Data(xml, keys, attributes.EdgeValidTo, ElementValues.Lexical(validTo));
            }

            text.Collect(attributes.SlotsOf(type), graph.Values.Of(relation), values);
            foreach (var (attribute, value) in values)
            {
                Data(xml, keys, attribute, value);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Keys(XmlWriter xml, string domain, IReadOnlyList<ExportAttribute> attributes, string[] keys)
    {
        foreach (var attribute in attributes)
        {
            xml.WriteStartElement("key");
            xml.WriteAttributeString("id", keys[attribute.Index]);
            xml.WriteAttributeString("for", domain);
            ExportXml.Attribute(xml, "attr.name", attribute.Name);
            xml.WriteAttributeString("attr.type", TypeOf(attribute));
            if (attribute.Description is { } description)
            {
                xml.WriteElementString("desc", ExportText.ForXml(description));
            }

            xml.WriteEndElement();
        }
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

    private static void Data(XmlWriter xml, string[] keys, ExportAttribute attribute, string value)
    {
        xml.WriteStartElement("data");
        xml.WriteAttributeString("key", keys[attribute.Index]);
        xml.WriteString(ExportText.ForXml(value));
        xml.WriteEndElement();
    }
}
