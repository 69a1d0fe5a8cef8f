using System;
using Spectre.Console;

namespace KnowledgeGraph.Cli;

internal static class Program
{
    // Progress and tables are drawn only on a terminal: redirected output holds the plain result and nothing else.
    private static int Main(string[] args) => KgCommand.Run(args, Console.Out, Console.Error, Console.IsOutputRedirected ? null : AnsiConsole.Console);
}
