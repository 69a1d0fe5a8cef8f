namespace KnowledgeGraph.Cli;

/// <summary>The exit codes of <c>kg</c>, as the README documents them.</summary>
internal static class ExitCodes
{
    /// <summary>No file holds an error (warnings allowed).</summary>
    public const int Success = 0;

    /// <summary>A file holds an error.</summary>
    public const int Errors = 1;

    /// <summary>Bad usage: an unknown command or option, a missing argument, a path that matches no file;
    /// for <c>kg init</c>, a file it would write that exists; for <c>kg view</c>, more entities than a page draws
    /// (<see cref="GraphPage.MaxEntities"/>).</summary>
    public const int Usage = 2;

    /// <summary>A program the export needs (Graphviz's <c>dot</c>, for svg) is missing or failed.</summary>
    public const int MissingTool = 3;

    /// <summary><c>kg push</c>: the store could not be reached, or refused or failed the push; it holds what it held.</summary>
    public const int StoreFailed = 4;
}
