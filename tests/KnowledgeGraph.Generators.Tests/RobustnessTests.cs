using System;
using System.Linq;
using System.Text;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>No input makes the generator throw (a CS8785 in a user's build): every bad file becomes KG diagnostics.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> BadFiles() =>
    [
        "",
        "null",
        "42",
        "\"text\"",
        "[]",
        "{",
        "{ \"graph\": ",
        "{ \"graph\": 7, \"namespace\": [] }",
        "{ \"graph\": \"G\", \"entityTypes\": { \"A\": { \"extends\": \"A\" } }, \"entities\": { \"a\": { \"type\": \"A\" } } }",
        "{ \"graph\": \"G\", \"entityTypes\": { \"A\": { \"properties\": { \"p\": { \"description\": 1 } } } } }",
        "{ \"graph\": \"G\", \"relationTypes\": { \"r\": { \"from\": \"X\" } }, \"relations\": [[\"a\", \"r\", \"b\"], [1, 2, 3], [\"a\"], {}, 5] }",
        "{ \"graph\": \"G\", \"entityTypes\": { \"T\": { \"properties\": { \"n\": \"int\", \"d\": \"double\" } } }, \"entities\": { \"x\": { \"type\": \"T\", \"n\": 1e400, \"d\": 1e400 } } }",
        "{ \"graph\": \"\", \"namespace\": \"\" }",
        "{ \"graph\": \"class\", \"namespace\": \"1.2.3\", \"entityTypes\": { \"\": {}, \"int\": {} } }",
        "\uFEFF{ \"graph\": \"G\" } trailing",
        new string('[', 10_000),
    ];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFilesGiveDiagnosticsNotExceptions(string content)
    {
        var result = GeneratorHarness.Run(new ModelFile("bad.kg.json", content));

        Assert.Null(result.RunResult.Results.Single().Exception);
        Assert.NotEmpty(result.GeneratorDiagnostics);
        Assert.All(result.GeneratorDiagnostics, d => Assert.StartsWith("KG", d.Id));
        Assert.DoesNotContain(result.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(20250227);
        var alphabet = "{}[]\":,.-0123456789 \n\tabcdefgtruenlsfromtypegraphentitiesrelations\\/*é";
        for (var i = 0; i < 300; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 200);
            for (var j = 0; j < length; j++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var result = GeneratorHarness.Run(new ModelFile("random.kg.json", text.ToString()));
            Assert.Null(result.RunResult.Results.Single().Exception);
        }
    }

    [Fact]
    public void NonAsciiTextKeepsExactColumns()
    {
        // "Дарчиев" takes two bytes a letter in UTF-8; the column must count characters, as editors do.
        var result = GeneratorHarness.Run(new ModelFile("cyrillic.kg.json", "{ \"graph\": \"G\", \"entities\": { \"Дарчиев\": { \"type\": \"Персона\" } } }"));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("KG0005", diagnostic.Id);
        Assert.Equal(51, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Equal(9, diagnostic.Location.SourceSpan.Length);
    }
}
