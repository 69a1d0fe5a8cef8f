using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace KnowledgeGraph;

/// <summary>
/// N-Triples: a triple a line, every IRI whole. Written as UTF-8 straight into a buffer that goes to the stream
/// 64 KB at a time: the schema's IRIs are encoded once, a subject once for all its triples.
/// </summary>
internal sealed class NTriplesWriter : RdfWriter
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _output;
    private readonly byte[][] _spaces;

    // The schema's and the vocabularies' IRIs, "<…>" in UTF-8, by the name the mapping made once for each.
    private readonly Dictionary<string, byte[]>[] _constants;
    private readonly Dictionary<string, byte[]> _datatypes = new(ReferenceEqualityComparer.Instance);
    private byte[] _buffer = new byte[BufferSize];
    private int _used;
    private byte[] _subject = new byte[256];
    private int _subjectLength;

    public NTriplesWriter(Stream output, string baseIri)
        : base(baseIri)
    {
        _output = output;
        _spaces = new byte[(int)RdfSpace.Fact + 1][];
        _constants = new Dictionary<string, byte[]>[_spaces.Length];
        for (var space = 0; space < _spaces.Length; space++)
        {
            _spaces[space] = Encoding.UTF8.GetBytes(IriOf((RdfSpace)space));
            _constants[space] = new Dictionary<string, byte[]>(ReferenceEqualityComparer.Instance);
        }
    }

    public override void Begin(RdfVocabulary terms)
    {
    }

    public override void Subject(RdfTerm subject)
    {
        var iri = _spaces[(int)subject.Space];
        var length = iri.Length + Encoding.UTF8.GetMaxByteCount(subject.Text.Length) + 3;
        if (_subject.Length < length)
        {
            _subject = new byte[Math.Max(length, _subject.Length * 2)];
        }

        _subject[0] = (byte)'<';
        iri.CopyTo(_subject, 1);
        _subjectLength = 1 + iri.Length;
        _subjectLength += Encoding.UTF8.GetBytes(subject.Text, _subject.AsSpan(_subjectLength));
        _subject[_subjectLength++] = (byte)'>';
        _subject[_subjectLength++] = (byte)' ';
    }

    public override void Triple(RdfTerm predicate, RdfTerm value)
    {
        Write(_subject.AsSpan(0, _subjectLength));
        Write(Constant(predicate));
        Write(" "u8);
        if (value.IsLiteral)
        {
            Literal(value.Text);
            if (value.Datatype is { } datatype)
            {
                Write(Datatype(datatype));
            }
        }
        else if (value.Space is RdfSpace.Graph or RdfSpace.Fact)
        {
            Write("<"u8);
            Write(_spaces[(int)value.Space]);
            Text(value.Text);
            Write(">"u8);
        }
        else
        {
            Write(Constant(value));
        }

        Write(" .\n"u8);
    }

    public override void EndSubject()
    {
    }

    public override void End()
    {
        _output.Write(_buffer, 0, _used);
        _used = 0;
        _output.Flush();
    }

    private byte[] Constant(RdfTerm term)
    {
        var known = _constants[(int)term.Space];
        if (!known.TryGetValue(term.Text, out var bytes))
        {
            bytes = Encoding.UTF8.GetBytes($"<{IriOf(term.Space)}{term.Text}>");
            known.Add(term.Text, bytes);
        }

        return bytes;
    }

    private byte[] Datatype(string name)
    {
        if (!_datatypes.TryGetValue(name, out var bytes))
        {
            bytes = Encoding.UTF8.GetBytes($"^^<{IriOf(RdfSpace.Xsd)}{name}>");
            _datatypes.Add(name, bytes);
        }

        return bytes;
    }

    /// <summary>A string literal, escaped as <see cref="RdfLiteralText"/> says, but a backslash as <c>\u005C</c>.</summary>
    /// <remarks>
    /// Readers that undo escapes one kind after another, as rdflib 6.1's N-Triples reader does, would read <c>\\t</c>
    /// (a backslash, then t) as a tab; a <c>\u</c> escape is undone last, so nothing it makes is read again.
    /// </remarks>
    private void Literal(string text)
    {
        Span<byte> escape = stackalloc byte[6];
        Write("\""u8);
        var rest = text.AsSpan();
        int at;
        while ((at = rest.IndexOfAny(RdfLiteralText.Escaped)) >= 0)
        {
            Text(rest[..at]);
            switch (rest[at])
            {
                case '"':
                    Write("\\\""u8);
                    break;
                case '\\':
                    Write("\\u005C"u8);
                    break;
                case '\n':
                    Write("\\n"u8);
                    break;
                case '\r':
                    Write("\\r"u8);
                    break;
                case '\t':
                    Write("\\t"u8);
                    break;
                default:
                    "\\u"u8.CopyTo(escape);
                    ((int)rest[at]).TryFormat(escape[2..], out _, "X4", System.Globalization.CultureInfo.InvariantCulture);
                    Write(escape);
                    break;
            }

            rest = rest[(at + 1)..];
        }

        Text(rest);
        Write("\""u8);
    }

    private void Text(ReadOnlySpan<char> text)
    {
        Room(Encoding.UTF8.GetMaxByteCount(text.Length));
        _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        Room(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Sends the buffer on when <paramref name="length"/> more bytes would not fit; grows it for a longer text.</summary>
    private void Room(int length)
    {
        if (_used + length <= _buffer.Length)
        {
            return;
        }

        _output.Write(_buffer, 0, _used);
        _used = 0;
        if (length > _buffer.Length)
        {
            _buffer = new byte[length];
        }
    }
}
