using System.IO;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>Runs <c>kg</c> in process, as the command line would, with its output captured.</summary>
internal static class KgRunner
{
    /// <summary>Runs <c>kg</c> with its output redirected, as a pipe or a file takes it.</summary>
    /// <returns>The exit code, what went to standard output and what went to standard error.</returns>
    public static (int Code, string Output, string Error) Kg(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = KgCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>kg</c> with standard output on a terminal 120 columns wide, one that can redraw (ANSI) or a plain one.</summary>
    /// <returns>The exit code, what the terminal received and what went to standard error.</returns>
    public static (int Code, string Output, string Error) KgOnTerminal(bool redraws, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redraws ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = redraws ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = redraws ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        terminal.Profile.Width = 120;
        var code = KgCommand.Run(args, output, error, terminal);
        return (code, output.ToString(), error.ToString());
    }
}
