using System.Globalization;
using System.Linq;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// What the JSON reader rejects only when a string is decoded becomes KG0001 like any other invalid JSON, and every
/// position, an error's or a token's, is the one Roslyn's <see cref="SourceText"/> gives for the same file, whatever
/// its line ends.
/// </summary>
public sealed class ParserHardeningTests
{
    // Named rather than given as data: a test runner's display of a theory's data need not survive a lone
    // surrogate or a line separator.
    private static string LineEnd(string name) => name switch
    {
        "CR" => "\r",
        "CRLF" => "\r\n",
        "LF" => "\n",
        "NEL" => "\u0085",
        "LS" => "\u2028",
        _ => "\u2029",
    };

    public static TheoryData<string> AllLineEnds() => ["CR", "CRLF", "LF", "NEL", "LS", "PS"];

    // The line ends that JSON also takes as white space, and a string may not hold unescaped.
    public static TheoryData<string> JsonLineEnds() => ["CR", "CRLF", "LF"];

    // The line ends that are no JSON white space, and a string may hold as they are.
    public static TheoryData<string> UnicodeLineEnds() => ["NEL", "LS", "PS"];

    public static TheoryData<string, string, string> UnpairedEscapes() => new()
    {
        // The whole file is one string.
        { "\"\\ud800\"", "\"\\ud800\"", "\\ud800" },
        { """{ "graph": "G", "entityTypes": { "A": { "description": "\udc00" } } }""", "\"\\udc00\"", "\\udc00" },
        { """{ "\udc00": 1 }""", "\"\\udc00\"", "\\udc00" },
        // A high surrogate followed by something that is not a low one, escaped or not.
        { """{ "graph": "G", "namespace": "N\ud800\u0041" }""", "\"N\\ud800\\u0041\"", "\\ud800" },
        { """{ "graph": "G", "namespace": "N\ud800\\u0041" }""", "\"N\\ud800\\\\u0041\"", "\\ud800" },
        { """{ "graph": "G", "namespace": "N\ud800" }""", "\"N\\ud800\"", "\\ud800" },
        // Named as written, after a pair that is whole.
        { """{ "graph": "G", "namespace": "\uD83D\uDE00 \uDBFF\uDBFF" }""", "\"\\uD83D\\uDE00 \\uDBFF\\uDBFF\"", "\\uDBFF" },
    };

    [Theory]
    [MemberData(nameof(UnpairedEscapes))]
    public void AnUnpairedSurrogateEscapeIsInvalidJsonAtItsString(string content, string token, string escape)
    {
        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        Assert.Null(result.RunResult.Results.Single().Exception);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("KG0001", diagnostic.Id);
        Assert.Equal(
            $"The file is not valid JSON: the string holds the unpaired surrogate escape '{escape}'; remove it, or pair it: " +
            @"a high surrogate (\ud800 to \udbff), then a low one (\udc00 to \udfff)",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        AssertAt(content, content.IndexOf(token, System.StringComparison.Ordinal), token.Length, diagnostic);
    }

    [Fact]
    public void AFileWithAnUnpairedSurrogateEscapeIsLeftOutAsInvalidJson()
    {
        // Its unknown type would be KG0005 if the file were read: the file is left out whole, as when a comma is missing.
        var content = """
            {
              "graph": "G",
              "entityTypes": { "A": { "description": "\udc00" } },
              "entities": { "a": { "type": "Nope" } }
            }
            """;

        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        Assert.Equal("KG0001", Assert.Single(result.GeneratorDiagnostics).Id);
        result.ShouldCompileCleanly();
    }

    [Fact]
    public void AWholeSurrogatePairEscapeIsText()
    {
        var content = """
            {
              "namespace": "Test",
              "graph": "G",
              "entityTypes": { "Person": { "description": "Smiles \ud83d\ude00.", "properties": { "name": "string" } } },
              "relationTypes": { "knows": { "from": "Person", "to": "Person" } },
              "entities": { "ada": { "type": "Person", "name": "Ada \uD83D\uDE00" } },
              "relations": [["ada", "knows", "ada"]]
            }
            """;

        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content)).ShouldCompileCleanly();

