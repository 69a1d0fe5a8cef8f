using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Generators.Model;

/// <summary>A place in a <c>.kg.json</c> file, kept as plain data so that models stay equatable.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A string from a file together with where it stands there.</summary>
internal sealed record Located(string Value, LocationInfo Location);

internal static class LocationInfoExtensions
{
    /// <summary>The first character only: an error about a whole object points at its opening brace.</summary>
    public static LocationInfo StartOnly(this LocationInfo location)
    {
        var span = new TextSpan(location.Span.Start, location.Span.Length == 0 ? 0 : 1);
        var start = location.LineSpan.Start;
        return location with
        {
            Span = span,
            LineSpan = new LinePositionSpan(start, new LinePosition(start.Line, start.Character + span.Length)),
        };
    }
}
