using System.Collections.Generic;
using System.IO;
using System.Linq;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// Files the generator reads without a mistake of their own, but whose C# the compiler cannot take as written:
/// bounds beyond their property's type. Each is one KG diagnostic at the offending token, and the rest compiles,
/// through to emitting the assembly.
/// </summary>
public sealed class EmittedCodeLimitTests
{
    private const string Marker = "/*↓*/";

    /// <summary>A valid graph, in namespace <c>Test</c> unless told, with a person who knows herself, and what is given.</summary>
    private static string Graph(string entityTypes = "", string relationTypes = "", string entities = "", string enums = "", string ns = "\"Test\"", string graph = "\"TestGraph\"") => $$"""
        {
          "namespace": {{ns}},
          "graph": {{graph}},
          "enums": { {{enums}} },
          "entityTypes": {
            "Person": { "properties": { "name": "string" } },
            {{entityTypes}}
          },
          "relationTypes": {
            "knows": { "from": "Person", "to": "Person" },
            {{relationTypes}}
          },
          "entities": {
            "ada": { "type": "Person", "name": "Ada" },
            {{entities}}
          },
          "relations": [["ada", "knows", "ada"]]
        }
        """;

    private sealed record Case(string Id, string Message, string Content, string? RootNamespace = null);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Bounds: each must be a value of its property's type, which the emitter writes as a literal of that type.
        ["int min of 1e20"] = new("KG0021", "'min' of an int property must be a whole number from -2147483648 to 2147483647, not 1e20", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"int\", \"min\": /*↓*/1e20 } } }")),
        ["int max of 3000000000"] = new("KG0021", "not 3000000000", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"int?\", \"max\": /*↓*/3000000000 } } }")),
        ["int min of 1e-400"] = new("KG0021", "whole number from -2147483648 to 2147483647, not 1e-400", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"int?\", \"min\": /*↓*/1e-400 } } }")),
        ["long min of -1e19"] = new("KG0021", "'min' of a long property must be a whole number from -9223372036854775808 to 9223372036854775807, not -1e19", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"long[]\", \"min\": /*↓*/-1e19 } } }")),
        ["decimal max of 1e30"] = new("KG0021", "'max' of a decimal property must be a number that decimal holds exactly", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"decimal?\", \"max\": /*↓*/1e30 } } }")),
        ["double max of 1e400"] = new("KG0021", "not 1e400", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"double\", \"max\": /*↓*/1e400 } } }")),
        ["double min of 1e-30"] = new("KG0021", "'min' of a double property must be a number that decimal holds exactly", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"double\", \"min\": /*↓*/1e-30 } } }")),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void IsOneDiagnosticAtTheTokenAndNoCSharpError(string name)
    {
        var (id, message, content, rootNamespace) = Cases[name];
        var result = GeneratorHarness.Run(null, rootNamespace ?? "TestProject", new ModelFile("model.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id != "KG0025");
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Position(content), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        AssertEmits(result);
    }

    /// <summary>The nearest that work: bounds at the ends of their types, and written in other forms.</summary>
    public static TheoryData<string> NearMisses() =>
    [
        Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"int\", \"min\": -2147483648, \"max\": 2147483647 } } }"),
        Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"long\", \"min\": -9223372036854775808, \"max\": 9.223372036854775807e18 } } }"),
        Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"int\", \"min\": -0, \"max\": 1E+2 } } }"),
        Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"decimal\", \"min\": -79228162514264337593543950335, \"max\": 1e-28 } } }"),
        Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"double[]\", \"min\": -0.0, \"max\": 1.5e28 } } }"),
    ];

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void NearMissIsCleanAndEmits(string content)
    {
        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", content));

        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Id != "KG0025"));
        result.ShouldCompileCleanly();
        AssertEmits(result);
    }

    private static void AssertEmits(GeneratorResult result)
    {
        Assert.Null(result.RunResult.Results.Single().Exception);
        Assert.Empty(result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        using var assembly = new MemoryStream();
        var emitted = result.Output.Emit(assembly);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()[..System.Math.Min(300, d.ToString().Length)])));
    }

    /// <returns>The 1-based line and column right after the marker.</returns>
    private static (int Line, int Column) Position(string content)
    {
        var before = content[..(content.IndexOf(Marker, System.StringComparison.Ordinal) + Marker.Length)];
        return (before.Count(c => c == '\n') + 1, before.Length - (before.LastIndexOf('\n') + 1) + 1);
    }
}
