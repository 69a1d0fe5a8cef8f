using System;
using System.Collections.Generic;
using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using KnowledgeGraph.Language.Model;
using Spectre.Console;

namespace KnowledgeGraph.Cli;

/// <summary>
/// <c>kg export --format FORMAT PATHS…</c>: the graph of the files, made without generated classes, written by the
/// runtime's exporters, so that it is byte for byte what the compiled graph of the same files exports.
/// </summary>
internal static class ExportCommand
{
    private const string Neo4j = "neo4j";
    private const string Svg = "svg";
    private const string StandardOutput = "-";

    private static readonly Dictionary<string, GraphFormat> Formats = new(StringComparer.Ordinal)
    {
        ["dot"] = GraphFormat.Dot,
        ["mermaid"] = GraphFormat.Mermaid,
        ["graphml"] = GraphFormat.GraphMl,
        ["gexf"] = GraphFormat.Gexf,
        ["nt"] = GraphFormat.NTriples,
        ["ttl"] = GraphFormat.Turtle,
        ["jsonld"] = GraphFormat.JsonLd,
    };

    public static Command Create(TextWriter output, TextWriter error, IAnsiConsole? terminal)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (their *.kg.json files at any depth) or globs (*, ?, **) of one graph.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "dot, svg (drawn by Graphviz's dot), mermaid, graphml, gexf, nt, ttl, jsonld, or neo4j (CSV files for neo4j-admin).",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. Formats.Keys, Svg, Neo4j]);
        var outputPath = new Option<string>("--output", "-o")
        {
            Description = "The file to write (standard output when absent or '-'); for neo4j, the folder, which is required.",
        };
        var neighbourhood = new Neighbourhood("Export");
        CheckCommand.RejectUnknownOptions(paths);

        var command = new Command("export", "Exports the graph of *.kg.json files. Exit codes: 0 exported, 1 errors in the files, 2 bad usage, 3 Graphviz's dot missing or failing (svg).")
        {
            paths,
            format,
            outputPath,
        };
        neighbourhood.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(format) == Neo4j && result.GetValue(outputPath) is null or StandardOutput)
            {
                result.AddError("neo4j writes a file per type: give the folder with --output.");
            }
        });
        command.SetAction(parseResult =>
        {
            var files = FileSet.Expand(parseResult.GetValue(paths)!);
            if (CheckCommand.ReadOneGraph(files, error, "nothing exported", "export", terminal) is not { } model)
            {
                return ExitCodes.Errors;
            }

            var view = neighbourhood.Of(model, parseResult);
            var name = parseResult.GetValue(format)!;
            var path = parseResult.GetValue(outputPath);
            if (name == Neo4j)
            {
                view.ExportNeo4jCsv(path!);
                return ExitCodes.Success;
            }

            byte[] bytes;
            using (var buffer = new MemoryStream())
            {
                view.Export(buffer, name == Svg ? GraphFormat.Dot : Formats[name]);
                bytes = buffer.ToArray();
            }

            if (name == Svg)
            {
                if (Draw(bytes, error) is not { } svg)
                {
                    return ExitCodes.MissingTool;
                }

                bytes = svg;
            }

            if (path is null or StandardOutput)
            {
                output.Write(Encoding.UTF8.GetString(bytes));
            }
            else
            {
                WriteFile(path, bytes);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The SVG Graphviz's <c>dot</c> draws of <paramref name="dot"/>, or null (said on <paramref name="error"/>) when it is missing or fails.</summary>
    private static byte[]? Draw(byte[] dot, TextWriter error)
    {
        var start = new ProcessStartInfo("dot", ["-Tsvg"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            error.WriteLine("kg: svg is drawn by Graphviz's dot program, which was not found: install Graphviz (apt-get install graphviz, brew install graphviz, winget install graphviz) and put dot on the PATH.");
            return null;
        }

        using (process)
        {
            // Read both pipes while writing, so that neither fills up and blocks dot.
            using var svg = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(svg);
            var messages = process.StandardError.ReadToEndAsync();
            process.StandardInput.BaseStream.Write(dot);
            process.StandardInput.Close();
            Task.WaitAll(reading, messages);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                error.WriteLine($"kg: Graphviz's dot failed (exit code {process.ExitCode}): {messages.Result.Trim()}");
                return null;
            }

            return svg.ToArray();
        }
    }

    /// <summary>Writes the file under a temporary name beside it and then moves it to its name, so a failure leaves no partial file.</summary>
    /// <exception cref="UsageException">The file cannot be written: its folder cannot be made, or it is a folder, or access is denied.</exception>
    internal static void WriteFile(string path, byte[] bytes)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            try
            {
                File.WriteAllBytes(temporary, bytes);
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{path}': {exception.Message}");
        }
    }
}
