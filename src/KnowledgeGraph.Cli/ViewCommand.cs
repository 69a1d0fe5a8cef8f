using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Spectre.Console;

namespace KnowledgeGraph.Cli;

/// <summary>
/// <c>kg view --output PAGE.html PATHS…</c>: the graph of the files as one HTML page that draws it, opens without a
/// network and lets a reader search it, click it, filter it by relation type and see it as of a day.
/// </summary>
internal static class ViewCommand
{
    public static Command Create(TextWriter error, IAnsiConsole? terminal)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (their *.kg.json files at any depth) or globs (*, ?, **) of one graph.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outputPath = new Option<string>("--output", "-o")
        {
            Description = "The HTML file to write.",
            Required = true,
        };
        var neighbourhood = new Neighbourhood("Draw");
        CheckCommand.RejectUnknownOptions(paths);

        var command = new Command("view", string.Create(CultureInfo.InvariantCulture, $"Writes an HTML page that draws the graph of *.kg.json files (at most {GraphPage.MaxEntities:N0} entities). Exit codes: 0 written, 1 errors in the files, 2 bad usage or too many entities."))
        {
            paths,
            outputPath,
        };
        neighbourhood.AddTo(command);
        command.SetAction(parseResult =>
        {
            var files = FileSet.Expand(parseResult.GetValue(paths)!);
            if (CheckCommand.ReadOneGraph(files, error, "no page written", "view", terminal) is not { } model)
            {
                return ExitCodes.Errors;
            }

            var view = neighbourhood.Of(model, parseResult);
            if (view.EntityCount > GraphPage.MaxEntities)
            {
                throw new UsageException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the graph has {view.EntityCount:N0} entities, more than the {GraphPage.MaxEntities:N0} a page draws smoothly: draw the neighbourhood of one entity with --around ID --depth N."));
            }

            ExportCommand.WriteFile(parseResult.GetValue(outputPath)!, GraphPage.Write(view));
            return ExitCodes.Success;
        });
        return command;
    }
}
