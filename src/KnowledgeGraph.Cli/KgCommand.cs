using System;
using System.CommandLine;
using System.IO;
using Spectre.Console;

namespace KnowledgeGraph.Cli;

/// <summary>The <c>kg</c> command line: its commands, and how bad usage is reported.</summary>
internal static class KgCommand
{
    /// <summary>Runs <c>kg</c> with <paramref name="args"/>.</summary>
    /// <param name="args">The arguments after <c>kg</c>.</param>
    /// <param name="output">Where results go (diagnostics, help).</param>
    /// <param name="error">Where the summary and usage errors go.</param>
    /// <param name="terminal">
    /// The terminal <paramref name="output"/> is, on which progress and tables are drawn; null when output is redirected,
    /// and then it holds plain text alone.
    /// </param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, IAnsiConsole? terminal = null)
    {
        var root = new RootCommand("Tools for KnowledgeGraph's *.kg.json files.");
        root.Subcommands.Add(CheckCommand.Create(output, error, terminal));
        root.Subcommands.Add(ExportCommand.Create(output, error, terminal));
        root.Subcommands.Add(StatsCommand.Create(output, error, terminal));
        root.Subcommands.Add(ViewCommand.Create(error, terminal));
        root.Subcommands.Add(InitCommand.Create(output));
        root.Subcommands.Add(PushCommand.Create(error, terminal));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The parser's own handler exits 1, which here means "the files hold errors": bad usage is 2.
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"kg: {parseError.Message}");
            }

            WriteUsage(root, parsed.CommandResult.Command, error);
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException exception)
        {
            error.WriteLine($"kg: {exception.Message}");
            WriteUsage(root, parsed.CommandResult.Command, error);
            return ExitCodes.Usage;
        }
    }

    private static void WriteUsage(RootCommand root, Command command, TextWriter error)
    {
        error.WriteLine();
        string[] helpPath = command == root ? ["--help"] : [command.Name, "--help"];
        root.Parse(helpPath).Invoke(new InvocationConfiguration { Output = error, Error = error });
    }
}

/// <summary>Arguments the parser accepts but that cannot be used, such as a path that matches no file.</summary>
internal sealed class UsageException(string message) : Exception(message);
