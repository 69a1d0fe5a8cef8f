using System;
using Spectre.Console;

namespace KnowledgeGraph.Cli;

/// <summary>
/// A progress bar for long work, drawn only on a terminal that can redraw it and cleared when the work is done:
/// redirected output holds the command's result and nothing else.
/// </summary>
internal static class TerminalProgress
{
    /// <param name="terminal">The terminal output goes to, or null when it is redirected.</param>
    /// <param name="description">What the work is: "Checking".</param>
    /// <param name="steps">How many steps the work takes.</param>
    /// <param name="work">The work, given the action that marks one step done, which any thread may call.</param>
    public static T Run<T>(IAnsiConsole? terminal, string description, int steps, Func<Action, T> work)
    {
        if (terminal is not { Profile.Capabilities.Interactive: true })
        {
            return work(() => { });
        }

        return terminal.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Start(context =>
            {
                var task = context.AddTask(description, maxValue: steps);
                return work(() => task.Increment(1));
            });
    }
}
