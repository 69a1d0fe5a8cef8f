using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Generators.Tests.Fuzzing;

/// <summary>One input of the fuzz test: the files of one build, under a name that says where it came from.</summary>
internal sealed record FuzzInput(string Name, ModelFile[] Files, string? RootNamespace = "TestProject")
{
    public FuzzInput(string name, string content)
        : this(name, [new ModelFile("fuzz.kg.json", content)])
    {
    }
}

/// <summary>What the oracle found for one input: its problems (none when it passed) and the generator's diagnostics.</summary>
internal sealed record FuzzOutcome(FuzzInput Input, IReadOnlyList<FuzzProblem> Problems, int Diagnostics, TimeSpan Took);

/// <summary>One broken rule; <see cref="Kind"/> groups like problems of different inputs (an exception type, a CS code).</summary>
internal sealed record FuzzProblem(string Kind, string Detail)
{
    public override string ToString() => Detail;
}

/// <summary>
/// The rules every input must keep, whatever its content: the generator does not throw, reports only KG
/// diagnostics, each inside the file it is about (the path of an input, a span within its text, the line and
/// column Roslyn's <see cref="SourceText"/> gives for that span, and a file that is not valid JSON has a KG0001 where
/// System.Text.Json stops reading it), the generated code compiles and emits without a C# error,
/// and the whole run ends within a generous wall-clock bound (a hang detector, not a speed check).
/// </summary>
internal static class FuzzOracle
{
    /// <summary>
    /// Long enough that no healthy input comes near it on a shared 2-core machine: at a load average of 36 the
    /// largest inputs of the corpus took 20–25 s (a 20 s bound called one of them a hang).
    /// </summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    public static FuzzOutcome Check(FuzzInput input)
    {
        var watch = Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource(HangBound);
        var run = Task.Run(() => Run(input, cancellation.Token));

        // The token stops the generator at its next check; the wait does not depend on it doing so.
        var finished = Task.WhenAny(run, Task.Delay(HangBound + TimeSpan.FromSeconds(5))).Result == run;
        if (!finished || run.Exception?.InnerException is OperationCanceledException)
        {
            return new FuzzOutcome(input, [new("hang", $"hang: no result within {HangBound.TotalSeconds:0} s")], 0, watch.Elapsed);
        }

        if (run.Exception is { } failed)
        {
            var inner = failed.InnerException!;
            return new FuzzOutcome(input, [new("harness " + inner.GetType().Name, "the run itself threw: " + FirstLine(inner.ToString()))], 0, watch.Elapsed);
        }

        var (problems, diagnostics) = run.Result;
        return new FuzzOutcome(input, problems, diagnostics, watch.Elapsed);
    }

    private static (List<FuzzProblem> Problems, int Diagnostics) Run(FuzzInput input, CancellationToken cancellationToken)
    {
        var problems = new List<FuzzProblem>();
        var runResult = GeneratorHarness.CreateDriver(input.RootNamespace, input.Files)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var output, out var driverDiagnostics, cancellationToken)
            .GetRunResult();

        foreach (var result in runResult.Results)
        {
            if (result.Exception is { } exception)
            {
                problems.Add(new("exception " + exception.GetType().Name, "generator threw " + FirstLine(exception.ToString())));
            }
        }

        // CS8785 (the generator failed) comes with the driver's diagnostics, the KG ones with the run result.
        var texts = input.Files.ToDictionary(file => file.Path, file => SourceText.From(file.Content), StringComparer.Ordinal);
        foreach (var diagnostic in runResult.Diagnostics.Concat(driverDiagnostics).Distinct())
        {
            if (!diagnostic.Id.StartsWith("KG", StringComparison.Ordinal))
            {
                problems.Add(new("generator " + diagnostic.Id, "generator reported " + diagnostic));
                continue;
            }

            foreach (var location in diagnostic.AdditionalLocations.Prepend(diagnostic.Location))
            {
                if (CheckLocation(location, texts) is { } misplaced)
                {
                    problems.Add(new("location: " + misplaced.Kind, $"{diagnostic.Id} {misplaced.Detail}: {diagnostic}"));
                }
            }
        }

        foreach (var file in input.Files)
        {
            if (ReaderStop(file.Content) is not { } stop || LoneSurrogateEscape.IsMatch(file.Content))
            {
                continue;
            }

            var reported = runResult.Diagnostics.Where(d => d.Id == "KG0001" && d.Location.GetLineSpan().Path == file.Path).ToList();
            if (!reported.Any(d => d.Location.SourceSpan.Start == stop))
            {
                var expected = Show(texts[file.Path].Lines.GetLinePosition(stop));
                var actual = reported.Count == 0 ? "none" : string.Join(", ", reported.Select(d => Show(d.Location.GetLineSpan().StartLinePosition)));
                problems.Add(new("location: KG0001 not where the reader stopped", $"{file.Path} is not valid JSON from {expected} on; KG0001 reported at: {actual}"));
            }
        }

        // Emitted, not only bound: some errors (CS7013, a name too long for metadata) come only when metadata is written.
        foreach (var error in output.Emit(Stream.Null, cancellationToken: cancellationToken).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            problems.Add(new(error.Id, "C# error " + error));
        }

