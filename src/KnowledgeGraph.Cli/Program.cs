using System;

namespace KnowledgeGraph.Cli;

internal static class Program
{
    // Progress is drawn only on a terminal: redirected output holds the diagnostics and nothing else.
    private static int Main(string[] args) => KgCommand.Run(args, Console.Out, Console.Error, showProgress: !Console.IsOutputRedirected);
}
