using System;
using System.Globalization;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph;

/// <summary>How bad a <see cref="GraphDiagnostic"/> is.</summary>
public enum GraphDiagnosticSeverity
{
    /// <summary>Probably a mistake, such as an entity no fact mentions; the graph loads.</summary>
    Warning,

    /// <summary>A mistake: the graph does not load.</summary>
    Error,
}

/// <summary>
/// A mistake in a <c>.kg.json</c> file loaded at run time: the same ID, message and place the compiler gives when the
/// build reads the file (see docs/diagnostics.md). A mistake in triples read back (README, "Reading RDF back") has the
/// ID the same mistake in a file has; its place is the triple's line, and its message ends by quoting the triple.
/// </summary>
public sealed class GraphDiagnostic
{
    internal GraphDiagnostic(string id, GraphDiagnosticSeverity severity, string path, int line, int column, string message, string? helpLink)
    {
        Id = id;
        Severity = severity;
        Path = path;
        Line = line;
        Column = column;
        Message = message;
        HelpLink = helpLink;
    }

    /// <summary>The diagnostic of the checker at <paramref name="location"/>, with the severity the compiler gives it by default.</summary>
    internal static GraphDiagnostic From(DiagnosticInfo diagnostic, LocationInfo location) => new(
        diagnostic.Descriptor.Id,
        diagnostic.Descriptor.DefaultSeverity == Language.Diagnostics.DiagnosticSeverity.Error ? GraphDiagnosticSeverity.Error : GraphDiagnosticSeverity.Warning,
        location.FilePath,
        location.StartPoint.Line + 1,
        location.StartPoint.Character + 1,
        diagnostic.Message,
        diagnostic.Descriptor.HelpLinkUri);

    /// <summary>The diagnostic of the checker at a place of text that is no file, its message ending in what the place is.</summary>
    internal static GraphDiagnostic From(DiagnosticInfo diagnostic, LocationInfo location, string place)
    {
        var at = From(diagnostic, location);
        return new(at.Id, at.Severity, at.Path, at.Line, at.Column, at.Message + " " + place, at.HelpLink);
    }

    /// <summary>The diagnostic's ID, such as <c>KG0007</c>.</summary>
    public string Id { get; }

    /// <summary>Whether the mistake stops the graph from loading.</summary>
    public GraphDiagnosticSeverity Severity { get; }

    /// <summary>The file, as given to the loader: a path, or the name given with a stream or with triples.</summary>
    public string Path { get; }

    /// <summary>The line of the offending token, from 1.</summary>
    public int Line { get; }

    /// <summary>The column of the offending token, from 1, counted in UTF-16 characters as the compiler counts them.</summary>
    public int Column { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>The diagnostic's section in the documentation.</summary>
    public string? HelpLink { get; }

    /// <summary>The diagnostic as the compiler writes it: <c>path(line,column): error KG0007: message</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Path}({Line},{Column}): {(Severity == GraphDiagnosticSeverity.Error ? "error" : "warning")} {Id}: {Message}");
}
