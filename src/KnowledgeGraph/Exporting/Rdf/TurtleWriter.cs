using System;
using System.Buffers;
using System.IO;

namespace KnowledgeGraph;

/// <summary>
/// Turtle: the prefixes, then each subject with its triples, <c>;</c> between predicates and <c>,</c> between the values
/// of one; an IRI as a prefixed name when its name needs no escape but <c>\/</c>, else whole in <c>&lt;…&gt;</c>.
/// </summary>
internal sealed class TurtleWriter(Stream output, string baseIri) : RdfWriter(baseIri)
{
    private static readonly SearchValues<char> s_localEnd = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz%");
    private static readonly SearchValues<char> s_local = SearchValues.Create("-./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz%");

    private readonly StreamWriter _text = TextTo(output);
    private RdfTerm _predicate;
    private bool _inSubject;

    public override void Begin(RdfVocabulary terms)
    {
        foreach (var (prefix, iri) in Spaces)
        {
            _text.Write("@prefix ");
            _text.Write(prefix);
            _text.Write(": <");
            _text.Write(iri);
            _text.Write("> .\n");
        }

        _text.Write('\n');
    }

    public override void Subject(RdfTerm subject)
    {
        Write(subject);
        _inSubject = false;
    }

    public override void Triple(RdfTerm predicate, RdfTerm value)
    {
        if (_inSubject && predicate == _predicate)
        {
            _text.Write(", ");
        }
        else
        {
            _text.Write(_inSubject ? " ;\n    " : " ");
            if (predicate.Space == RdfSpace.Rdf && predicate.Text == "type")
            {
                _text.Write('a');
            }
            else
            {
                Write(predicate);
            }

            _text.Write(' ');
        }

        Write(value);
        _predicate = predicate;
        _inSubject = true;
    }

    public override void EndSubject() => _text.Write(" .\n");

    public override void End()
    {
        _text.Flush();
        _text.Dispose();
    }

    private void Write(RdfTerm term)
    {
        if (term.IsLiteral)
        {
            RdfLiteralText.Write(_text, term.Text);
            if (term.Datatype is { } datatype)
            {
                _text.Write("^^");
                _text.Write(PrefixOf(RdfSpace.Xsd));
                _text.Write(':');
                _text.Write(datatype);
            }
        }
        else if (IsPlainLocal(term.Text))
        {
            _text.Write(PrefixOf(term.Space));
            _text.Write(':');
            var rest = term.Text.AsSpan();
            int slash;
            while ((slash = rest.IndexOf('/')) >= 0)
            {
                _text.Write(rest[..slash]);
                _text.Write("\\/");
                rest = rest[(slash + 1)..];
            }

            _text.Write(rest);
        }
        else
        {
            _text.Write('<');
            _text.Write(IriOf(term.Space));
            _text.Write(term.Text);
            _text.Write('>');
        }
    }

    /// <summary>
    /// Whether a name reads the same as the local part of a prefixed name: ASCII letters, digits, <c>_</c> and
    /// <c>%XX</c>, with <c>-</c>, <c>.</c> and <c>/</c> (escaped) inside, never first or last; every reader takes that.
    /// </summary>
    private static bool IsPlainLocal(string local) =>
        local.Length > 0
        && local.AsSpan().IndexOfAnyExcept(s_local) < 0
        && s_localEnd.Contains(local[0])
        && s_localEnd.Contains(local[^1]);
}
