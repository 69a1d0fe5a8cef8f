using System.IO;

namespace KnowledgeGraph;

/// <summary>
/// Turtle: the prefixes, then each subject with its triples, <c>;</c> between predicates and <c>,</c> between the values
/// of one; an IRI as a prefixed name when its name needs no escape but <c>\/</c>, else whole in <c>&lt;…&gt;</c>.
/// </summary>
internal sealed class TurtleWriter(Stream output, string baseIri) : RdfWriter(baseIri)
{
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
                _text.Write("^^xsd:");
                _text.Write(datatype);
            }
        }
        else if (IsPlainLocal(term.Text))
        {
            _text.Write(PrefixOf(term.Space));
            _text.Write(':');
            foreach (var c in term.Text)
            {
                if (c == '/')
                {
                    _text.Write('\\');
                }

                _text.Write(c);
            }
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
    /// <c>%XX</c>, with <c>-</c>, <c>.</c> and <c>/</c> (escaped) inside, never last; every reader takes that.
    /// </summary>
    private static bool IsPlainLocal(string local)
    {
        if (local.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < local.Length; i++)
        {
            var c = local[i];
            var inside = i > 0 && i < local.Length - 1;
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '%' || (inside && c is '-' or '.' or '/')))
            {
                return false;
            }
        }

        return true;
    }
}
