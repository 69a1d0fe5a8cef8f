using System;
using System.Buffers;
using System.IO;
using System.Text;
using KnowledgeGraph.Language.Rdf;

namespace KnowledgeGraph;

/// <summary>
/// Receives the triples of <see cref="RdfMapping"/> and writes them in one syntax. Triples come subject by subject:
/// <see cref="Subject"/>, its triples (those of one predicate one after another), <see cref="EndSubject"/>; a subject
/// may come again later with more triples.
/// </summary>
internal abstract class RdfWriter
{
    /// <summary>Of each <see cref="RdfSpace"/>, its prefix and its IRI.</summary>
    private readonly (string Prefix, string Iri)[] _spaces;

    protected RdfWriter(string baseIri)
    {
        // A prefix named like the base IRI's scheme ("kg:" in "kg:diplomacy/") would be read into the IRIs it names in
        // JSON-LD, its own among them: it takes an underscore.
        var scheme = baseIri[..baseIri.IndexOf(':')];
        string Prefix(string name) => name == scheme ? name + "_" : name;
        _spaces =
        [
            ("", ""),
            (Prefix("rdf"), RdfNames.Rdf),
            (Prefix("rdfs"), RdfNames.Rdfs),
            (Prefix("xsd"), RdfNames.Xsd),
            (Prefix("dcterms"), RdfNames.DcTerms),
            (Prefix("schema"), RdfNames.SchemaOrg),
            (Prefix("g"), baseIri),
            (Prefix("kg"), baseIri + RdfNames.SchemaPath),
            (Prefix("fact"), baseIri + RdfNames.FactPath),
        ];
    }

    /// <summary>Every namespace but <see cref="RdfSpace.None"/>, in order.</summary>
    protected ReadOnlySpan<(string Prefix, string Iri)> Spaces => _spaces.AsSpan(1);

    /// <summary>The prefix a writer gives the namespace.</summary>
    protected string PrefixOf(RdfSpace space) => _spaces[(int)space].Prefix;

    /// <summary>The IRI of the namespace.</summary>
    protected string IriOf(RdfSpace space) => _spaces[(int)space].Iri;

    /// <summary>Starts the output; <paramref name="terms"/> are the schema's names that may stand for their IRIs.</summary>
    public abstract void Begin(RdfVocabulary terms);

    public abstract void Subject(RdfTerm subject);

    public abstract void Triple(RdfTerm predicate, RdfTerm value);

    public abstract void EndSubject();

    /// <summary>Ends the output and sends on what is buffered.</summary>
    public abstract void End();

    /// <summary>A writer of UTF-8 text without a byte order mark that leaves <paramref name="output"/> open.</summary>
    protected static StreamWriter TextTo(Stream output) => new(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
}

/// <summary>
/// A string literal in N-Triples or Turtle: between double quotes, with <c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>,
/// <c>\t</c>, and <c>\uXXXX</c> for every other control character and for U+2028 and U+2029, which some readers
/// take for line ends; the rest as it is, in UTF-8.
/// </summary>
internal static class RdfLiteralText
{
    /// <summary>The characters a literal escapes.</summary>
    public static SearchValues<char> Escaped { get; } = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\u2028\u2029");

    public static void Write(TextWriter output, string text)
    {
        output.Write('"');
        var rest = text.AsSpan();
        int at;
        while ((at = rest.IndexOfAny(Escaped)) >= 0)
        {
            output.Write(rest[..at]);
            var c = rest[at];
            switch (c)
            {
                case '"':
                    output.Write("\\\"");
                    break;
                case '\\':
                    output.Write("\\\\");
                    break;
                case '\n':
                    output.Write("\\n");
                    break;
                case '\r':
                    output.Write("\\r");
                    break;
                case '\t':
                    output.Write("\\t");
                    break;
                default:
                    output.Write("\\u");
                    output.Write(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }

            rest = rest[(at + 1)..];
        }

        output.Write(rest);
        output.Write('"');
    }
}
