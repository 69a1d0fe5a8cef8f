using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph.Language.Parsing;

/// <summary>
/// Turns the UTF-8 byte offsets that <see cref="System.Text.Json.Utf8JsonReader"/> reports into the UTF-16 character
/// positions, lines and columns that the compiler shows, reading the file's bytes once, forward, as they are read:
/// a file read from a stream in blocks is never whole in memory, so no position may be asked for after the bytes
/// before it are let go (<see cref="ScanTo"/>).
/// </summary>
/// <remarks>
/// Lines end as the compiler ends them: at CR LF, CR, LF, U+0085, U+2028 and U+2029. The bytes are valid UTF-8 (the
/// generator's come from <c>Encoding.UTF8</c>, which writes a lone surrogate as the three bytes of U+FFFD): a character
/// is counted at its last byte, so an offset inside one is that character's, and one of four bytes is two UTF-16
/// characters.
/// </remarks>
internal sealed class SourcePositions
{
    private readonly string _path;
    private byte[] _window = [];
    private long _windowStart;
    private int _windowLength;

    private long _byte;          // the next byte to scan
    private int _char;           // the UTF-16 characters before it
    private int _line;
    private int _lineStart;      // the character at which the line starts
    private bool _afterCarriageReturn;
    private int _pendingBytes;   // continuation bytes still to come of the character being scanned
    private int _codePoint;

    // The reader's own lines, for the positions of its errors (see ReaderLineStart).
    private ReaderLexState _lexState;
    private long _readerLine;
    private long _readerLineStart;

    public SourcePositions(string path) => _path = path;

    /// <summary>The location of the whole file's start: what a mistake about the file itself points at.</summary>
    public LocationInfo FileStart => new(_path, 0, 0, default, default);

    /// <summary>The bytes now held, from file offset <paramref name="start"/>; every later request falls inside them.</summary>
    public void SetWindow(byte[] bytes, long start, int length)
    {
        _window = bytes;
        _windowStart = start;
        _windowLength = length;
    }

    /// <summary>Passes over bytes at the start of the file that are not its text (a byte order mark).</summary>
    public void SkipPreamble(int bytes) => _byte = bytes;

    public LocationInfo Locate(long startByte, long endByte)
    {
        var start = Point(startByte);
        var end = endByte > startByte ? Point(endByte) : start;
        return Span(start, end);
    }

    /// <summary>A span between two points, each taken when its byte was reached.</summary>
    public LocationInfo Span((int Char, TextPoint Point) start, (int Char, TextPoint Point) end) =>
        end.Char < start.Char
            ? new LocationInfo(_path, start.Char, 0, start.Point, start.Point)
            : new LocationInfo(_path, start.Char, end.Char - start.Char, start.Point, end.Point);

    /// <summary>The location of the one character at <paramref name="byteOffset"/>, or of none at a line end.</summary>
    public LocationInfo LocateCharacter(long byteOffset)
    {
        var point = Point(byteOffset);
        var length = IsLineEnd(byteOffset) ? 0 : 1;
        return new LocationInfo(_path, point.Char, length, point.Point, point.Point with { Character = point.Point.Character + length });
    }

    /// <summary>The character index, line and column at <paramref name="byteOffset"/>: no earlier than any asked for before.</summary>
    public (int Char, TextPoint Point) Point(long byteOffset)
    {
        ScanTo(byteOffset);
        if (_afterCarriageReturn)
        {
            // Between CR and LF is still the line the pair ends; anywhere else after a CR, a new line has begun.
            return Index(byteOffset) < _windowLength && _window[Index(byteOffset)] == (byte)'\n'
                ? (_char, new TextPoint(_line, _char - _lineStart))
                : (_char, new TextPoint(_line + 1, 0));
        }

        return (_char, new TextPoint(_line, _char - _lineStart));
    }

    /// <summary>
    /// Where the reader's line <paramref name="line"/> (from 0) starts. The reader counts LF, and a CR or CR LF that
    /// ends a line comment; a lone CR elsewhere, U+0085, U+2028 and U+2029 end no line to it, though they do to the
    /// compiler. Its errors give such a line and a byte in it, always at or after the last position asked for.
    /// </summary>
    public long ReaderLineStart(long line)
    {
        while (_readerLine < line && Index(_byte) < _windowLength)
        {
            Scan(_window[Index(_byte)]);
        }

        return _readerLineStart;
    }

