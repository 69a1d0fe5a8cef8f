using System.Collections.Generic;
using System.IO;
using System.Linq;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// Files the generator reads without a mistake of their own, but whose C# the compiler cannot take as written:
/// names longer than metadata allows, bounds beyond their property's type, names that shadow what generated code
/// uses. Each is one KG diagnostic at the offending token, and the rest compiles — through to emitting the
/// assembly, since the compiler checks name lengths only then.
/// </summary>
public sealed class EmittedCodeLimitTests
{
    private const string Marker = "/*↓*/";

    // 1,100 characters: over the limit of 1,023 bytes whatever the emitter adds.
    private static readonly string Long = new('a', 1_100);

    private static string Name(int length, char c = 'a') => new(c, length);

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

    private sealed record Case(string Id, string Message, string Content, string? RootNamespace = null, string? Other = null);

    // Another graph, in namespace "Test.Inner".
    private const string InnerGraph = """{ "namespace": "Test.Inner", "graph": "InnerGraph", "entityTypes": { "Place": {} } }""";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Names: the limit is on the UTF-8 bytes of the longest name in metadata the emitter makes of a name.
        ["entity id of 1,020 ASCII characters"] = new("KG0026", "'get_Aaaaaaaaa", Graph(entities: $"/*↓*/\"{Name(1_020)}\": {{ \"type\": \"Person\", \"name\": \"A\" }}")),
        ["entity id of 342 CJK characters"] = new("KG0026", "1030 bytes", Graph(entities: $"/*↓*/\"{Name(342, '中')}\": {{ \"type\": \"Person\", \"name\": \"A\" }}")),
        ["entity type of 1,100 characters"] = new("KG0026", $"'Test.Aaaaaaaa", Graph(entityTypes: $"/*↓*/\"{Long}\": {{}}")),
        ["relation type of 1,100 characters"] = new("KG0026", "1105 bytes", Graph(relationTypes: $"/*↓*/\"{Long}\": {{ \"from\": \"Person\", \"to\": \"Person\" }}")),
        ["enum of 1,100 characters"] = new("KG0026", "1105 bytes", Graph(enums: $"/*↓*/\"{Long}\": [\"x\"]")),
        ["enum value of 1,100 characters"] = new("KG0026", "1100 bytes", Graph(enums: $"\"Rank\": [/*↓*/\"{Long}\"]")),
        ["entity property of 1,100 characters"] = new("KG0026", "1117 bytes", Graph(entityTypes: $"\"Place\": {{ \"properties\": {{ /*↓*/\"{Long}\": \"int?\" }} }}")),
        ["entity property of 1,007 characters"] = new("KG0026", "1024 bytes", Graph(entityTypes: $"\"Place\": {{ \"properties\": {{ /*↓*/\"{Name(1_007)}\": \"int?\" }} }}")),
        ["relation property of 1,100 characters"] = new("KG0026", "k__BackingField", Graph(relationTypes: $"\"met\": {{ \"from\": \"Person\", \"to\": \"Person\", \"properties\": {{ /*↓*/\"{Long}\": \"date?\" }} }}")),
        ["role of 1,100 characters"] = new("KG0026", "1117 bytes", Graph(relationTypes: $"\"met\": {{ \"from\": \"Person\", \"to\": \"Person\", \"roles\": {{ /*↓*/\"{Long}\": \"Person?\" }} }}")),
        ["inverse of 1,020 characters"] = new("KG0026", "'get_Aaaaaaaaa", Graph(relationTypes: $"\"leads\": {{ \"from\": \"Person\", \"to\": \"Person\", \"inverse\": /*↓*/\"{Name(1_020)}\" }}")),
        // The step method of a role's inverse in the traversal class holds a lambda the compiler names "<PlaceOf>b__1_0".
        ["inverse of a role of 1,012 characters"] = new("KG0026", ">b__NNNNN_0' in the compiled code, 1024 bytes", Graph(relationTypes: $"\"met\": {{ \"from\": \"Person\", \"to\": \"Person\", \"roles\": {{ \"place\": {{ \"type\": \"Person?\", \"inverse\": /*↓*/\"{Name(1_012)}\" }} }} }}")),
        ["inverse of a role of 1,100 characters"] = new("KG0026", "1112 bytes", Graph(relationTypes: $"\"met\": {{ \"from\": \"Person\", \"to\": \"Person\", \"roles\": {{ \"place\": {{ \"type\": \"Person?\", \"inverse\": /*↓*/\"{Long}\" }} }} }}")),
        ["namespace of 1,100 characters"] = new("KG0026", "shorten the namespace", Graph(ns: $"/*↓*/\"{Long}\"")),
        ["graph of 1,100 characters"] = new("KG0026", "1105 bytes", Graph(graph: $"/*↓*/\"{Long}\"")),
        ["root namespace of 1,100 characters"] = new("KG0026", "the project's RootNamespace", Graph(ns: "null", graph: "/*↓*/\"TestGraph\"").Replace("\"namespace\": null,", ""), RootNamespace: Long),
        // In a one-letter namespace the class fits, but not the name the emitter adds to it.
        ["enum whose reader is too long"] = new("KG0026", "'ReadAaaaa", Graph(ns: "\"A\"", enums: $"/*↓*/\"{Name(1_015)}\": [\"x\"]", entityTypes: $"\"Place\": {{ \"properties\": {{ \"rank\": \"{Name(1_015)}\" }} }}", entities: "\"home\": { \"type\": \"Place\", \"rank\": \"x\" }")),
        ["graph whose traversal class is too long"] = new("KG0026", "Traversal'", Graph(ns: "\"A\"", graph: $"/*↓*/\"{Name(1_015)}\"")),

