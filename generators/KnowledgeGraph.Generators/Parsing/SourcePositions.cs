using KnowledgeGraph.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Generators.Parsing;

/// <summary>
/// Turns the UTF-8 byte offsets that <see cref="System.Text.Json.Utf8JsonReader"/> reports into the UTF-16
/// character positions that Roslyn locations use.
/// </summary>
internal sealed class SourcePositions
{
    private readonly string _path;
    private readonly SourceText _text;
    private readonly int[]? _charIndexOfByte;
    private int _line;

    public SourcePositions(string path, SourceText text, string content, byte[] utf8)
    {
        _path = path;
        _text = text;
        if (utf8.Length != content.Length)
        {
            _charIndexOfByte = MapBytesToChars(content, utf8.Length);
        }
    }

    public LocationInfo Locate(long startByte, long endByte)
    {
        var start = CharIndex(startByte);
        var end = CharIndex(endByte);
        var span = TextSpan.FromBounds(start, end < start ? start : end);
        return new LocationInfo(_path, span, new LinePositionSpan(Position(span.Start), Position(span.End)));
    }

    /// <summary>The location of the one character at <paramref name="byteOffset"/>, or of none at a line end.</summary>
    public LocationInfo LocateCharacter(long byteOffset)
    {
        var start = CharIndex(byteOffset);
        var line = _text.Lines.GetLineFromPosition(start);
        var span = new TextSpan(start, start < line.End ? 1 : 0);
        return new LocationInfo(_path, span, _text.Lines.GetLinePositionSpan(span));
    }

    // Tokens are located mostly in file order, so the line of the last position is where to look first; a
    // binary search over every line for every token took a tenth of parsing a large file.
    private LinePosition Position(int charIndex)
    {
        var lines = _text.Lines;
        var line = _line;
        if (charIndex < lines[line].Start)
        {
            return lines.GetLinePosition(charIndex);
        }

        while (line + 1 < lines.Count && charIndex >= lines[line + 1].Start)
        {
            line++;
        }

        _line = line;
        return new LinePosition(line, charIndex - lines[line].Start);
    }

    private int CharIndex(long byteOffset)
    {
        if (_charIndexOfByte is null)
        {
            return (int)byteOffset;
        }

        return _charIndexOfByte[byteOffset > _charIndexOfByte.Length - 1 ? _charIndexOfByte.Length - 1 : byteOffset];
    }

    // The bytes are Encoding.UTF8's: a surrogate pair is four bytes for two chars, and a surrogate without its
    // other half (from a UTF-16 file, say) is the three bytes of U+FFFD.
    private static int[] MapBytesToChars(string content, int byteCount)
    {
        var map = new int[byteCount + 1];
        var byteIndex = 0;
        for (var charIndex = 0; charIndex < content.Length; charIndex++)
        {
            var c = content[charIndex];
            var width = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            var isPair = char.IsHighSurrogate(c) && charIndex + 1 < content.Length && char.IsLowSurrogate(content[charIndex + 1]);
            if (isPair)
            {
                width = 4;
            }

            for (var i = 0; i < width && byteIndex < byteCount; i++)
            {
                map[byteIndex++] = charIndex;
            }

            if (isPair)
            {
                charIndex++;
            }
        }

        while (byteIndex <= byteCount)
        {
            map[byteIndex++] = content.Length;
        }

        return map;
    }
}
