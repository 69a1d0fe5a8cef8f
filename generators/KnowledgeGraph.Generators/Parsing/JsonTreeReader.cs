using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using KnowledgeGraph.Generators.Diagnostics;
using KnowledgeGraph.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Generators.Parsing;

/// <summary>Reads a <c>.kg.json</c> file into a <see cref="JsonNode"/> tree with a location on every value.</summary>
internal static class JsonTreeReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <returns>The root value, or null with <paramref name="error"/> set when the file is not valid JSON.</returns>
    public static JsonNode? Read(string path, SourceText text, CancellationToken cancellationToken, out DiagnosticInfo? error)
    {
        var content = text.ToString();
        var utf8 = Encoding.UTF8.GetBytes(content);
        var positions = new SourcePositions(path, text, content, utf8);
        var strings = new StringPool(utf8);
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            // A file without a value makes Read throw, as any other invalid JSON does.
            reader.Read();

            var root = ReadValue(ref reader, positions, strings, cancellationToken);
            if (reader.Read())
            {
                error = DiagnosticInfo.Create(
                    Descriptors.InvalidJson,
                    positions.Locate(reader.TokenStartIndex, reader.TokenStartIndex + 1),
                    "the file holds more than one JSON value");
                return null;
            }

            error = null;
            return root;
        }
        catch (JsonException exception)
        {
            var offset = ReaderLineStart(utf8, exception.LineNumber ?? 0) + (exception.BytePositionInLine ?? 0);
            error = DiagnosticInfo.Create(
                Descriptors.InvalidJson,
                positions.LocateCharacter(offset < utf8.Length ? offset : utf8.Length),
                TrimPosition(exception.Message));
            return null;
        }
        catch (InvalidStringException exception)
        {
            error = exception.Diagnostic;
            return null;
        }
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, SourcePositions positions, StringPool strings, CancellationToken cancellationToken)
    {
        var start = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<JsonMember>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var keyLocation = positions.Locate(reader.TokenStartIndex, StringEnd(ref reader));
                    var key = new Located(Text(ref reader, strings, keyLocation), keyLocation);
                    reader.Read();
                    members.Add(new JsonMember(key, ReadValue(ref reader, positions, strings, cancellationToken)));
                }

                return new JsonObject(positions.Locate(start, reader.TokenStartIndex + 1), members);

            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, positions, strings, cancellationToken));
                }

                return new JsonArray(positions.Locate(start, reader.TokenStartIndex + 1), items);

            case JsonTokenType.String:
                var location = positions.Locate(start, StringEnd(ref reader));
                return new JsonScalar(location, JsonScalarKind.String, Text(ref reader, strings, location));

            default:
                var kind = reader.TokenType switch
                {
                    JsonTokenType.Number => JsonScalarKind.Number,
                    JsonTokenType.True => JsonScalarKind.True,
                    JsonTokenType.False => JsonScalarKind.False,
                    _ => JsonScalarKind.Null,
                };
                var raw = strings.Get((int)start, reader.ValueSpan.Length);
                return new JsonScalar(positions.Locate(start, start + reader.ValueSpan.Length), kind, raw);
        }
    }

    // The text of a string or a key: from the pool unless it has escapes to undo.
    private static string Text(ref Utf8JsonReader reader, StringPool strings, LocationInfo location)
    {
        if (!reader.ValueIsEscaped)
        {
            return strings.Get((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
        }

        if (UnpairedSurrogate(reader.ValueSpan) is { } escape)
        {
            throw new InvalidStringException(DiagnosticInfo.Create(
                Descriptors.InvalidJson,
                location,
                $@"the string holds the unpaired surrogate escape '{escape}'; remove it, or pair it: a high surrogate (\ud800 to \udbff), then a low one (\udc00 to \udfff)"));
        }

        return reader.GetString()!;
    }

    // JSON's grammar takes any \u escape, but a string of UTF-16 cannot hold half a surrogate pair, and GetString
    // throws on one. The reader has checked that every escape is whole: a \u has four hex digits.
    private static string? UnpairedSurrogate(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            var start = i++;
            if (raw[i] != (byte)'u')
            {
                continue;
            }

            var unit = Hex(raw.Slice(i + 1, 4));
            i += 4;
            if (unit is < 0xD800 or > 0xDFFF)
            {
                continue;
            }

            if (unit <= 0xDBFF && i + 6 < raw.Length && raw[i + 1] == (byte)'\\' && raw[i + 2] == (byte)'u'
                && Hex(raw.Slice(i + 3, 4)) is >= 0xDC00 and <= 0xDFFF)
            {
                i += 6;
                continue;
            }

            return Encoding.ASCII.GetString(raw.Slice(start, 6).ToArray());
        }

        return null;
    }

    private static int Hex(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            value = (value * 16) + (digit <= (byte)'9' ? digit - '0' : (digit | 0x20) - 'a' + 10);
        }

        return value;
    }

    // The reader's 0-based line numbers count LF, and the CR or CR LF that ends a line comment; a lone CR
    // elsewhere, U+0085, U+2028 and U+2029 end no line to it, though they do to the compiler. Its errors give a
    // line and a byte in it: this is where that line starts, so that the error's place can be found in the text
    // as the compiler counts lines.
    private static long ReaderLineStart(byte[] utf8, long line)
    {
        var lines = 0L;
        var start = 0;
        var state = LexState.Code;
        for (var i = 0; i < utf8.Length && lines < line; i++)
        {
            var b = utf8[i];
            var next = i + 1 < utf8.Length ? utf8[i + 1] : 0;
            switch (state)
            {
                case LexState.Code when b == '"':
                    state = LexState.String;
                    break;
                case LexState.Code when b == '/' && next == '/':
                    state = LexState.LineComment;
                    i++;
                    break;
                case LexState.Code when b == '/' && next == '*':
                    state = LexState.BlockComment;
                    i++;
                    break;
                case LexState.Code or LexState.BlockComment when b == '\n':
                    lines++;
                    start = i + 1;
                    break;
                case LexState.String when b == '\\':
                    i++;
                    break;
                case LexState.String when b == '"':
                    state = LexState.Code;
                    break;
                case LexState.LineComment when b is (byte)'\n' or (byte)'\r':
                    if (b == '\r' && next == '\n')
                    {
                        i++;
                    }

                    lines++;
                    start = i + 1;
                    state = LexState.Code;
                    break;
                case LexState.BlockComment when b == '*' && next == '/':
                    state = LexState.Code;
                    i++;
                    break;
            }
        }

        return start;
    }

    // ValueSpan holds the raw bytes between the quotes, escapes included.
    private static long StringEnd(ref Utf8JsonReader reader) => reader.TokenStartIndex + reader.ValueSpan.Length + 2;

    // The diagnostic carries the position itself; the reader's " LineNumber: …" suffix would repeat it.
    private static string TrimPosition(string message)
    {
        var index = message.IndexOf(" LineNumber:", System.StringComparison.Ordinal);
        var trimmed = index < 0 ? message : message.Substring(0, index);
        return trimmed.TrimEnd(' ', '.');
    }

    private enum LexState
    {
        Code,
        String,
        LineComment,
        BlockComment,
    }

    // Leaves the tree being read for a string whose text cannot be made: the file is then not valid JSON.
    private sealed class InvalidStringException(DiagnosticInfo diagnostic) : Exception
    {
        public DiagnosticInfo Diagnostic { get; } = diagnostic;
    }
}
