using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;

namespace KnowledgeGraph;

/// <summary>
/// Reads N-Triples (W3C RDF 1.1 N-Triples) a line at a time as it streams: strictly, since what it reads comes from
/// machines, so that a store's malformed answer is told apart from a graph's mistakes. IRIs must be absolute, escapes
/// (<c>\uXXXX</c>, <c>\UXXXXXXXX</c>, and <c>\t \b \n \r \f \" \' \\</c> in literals) must name Unicode scalar values,
/// and the text must be UTF-8.
/// </summary>
internal static class NTriplesReader
{
    private const int BufferSize = 64 * 1024;

    /// <summary>The triples of the text, in its order.</summary>
    /// <param name="stream">The text, read from its current position to its end; the caller disposes of it.</param>
    /// <param name="name">What messages call the text.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="FormatException">The text is not N-Triples: the message names the line and what is wrong there.</exception>
    public static IEnumerable<RdfTriple> Read(Stream stream, string name, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: true);
        // An IRI is made once: a subject, a predicate, a type repeat on many lines, and a graph read back holds its triples.
        var iris = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        while (true)
        {
            string? text;
            try
            {
                text = reader.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                throw new FormatException($"{name}, after line {number}: the text is not UTF-8.");
            }

            if (text is null)
            {
                yield break;
            }

            number++;
            if ((number & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var line = new Line(text, name, number, iris);
            if (line.Triple() is { } triple)
            {
                yield return triple;
            }
        }
    }

    /// <summary>One line's text and where the reading of it stands.</summary>
    private struct Line(string text, string name, int number, HashSet<string> iris)
    {
        private readonly string _text = text;
        private int _at;

        /// <summary>The line's triple, or null for a line of white space or a comment.</summary>
        public RdfTriple? Triple()
        {
            SkipSpace();
            if (AtEnd || Peek == '#')
            {
                return null;
            }

            var subject = Peek == '_' ? BlankNode() : Iri();
            SkipSpace();
            var predicate = Iri();
            SkipSpace();
            var @object = Peek switch
            {
                '_' => BlankNode(),
                '"' => Literal(),
                _ => Iri(),
            };
            SkipSpace();
            Expect('.');
            SkipSpace();
            if (!AtEnd && Peek != '#')
            {
                throw Error("text after the triple's '.'");
            }

            return new RdfTriple(subject, predicate, @object, number);
        }

        private readonly bool AtEnd => _at >= _text.Length;

        private readonly char Peek => AtEnd ? '\0' : _text[_at];

        private void SkipSpace()
        {
            while (!AtEnd && Peek is ' ' or '\t')
            {
                _at++;
            }
        }

        private void Expect(char c)
        {
            if (Peek != c)
            {
                throw Error(AtEnd ? $"the line ends where '{c}' is expected" : $"'{c}' is expected, not '{Peek}'");
            }

            _at++;
        }

        private RdfNode Iri()
        {
            Expect('<');
            var iri = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("an IRI has no closing '>'");
                }

                var c = _text[_at++];
                if (c == '>')
                {
                    break;
                }

                if (c == '\\')
                {
                    var escaped = Unicode();
                    if (escaped.Length == 1 && IsExcludedFromIri(escaped[0]))
                    {
                        throw Error($"an IRI cannot hold U+{(int)escaped[0]:X4}, even escaped");
                    }

                    iri.Append(escaped);
                }
                else if (IsExcludedFromIri(c))
                {
                    throw Error(c is > ' ' and < '\x7f' ? $"an IRI cannot hold '{c}'" : $"an IRI cannot hold U+{(int)c:X4}");
                }
                else
                {
                    iri.Append(c);
                }
            }

            var value = iri.ToString();
            if (!IsAbsolute(value))
            {
                throw Error($"<{value}> is not an absolute IRI");
            }

            if (!iris.TryGetValue(value, out var pooled))
            {
                iris.Add(pooled = value);
            }

            return RdfNode.Iri(pooled);
        }

