using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph.Language.Parsing;

/// <summary>
/// The JSON of one <c>.kg.json</c> file, read forward a part at a time: the tokens of the file's object one by one,
/// and any value whole, as a <see cref="JsonNode"/> tree with a location on every value, or (an entity or a fact) as
/// <see cref="JsonField"/> values, its members without a tree for itself. The bytes are the whole file
/// (the generator's) or come from a stream in blocks (the run-time loader's): then only the part being read is in
/// memory, so a file of any size is read entity by entity and fact by fact, never whole, as text or as a tree.
/// </summary>
internal sealed class JsonSource
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Stream? _stream;
    private readonly SourcePositions _positions;
    private readonly StringPool _strings;
    private readonly List<List<JsonMember>> _members = [];
    private readonly List<List<JsonNode>> _items = [];
    private readonly CancellationToken _cancellationToken;
    private byte[] _buffer;
    private int _start;        // the first byte not read yet
    private int _end;          // the end of the bytes held
    private long _bufferStart; // the file offset of _buffer[0]
    private bool _isFinal;
    private JsonReaderState _state = new(Options);

    private JsonSource(string path, byte[] buffer, int length, Stream? stream, StringPool strings, CancellationToken cancellationToken)
    {
        _buffer = buffer;
        _end = length;
        _stream = stream;
        _isFinal = stream is null;
        _strings = strings;
        _positions = new SourcePositions(path);
        _positions.SetWindow(_buffer, 0, _end);
        _cancellationToken = cancellationToken;
    }

    /// <summary>The start of the file, for mistakes about the whole file.</summary>
    public LocationInfo FileStart => _positions.FileStart;

    /// <summary>A file whose bytes are all in memory: its text, so a byte order mark there is a character of it.</summary>
    public static JsonSource FromBytes(string path, byte[] utf8, CancellationToken cancellationToken) =>
        new(path, utf8, utf8.Length, null, new StringPool(utf8.Length), cancellationToken);

    /// <summary>A file read from <paramref name="stream"/> in blocks of <paramref name="blockSize"/> bytes (more for a longer part).</summary>
    /// <param name="strings">Where its short strings are made, once: the files of one load share one, and so their ids.</param>
    public static JsonSource FromStream(string path, Stream stream, int blockSize, StringPool strings, CancellationToken cancellationToken) =>
        new(path, new byte[blockSize], 0, stream, strings, cancellationToken);

    /// <summary>Reads the next token, such as the start of the file's object, one of its keys, or its end.</summary>
    /// <returns>The token's type, with <paramref name="key"/> for a property name; <see cref="JsonTokenType.None"/> at the end of the file.</returns>
    /// <exception cref="JsonSyntaxException">The file is not valid JSON there.</exception>
    public JsonTokenType ReadToken(out Located? key)
    {
        while (true)
        {
            var reader = Reader();
            try
            {
                if (reader.Read())
                {
                    key = reader.TokenType == JsonTokenType.PropertyName ? Key(ref reader) : null;
                    var type = reader.TokenType;
                    Advance(ref reader);
                    return type;
                }
            }
            catch (JsonException exception)
            {
                throw Syntax(exception);
            }

            if (_isFinal)
            {
                key = null;
                return JsonTokenType.None;
            }

            Refill();
        }
    }

    /// <summary>The type of the next token, without reading it; <see cref="JsonTokenType.None"/> at the end of the file.</summary>
    /// <exception cref="JsonSyntaxException">The file is not valid JSON there.</exception>
    public JsonTokenType PeekToken()
    {
        while (true)
        {
            var reader = Reader();
            try
            {
                if (reader.Read())
                {
                    return reader.TokenType;
                }
            }
            catch (JsonException exception)
            {
                throw Syntax(exception);
            }

            if (_isFinal)
            {
                return JsonTokenType.None;
            }

            Refill();
        }
    }

    /// <summary>Reads the next value whole, as a tree.</summary>
    /// <exception cref="JsonSyntaxException">The value is not valid JSON.</exception>
    public JsonNode ReadValue()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        while (!_isFinal && !HoldsNextValue())
        {
            Refill();
        }

        var reader = Reader();
        try
        {
            // A file without its value makes Read throw, as any other invalid JSON does.
            reader.Read();
            var node = ReadValue(ref reader);
            Advance(ref reader);
            return node;
        }
        catch (JsonException exception)
        {
            throw Syntax(exception);
        }
    }

    /// <summary>
    /// Reads the next value without a tree for it: an object's members or an array's items go to
    /// <paramref name="fields"/> (cleared first), each scalar as it is and each nested value as a tree. What a file's
    /// entities and facts are read with: one object each, of a few scalars.
    /// </summary>
    /// <returns>The value itself, without a key, and for a scalar its text.</returns>
    /// <exception cref="JsonSyntaxException">The value is not valid JSON.</exception>
    public JsonField ReadFields(List<JsonField> fields)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        while (!_isFinal && !HoldsNextValue())
        {
            Refill();
        }

        fields.Clear();
        var reader = Reader();
        try
        {
            reader.Read();
            var start = Offset(ref reader);
            JsonField value;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var objectStart = _positions.Point(start);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var keyLocation = _positions.Locate(Offset(ref reader), StringEnd(ref reader));
                        var key = Text(ref reader, keyLocation);
                        reader.Read();
                        fields.Add(Field(ref reader, key, keyLocation));
                    }

                    value = Container(JsonKind.Object, _positions.Span(objectStart, _positions.Point(Offset(ref reader) + 1)));
                    break;
                case JsonTokenType.StartArray:
                    var arrayStart = _positions.Point(start);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        fields.Add(Field(ref reader, null, default));
                    }

                    value = Container(JsonKind.Array, _positions.Span(arrayStart, _positions.Point(Offset(ref reader) + 1)));
                    break;
                default:
                    value = Field(ref reader, null, default);
                    break;
            }

            Advance(ref reader);
            return value;
        }
        catch (JsonException exception)
        {
            throw Syntax(exception);
        }

        static JsonField Container(JsonKind kind, LocationInfo location) => new(null, default, kind, "", location, null);
    }

    /// <summary>The location of the next token's first character: where a file's second value starts.</summary>
    public LocationInfo NextTokenLocation()
    {
        var reader = Reader();
        reader.Read();
        var start = Offset(ref reader);
        return _positions.Locate(start, start + 1);
    }

    // Whether the next value is whole in the buffer: a copy of the reader skips over it.
    private bool HoldsNextValue()
    {
        var probe = Reader();
        try
        {
            return probe.Read() && probe.TrySkip();
        }
        catch (JsonException)
        {
            return true; // read it, so that the mistake is reported where the reader finds it
        }
    }

    private Utf8JsonReader Reader() => new(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _isFinal, _state);

    private void Advance(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    // Keeps the bytes not read yet, first in the buffer (grown when they fill half of it), and reads more after them.
    private void Refill()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _positions.ScanTo(_bufferStart + _start);
        var kept = _end - _start;
        if (kept > _buffer.Length / 2)
        {
            var grown = new byte[_buffer.Length * 2];
            Buffer.BlockCopy(_buffer, _start, grown, 0, kept);
            _buffer = grown;
        }
        else
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, kept);
        }

        _bufferStart += _start;
        _start = 0;
        _end = kept;
        while (_end < _buffer.Length)
        {
            var read = _stream!.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _isFinal = true;
                break;
            }

            _end += read;
        }

        _positions.SetWindow(_buffer, _bufferStart, _end);
        if (_bufferStart == 0 && _start == 0 && _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            // A byte order mark starts the file but is no part of its text: the compiler's positions start after it.
            _start = 3;
            _positions.SkipPreamble(3);
        }
    }

    private long Offset(ref Utf8JsonReader reader) => _bufferStart + _start + reader.TokenStartIndex;

    private JsonNode ReadValue(ref Utf8JsonReader reader)
    {
        var start = Offset(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var objectStart = _positions.Point(start);
                var members = Scratch(_members, reader.CurrentDepth);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    var key = Key(ref reader);
                    reader.Read();
                    members.Add(new JsonMember(key, ReadValue(ref reader)));
                }

                return new JsonObject(_positions.Span(objectStart, _positions.Point(Offset(ref reader) + 1)), Take(members));

            case JsonTokenType.StartArray:
                var arrayStart = _positions.Point(start);
                var items = Scratch(_items, reader.CurrentDepth);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return new JsonArray(_positions.Span(arrayStart, _positions.Point(Offset(ref reader) + 1)), Take(items));

            default:
                var kind = Scalar(ref reader, out var text, out var location);
                return new JsonScalar(location, kind, text);
        }
    }

    // A member's or an item's value: a nested object or array as a tree.
    private JsonField Field(ref Utf8JsonReader reader, string? key, LocationInfo keyLocation)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var node = ReadValue(ref reader);
            return new JsonField(key, keyLocation, node.Kind, "", node.Location, node);
        }

        var kind = Scalar(ref reader, out var text, out var location);
        return new JsonField(key, keyLocation, kind, text, location, null);
    }

    private JsonKind Scalar(ref Utf8JsonReader reader, out string text, out LocationInfo location)
    {
        var start = Offset(ref reader);
        if (reader.TokenType == JsonTokenType.String)
        {
            location = _positions.Locate(start, StringEnd(ref reader));
            text = Text(ref reader, location);
            return JsonKind.String;
        }

        location = _positions.Locate(start, start + reader.ValueSpan.Length);
        text = _strings.Get(_buffer, _start + (int)reader.TokenStartIndex, reader.ValueSpan.Length);
        return reader.TokenType switch
        {
            JsonTokenType.Number => JsonKind.Number,
            JsonTokenType.True => JsonKind.True,
            JsonTokenType.False => JsonKind.False,
            _ => JsonKind.Null,
        };
    }

    // The members or items of the object or array open at a depth are gathered in a list kept for that depth, then
    // copied to an array of their number (Take): a tree per fact would otherwise grow and drop lists for each. Only
    // one object or array is open at a depth, so the list is free again when the next one opens there.
    private static List<T> Scratch<T>(List<List<T>> lists, int depth)
    {
        while (lists.Count <= depth)
        {
            lists.Add([]);
        }

        var scratch = lists[depth];
        scratch.Clear();
        return scratch;
    }

    private static T[] Take<T>(List<T> scratch) => scratch.ToArray();

    private Located Key(ref Utf8JsonReader reader)
    {
        var location = _positions.Locate(Offset(ref reader), StringEnd(ref reader));
        return new Located(Text(ref reader, location), location);
    }

    // The text of a string or a key: from the pool unless it has escapes to undo.
    private string Text(ref Utf8JsonReader reader, LocationInfo location)
    {
        if (!reader.ValueIsEscaped)
        {
            return _strings.Get(_buffer, _start + (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
        }

        if (UnpairedSurrogate(reader.ValueSpan) is { } escape)
        {
            throw new JsonSyntaxException(DiagnosticInfo.Create(
                Descriptors.InvalidJson,
                location,
                $@"the string holds the unpaired surrogate escape '{escape}'; remove it, or pair it: a high surrogate (\ud800 to \udbff), then a low one (\udc00 to \udfff)"));
        }

        return reader.GetString()!;
    }

    // ValueSpan holds the raw bytes between the quotes, escapes included.
    private long StringEnd(ref Utf8JsonReader reader) => Offset(ref reader) + reader.ValueSpan.Length + 2;

    private JsonSyntaxException Syntax(JsonException exception)
    {
        var offset = _positions.ReaderLineStart(exception.LineNumber ?? 0) + (exception.BytePositionInLine ?? 0);
        var end = _bufferStart + _end;
        return new JsonSyntaxException(DiagnosticInfo.Create(
            Descriptors.InvalidJson,
            _positions.LocateCharacter(offset < end ? offset : end),
            TrimPosition(exception.Message)));
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

    // The diagnostic carries the position itself; the reader's " LineNumber: …" suffix would repeat it.
    private static string TrimPosition(string message)
    {
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var trimmed = index < 0 ? message : message.Substring(0, index);
        return trimmed.TrimEnd(' ', '.');
    }
}

/// <summary>The file is not valid JSON where it was being read: reading it stops there.</summary>
internal sealed class JsonSyntaxException(DiagnosticInfo diagnostic) : Exception
{
    public DiagnosticInfo Diagnostic { get; } = diagnostic;
}