        Assert.Empty(result.GeneratorDiagnostics);
    }

    // A file read as UTF-16, or handed over as a string, may hold a surrogate with no other half; its UTF-8 bytes
    // hold a replacement character there, three bytes for one char, and every later token must still be found.
    public static TheoryData<string> LoneSurrogateChars() => ["high", "low", "low-high", "escaped", "high-end"];

    [Theory]
    [MemberData(nameof(LoneSurrogateChars))]
    public void ALoneSurrogateCharMovesNoLaterPosition(string name)
    {
        var lone = name switch
        {
            "high" => "\uD800",
            "low" => "\uDC00",
            "low-high" => "\uDC00\uD800",
            "escaped" => "\\t\uD800",
            _ => "x\uD800",
        };
        var description = name == "high-end" ? "x" : lone;
        var content = "{ \"graph\": \"G\", \"entityTypes\": { \"A\": { \"description\": \"" + description + " \u00e9\" } },\n"
            + "  \"entities\": { \"a\": { \"type\": \"Nope\" } } }" + (name == "high-end" ? " // " + lone : "");

        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "KG0005");
        AssertAt(content, content.IndexOf("\"Nope\"", System.StringComparison.Ordinal), "\"Nope\"".Length, diagnostic);
        AssertEverySpanAgreesWithSourceText(content, result);
    }

    [Fact]
    public void ALoneSurrogateCharMovesNoSyntaxError()
    {
        var content = "{ \"graph\": \"G\",\n  \"namespace\": \"\uD800\u00e9\uDC00\" \"oops\": 1 }";

        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("KG0001", diagnostic.Id);
        AssertAt(content, content.IndexOf("\"oops\"", System.StringComparison.Ordinal), 1, diagnostic);
    }

    // The issue's case: JSON reads "\r" as white space on the line it ends, the compiler as a line end.
    [Fact]
    public void ASyntaxErrorAfterCarriageReturnsIsOnTheCompilersLine()
    {
        var content = "{\r  \"graph\": \"G\"\r\r\"oops\": 1\r}";

        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(new LinePosition(3, 0), diagnostic.Location.GetLineSpan().StartLinePosition);
        AssertAt(content, content.IndexOf("\"oops\"", System.StringComparison.Ordinal), 1, diagnostic);
    }

    [Theory]
    [MemberData(nameof(JsonLineEnds))]
    public void ASyntaxErrorAfterALineEndInWhiteSpace(string lineEnd)
    {
        var end = LineEnd(lineEnd);
        AssertSyntaxErrorAt("{" + end + "  \"graph\": \"G\"" + end + end + "  \"oops\": 1" + end + "}", "\"oops\"");
    }

    [Theory]
    [MemberData(nameof(UnicodeLineEnds))]
    public void AUnicodeLineEndOutsideStringsAndCommentsIsTheSyntaxError(string lineEnd)
    {
        var end = LineEnd(lineEnd);
        AssertSyntaxErrorAt("{ \"graph\": \"G\",\n  " + end + "\"x\": 1 }", end);
    }

    [Theory]
    [MemberData(nameof(AllLineEnds))]
    public void ASyntaxErrorAfterALineEndInABlockComment(string lineEnd)
    {
        var end = LineEnd(lineEnd);
        AssertSyntaxErrorAt("{ /* a" + end + "b" + end + "*/ \"graph\": \"G\" \"oops\": 1 }", "\"oops\"");
    }

    [Theory]
    [MemberData(nameof(JsonLineEnds))]
    public void ASyntaxErrorAfterALineComment(string lineEnd)
    {
        var end = LineEnd(lineEnd);
        AssertSyntaxErrorAt("{ // a" + end + "  \"graph\": \"G\" \"oops\": 1 }", "\"oops\"");
    }

    // JSON ends a line comment only at CR or LF: the compiler's next line is still comment to it.
    [Fact]
    public void ASyntaxErrorAfterANextLineInALineComment() =>
        AssertSyntaxErrorAt("{ // a\u0085  \"graph\": \"G\",\n  \"oops\" 1 }", "1 }");

    // JSON refuses U+2028 and U+2029 in a line comment, where JavaScript would end the comment; the reader
    // stops at the comment.
    [Theory]
    [InlineData("LS")]
    [InlineData("PS")]
    public void ALineOrParagraphSeparatorInALineCommentIsTheSyntaxError(string lineEnd)
    {
        var end = LineEnd(lineEnd);
        AssertSyntaxErrorAt("{ \"graph\": \"G\",\n  // a" + end + "  \"x\": 1 }", "//");
    }

    // What looks like a comment inside a string or a comment is none, and ends no line.
    [Fact]
    public void ASyntaxErrorAfterCommentMarksInStringsAndComments() =>
        AssertSyntaxErrorAt(
            "{ \"graph\": \"a//b\\\"/*\", /* // \r */\r \"namespace\": \"N\" // \"/*\r\r\n  \"oops\": 1 }", "\"oops\"");

    [Theory]
    [MemberData(nameof(UnicodeLineEnds))]
    public void ASyntaxErrorAfterALineEndInAString(string lineEnd)
    {
        var end = LineEnd(lineEnd);
        AssertSyntaxErrorAt("{ \"graph\": \"G\", \"namespace\": \"a" + end + "b\" \"oops\": 1 }", "\"oops\"");
    }

    [Theory]
    [MemberData(nameof(JsonLineEnds))]
    public void ALineEndInAStringIsTheSyntaxError(string lineEnd)
    {
        var end = LineEnd(lineEnd);
        var content = "{ \"graph\": \"G\",\n  \"namespace\": \"a" + end + "b\" }";
        AssertSyntaxErrorAt(content, content.IndexOf("a" + end, System.StringComparison.Ordinal) + 1);
    }

    [Theory]
    [MemberData(nameof(AllLineEnds))]
    public void AnErrorAtTheEndAfterALineEndInAComment(string lineEnd)
    {
        var end = LineEnd(lineEnd);
        var content = "{ \"graph\": \"G\" /* a" + end + "b */";
        AssertSyntaxErrorAt(content, content.Length);
    }

    public static TheoryData<string, string> ValidFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in new[] { "CR", "CRLF", "LF" })
        {
            data.Add("white space", name);
            data.Add("line comment", name);
        }

        foreach (var name in new[] { "CR", "CRLF", "LF", "NEL", "LS", "PS" })
        {
            data.Add("block comment", name);
        }

        foreach (var name in new[] { "NEL", "LS", "PS" })
        {
            data.Add("string", name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void ASemanticErrorAfterALineEnd(string where, string lineEnd)
    {
        var end = LineEnd(lineEnd);
        var gap = where switch
        {
            "white space" => end + "  ",
            "line comment" => " // a" + end + "  ",
            "block comment" => " /* a" + end + "b" + end + " */ ",
            _ => " ",
        };
        var description = where == "string" ? "a" + end + "b" : "ab";
        var content = "{" + gap + "\"graph\": \"G\"," + gap + "\"entityTypes\": { \"A\": { \"description\": \"" + description + "\" } },"
            + gap + "\"entities\": {" + gap + "\"a\": { \"type\": \"Nope\", \"é\": 1 }," + gap + "\"b\": { \"type\": \"A\" } } }";

        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "KG0005");
        AssertAt(content, content.IndexOf("\"Nope\"", System.StringComparison.Ordinal), "\"Nope\"".Length, diagnostic);
        AssertEverySpanAgreesWithSourceText(content, result);
    }

    private static void AssertSyntaxErrorAt(string content, string token) =>
        AssertSyntaxErrorAt(content, content.IndexOf(token, System.StringComparison.Ordinal));

    private static void AssertSyntaxErrorAt(string content, int index)
    {
        Assert.True(index >= 0, "The file has no such token.");
        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        Assert.Null(result.RunResult.Results.Single().Exception);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("KG0001", diagnostic.Id);
        AssertAt(content, index, index < content.Length && !IsLineBreak(content[index]) ? 1 : 0, diagnostic);
    }

    private static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    private static void AssertAt(string content, int index, int length, Diagnostic diagnostic)
    {
        var text = SourceText.From(content);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(new TextSpan(index, length), diagnostic.Location.SourceSpan);
        Assert.Equal(text.Lines.GetLinePositionSpan(new TextSpan(index, length)), span.Span);
    }

    // Roslyn takes a diagnostic's lines and columns from the generator as given: they must be the text's own.
    private static void AssertEverySpanAgreesWithSourceText(string content, GeneratorResult result)
    {
        var text = SourceText.From(content);
        Assert.All(result.GeneratorDiagnostics, d =>
            Assert.Equal(text.Lines.GetLinePositionSpan(d.Location.SourceSpan), d.Location.GetLineSpan().Span));
    }
}