        return (problems, runResult.Diagnostics.Length);
    }

    /// <summary>Null when the location stands inside one of the input files, at the line and column Roslyn counts for it.</summary>
    private static FuzzProblem? CheckLocation(Location location, Dictionary<string, SourceText> texts)
    {
        if (location.Kind != LocationKind.ExternalFile)
        {
            return new("not in a file", $"has a location of kind {location.Kind}");
        }

        var lineSpan = location.GetLineSpan();
        if (!texts.TryGetValue(lineSpan.Path, out var text))
        {
            return new("unknown file", $"points at '{lineSpan.Path}', which is no input");
        }

        var span = location.SourceSpan;
        if (span.End > text.Length)
        {
            return new("past the end", $"span {span} ends past the file's {text.Length} characters");
        }

        var expected = text.Lines.GetLinePositionSpan(span);
        return expected == lineSpan.Span
            ? null
            : new("line and column", $"says {Show(lineSpan.Span)} for span {span}, where Roslyn counts {Show(expected)}");
    }

    /// <summary>One-based, as a build prints it.</summary>
    private static string Show(LinePosition position) => $"({position.Line + 1},{position.Character + 1})";

    private static string Show(LinePositionSpan span) => $"{Show(span.Start)}-{Show(span.End)}";

    // A lone surrogate escape may be reported where the string is, before the reader gets to a later syntax error.
    private static readonly Regex LoneSurrogateEscape = new(@"\\u[dD][89a-fA-F]", RegexOptions.CultureInvariant);

    // The test project sees two System.Text.Json assemblies when it compiles (the generator's 8.0 and the runtime's),
    // so the reader is reached by name: the same assembly the generator runs on here.
    private static readonly Type JsonDocument = Type.GetType("System.Text.Json.JsonDocument, System.Text.Json", throwOnError: true)!;
    private static readonly MethodInfo Parse = JsonDocument.GetMethod("Parse", [typeof(ReadOnlyMemory<byte>), Type.GetType("System.Text.Json.JsonDocumentOptions, System.Text.Json", throwOnError: true)!])!;
    private static readonly object ParseOptions = CreateParseOptions();
    private static readonly Type JsonException = Type.GetType("System.Text.Json.JsonException, System.Text.Json", throwOnError: true)!;

    private static object CreateParseOptions()
    {
        // The generator's reader options: comments skipped, trailing commas allowed, the default depth.
        var options = Activator.CreateInstance(Parse.GetParameters()[1].ParameterType)!;
        options.GetType().GetProperty("CommentHandling")!.SetValue(options, Enum.ToObject(options.GetType().GetProperty("CommentHandling")!.PropertyType, 1));
        options.GetType().GetProperty("AllowTrailingCommas")!.SetValue(options, true);
        return options;
    }

    /// <summary>The character at which System.Text.Json stops reading the file as invalid, or null when the file is valid JSON.</summary>
    private static int? ReaderStop(string content)
    {
        var utf8 = Encoding.UTF8.GetBytes(content);
        try
        {
            ((IDisposable)Parse.Invoke(null, [new ReadOnlyMemory<byte>(utf8), ParseOptions])!).Dispose();
            return null;
        }
        catch (TargetInvocationException exception) when (JsonException.IsInstanceOfType(exception.InnerException))
        {
            // The reader counts columns in bytes, and lines at '\n' and at the '\r' that ends a '//' comment.
            var error = exception.InnerException;
            var line = (long?)error.GetType().GetProperty("LineNumber")!.GetValue(error) ?? 0;
            var byteInLine = (long?)error.GetType().GetProperty("BytePositionInLine")!.GetValue(error) ?? 0;
            var lineStart = 0;
            for (var seen = 0L; seen < line && lineStart < utf8.Length; lineStart++)
            {
                var endsComment = utf8[lineStart] == '\r' && (lineStart + 1 == utf8.Length || utf8[lineStart + 1] != '\n') && InLineComment(utf8, lineStart);
                seen += utf8[lineStart] == '\n' || endsComment ? 1 : 0;
            }

            return CharIndex(content, lineStart + byteInLine);
        }
    }

    /// <summary>Whether the byte at <paramref name="at"/> stands in a '//' comment: outside strings and block comments.</summary>
    private static bool InLineComment(byte[] utf8, int at)
    {
        var (inString, inBlock, inLine) = (false, false, false);
        for (var i = 0; i < at; i++)
        {
            var (b, next) = (utf8[i], i + 1 < utf8.Length ? utf8[i + 1] : (byte)0);
            if (inString)
            {
                if (b == '\\')
                {
                    i++;
                }
                else
                {
                    inString = b != '"';
                }
            }
            else if (inBlock)
            {
                if (b == '*' && next == '/')
                {
                    inBlock = false;
                    i++;
                }
            }
            else if (inLine)
            {
                inLine = b is not ((byte)'\n' or (byte)'\r');
            }
            else if (b == '/' && next is (byte)'/' or (byte)'*')
            {
                (inLine, inBlock) = (next == '/', next == '*');
                i++;
            }
            else
            {
                inString = b == '"';
            }
        }

        return inLine;
    }

    /// <summary>The character at a UTF-8 byte offset, a lone surrogate counted as the three bytes of U+FFFD it is written as.</summary>
    private static int CharIndex(string content, long byteOffset)
    {
        var bytes = 0L;
        var index = 0;
        while (index < content.Length && bytes < byteOffset)
        {
            var pair = char.IsHighSurrogate(content[index]) && index + 1 < content.Length && char.IsLowSurrogate(content[index + 1]);
            bytes += pair ? 4 : content[index] < 0x80 ? 1 : content[index] < 0x800 ? 2 : 3;
            index += pair ? 2 : 1;
        }

        return index;
    }

    private static string FirstLine(string text)
    {
        var lines = text.Split('\n');
        var frame = lines.FirstOrDefault(line => line.TrimStart().StartsWith("at KnowledgeGraph.Generators.", StringComparison.Ordinal));
        return lines[0].TrimEnd() + (frame is null ? "" : " " + frame.Trim());
    }
}
