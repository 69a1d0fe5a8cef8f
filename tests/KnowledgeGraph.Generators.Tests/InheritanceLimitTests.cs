using System.Globalization;
using System.Linq;
using System.Text;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using KnowledgeGraph.Language.Validation;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// Inheritance as deep as .NET can load, and no deeper: a chain past the limit gives one KG0027 at the first type
/// beyond it; long chains and cycles are resolved in one pass, not in a time that grows with their depth.
/// </summary>
public sealed class InheritanceLimitTests
{
    private const int Limit = SchemaResolver.MaxInheritanceDepth;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ChainAtTheLimitGeneratesAndCompiles(bool relations)
    {
        // The last of Limit + 1 types extends Limit others: as deep as allowed.
        var result = GeneratorHarness.Run(new ModelFile("deep.kg.json", Chain(relations, Limit + 1)));

        Assert.Empty(result.GeneratorDiagnostics);
        result.ShouldCompileCleanly();
        Assert.NotNull(result.Output.GetTypeByMetadataName(relations ? $"Deep.R{Limit}" : $"Deep.T{Limit}"));
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 2)]
    [InlineData(false, 10_000)]
    [InlineData(true, 10_000)]
    public void ChainPastTheLimitGivesOneDiagnosticAtTheFirstTypeBeyondIt(bool relations, int typesPastTheLimit)
    {
        var content = Chain(relations, Limit + 1 + typesPastTheLimit);
        var result = GeneratorHarness.Run(new ModelFile("deep.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("KG0027", diagnostic.Id);
        var first = relations ? "r0" : "T0";
        var beyond = Name(relations, Limit + 1);
        Assert.Equal(
            $"{(relations ? "Relation" : "Entity")} type '{beyond}' extends {Limit + 1} types, one through another, up to '{first}'; "
                + $"at most {Limit} are allowed, as .NET cannot load deeper class hierarchies safely: extend a type nearer '{first}', or merge types",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(ExtendsValue(content, beyond), diagnostic.Location.SourceSpan.Start);
        Assert.Equal($"\"{Name(relations, Limit)}\"", content.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));

        // The types up to the limit are kept; the one beyond it and those below it are left out without C# errors.
        result.ShouldCompileCleanly();
        Assert.NotNull(result.Output.GetTypeByMetadataName($"Deep.{Class(relations, Limit)}"));
        Assert.Null(result.Output.GetTypeByMetadataName($"Deep.{Class(relations, Limit + 1)}"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LongCycleGivesOneDiagnosticOnItsFirstType(bool relations)
    {
        const int types = 10_000;
        var content = Cycle(relations, types);
        var result = GeneratorHarness.Run(new ModelFile("cycle.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("KG0015", diagnostic.Id);
        var path = string.Join(" → ", new[] { 0 }.Concat(Enumerable.Range(1, types - 1).Reverse()).Append(0).Select(i => Name(relations, i)));
        Assert.Equal(
            $"{(relations ? "Relation" : "Entity")} type '{Name(relations, 0)}' extends itself ({path}); break the cycle",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(ExtendsValue(content, Name(relations, 0)), diagnostic.Location.SourceSpan.Start);
        result.ShouldCompileCleanly();
    }

    [Fact]
    public void ChainUnderAnUnknownTypeIsLeftOutWithNoDiagnosticForItsDepth()
    {
        // One mistake, one diagnostic: the unknown base is the mistake; the depth below it is not reported on top.
        var content = Chain(false, Limit + 10).Replace("\"T0\": { \"properties\"", "\"T0\": { \"extends\": \"Missing\", \"properties\"");
        var result = GeneratorHarness.Run(new ModelFile("deep.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("KG0005", diagnostic.Id);
        result.ShouldCompileCleanly();
    }

    [Fact]
    public void TreeGivesOneDiagnosticPerBranchPastTheLimit()
    {
        // Two types extend the deepest allowed type: each one's 'extends' must change.
        var chain = Chain(false, Limit + 1);
        var content = chain.Insert(
            chain.LastIndexOf('}', chain.LastIndexOf('}') - 1),
            $"    ,\"A\": {{ \"extends\": \"T{Limit}\" }},\n    \"B\": {{ \"extends\": \"T{Limit}\" }}\n");
        var result = GeneratorHarness.Run(new ModelFile("tree.kg.json", content));

        Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("KG0027", d.Id));
        Assert.Equal([ExtendsValue(content, "A"), ExtendsValue(content, "B")], result.GeneratorDiagnostics.Select(d => d.Location.SourceSpan.Start));
        result.ShouldCompileCleanly();
    }

    [Fact]
    public void EntitiesAndFactsOfATypePastTheLimitAreLeftOutSilently()
    {
        var schema = Chain(false, Limit + 3);
        var facts = $$"""
            {
              "graph": "DeepGraph",
              "relationTypes": { "knows": { "from": "T0", "to": "T0" } },
              "entities": {
                "kept": { "type": "T{{Limit}}" },
                "beyond": { "type": "T{{Limit + 2}}" }
              },
              "relations": [["kept", "knows", "beyond"], ["beyond", "knows", "kept"]]
            }
            """;
        var result = GeneratorHarness.Run(new ModelFile("deep.kg.json", schema), new ModelFile("facts.kg.json", facts));

        Assert.Equal("KG0027", Assert.Single(result.GeneratorDiagnostics).Id);
        result.ShouldCompileCleanly();
        Assert.NotNull(result.Output.GetTypeByMetadataName("Deep.DeepGraph")?.GetMembers("Kept").SingleOrDefault());
        Assert.Empty(result.Output.GetTypeByMetadataName("Deep.DeepGraph")!.GetMembers("Beyond"));
    }

    [Fact]
    public void MemberClashNamesTheFirstRelatedTypeInDeclarationOrder()
    {
        // Siblings may share a name; a base type declared after them may not, and the clash names the first of them.
        const string content = """
            {
              "graph": "G",
              "entityTypes": {
                "C": { "extends": "A", "properties": { "code": "string" } },
                "B": { "extends": "A", "properties": { "code": "string" } },
                "Other": { "properties": { "code": "string" } },
                "A": { "properties": { "code": "string" } }
              }
            }
            """;
        var result = GeneratorHarness.Run(new ModelFile("clash.kg.json", content));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("KG0017", diagnostic.Id);
        Assert.EndsWith("which a member of entity type 'C' already takes; rename one of them", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(content.LastIndexOf("\"code\"", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Equal(content.IndexOf("\"code\"", System.StringComparison.Ordinal), diagnostic.AdditionalLocations.Single().SourceSpan.Start);
        result.ShouldCompileCleanly();
    }

    private static string Name(bool relations, int index) => (relations ? "r" : "T") + index.ToString(CultureInfo.InvariantCulture);

    private static string Class(bool relations, int index) => (relations ? "R" : "T") + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Types 0 … <paramref name="types"/> − 1, each extending the one before it and declaring a property of its own.</summary>
    private static string Chain(bool relations, int types) => Model(relations, types, i => i - 1);

    /// <summary>The same chain, closed: the first type extends the last.</summary>
    private static string Cycle(bool relations, int types) => Model(relations, types, i => i == 0 ? types - 1 : i - 1);

    private static string Model(bool relations, int types, System.Func<int, int> extends)
    {
        var text = new StringBuilder("{\n  \"graph\": \"DeepGraph\",\n  \"namespace\": \"Deep\",\n");
        text.Append(relations
            ? "  \"entityTypes\": { \"Thing\": { \"properties\": { \"name\": \"string\" } } },\n  \"relationTypes\": {\n"
            : "  \"entityTypes\": {\n");
        for (var i = 0; i < types; i++)
        {
            var parent = extends(i);
            text.Append($"    \"{Name(relations, i)}\": {{ ")
                .Append(parent >= 0 ? $"\"extends\": \"{Name(relations, parent)}\", " : relations ? "\"from\": \"Thing\", \"to\": \"Thing\", " : "")
                .Append($"\"properties\": {{ \"p{i}\": \"int?\" }} }}")
                .Append(i < types - 1 ? ",\n" : "\n");
        }

        return text.Append("  }\n}\n").ToString();
    }

    /// <returns>Where the <c>extends</c> value of the type declared as <paramref name="name"/> starts in the file.</returns>
    private static int ExtendsValue(string content, string name)
    {
        var key = $"\"{name}\": {{ \"extends\": ";
        var at = content.IndexOf(key, System.StringComparison.Ordinal);
        Assert.True(at >= 0, $"No type '{name}' with 'extends' in the model.");
        return at + key.Length;
    }
}
