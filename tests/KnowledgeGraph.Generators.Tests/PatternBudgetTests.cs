using System;
using System.Globalization;
using System.Linq;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// A pattern that backtracks catastrophically costs one timeout, not one per value: it is reported once (KG0028)
/// and not used again in the build, and all pattern checks of a graph share one time budget.
/// </summary>
/// <remarks>
/// Each value below takes the pattern far longer than the timeout (2^40 steps), so every check of it times out;
/// the tests count diagnostics, never time.
/// </remarks>
public sealed class PatternBudgetTests
{
    private const string Costly = "^(a+)+$";

    // Forty letters, then one the pattern cannot end on: every way to split the letters is tried before it fails.
    private static readonly string Catastrophic = new string('a', 40) + "!";

    [Fact]
    public void ACostlyPatternIsReportedOnceForManyEntities()
    {
        var entities = Enumerable.Range(0, 10).Select(i => $$"""    "e{{i}}": { "type": "Thing", "code": "{{Catastrophic}}" }""");
        var relations = Enumerable.Range(0, 9).Select(i => $"""    ["e{i}", "next", "e{i + 1}"]""");
        var content = $$"""
            {
              "graph": "TestGraph",
              "entityTypes": { "Thing": { "properties": { "code": { "type": "string", "pattern": "{{Costly}}" } } } },
              "relationTypes": { "next": { "from": "Thing", "to": "Thing" } },
              "entities": {
            {{string.Join(",\n", entities)}}
              },
              "relations": [
            {{string.Join(",\n", relations)}}
              ]
            }
            """;

        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("KG0028", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            $"The pattern '{Costly}' of 'code' took more than 1 s to match the value '{Catastrophic[..37]}…', so no later value of 'code' is checked against it; simplify the pattern, e.g. with no nested quantifiers such as '(a+)+'",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(PositionOf(content, $"\"{Costly}\""), Position(diagnostic.Location));
        Assert.Equal(PositionOf(content, $"\"{Catastrophic}\""), Position(Assert.Single(diagnostic.AdditionalLocations)));

        // The values are kept, unchecked: every entity is generated.
        result.ShouldCompileCleanly();
        var code = string.Concat(result.Sources.Select(source => source.SourceText.ToString()));
        Assert.All(Enumerable.Range(0, 10), i => Assert.Contains($"\"e{i}\"", code, StringComparison.Ordinal));
    }

    [Fact]
    public void ACostlyPatternIsReportedOnceForAList()
    {
        var items = string.Join(", ", Enumerable.Repeat($"\"{Catastrophic}\"", 50));
        var content = $$"""
            {
              "graph": "TestGraph",
              "entityTypes": { "Thing": { "properties": { "codes": { "type": "string[]", "pattern": "{{Costly}}" } } } },
              "relationTypes": { "next": { "from": "Thing", "to": "Thing" } },
              "entities": { "one": { "type": "Thing", "codes": [{{items}}] } },
              "relations": [["one", "next", "one"]]
            }
            """;

        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("KG0028", diagnostic.Id);
        Assert.Contains($"The pattern '{Costly}' of 'codes' took more than 1 s", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(PositionOf(content, $"\"{Catastrophic}\""), Position(Assert.Single(diagnostic.AdditionalLocations)));
        result.ShouldCompileCleanly();
    }

    [Fact]
    public void PatternChecksStopOnceTheGraphsBudgetIsSpent()
    {
        // Five properties with a costly pattern each: each times out once, and once the budget is spent (after
        // two and a half timeouts) no value is checked against any pattern, so some of them are never tried.
        const int properties = 5;
        var declarations = Enumerable.Range(0, properties).Select(i => $$"""      "p{{i}}": { "type": "string", "pattern": "{{Costly}}" }""");
        var values = Enumerable.Range(0, properties).Select(i => $"\"p{i}\": \"{Catastrophic}\"");
        var content = $$"""
            {
              "graph": "TestGraph",
              "entityTypes": { "Thing": { "properties": {
            {{string.Join(",\n", declarations)}}
              } } },
              "relationTypes": { "next": { "from": "Thing", "to": "Thing" } },
              "entities": { "one": { "type": "Thing", {{string.Join(", ", values)}} } },
              "relations": [["one", "next", "one"]]
            }
            """;

        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        var diagnostics = result.GeneratorDiagnostics;
        Assert.All(diagnostics, diagnostic => Assert.Equal("KG0028", diagnostic.Id));
        var messages = diagnostics.Select(diagnostic => diagnostic.GetMessage(CultureInfo.InvariantCulture)).ToList();
        var spent = Assert.Single(messages, message => message.Contains("2.5 s", StringComparison.Ordinal));
        Assert.Contains("so no later value is checked against any pattern", spent, StringComparison.Ordinal);

        // Three timeouts spend the budget; a slow machine may spend it in two. Either way some patterns are never tried.
        var timeouts = messages.Count(message => message.Contains("took more than 1 s", StringComparison.Ordinal));
        Assert.InRange(timeouts, 2, properties - 1);
        Assert.Equal(timeouts + 1, diagnostics.Length);
        result.ShouldCompileCleanly();
    }

    [Fact]
    public void GeneratedChecksMatchEachPatternWithTheBuildsTimeout()
    {
        // Required, optional, list and relation properties; "1st" becomes the member "_1st", and "callSignPattern"
        // the member "CallSignPattern", which the field of callSign's pattern must not take.
        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", """
            {
              "graph": "TestGraph",
              "entityTypes": {
                "Thing": {
                  "properties": {
                    "callSign": { "type": "string", "pattern": "^[A-Z]+$" },
                    "callSignPattern": { "type": "string?", "pattern": "^[a-z]+$" },
                    "1st": { "type": "string[]", "pattern": "^[0-9]+$" }
                  }
                }
              },
              "relationTypes": { "next": { "from": "Thing", "to": "Thing", "properties": { "label": { "type": "string", "pattern": "^b+$" } } } }
            }
            """)).ShouldCompileCleanly();

        var code = string.Concat(result.Sources.Select(source => source.SourceText.ToString()));
        Assert.DoesNotContain("Regex.IsMatch(", code, StringComparison.Ordinal);
        foreach (var (field, pattern) in new[] { ("s_callSignPattern", "^[A-Z]+$"), ("s_callSignPatternPattern", "^[a-z]+$"), ("s__1stPattern", "^[0-9]+$"), ("s_labelPattern", "^b+$") })
        {
            Assert.Contains(
                $"Regex {field} =\n        new(\"{pattern}\", global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));",
                code,
                StringComparison.Ordinal);
            Assert.Contains($"!{field}.IsMatch(", code, StringComparison.Ordinal);
        }
    }

    private static (int Line, int Column) Position(Location location)
    {
        var span = location.GetLineSpan();
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    /// <returns>The 1-based line and column of the first occurrence of <paramref name="token"/>.</returns>
    private static (int Line, int Column) PositionOf(string content, string token)
    {
        var before = content[..content.IndexOf(token, StringComparison.Ordinal)];
        return (before.Count(c => c == '\n') + 1, before.Length - (before.LastIndexOf('\n') + 1) + 1);
    }
}
