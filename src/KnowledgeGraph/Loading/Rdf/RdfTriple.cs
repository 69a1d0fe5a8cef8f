using System.Globalization;
using System.Text;

namespace KnowledgeGraph;

/// <summary>What a node of a triple read back is.</summary>
internal enum RdfNodeKind : byte
{
    Iri,
    BlankNode,
    Literal,
}

/// <summary>
/// A node of a triple as read: a whole IRI, a blank node's label, or a literal's text with its datatype's whole IRI
/// (null for a plain string) or its language tag. The exporters' <see cref="RdfTerm"/> names IRIs by the mapping's
/// namespaces instead; what is read may hold any IRI.
/// </summary>
internal readonly record struct RdfNode(RdfNodeKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    public bool IsIri => Kind == RdfNodeKind.Iri;

    public bool IsLiteral => Kind == RdfNodeKind.Literal;

    public static RdfNode Iri(string iri) => new(RdfNodeKind.Iri, iri);

    /// <summary>The node as N-Triples writes it, a long literal cut short: for messages.</summary>
    public override string ToString()
    {
        const int Longest = 60;
        var text = new StringBuilder();
        switch (Kind)
        {
            case RdfNodeKind.Iri:
                text.Append('<');
                Escape(text, Value, literal: false);
                return text.Append('>').ToString();
            case RdfNodeKind.BlankNode:
                return "_:" + Value;
        }

        text.Append('"');
        Escape(text, Value.Length > Longest ? Value.Substring(0, Longest - 1) : Value, literal: true);
        text.Append(Value.Length > Longest ? "…\"" : "\"");
        if (Language is not null)
        {
            text.Append('@').Append(Language);
        }
        else if (Datatype is not null)
        {
            text.Append("^^<");
            Escape(text, Datatype, literal: false);
            text.Append('>');
        }

        return text.ToString();
    }

    private static void Escape(StringBuilder text, string value, bool literal)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' when literal:
                    text.Append("\\\"");
                    break;
                case '\\' when literal:
                    text.Append("\\\\");
                    break;
                case '\n' when literal:
                    text.Append("\\n");
                    break;
                case '\r' when literal:
                    text.Append("\\r");
                    break;
                default:
                    if (c < ' ' || c == '\x7f' || (!literal && c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\' or ' ')
                        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format)
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }
    }
}

/// <summary>A triple as read, with the line of the text it stands on (from 1).</summary>
internal readonly record struct RdfTriple(RdfNode Subject, RdfNode Predicate, RdfNode Object, int Line)
{
    /// <summary>The triple as N-Triples writes it: for messages.</summary>
    public override string ToString() => $"{Subject} {Predicate} {Object} .";
}
