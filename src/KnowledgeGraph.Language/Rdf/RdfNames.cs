using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Language.Rdf;

/// <summary>
/// The IRIs of a graph's RDF mapping, the one owner of their rules: the exporters write them, and code generated for
/// a graph may name them. Under a graph's base IRI, an entity is <c>{base}{id}</c>, a schema term
/// <c>{base}schema/{Type}</c> or <c>{base}schema/{Type}/{member}</c> (a property, a role, an enum value), a fact's
/// node <c>{base}fact/{n}</c>. Every name is one path segment, percent-encoded (<see cref="Segment"/>), and a segment
/// never holds a <c>/</c>, so no entity's IRI can be a schema term's or a fact's.
/// </summary>
internal static class RdfNames
{
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rdfs = "http://www.w3.org/2000/01/rdf-schema#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    /// <summary>Dublin Core terms: <c>dcterms:source</c> names the entities a fact was taken from.</summary>
    public const string DcTerms = "http://purl.org/dc/terms/";

    /// <summary>schema.org: <c>schema:validFrom</c> and <c>schema:validThrough</c> give when a fact held.</summary>
    public const string SchemaOrg = "http://schema.org/";

    /// <summary>What follows the base IRI in a schema term's IRI.</summary>
    public const string SchemaPath = "schema/";

    /// <summary>What follows the base IRI in a fact node's IRI.</summary>
    public const string FactPath = "fact/";

    /// <summary>The base IRI of a graph whose files give none: <c>urn:kg:{graph}:</c>.</summary>
    public static string DefaultBase(string graphName) => "urn:kg:" + Segment(graphName) + ":";

    /// <summary>The IRI of the entity <paramref name="id"/>.</summary>
    public static string Entity(string baseIri, string id) => baseIri + Segment(id);

    /// <summary>The IRI of an entity type, a relation type or an enum.</summary>
    public static string Type(string baseIri, string typeName) => baseIri + SchemaPath + Segment(typeName);

    /// <summary>The IRI of a property or role of the type that declares it, or of a value of an enum.</summary>
    public static string Member(string baseIri, string typeName, string memberName) => baseIri + SchemaPath + SchemaLocal(typeName, memberName);

    /// <summary>The IRI of the node of the fact in place <paramref name="ordinal"/> of its graph (from 0): <c>fact/1</c> is the first.</summary>
    public static string Fact(string baseIri, int ordinal) => baseIri + FactPath + FactLocal(ordinal);

    /// <summary>What follows <c>{base}schema/</c> in a member's IRI: <c>Person/title</c>.</summary>
    public static string SchemaLocal(string typeName, string memberName) => Segment(typeName) + "/" + Segment(memberName);

    /// <summary>What follows <c>{base}fact/</c> in a fact node's IRI: its place in its graph, from 1.</summary>
    public static string FactLocal(int ordinal) => (ordinal + 1L).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The XML Schema datatype (its name after <c>xsd:</c>) of a property's values, or null for an enum's, whose values
    /// are IRIs (<see cref="Member"/>). A <c>string</c> is <c>xsd:string</c>, which RDF writes as a plain literal.
    /// </summary>
    public static string? XsdType(Model.ScalarKind kind) => kind switch
    {
        Model.ScalarKind.String => "string",
        Model.ScalarKind.Int => "integer",
        Model.ScalarKind.Long => "long",
        Model.ScalarKind.Double => "double",
        Model.ScalarKind.Decimal => "decimal",
        Model.ScalarKind.Bool => "boolean",
        Model.ScalarKind.Date => "date",
        Model.ScalarKind.DateTime => "dateTime",
        Model.ScalarKind.Uri => "anyURI",
        _ => null,
    };

    /// <summary>
    /// A name as one segment of an IRI path (RFC 3987): ASCII letters, digits and <c>-._~!$&amp;'()*+,;=:@</c> and
    /// visible non-ASCII characters are kept; every other character is percent-encoded as its UTF-8 bytes: controls,
    /// space, <c>&lt;&gt;"{}|^`\</c>, <c>%</c>, <c>/</c>, <c>?</c>, <c>#</c>, invisible and separator characters
    /// (U+2028, bidirectional marks, …). A name of dots alone is encoded whole (<c>%2E%2E</c>), since a path segment
    /// <c>..</c> would be resolved away. The name itself is returned when nothing needs encoding.
    /// </summary>
    /// <remarks>Half of a surrogate pair is encoded as U+FFFD's bytes: the callers refuse such text before.</remarks>
    public static string Segment(string name)
    {
        var i = 0;
        while (i < name.Length && IsKept(name[i]))
        {
            i++;
        }

        if (i == name.Length)
        {
            return IsDots(name) ? name.Replace(".", "%2E") : name;
        }

        var text = new StringBuilder(name.Length + 16).Append(name, 0, i);

        var bytes = new byte[4];
        while (i < name.Length)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, name[i + 1]);
                if (IsKeptSupplementary(codePoint))
                {
                    text.Append(c).Append(name[i + 1]);
                }
                else
                {
                    Encode(text, bytes, Encoding.UTF8.GetBytes(name.ToCharArray(i, 2), 0, 2, bytes, 0));
                }

