using System;
using System.Collections.Generic;
using System.Linq;

namespace KnowledgeGraph;

/// <summary>
/// The <c>.kg.json</c> files given to a graph's <c>Load</c> hold mistakes: nothing was loaded. <see cref="Diagnostics"/>
/// lists every mistake of every file, as the build reports them.
/// </summary>
public sealed class GraphLoadException : Exception
{
    private const int MistakesInMessage = 10;

    /// <summary>Creates the exception for the diagnostics of a load that failed.</summary>
    /// <param name="diagnostics">Every diagnostic of the load, warnings too; one error at least.</param>
    public GraphLoadException(IReadOnlyList<GraphDiagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic of the load, in the order of the files and of their text: the errors and the warnings.</summary>
    public IReadOnlyList<GraphDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<GraphDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Where(d => d.Severity == GraphDiagnosticSeverity.Error).ToList();
        var shown = errors.Take(MistakesInMessage).Select(d => Environment.NewLine + "  " + d);
        var more = errors.Count > MistakesInMessage ? $"{Environment.NewLine}  … and {errors.Count - MistakesInMessage} more" : "";
        return $"The files hold {errors.Count} mistake{(errors.Count == 1 ? "" : "s")}; nothing was loaded:{string.Concat(shown)}{more}";
    }
}