    /// <summary>Scans every byte before <paramref name="byteOffset"/>; those bytes may be let go after.</summary>
    public void ScanTo(long byteOffset)
    {
        var end = System.Math.Min(Index(byteOffset), _windowLength);
        for (var i = Index(_byte); i < end; i++)
        {
            Scan(_window[i]);
        }
    }

    private int Index(long byteOffset) => (int)(byteOffset - _windowStart);

    private bool IsLineEnd(long byteOffset)
    {
        var i = Index(byteOffset);
        if (i >= _windowLength)
        {
            return true;
        }

        var b = _window[i];
        return b is (byte)'\r' or (byte)'\n'
            || (b == 0xC2 && i + 1 < _windowLength && _window[i + 1] == 0x85)
            || (b == 0xE2 && i + 2 < _windowLength && _window[i + 1] == 0x80 && _window[i + 2] is 0xA8 or 0xA9);
    }

    private void Scan(byte b)
    {
        ScanLexically(b);
        _byte++;
        if (_afterCarriageReturn)
        {
            _afterCarriageReturn = false;
            _line++;
            _lineStart = _char;
            if (b == (byte)'\n')
            {
                _char++;
                _lineStart = _char;
                return;
            }
        }

        if (_pendingBytes > 0)
        {
            _codePoint = (_codePoint << 6) | (b & 0x3F);
            if (--_pendingBytes == 0)
            {
                EndCharacter(_codePoint >= 0x10000 ? 2 : 1);
            }

            return;
        }

        switch (b)
        {
            case < 0x80:
                _char++;
                if (b == (byte)'\n')
                {
                    _line++;
                    _lineStart = _char;
                }
                else if (b == (byte)'\r')
                {
                    _afterCarriageReturn = true;
                }

                return;
            case >= 0xF0:
                (_pendingBytes, _codePoint) = (3, b & 0x07);
                return;
            case >= 0xE0:
                (_pendingBytes, _codePoint) = (2, b & 0x0F);
                return;
            case >= 0xC0:
                (_pendingBytes, _codePoint) = (1, b & 0x1F);
                return;
            default:
                _char++; // a stray continuation byte: one replacement character
                return;
        }
    }

    private void EndCharacter(int width)
    {
        _char += width;
        if (_codePoint is 0x85 or 0x2028 or 0x2029)
        {
            _line++;
            _lineStart = _char;
        }
    }

    // The reader's line rule, byte by byte (the byte at _byte, before it is counted).
    private void ScanLexically(byte b)
    {
        switch (_lexState)
        {
            case ReaderLexState.Code when b == '"':
                _lexState = ReaderLexState.String;
                break;
            case ReaderLexState.Code when b == '/':
                _lexState = ReaderLexState.Slash;
                break;
            case ReaderLexState.Slash:
                _lexState = b switch { (byte)'/' => ReaderLexState.LineComment, (byte)'*' => ReaderLexState.BlockComment, _ => ReaderLexState.Code };
                if (_lexState == ReaderLexState.Code)
                {
                    ScanLexically(b);
                }

                break;
            case ReaderLexState.Code or ReaderLexState.BlockComment when b == '\n':
                NewReaderLine();
                break;
            case ReaderLexState.String when b == '\\':
                _lexState = ReaderLexState.Escape;
                break;
            case ReaderLexState.Escape:
                _lexState = ReaderLexState.String;
                break;
            case ReaderLexState.String when b == '"':
                _lexState = ReaderLexState.Code;
                break;
            case ReaderLexState.LineComment when b is (byte)'\n' or (byte)'\r':
                NewReaderLine();
                _lexState = b == '\r' ? ReaderLexState.LineCommentEnd : ReaderLexState.Code;
                break;
            case ReaderLexState.LineCommentEnd:
                _lexState = ReaderLexState.Code;
                if (b == '\n')
                {
                    _readerLineStart = _byte + 1;
                }
                else
                {
                    ScanLexically(b);
                }

                break;
            case ReaderLexState.BlockComment when b == '*':
                _lexState = ReaderLexState.BlockStar;
                break;
            case ReaderLexState.BlockStar:
                _lexState = b switch { (byte)'/' => ReaderLexState.Code, (byte)'*' => ReaderLexState.BlockStar, _ => ReaderLexState.BlockComment };
                if (b == '\n')
                {
                    NewReaderLine();
                }

                break;
        }
    }

    private void NewReaderLine()
    {
        _readerLine++;
        _readerLineStart = _byte + 1;
    }

    private enum ReaderLexState
    {
        Code,
        Slash,
        String,
        Escape,
        LineComment,
        LineCommentEnd,
        BlockComment,
        BlockStar,
    }
}
