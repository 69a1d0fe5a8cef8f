using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;

namespace KnowledgeGraph;

/// <summary>
/// Writes the XML exports (GraphML, GEXF) as UTF-8 without a byte order mark into a 64 KB buffer, which goes to the
/// stream each time it fills: the exporters write the markup, which is fixed, and this escapes every text in it.
/// </summary>
/// <remarks>
/// <para>
/// A general XML writer checks names and tracks namespaces at every element; here the markup is the exporters' own, so
/// only values need work, and plain ASCII, most of any value, is copied in runs.
/// </para>
/// <para>
/// Escapes: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> everywhere (so no text makes <c>]]&gt;</c> or <c>--&gt;</c>),
/// <c>"</c> in attributes, a carriage return as <c>&amp;#xD;</c> and, in attributes, a line feed and a tab as
/// <c>&amp;#xA;</c> and <c>&amp;#x9;</c>, so readers that normalize line ends and attribute values get them back.
/// Characters XML 1.0 cannot hold (the C0 controls but tab, line feed and carriage return, half of a surrogate pair,
/// U+FFFE, U+FFFF) are written as U+FFFD.
/// </para>
/// </remarks>
internal sealed class ExportXml
{
    public const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    private const int BufferSize = 64 * 1024;
    private const int Chunk = 4 * 1024; // chars of a plain run copied at once: at most as many bytes
    private const char Replacement = '\uFFFD';

    // Printable ASCII but the characters XML escapes: copied as they are.
    private static readonly SearchValues<char> s_plain =
        SearchValues.Create(" !#$%'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _length;

    public ExportXml(Stream output)
    {
        _stream = output;
        Raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"u8);
    }

    /// <summary>Writes markup: ASCII the exporter wrote itself, as it is.</summary>
    public void Raw(ReadOnlySpan<byte> markup)
    {
        if (markup.Length > _buffer.Length - _length)
        {
            Send();
        }

        markup.CopyTo(_buffer.AsSpan(_length));
        _length += markup.Length;
    }

    /// <summary>Writes markup made of ASCII characters (an id the exporter made, a tag with a name in it).</summary>
    public void Raw(string markup)
    {
        Reserve(markup.Length);
        _length += Encoding.ASCII.GetBytes(markup, _buffer.AsSpan(_length));
    }

    /// <summary>Writes an edge's id: <c>e</c> and the fact's place in the whole graph, the same in every view of it.</summary>
    public void EdgeId(Relation relation)
    {
        Reserve(1 + 10);
        _buffer[_length++] = (byte)'e';
        relation.Ordinal.TryFormat(_buffer.AsSpan(_length), out var written, provider: CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>Writes element content, escaped.</summary>
    public void Text(string text) => Escaped(text, inAttribute: false);

    /// <summary>Writes the value of an attribute between double quotes, escaped.</summary>
    public void Attribute(string value) => Escaped(value, inAttribute: true);

    /// <summary>Sends what the buffer holds to the stream, and flushes it.</summary>
    public void Flush()
    {
        Send();
        _stream.Flush();
    }

    private void Escaped(string text, bool inAttribute)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var plain = rest.IndexOfAnyExcept(s_plain);
            var run = plain < 0 ? rest : rest[..plain];
            while (!run.IsEmpty)
            {
                var part = run[..Math.Min(run.Length, Chunk)];
                Reserve(part.Length);
                _length += Encoding.ASCII.GetBytes(part, _buffer.AsSpan(_length));
                run = run[part.Length..];
            }

            if (plain < 0)
            {
                return;
            }

            rest = rest[plain..];
            rest = rest[Special(rest, inAttribute)..];
        }
    }

    /// <summary>Writes the character <paramref name="text"/> starts with, which is not plain ASCII; returns how many chars it took.</summary>
    private int Special(ReadOnlySpan<char> text, bool inAttribute)
    {
        var c = text[0];
        switch (c)
        {
            case '&':
                Raw("&amp;"u8);
                return 1;
            case '<':
                Raw("&lt;"u8);
                return 1;
            case '>':
                Raw("&gt;"u8);
                return 1;
            case '"':
                Raw(inAttribute ? "&quot;"u8 : "\""u8);
                return 1;
            case '\r':
                Raw("&#xD;"u8);
                return 1;
            case '\n':
                Raw(inAttribute ? "&#xA;"u8 : "\n"u8);
                return 1;
            case '\t':
                Raw(inAttribute ? "&#x9;"u8 : "\t"u8);
                return 1;
        }

        if (char.IsHighSurrogate(c) && text.Length > 1 && char.IsLowSurrogate(text[1]))
        {
            Encode(new Rune(c, text[1]));
            return 2;
        }

        var writable = c is (>= ' ' and < '\uD800') or (>= '\uE000' and <= '\uFFFD');
        Encode(new Rune(writable ? c : Replacement));
        return 1;
    }

    private void Encode(Rune rune)
    {
        Reserve(4);
        _length += rune.EncodeToUtf8(_buffer.AsSpan(_length));
    }

    private void Reserve(int bytes)
    {
        if (bytes > _buffer.Length - _length)
        {
            Send();
        }
    }

    private void Send()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }
}
