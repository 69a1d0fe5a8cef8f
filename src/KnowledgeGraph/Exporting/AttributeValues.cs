using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace KnowledgeGraph;

/// <summary>
/// The values of an element as the exports with typed attributes write them: by attribute, lists and sources as JSON
/// arrays, doubles as Java reads them.
/// </summary>
internal sealed class AttributeValues
{
    // Printable ASCII but the quote and the backslash: what a JSON string holds as it is.
    private static readonly SearchValues<char> s_plainJson =
        SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly StringBuilder _json = new();

    /// <summary>The ids of the sources of <paramref name="relation"/> that the export holds, as a JSON array; null when none.</summary>
    public string? SourcesOf(Relation relation, ExportedGraph graph)
    {
        _json.Clear().Append('[');
        var sources = relation.Sources;
        for (var i = 0; i < sources.Count; i++) // by index: a foreach over the interface would allocate an enumerator a fact
        {
            var source = sources[i];
            if (graph.Holds(source))
            {
                if (_json.Length > 1)
                {
                    _json.Append(',');
                }

                JsonString(source.Id);
            }
        }

        return _json.Length == 1 ? null : _json.Append(']').ToString();
    }

    /// <summary>
    /// Puts in <paramref name="into"/> the values of the element last read into <paramref name="values"/>, each with its
    /// attribute, in the order of <paramref name="slots"/>: a list as a JSON array, a role by its player's id (a list
    /// role as a JSON array of ids). Absent values and empty lists are left out.
    /// </summary>
    public void Collect(IReadOnlyList<AttributeSlot> slots, ElementValues values, List<(ExportAttribute Attribute, string Text)> into)
    {
        into.Clear();
        foreach (var (property, isRole, attribute) in slots)
        {
            var text = (isRole, attribute.IsList) switch
            {
                (true, true) => JsonArray(PlayerIds(values, property), ValueKind.String),
                (true, false) => PlayerIds(values, property).FirstOrDefault(),
                (false, true) => JsonArray(values.Texts(property), attribute.Kind),
                (false, false) when attribute.Kind == ValueKind.Double => values.Text(property) is { } number ? JavaDouble(number) : null,
                (false, false) => values.Text(property),
            };
            if (text is not null)
            {
                into.Add((attribute, text));
            }
        }
    }

    /// <summary>
    /// The items as a JSON array, or null when there are none: numbers and booleans bare (a double that is not finite as
    /// the string <c>"Infinity"</c>, <c>"-Infinity"</c> or <c>"NaN"</c>, which JSON has no number for), everything else as
    /// strings.
    /// </summary>
    /// <remarks>
    /// Strings escape quotes, backslashes, every control character and U+2028/U+2029 (<c>\u2028</c>), and half of a
    /// surrogate pair as its <c>\uXXXX</c>, so the array is plain text whatever the items hold.
    /// </remarks>
    public string? JsonArray(IEnumerable<string> items, ValueKind kind)
    {
        _json.Clear().Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                _json.Append(',');
            }

            first = false;
            if (kind is ValueKind.Int or ValueKind.Long or ValueKind.Boolean)
            {
                _json.Append(item);
            }
            else if (kind == ValueKind.Double && item is not ("INF" or "-INF" or "NaN"))
            {
                // With a point or an exponent, so that readers take it for a double: "-0" would read as the int 0.
                _json.Append(item);
                if (item.AsSpan().IndexOfAny('.', 'E') < 0)
                {
                    _json.Append(".0");
                }
            }
            else
            {
                JsonString(kind == ValueKind.Double ? JavaDouble(item) : item);
            }
        }

        return first ? null : _json.Append(']').ToString();
    }

    private static IEnumerable<string> PlayerIds(ElementValues values, string role)
    {
        foreach (var (name, player) in values.Players)
        {
            if (name == role)
            {
                yield return player.Id;
            }
        }
    }

    /// <summary>
    /// A double's text as Java reads it, which the formats' typed readers are (Gephi, yEd, Neo4j; Python's too):
    /// <c>Infinity</c>, <c>-Infinity</c> and <c>NaN</c> where XML Schema writes <c>INF</c>, <c>-INF</c> and <c>NaN</c>.
    /// </summary>
    public static string JavaDouble(string text) => text switch
    {
        "INF" => "Infinity",
        "-INF" => "-Infinity",
        _ => text,
    };

    private void JsonString(string text)
    {
        _json.Append('"');
        var plain = text.AsSpan().IndexOfAnyExcept(s_plainJson);
        _json.Append(text, 0, plain < 0 ? text.Length : plain);
        for (var i = plain < 0 ? text.Length : plain; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    _json.Append("\\\"");
                    break;
                case '\\':
                    _json.Append("\\\\");
                    break;
                case '\n':
                    _json.Append("\\n");
                    break;
                case '\r':
                    _json.Append("\\r");
                    break;
                case '\t':
                    _json.Append("\\t");
                    break;
                case < ' ' or '\u007F' or '\u2028' or '\u2029':
                    Escape(c);
                    break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    _json.Append(c).Append(text[++i]);
                    break;
                case >= '\uD800' and <= '\uDFFF' or '\uFFFE' or '\uFFFF':
                    Escape(c);
                    break;
                default:
                    _json.Append(c);
                    break;
            }
        }

        _json.Append('"');
    }

    private void Escape(char c) => _json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
