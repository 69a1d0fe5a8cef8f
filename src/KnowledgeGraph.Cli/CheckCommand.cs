using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading;
using System.Threading.Tasks;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Parsing;
using KnowledgeGraph.Language.Validation;
using Spectre.Console;

namespace KnowledgeGraph.Cli;

/// <summary>
/// <c>kg check PATHS…</c>: the build's checks on files outside any project, from the generator's own parser and
/// checker, with every mistake reported as the compiler reports it.
/// </summary>
internal static class CheckCommand
{
    private const string TextFormat = "text";
    private const string JsonFormat = "json";

    public static Command Create(TextWriter output, TextWriter error, IAnsiConsole? terminal)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (their *.kg.json files at any depth) or globs (*, ?, **).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "How diagnostics are written: text (as the compiler writes them) or json.",
            DefaultValueFactory = _ => TextFormat,
        };
        format.AcceptOnlyFromAmong(TextFormat, JsonFormat);

        RejectUnknownOptions(paths);

        var command = new Command("check", "Checks *.kg.json files as the build does. Exit codes: 0 no error, 1 errors, 2 bad usage.")
        {
            paths,
            format,
        };
        command.SetAction(parseResult =>
        {
            var files = FileSet.Expand(parseResult.GetValue(paths)!);
            var diagnostics = TerminalProgress.Run(terminal, "Checking", files.Count, step => Check(files, _ => step()));
            if (parseResult.GetValue(format) == JsonFormat)
            {
                WriteJson(output, diagnostics);
            }
            else
            {
                foreach (var diagnostic in diagnostics)
                {
                    output.WriteLine(diagnostic);
                }
            }

            var errors = diagnostics.Count(d => d.Severity == GraphDiagnosticSeverity.Error);
            error.WriteLine($"{Count(errors, "error")}, {Count(diagnostics.Count - errors, "warning")} in {Count(files.Count, "file")}");
            return errors > 0 ? ExitCodes.Errors : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reports a path argument that looks like an option and names no file: the parser hands an unknown option to the paths.</summary>
    internal static void RejectUnknownOptions(Argument<string[]> paths) =>
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(token => token.Value.StartsWith('-') && !File.Exists(token.Value) && !Directory.Exists(token.Value)))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });

    /// <summary>
    /// The parser of a count option such as <c>--depth</c>: a validator cannot do it, since reading a value that failed
    /// to parse (<c>--depth many</c>) throws instead of reporting bad usage.
    /// </summary>
    internal static Func<ArgumentResult, int> CountOf(string option, int minimum) =>
        result =>
        {
            if (int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= minimum)
            {
                return count;
            }

            result.AddError($"{option} must be a whole number, {minimum} or more.");
            return minimum;
        };

    /// <summary>Parses each file and checks each graph they make, as the generator does in a project without a RootNamespace.</summary>
    /// <param name="files">The files, named as their diagnostics name them.</param>
    /// <param name="fileRead">Called after each file is parsed, on the thread that parsed it.</param>
    /// <returns>Every diagnostic, ordered by path, line and column.</returns>
    internal static IReadOnlyList<GraphDiagnostic> Check(IReadOnlyList<string> files, Action<string> fileRead) => Read(files, fileRead).Diagnostics;

    /// <summary>Parses each file and checks each graph they make, as <see cref="Check"/> does.</summary>
    /// <param name="files">The files, named as their diagnostics name them.</param>
    /// <param name="fileRead">Called after each file is parsed, on the thread that parsed it.</param>
    /// <returns>Every diagnostic, ordered by path, line and column; and the graphs the files make.</returns>
    internal static (IReadOnlyList<GraphDiagnostic> Diagnostics, ImmutableArray<BuiltGraph> Graphs) Read(IReadOnlyList<string> files, Action<string> fileRead)
    {
        // Files are parsed side by side: each stands alone, and parsing is most of the work.
        var parsed = new ParsedFile[files.Count];
        var unreadable = new UsageException?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(files[i]);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                unreadable[i] = new UsageException($"cannot read '{files[i]}': {exception.Message}");
                return;
            }

            parsed[i] = Parse(files[i], bytes);
            fileRead(files[i]);
        });
        if (Array.Find(unreadable, exception => exception is not null) is { } first)
        {
            throw first;
        }

        // No project, so no RootNamespace: a graph whose files name no namespace gets the generator's default.
        var parsedFiles = ImmutableArray.Create(parsed);
        var graphs = GraphChecker.Check(parsedFiles, rootNamespace: null, CancellationToken.None);
        var diagnostics = parsedFiles.SelectMany(file => file.Diagnostics)
            .Concat(graphs.SelectMany(graph => graph.Diagnostics))
            .Select(diagnostic => GraphDiagnostic.From(diagnostic, diagnostic.Location))
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return (diagnostics, graphs);
    }

    // A file of UTF-8 is parsed from its bytes, as nearly every file is. Any other is decoded first: one with a byte
    // order mark (UTF-8, UTF-16 or UTF-32), or bytes that are not UTF-8, each of which becomes U+FFFD, as in the text
    // the build reads.
    private static ParsedFile Parse(string path, byte[] bytes)
    {
        if (Utf8.IsValid(bytes) && bytes is not [0xEF, 0xBB, 0xBF, ..])
        {
            return FileParser.Parse(path, bytes, CancellationToken.None);
        }

        using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return FileParser.Parse(path, text.ReadToEnd(), CancellationToken.None);
    }

    /// <summary>
    /// Reads the files as <see cref="Read"/> does for a command that works on their one graph: diagnostics go to
    /// <paramref name="error"/> in <c>kg check</c>'s form, since standard output holds the command's own result.
    /// </summary>
    /// <param name="refusal">What an error in the files prevents, for the last line: "nothing exported".</param>
    /// <param name="verb">What the command does with the graph, for the usage error: "export".</param>
    /// <param name="terminal">The terminal output goes to, where the reading shows its progress; null when redirected.</param>
    /// <returns>The graph's model, or null when the files hold an error.</returns>
    /// <exception cref="UsageException">The files make no graph or several.</exception>
    internal static GraphModel? ReadOneGraph(IReadOnlyList<string> files, TextWriter error, string refusal, string verb, IAnsiConsole? terminal = null)
    {
        var (diagnostics, graphs) = TerminalProgress.Run(terminal, "Reading", files.Count, step => Read(files, _ => step()));
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic);
        }

        var errors = diagnostics.Count(d => d.Severity == GraphDiagnosticSeverity.Error);
        if (errors > 0)
        {
            error.WriteLine($"{Count(errors, "error")}: {refusal}");
            return null;
        }

        if (graphs.Length != 1)
        {
            throw new UsageException(graphs.Length == 0
                ? "the files declare no graph."
                : $"the files make {graphs.Length} graphs ({string.Join(", ", graphs.Select(g => g.Model.ClassName))}): {verb} the files of one graph.");
        }

        return graphs[0].Model;
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<GraphDiagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var diagnostic in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("id", diagnostic.Id);
                json.WriteString("severity", diagnostic.Severity == GraphDiagnosticSeverity.Error ? "error" : "warning");
                json.WriteString("path", diagnostic.Path);
                json.WriteNumber("line", diagnostic.Line);
                json.WriteNumber("column", diagnostic.Column);
                json.WriteString("message", diagnostic.Message);
                if (diagnostic.HelpLink is { } helpLink)
                {
                    json.WriteString("helpLink", helpLink);
                }
                else
                {
                    json.WriteNull("helpLink");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
