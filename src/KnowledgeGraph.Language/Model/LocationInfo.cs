namespace KnowledgeGraph.Language.Model;

/// <summary>A line and a character in it, both from 0, as the compiler counts them.</summary>
internal readonly record struct TextPoint(int Line, int Character);

/// <summary>
/// A place in a <c>.kg.json</c> file, kept as plain data so that models stay equatable and the checks run outside the
/// compiler too: the span in UTF-16 characters from the start of the file, and the lines and characters of its ends.
/// A value, not an object: every key and value of every file has one, and the parser makes millions.
/// </summary>
internal readonly record struct LocationInfo(string FilePath, int Start, int Length, TextPoint StartPoint, TextPoint EndPoint)
{
    public int End => Start + Length;

    /// <summary>The first character only: an error about a whole object points at its opening brace.</summary>
    public LocationInfo StartOnly()
    {
        var length = Length == 0 ? 0 : 1;
        return this with { Length = length, EndPoint = StartPoint with { Character = StartPoint.Character + length } };
    }
}

/// <summary>A string from a file together with where it stands there.</summary>
internal sealed record Located(string Value, LocationInfo Location);