                i += 2;
                continue;
            }

            if (IsKept(c))
            {
                text.Append(c);
            }
            else
            {
                Encode(text, bytes, Encoding.UTF8.GetBytes(new[] { char.IsSurrogate(c) ? '\uFFFD' : c }, 0, 1, bytes, 0));
            }

            i++;
        }

        return text.ToString();
    }

    /// <summary>
    /// Why <paramref name="iri"/> cannot be a graph's base IRI, or null when it can: an absolute IRI (a scheme, then
    /// <c>:</c>) that every IRI reader takes as it is (no character <see cref="Segment"/> would encode but
    /// <c>/?#[]</c> and well-formed <c>%XX</c>, one <c>#</c> at most), ending in <c>/</c>, <c>#</c> or <c>:</c> so that
    /// each name appended is a segment of its own.
    /// </summary>
    public static string? BaseIriProblem(string iri)
    {
        var colon = iri.IndexOf(':');
        if (colon <= 0 || !IsAsciiLetter(iri[0]))
        {
            return "it has no scheme (such as 'https:' or 'urn:')";
        }

        for (var i = 1; i < colon; i++)
        {
            if (!IsAsciiLetter(iri[i]) && !(iri[i] >= '0' && iri[i] <= '9') && iri[i] is not ('+' or '-' or '.'))
            {
                return "it has no scheme (such as 'https:' or 'urn:')";
            }
        }

        var fragments = 0;
        for (var i = colon + 1; i < iri.Length; i++)
        {
            var c = iri[i];
            if (c == '%')
            {
                if (i + 2 >= iri.Length || !IsHex(iri[i + 1]) || !IsHex(iri[i + 2]))
                {
                    return "'%' must start an escape of two hexadecimal digits";
                }
            }
            else if (c == '#')
            {
                if (++fragments > 1)
                {
                    return "it has two '#'";
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < iri.Length && char.IsLowSurrogate(iri[i + 1]))
            {
                if (!IsKeptSupplementary(char.ConvertToUtf32(c, iri[++i])))
                {
                    return $"it holds the character U+{char.ConvertToUtf32(c, iri[i]):X}, which an IRI cannot hold as it is";
                }
            }
            else if (!IsKept(c) && c is not ('/' or '?' or '[' or ']'))
            {
                return c is >= ' ' and < '\u007f'
                    ? $"it holds '{c}', which an IRI cannot hold as it is; write it percent-encoded"
                    : $"it holds the character U+{(int)c:X4}, which an IRI cannot hold as it is; write it percent-encoded";
            }
        }

        return iri[iri.Length - 1] is '/' or '#' or ':' ? null : "it does not end in '/', '#' or ':', so the ids appended to it would run into its last segment";
    }

    /// <summary>Whether an ASCII character or a character of the Basic Multilingual Plane is written as it is in a segment.</summary>
    public static bool IsKept(char c) => c < 0x80
        ? IsAsciiLetter(c) || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@'
        : IsKeptNonAscii(c);

    // RFC 3987's ucschar in the BMP, but invisible and separator characters, which a reader cannot see in an IRI
    // (the RFC forbids the bidirectional marks outright).
    private static bool IsKeptNonAscii(char c) =>
        c >= '\u00A1' && c <= '\uD7FF' && c != '\u00AD' && c != '\u061C' && c != '\u1680' && c != '\u180E'
            && !(c >= '\u2000' && c <= '\u200F') && !(c >= '\u2028' && c <= '\u202F') && !(c >= '\u205F' && c <= '\u206F') && c != '\u3000'
        || (c >= '\uF900' && c <= '\uFDCF') || (c >= '\uFDF0' && c <= '\uFFEF' && c != '\uFEFF');

    // ucschar beyond the BMP: every plane but its last two code points, the tags (U+E0000–U+E0FFF) and the private planes.
    private static bool IsKeptSupplementary(int codePoint) =>
        codePoint < 0xE0000 && (codePoint & 0xFFFE) != 0xFFFE;

    private static bool IsDots(string name)
    {
        foreach (var c in name)
        {
            if (c != '.')
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static void Encode(StringBuilder text, byte[] bytes, int count)
    {
        const string Hex = "0123456789ABCDEF";
        for (var b = 0; b < count; b++)
        {
            text.Append('%').Append(Hex[bytes[b] >> 4]).Append(Hex[bytes[b] & 0xF]);
        }
    }
}
