using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Cli;

/// <summary>
/// The page <c>kg view</c> writes: one HTML file holding the graph as JSON, cytoscape.js and the script that draws
/// it, so that it opens without a network.
/// </summary>
/// <remarks>
/// <para>
/// The graph is what the exporters export (<see cref="ExportedGraph"/>): the same entities and facts, labels, values
/// and type colours. Each entity and fact carries its period as <see cref="GraphView.AsOf"/> reads it (the first day
/// its start may be, the last day its end may be, either open), so the page's date slider keeps what <c>AsOf</c>
/// keeps by one comparison, and the days on which that changes are the slider's stops.
/// </para>
/// <para>
/// The JSON is escaped as the exporters escape JSON (<see cref="ExportText.JsonEncoder"/>): no text can close its
/// <c>&lt;script&gt;</c> element or open a comment. The same graph gives the same bytes.
/// </para>
/// </remarks>
internal static partial class GraphPage
{
    /// <summary>The most entities a page draws and still pans and zooms smoothly.</summary>
    public const int MaxEntities = 5000;

    /// <summary>The version of cytoscape.js the page inlines (Page/cytoscape/README.md).</summary>
    public const string LibraryVersion = "3.35.0";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The page of <paramref name="view"/>, in UTF-8.</summary>
    /// <exception cref="InvalidOperationException">A value cannot be written (only in graphs made in code).</exception>
    public static byte[] Write(GraphView view)
    {
        var graph = new ExportedGraph(view, "a kg view page");
        var parts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = WebUtility.HtmlEncode(graph.GraphName),
            ["style"] = Resource("page.css"),
            ["data"] = Data(graph),
            ["library"] = Resource("cytoscape.min.js"),
            ["script"] = Resource("page.js"),
        };
        var template = Resource("page.html");
        var page = Placeholder().Replace(template, match => parts[match.Groups[1].Value]);
        return s_utf8.GetBytes(page);
    }

    private static string Data(ExportedGraph graph)
    {
        var styles = new TypeStyles(graph.EntityTypes);
        var relationTypes = graph.RelationTypes.Where(type => !type.Declaration.IsAbstract).Select(type => type.Name).ToList();
        var days = new SortedSet<DateOnly>();

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ExportText.JsonEncoder }))
        {
            json.WriteStartObject();
            json.WriteString("graph", graph.GraphName);
            json.WriteStartArray("types");
            foreach (var (type, index) in styles.Types.OrderBy(pair => pair.Index))
            {
                json.WriteStartObject();
                json.WriteString("name", type.Name);
                json.WriteString("color", TypeStyles.Color(index));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("relationTypes");
            foreach (var name in relationTypes)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();

            json.WriteStartArray("entities");
            foreach (var entity in graph.Entities)
            {
                json.WriteStartObject();
                json.WriteString("id", entity.Id);
                json.WriteString("label", graph.LabelOf(entity));
                json.WriteNumber("type", styles.IndexOf(graph.TypeOf(entity)));
                WriteValues(json, graph.Values.Of(entity).Values);
                WritePeriod(json, Period.Of(entity), days);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("facts");
            foreach (var relation in graph.Relations)
            {
                json.WriteStartObject();
                json.WriteNumber("type", relationTypes.IndexOf(relation.TypeName));
                json.WriteNumber("from", graph.PositionOf(relation.From));
                json.WriteNumber("to", graph.PositionOf(relation.To));
                if (relation.IsSymmetric)
                {
                    json.WriteBoolean("symmetric", true);
                }

                var values = graph.Values.Of(relation);
                WriteValues(json, values.Values);
                if (values.Players.Count > 0)
                {
                    json.WriteStartArray("roles");
                    foreach (var (role, player) in values.Players)
                    {
                        json.WriteStartArray();
                        json.WriteStringValue(role);
                        json.WriteNumberValue(graph.PositionOf(player));
                        json.WriteEndArray();
                    }

                    json.WriteEndArray();
                }

                if (relation.ValidFrom is { } validFrom)
                {
                    json.WriteString("validFrom", ElementValues.Lexical(validFrom));
                }

                if (relation.ValidTo is { } validTo)
                {
                    json.WriteString("validTo", ElementValues.Lexical(validTo));
                }

                var sources = graph.SourcesOf(relation).ToList();
                if (sources.Count > 0)
                {
                    json.WriteStartArray("sources");
                    foreach (var source in sources)
                    {
                        json.WriteNumberValue(graph.PositionOf(source));
                    }

                    json.WriteEndArray();
                }

                WritePeriod(json, Period.Of(relation), days);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("days");
            foreach (var day in days)
            {
                json.WriteStringValue(ElementValues.Lexical(day));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValues(Utf8JsonWriter json, IReadOnlyList<(string Name, string Text)> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WriteStartArray("values");
        foreach (var (name, text) in values)
        {
            json.WriteStartArray();
            json.WriteStringValue(name);
            json.WriteStringValue(text);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Writes the days <see cref="GraphView.AsOf"/> may keep the thing from and to (absent when open), and adds to
    /// <paramref name="days"/> the days on which it appears and disappears.
    /// </summary>
    private static void WritePeriod(Utf8JsonWriter json, Period period, SortedSet<DateOnly> days)
    {
        if (period.Start is { } start)
        {
            json.WriteString("start", ElementValues.Lexical(start.Earliest));
            days.Add(start.Earliest);
        }

        if (period.End is { } end)
        {
            json.WriteString("end", ElementValues.Lexical(end.Latest));
            if (end.Latest < DateOnly.MaxValue)
            {
                days.Add(end.Latest.AddDays(1));
            }
        }
    }

    private static string Resource(string name)
    {
        using var stream = typeof(GraphPage).Assembly.GetManifestResourceStream($"KnowledgeGraph.Cli.Page.{name}")
            ?? throw new InvalidOperationException($"The tool is missing its resource {name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
