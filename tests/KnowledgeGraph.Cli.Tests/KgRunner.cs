using System.IO;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>Runs <c>kg</c> in process, as the command line would, with its output captured.</summary>
internal static class KgRunner
{
    /// <returns>The exit code, what went to standard output and what went to standard error.</returns>
    public static (int Code, string Output, string Error) Kg(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = KgCommand.Run(args, output, error, showProgress: false);
        return (code, output.ToString(), error.ToString());
    }
}