        private RdfNode BlankNode()
        {
            Expect('_');
            Expect(':');
            var start = _at;
            while (!AtEnd && (char.IsLetterOrDigit(Peek) || Peek is '_' or '-' or '.' || (Peek >= '\u00B7' && !char.IsWhiteSpace(Peek) && !char.IsSurrogate(Peek))))
            {
                _at++;
            }

            // A label may hold dots but not end in one: that dot ends the triple.
            while (_at > start && _text[_at - 1] == '.')
            {
                _at--;
            }

            if (_at == start || _text[start] is '-' or '.')
            {
                throw Error("a blank node has no label");
            }

            return new RdfNode(RdfNodeKind.BlankNode, _text.Substring(start, _at - start));
        }

        private RdfNode Literal()
        {
            Expect('"');
            var literal = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("a literal has no closing '\"'");
                }

                var c = _text[_at++];
                if (c == '"')
                {
                    break;
                }

                if (c == '\\')
                {
                    var escape = Peek;
                    var simple = escape switch
                    {
                        't' => '\t',
                        'b' => '\b',
                        'n' => '\n',
                        'r' => '\r',
                        'f' => '\f',
                        '"' => '"',
                        '\'' => '\'',
                        '\\' => '\\',
                        _ => '\0',
                    };
                    if (simple != '\0')
                    {
                        _at++;
                        literal.Append(simple);
                    }
                    else
                    {
                        literal.Append(Unicode());
                    }
                }
                else
                {
                    literal.Append(c);
                }
            }

            var value = literal.ToString();
            if (Peek == '@')
            {
                _at++;
                var start = _at;
                while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek == '-'))
                {
                    _at++;
                }

                var tag = _text.Substring(start, _at - start);
                if (tag.Length == 0 || !char.IsAsciiLetter(tag[0]) || tag.EndsWith('-') || tag.Contains("--", StringComparison.Ordinal))
                {
                    throw Error($"'@{tag}' is not a language tag");
                }

                return new RdfNode(RdfNodeKind.Literal, value, Language: tag);
            }

            if (Peek == '^')
            {
                _at++;
                Expect('^');
                return new RdfNode(RdfNodeKind.Literal, value, Datatype: Iri().Value);
            }

            return new RdfNode(RdfNodeKind.Literal, value);
        }

        /// <summary>After a backslash: <c>uXXXX</c> or <c>UXXXXXXXX</c>, a Unicode scalar value.</summary>
        private string Unicode()
        {
            var digits = Peek switch
            {
                'u' => 4,
                'U' => 8,
                _ => 0,
            };
            if (digits == 0)
            {
                throw Error(AtEnd ? "the line ends in a backslash" : $"'\\{Peek}' is not an escape");
            }

            _at++;
            if (_at + digits > _text.Length
                || !int.TryParse(_text.AsSpan(_at, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || code < 0)
            {
                throw Error($"'\\{(digits == 4 ? 'u' : 'U')}' must be followed by {digits} hexadecimal digits");
            }

            _at += digits;
            if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            {
                throw Error($"U+{code:X} is not a Unicode character");
            }

            return char.ConvertFromUtf32(code);
        }

        private readonly FormatException Error(string what) =>
            new(string.Create(CultureInfo.InvariantCulture, $"{name}({number},{_at + 1}): not N-Triples: {what}."));

        // IRIREF: no controls, space or <>"{}|^`\ (a backslash only starts an escape).
        private static bool IsExcludedFromIri(char c) => c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\';

        private static bool IsAbsolute(string iri)
        {
            var colon = iri.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !char.IsAsciiLetter(iri[0]))
            {
                return false;
            }

            for (var i = 1; i < colon; i++)
            {
                if (!char.IsAsciiLetterOrDigit(iri[i]) && iri[i] is not ('+' or '-' or '.'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
