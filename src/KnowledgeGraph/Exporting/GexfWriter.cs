using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;

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
internal static class GexfWriter
{
    private const string Namespace = "http://gexf.net/1.3";

    public static void Write(ExportedGraph graph, Stream output)
    {
        var attributes = new ExportAttributes(graph);
        var text = new ExportText();
        var values = new List<(ExportAttribute Attribute, string Text)>();
        var ids = new string[attributes.Nodes.Count + attributes.Edges.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        using var xml = ExportXml.Create(output);
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, ExportXml.SchemaInstance);
        xml.WriteAttributeString("xsi", "schemaLocation", ExportXml.SchemaInstance, $"{Namespace} {Namespace}/gexf.xsd");
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta");
        xml.WriteElementString("creator", "KnowledgeGraph");
        xml.WriteElementString("description", ExportText.ForXml(graph.GraphName));
        xml.WriteEndElement();

        xml.WriteStartElement("graph");
        xml.WriteAttributeString("mode", "dynamic");
        xml.WriteAttributeString("defaultedgetype", "directed");
        xml.WriteAttributeString("timeformat", "date");
        // The label is the node's own: no attribute repeats it.
        Declare(xml, "node", attributes.Nodes.Where(attribute => attribute != attributes.NodeLabel), ids);
        Declare(xml, "edge", attributes.Edges, ids);

        xml.WriteStartElement("nodes");
        foreach (var entity in graph.Entities)
        {
            var label = graph.LabelOf(entity);
            var type = graph.Schema.EntityTypes[graph.Values.TypeName];
            text.Collect(attributes.SlotsOf(type), graph.Values, values);
            xml.WriteStartElement("node");
            ExportXml.Attribute(xml, "id", entity.Id);
            ExportXml.Attribute(xml, "label", label);
            Interval(xml, Period.Of(entity));
            xml.WriteStartElement("attvalues");
            Value(xml, ids, attributes.NodeType, type.Name);
            foreach (var (attribute, value) in values)
            {
                Value(xml, ids, attribute, value);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("edges");
        foreach (var relation in graph.Relations)
        {
            var type = graph.TypeOf(relation);
            text.Collect(attributes.SlotsOf(type), graph.Values.Of(relation), values);
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("id", ExportText.EdgeId(relation));
            ExportXml.Attribute(xml, "source", relation.From.Id);
            ExportXml.Attribute(xml, "target", relation.To.Id);
            if (type.IsSymmetric)
            {
                xml.WriteAttributeString("type", "undirected");
            }

            ExportXml.Attribute(xml, "label", type.Name);
            ExportXml.Attribute(xml, "kind", type.Name);
            Interval(xml, Period.Of(relation));
            xml.WriteStartElement("attvalues");
            Value(xml, ids, attributes.EdgeType, type.Name);
            if (text.JsonArray(ExportText.Ids(graph.SourcesOf(relation)), ValueKind.String) is { } sources)
            {
                Value(xml, ids, attributes.EdgeSources, sources);
            }

            if (relation.ValidFrom is { } validFrom)
            {
                Value(xml, ids, attributes.EdgeValidFrom, ElementValues.Lexical(validFrom));
            }

            if (relation.ValidTo is { } validTo)
            {
                Value(xml, ids, attributes.EdgeValidTo, ElementValues.Lexical(validTo));
            }

            foreach (var (attribute, value) in values)
            {
                Value(xml, ids, attribute, value);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Declare(XmlWriter xml, string domain, IEnumerable<ExportAttribute> attributes, string[] ids)
    {
        xml.WriteStartElement("attributes");
        xml.WriteAttributeString("class", domain);
        foreach (var attribute in attributes)
        {
            xml.WriteStartElement("attribute");
            xml.WriteAttributeString("id", ids[attribute.Index]);
            ExportXml.Attribute(xml, "title", attribute.Name);
            xml.WriteAttributeString("type", TypeOf(attribute));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
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

    private static void Interval(XmlWriter xml, Period period)
    {
        if (period.Start is { } start)
        {
            xml.WriteAttributeString("start", ElementValues.Lexical(start.Earliest));
        }

        if (period.End is { } end)
        {
            xml.WriteAttributeString("end", ElementValues.Lexical(end.Latest));
        }
    }

    private static void Value(XmlWriter xml, string[] ids, ExportAttribute attribute, string value)
    {
        xml.WriteStartElement("attvalue");
        xml.WriteAttributeString("for", ids[attribute.Index]);
        ExportXml.Attribute(xml, "value", value);
        xml.WriteEndElement();
    }
}