        // Bounds: each must be a value of its property's type, which the emitter writes as a literal of that type.
        ["int min of 1e20"] = new("KG0021", "'min' of an int property must be a whole number from -2147483648 to 2147483647, not 1e20", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"int\", \"min\": /*↓*/1e20 } } }")),
        ["int max of 3000000000"] = new("KG0021", "not 3000000000", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"int?\", \"max\": /*↓*/3000000000 } } }")),
        ["int min of 1e-400"] = new("KG0021", "whole number from -2147483648 to 2147483647, not 1e-400", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"int?\", \"min\": /*↓*/1e-400 } } }")),
        ["long min of -1e19"] = new("KG0021", "'min' of a long property must be a whole number from -9223372036854775808 to 9223372036854775807, not -1e19", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"long[]\", \"min\": /*↓*/-1e19 } } }")),
        ["decimal max of 1e30"] = new("KG0021", "'max' of a decimal property must be a number that decimal holds exactly", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"decimal?\", \"max\": /*↓*/1e30 } } }")),
        ["double max of 1e400"] = new("KG0021", "not 1e400", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"double\", \"max\": /*↓*/1e400 } } }")),
        ["double min of 1e-30"] = new("KG0021", "'min' of a double property must be a number that decimal holds exactly", Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"double\", \"min\": /*↓*/1e-30 } } }")),

        // Shadowing: what generated code names by its full name cannot be declared again by a generated type.
        ["graph Graph in namespace KnowledgeGraph"] = new("KG0029", "'KnowledgeGraph' is reserved", Graph(ns: "/*↓*/\"KnowledgeGraph\"", graph: "\"Graph\"")),
        ["types Entity and GraphContent in namespace KnowledgeGraph"] = new("KG0029", "'KnowledgeGraph' is reserved", Graph(ns: "/*↓*/\"KnowledgeGraph\"", entityTypes: "\"Entity\": {}, \"GraphContent\": {}")),
        ["type Uri in namespace System"] = new("KG0029", "'System' is reserved", Graph(ns: "/*↓*/\"System\"", entityTypes: "\"Uri\": { \"properties\": { \"home\": \"uri?\" } }")),
        ["type DateOnly in namespace System"] = new("KG0029", "'System' is reserved", Graph(ns: "/*↓*/\"System\"", entityTypes: "\"DateOnly\": { \"properties\": { \"born\": \"date?\" } }")),
        ["type GeneratedCodeAttribute in System.CodeDom.Compiler"] = new("KG0029", "'System.CodeDom.Compiler' is reserved", Graph(ns: "/*↓*/\"System.CodeDom.Compiler\"", entityTypes: "\"GeneratedCodeAttribute\": {}")),
        ["type RequiredMemberAttribute in System.Runtime.CompilerServices"] = new("KG0029", "'System.Runtime.CompilerServices' is reserved", Graph(ns: "/*↓*/\"System.Runtime.CompilerServices\"", entityTypes: "\"RequiredMemberAttribute\": { \"properties\": { \"x\": \"int\" } }")),
        ["type RegularExpressions in System.Text"] = new("KG0029", "'System.Text' is reserved", Graph(ns: "/*↓*/\"System.Text\"", entityTypes: "\"RegularExpressions\": { \"properties\": { \"code\": { \"type\": \"string\", \"pattern\": \"^[A-Z]+$\" } } }")),
        ["namespace named like a runtime type"] = new("KG0029", "'KnowledgeGraph.Entity' is reserved", Graph(ns: "/*↓*/\"KnowledgeGraph.Entity\"")),
        ["namespace inside a BCL type"] = new("KG0029", "'System.Uri.Parts' is reserved", Graph(ns: "/*↓*/\"System.Uri.Parts\"", entityTypes: "\"Place\": { \"properties\": { \"home\": \"uri?\" } }")),
        ["root namespace KnowledgeGraph"] = new("KG0029", "'KnowledgeGraph' (the project's RootNamespace) is reserved", Graph(ns: "null", graph: "/*↓*/\"Graph\"").Replace("\"namespace\": null,", ""), RootNamespace: "KnowledgeGraph"),
        ["type named like another graph's namespace"] = new("KG0017", "Entity type 'Inner' becomes the C# name 'Inner', which namespace 'Test.Inner' already takes", Graph(entityTypes: "/*↓*/\"Inner\": {}"), Other: InnerGraph),
        ["graph named like another graph's namespace"] = new("KG0017", "which namespace 'Test.Inner' already takes", Graph(graph: "/*↓*/\"inner\""), Other: InnerGraph),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void IsOneDiagnosticAtTheTokenAndNoCSharpError(string name)
    {
        var (id, message, content, rootNamespace, other) = Cases[name];
        ModelFile[] files = other is null ? [new("model.kg.json", content)] : [new("model.kg.json", content), new("other.kg.json", other)];
        var result = GeneratorHarness.Run(null, rootNamespace ?? "TestProject", files);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id != "KG0025");
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Position(content), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        AssertEmits(result);
    }

    /// <summary>The nearest that work: each one byte or one name short of a case above.</summary>
    public static TheoryData<string> NearMisses() =>
    [
        Graph(entities: $"\"{Name(1_019)}\": {{ \"type\": \"Person\", \"name\": \"A\" }}"),
        Graph(entityTypes: $"\"{Name(1_018)}\": {{}}"),
        Graph(entityTypes: $"\"Place\": {{ \"properties\": {{ \"{Name(1_006)}\": \"int?\" }} }}"),
        Graph(enums: $"\"Rank\": [\"{Name(1_023)}\"]"),
        Graph(relationTypes: $"\"leads\": {{ \"from\": \"Person\", \"to\": \"Person\", \"inverse\": \"{Name(1_019)}\" }}"),
        Graph(relationTypes: $"\"{Name(1_011)}\": {{ \"from\": \"Person\", \"to\": \"Person\", \"symmetric\": true, \"properties\": {{ \"{Name(1_006)}\": \"int?\" }} }}"),
        Graph(relationTypes: $"\"met\": {{ \"from\": \"Person\", \"to\": \"Person\", \"roles\": {{ \"{Name(1_006)}\": \"Person?\", \"place\": {{ \"type\": \"Person[]\", \"inverse\": \"{Name(1_011)}\" }} }} }}"),
        Graph(graph: $"\"{Name(1_009)}\"", enums: $"\"{Name(1_014)}\": [\"x\"]", entityTypes: $"\"Place\": {{ \"properties\": {{ \"rank\": \"{Name(1_014)}\" }} }}", entities: "\"home\": { \"type\": \"Place\", \"rank\": \"x\" }"),
        // The traversal class is the longest type name: "<namespace>.GTraversal", 1,023 bytes.
        Graph(ns: $"\"{Name(1_012)}\"", graph: "\"G\""),
        Graph(ns: "\"A\"", enums: $"\"{Name(1_014)}\": [\"x\"]", entityTypes: $"\"Place\": {{ \"properties\": {{ \"rank\": \"{Name(1_014)}\" }} }}", entities: "\"home\": { \"type\": \"Place\", \"rank\": \"x\" }"),
        Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"int\", \"min\": -2147483648, \"max\": 2147483647 } } }"),
        Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"long\", \"min\": -9223372036854775808, \"max\": 9.223372036854775807e18 } } }"),
        Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"int\", \"min\": -0, \"max\": 1E+2 } } }"),
        Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"decimal\", \"min\": -79228162514264337593543950335, \"max\": 1e-28 } } }"),
        Graph(entityTypes: "\"Place\": { \"properties\": { \"size\": { \"type\": \"double[]\", \"min\": -0.0, \"max\": 1.5e28 } } }"),
        // Types named like the runtime's and .NET's, in namespaces of their own, and namespaces near reserved ones.
        Graph(ns: "\"Foo.System\"", entityTypes: "\"Uri\": { \"properties\": { \"home\": \"uri?\", \"born\": \"date?\" } }, \"String\": {}, \"Object\": {}, \"Entity\": {}, \"Graph\": {}, \"Relation\": {}, \"System\": {}, \"KnowledgeGraph\": {}"),
        Graph(ns: "\"KnowledgeGraph.Demo\"", graph: "\"Graph\"", entityTypes: "\"Entity\": {}, \"GraphContent\": {}, \"Traverse\": {}"),
        Graph(ns: "\"KnowledgeGraph.GraphBuilder\""),
        Graph(ns: "\"Systems\"", graph: "\"Entity\""),
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

    [Fact]
    public void TypeMayDifferInCaseFromANamespace()
    {
        // C# tells namespace "Test.inner" from type "Test.Inner"; so do file names, "Test.inner.InnerGraph.g.cs" and "Test.Inner.g.cs".
        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", Graph(entityTypes: "\"Inner\": {}")), new ModelFile("other.kg.json", InnerGraph.Replace("Test.Inner", "Test.inner")));

        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Id != "KG0025"));
        result.ShouldCompileCleanly();
    }

    [Fact]
    public void NavigationsWhoseNamesLowerToOneNameKeepTheirOwnFields()
    {
        // The Kelvin sign (U+212A) lowers to 'k': "\u212Aey" and "key" are two members, and must be two fields.
        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", """
            {
              "graph": "LockGraph",
              "entityTypes": { "Lock": {} },
              "relationTypes": { "\u212Aey": { "from": "Lock", "to": "Lock" }, "key": { "from": "Lock", "to": "Lock" } },
              "entities": { "a": { "type": "Lock" }, "b": { "type": "Lock" } },
              "relations": [["a", "\u212Aey", "b"], ["a", "key", "b"]]
            }
            """));

        Assert.Empty(result.GeneratorDiagnostics);
        result.ShouldCompileCleanly();
        AssertEmits(result);
    }

    /// <summary>
    /// The reserved namespaces cover what generated code names: every type it names is .NET's, in <c>System</c> or a
    /// namespace in it, or the runtime's, and the runtime's types it names without type arguments are exactly those a
    /// namespace may not be named after.
    /// </summary>
    [Fact]
    public void ReservedNamespacesCoverEveryTypeGeneratedCodeNames()
    {
        string[][] models =
        [
            ["Models/Sample/diplomacy.kg.json", "Models/Sample/istanbul-talks.kg.json"],
            ["Models/Inheritance.kg.json"],
            ["Models/Cardinality.kg.json"],
            ["Models/PropertyTypes.kg.json"],
            ["Models/Identifiers.kg.json"],
            ["Models/TwoGraphs/people.kg.json", "Models/TwoGraphs/places.kg.json"],
            ["Models/SchemaFeatures.kg.json"],
            ["Models/Merge/schema.kg.json", "Models/Merge/facts.kg.json"],
        ];
        var named = new HashSet<string>(System.StringComparer.Ordinal);
        var runtimeTypes = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var files in models)
        {
            var output = GeneratorHarness.Run([.. files.Select(GeneratorHarness.Load)]).Output;
            foreach (var tree in output.SyntaxTrees.Where(tree => tree.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)))
            {
                var semantics = output.GetSemanticModel(tree);
                foreach (var name in tree.GetRoot().DescendantNodes().OfType<NameSyntax>())
                {
                    if (semantics.GetSymbolInfo(name).Symbol is INamedTypeSymbol { ContainingAssembly: var assembly } type
                        && !SymbolEqualityComparer.Default.Equals(assembly, output.Assembly))
                    {
                        var ns = type.ContainingNamespace.ToDisplayString();
                        named.Add($"{ns}.{type.MetadataName}");
                        if (ns == "KnowledgeGraph" && type.Arity == 0)
                        {
                            runtimeTypes.Add(type.Name);
                        }
                    }
                }
            }
        }

        Assert.Contains("System.Uri", named);
        Assert.DoesNotContain(named, name => !name.StartsWith("System.", System.StringComparison.Ordinal) && !name.StartsWith("KnowledgeGraph.", System.StringComparison.Ordinal));
        Assert.Equal(KnowledgeGraph.Language.Validation.ReservedMembers.RuntimeTypes.Order(), runtimeTypes.Order());
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
