global using DiagnosticDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;
global using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using System.Linq;
using KnowledgeGraph.Language.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Generators;

/// <summary>Makes compiler diagnostics of the checks' diagnostics, in the generator's output step only.</summary>
internal static class CompilerDiagnostics
{
    public static Diagnostic ToDiagnostic(this DiagnosticInfo diagnostic) => Diagnostic.Create(
        diagnostic.Descriptor,
        diagnostic.Location.ToLocation(),
        diagnostic.AdditionalLocation is { } additional ? new[] { additional.ToLocation() } : null,
        diagnostic.Arguments.Cast<object>().ToArray());

    public static Location ToLocation(this LocationInfo location) => Location.Create(
        location.FilePath,
        new TextSpan(location.Start, location.Length),
        new LinePositionSpan(Position(location.StartPoint), Position(location.EndPoint)));

    private static LinePosition Position(TextPoint point) => new(point.Line, point.Character);
}
