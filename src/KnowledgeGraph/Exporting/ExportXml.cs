using System.IO;
using System.Text;
using System.Xml;

namespace KnowledgeGraph;

/// <summary>The XML writer of the XML exports (GraphML, GEXF): the same bytes for the same graph, on every machine.</summary>
internal static class ExportXml
{
    public const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly XmlWriterSettings s_settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n", // not the machine's: the bytes must not depend on it
        // Carriage returns (and, in attributes, line feeds and tabs) as character references, so readers that
        // normalize line ends and attribute values get them back.
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    /// <summary>A writer onto <paramref name="output"/>, which it leaves open; it sends its bytes on as its buffer fills.</summary>
    public static XmlWriter Create(Stream output) => XmlWriter.Create(output, s_settings);

    /// <summary>Writes an attribute whose value may hold any text (<see cref="ExportText.ForXml"/>).</summary>
    public static void Attribute(XmlWriter xml, string name, string value) => xml.WriteAttributeString(name, ExportText.ForXml(value));
}
