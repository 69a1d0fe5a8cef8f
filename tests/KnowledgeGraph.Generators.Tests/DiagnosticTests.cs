using System.Linq;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// One test per diagnostic: the mistake gives exactly that one diagnostic, at the token marked with
/// <c>/*↓*/</c> in the file, and the rest of the model still generates and compiles with no C# error.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Marker = "/*↓*/";

    // A valid schema that fact files of the same graph build on; its path sorts first, so its namespace stands.
    private static readonly ModelFile Schema = new("schema.kg.json", """
        {
          "namespace": "Test",
          "graph": "TestGraph",
          "entityTypes": {
            "Agent": { "abstract": true, "properties": { "name": "string" } },
            "Person": { "extends": "Agent", "properties": { "age": "int?", "born": "date?", "nicknames": "string[]" } },
            "Company": { "extends": "Agent" },
            "Delegation": { "properties": { "name": "string" } }
          },
          "relationTypes": {
            "knows": { "from": "Person", "to": "Person", "properties": { "since": "date" } },
            "worksFor": { "from": "Person", "to": "Agent" },
            "leads": { "from": "Person", "to": "Delegation", "cardinality": "one-to-one", "inverse": "ledBy" }
          }
        }
        """);

    private static string Facts(string entities, string relations = "") => $$"""
        {
          "graph": "TestGraph",
          "entities": {
            "ada": { "type": "Person", "name": "Ada" },
            "bob": { "type": "Person", "name": "Bob" },
            "acme": { "type": "Company", "name": "Acme" },
            "team": { "type": "Delegation", "name": "Team" },
            {{entities}}
          },
          "relations": [
            {{relations}}
          ]
        }
        """;

    [Fact]
    public void KG0001_InvalidJson() => AssertSingle("KG0001", """
        {
          "graph": "TestGraph"
          /*↓*/"entities": {}
        }
        """, "not valid JSON");

    [Fact]
    public void KG0001_EmptyFile() => AssertSingle("KG0001", "/*↓*/", "The file is not valid JSON");

    [Fact]
    public void KG0002_WrongShape() => AssertSingle("KG0002", """
        { "graph": "TestGraph", "entities": /*↓*/["ada"] }
        """, "'entities' must be an object, not an array");

    [Fact]
    public void KG0002_UnknownCardinality() => AssertSingle("KG0002", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": {} },
          "relationTypes": { "knows": { "from": "Person", "to": "Person", "cardinality": /*↓*/"one-to-all" } }
        }
        """, "'cardinality' must be one of many-to-many, many-to-one, one-to-many, one-to-one");

    [Fact]
    public void KG0003_UnknownKey() => AssertSingle("KG0003", """
        { "graph": "TestGraph", "entityTypes": { "Person": { /*↓*/"abstarct": true } } }
        """, "'abstarct' is not a key of entity type 'Person'");

    [Fact]
    public void KG0004_MissingGraph() => AssertSingle("KG0004", """
        /*↓*/{ "entityTypes": {} }
        """, "has no 'graph'");

    [Fact]
    public void KG0004_EntityWithoutType() => AssertSingleFact("KG0004", Facts("""/*↓*/"eve": { "name": "Eve" }"""), "Entity 'eve' has no 'type'");

    [Fact]
    public void KG0005_UnknownEntityType() => AssertSingleFact("KG0005", Facts("""
        "eve": { "type": /*↓*/"Persn", "name": "Eve" }
        """), "'Persn' is not an entity type of graph 'TestGraph'");

    [Fact]
    public void KG0006_UnknownRelationType() => AssertSingleFact("KG0006", Facts("", """
        ["ada", /*↓*/"knws", "bob"]
        """), "'knws' is not a relation type");

    [Fact]
    public void KG0007_UnknownEntityInRelation() => AssertSingleFact("KG0007", Facts("", """
        { "from": "ada", "type": "knows", "to": /*↓*/"zed", "since": "2020-01-01" }
        """), "'zed' is not an entity of graph 'TestGraph'");

    [Fact]
    public void KG0007_UnknownSource() => AssertSingleFact("KG0007", Facts("", """
        { "from": "ada", "type": "knows", "to": "bob", "since": "2020-01-01", "source": /*↓*/"nowhere" }
        """), "'nowhere' is not an entity");

    [Fact]
    public void KG0008_EndpointOfWrongType() => AssertSingleFact("KG0008", Facts("", """
        [/*↓*/"acme", "worksFor", "ada"]
        """), "'acme' is a Company, but the 'from' end of 'worksFor' must be a Person");

    [Fact]
    public void KG0009_DuplicateEntity() => AssertSingleFact("KG0009", Facts("""
        /*↓*/"ada": { "type": "Person", "name": "Another Ada" }
        """), "Entity 'ada' is declared twice", hasAdditionalLocation: true);

    [Fact]
    public void KG0009_DuplicateValue() => AssertSingleFact("KG0009", Facts("""
        "eve": { "type": "Person", "name": "Eve", /*↓*/"name": "Eva" }
        """), "The value 'name' is declared twice", hasAdditionalLocation: true);

    [Fact]
    public void KG0010_MissingRequiredProperty() => AssertSingleFact("KG0010", Facts("""
        /*↓*/"eve": { "type": "Person", "age": 30 }
        """), "Entity 'eve' has no value for the required property 'name' (string)");

    [Fact]
    public void KG0010_MissingRequiredRelationProperty() => AssertSingleFact("KG0010", Facts("", """
        /*↓*/{ "from": "ada", "type": "knows", "to": "bob" }
        """), "no value for the required property 'since' (date)");

    [Fact]
    public void KG0011_ValueOfWrongType() => AssertSingleFact("KG0011", Facts("""
        "eve": { "type": "Person", "name": "Eve", "age": /*↓*/"forty" }
        """), "The value of 'age' must be a whole number (int), not a string ('forty')");

    [Fact]
    public void KG0011_InvalidDate() => AssertSingleFact("KG0011", Facts("""
        "eve": { "type": "Person", "name": "Eve", "born": /*↓*/"2025-02-30" }
        """), "must be a date written \"yyyy-MM-dd\"");

    [Fact]
    public void KG0011_ListItemOfWrongType() => AssertSingleFact("KG0011", Facts("""
        "eve": { "type": "Person", "name": "Eve", "nicknames": ["Evie", /*↓*/7] }
        """), "The value of 'nicknames' must be a string, not a number ('7')");

    [Fact]
    public void KG0012_UnknownProperty() => AssertSingleFact("KG0012", Facts("""
        "eve": { "type": "Person", "name": "Eve", /*↓*/"nmae": "Eve" }
        """), "'nmae' is not a property of entity type 'Person'");

    [Fact]
    public void KG0013_UnknownPropertyType() => AssertSingle("KG0013", """
        { "graph": "TestGraph", "entityTypes": { "Person": { "properties": { "age": /*↓*/"integer" } } } }
        """, "'integer' is not a property type");

    [Fact]
    public void KG0014_EntityOfAbstractType() => AssertSingleFact("KG0014", Facts("""
        "eve": { "type": /*↓*/"Agent", "name": "Eve" }
        """), "Entity 'eve' cannot be of the abstract type 'Agent'");

    [Fact]
    public void KG0015_InheritanceCycle() => AssertSingle("KG0015", """
        {
          "graph": "TestGraph",
          "entityTypes": {
            "A": { "extends": /*↓*/"B" },
            "B": { "extends": "C" },
            "C": { "extends": "A" },
            "D": { "extends": "C" }
          }
        }
        """, "Entity type 'A' extends itself (A → B → C → A)");

    [Fact]
    public void KG0016_CardinalityBreach() => AssertSingleFact("KG0016", Facts("", """
        ["ada", "leads", "team"],
        /*↓*/["bob", "leads", "team"]
        """), "'leads' is one-to-one", hasAdditionalLocation: true);

    [Fact]
    public void KG0017_TwoIdsOneName() => AssertSingleFact("KG0017", Facts("""
        "new-york": { "type": "Company", "name": "NY Inc." },
        /*↓*/"newYork": { "type": "Company", "name": "New York Ltd." }
        """), "Entity 'newYork' becomes the C# name 'NewYork'", hasAdditionalLocation: true);

    [Fact]
    public void KG0017_EntityNamedLikeGraphMember() => AssertSingleFact("KG0017", Facts("""
        /*↓*/"default": { "type": "Company", "name": "Default Ltd." }
        """), "the graph class's member 'Default'");

    [Fact]
    public void KG0017_PropertyNamedLikeNavigation() => AssertSingle("KG0017", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": { "properties": { "knows": "string?" } } },
          "relationTypes": { /*↓*/"knows": { "from": "Person", "to": "Person" } }
        }
        """, "Relation type 'knows' becomes the C# name 'Knows'", hasAdditionalLocation: true);

    [Fact]
    public void KG0018_ConflictingNamespace() => AssertSingleFact("KG0018", """
        { "graph": "TestGraph", "namespace": /*↓*/"Other" }
        """, "Graph 'TestGraph' is in namespace 'Test' in another file, not 'Other'", hasAdditionalLocation: true);

    [Fact]
    public void KG0019_ReservedPropertyName() => AssertSingle("KG0019", """
        { "graph": "TestGraph", "entityTypes": { "Person": { "properties": { /*↓*/"id": "string" } } } }
        """, "'id' is reserved on entity types");

    [Fact]
    public void SeveralMistakesGiveOneDiagnosticEach()
    {
        // Each mistake is marked /*KGnnnn*/ right before the token its diagnostic must point at. The facts
        // that name the broken entity 'eve' are still checked, so their own mistakes show in the same build.
        var facts = new ModelFile("story.kg.json", Facts(
            """
            /*KG0010*/"eve": { "type": "Person", "age": 30 },
            "zoe": { "type": /*KG0005*/"Persn", "name": "Zoe" }
            """,
            """
            { "from": "eve", "type": "knows", "to": "bob", "since": /*KG0011*/"2020-13-01" },
            ["eve", "worksFor", /*KG0007*/"zed"],
            [/*KG0008*/"acme", "worksFor", "eve"],
            { "from": "zoe", "type": "knows", "to": "ada", "since": "2021-01-01", "source": /*KG0007*/"nowhere" },
            ["ada", "leads", "team"],
            /*KG0016*/["bob", "leads", "team"]
            """));
        var expected = System.Text.RegularExpressions.Regex.Matches(facts.Content, @"/\*(KG\d{4})\*/")
            .Select(match => (match.Groups[1].Value, Position(facts.Content, match.Index + match.Length)))
            .OrderBy(item => item.Item2)
            .ToList();

        var result = GeneratorHarness.Run(Schema, facts);

        var actual = result.GeneratorDiagnostics
            .Select(d => (d.Id, (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1)))
            .OrderBy(item => item.Item2)
            .ToList();
        Assert.Equal(expected, actual);
        result.ShouldCompileCleanly();
    }

    [Fact]
    public void EveryDescriptorIsTested()
    {
        var ids = typeof(Diagnostics.Descriptors)
            .GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)
            .Select(field => field.GetValue(null))
            .OfType<DiagnosticDescriptor>()
            .Select(descriptor => descriptor.Id)
            .ToHashSet();
        var tested = typeof(DiagnosticTests).GetMethods()
            .Where(method => method.GetCustomAttributes(typeof(FactAttribute), false).Length > 0)
            .Select(method => method.Name.Split('_')[0])
            .ToHashSet();
        Assert.NotEmpty(ids);
        Assert.Empty(ids.Except(tested));
    }

    private static void AssertSingleFact(string id, string facts, string message, bool hasAdditionalLocation = false) =>
        AssertSingle(id, new ModelFile("story.kg.json", facts), message, hasAdditionalLocation, Schema);

    private static void AssertSingle(string id, string content, string message, bool hasAdditionalLocation = false) =>
        AssertSingle(id, new ModelFile("model.kg.json", content), message, hasAdditionalLocation);

    private static void AssertSingle(string id, ModelFile file, string message, bool hasAdditionalLocation, params ModelFile[] others)
    {
        var expected = Position(file.Content);
        var result = GeneratorHarness.Run([.. others, file]);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"https://github.com/knowledgegraph-dotnet/knowledgegraph/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}", diagnostic.Descriptor.HelpLinkUri);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(file.Path, span.Path);
        Assert.Equal(expected, (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal(hasAdditionalLocation, diagnostic.AdditionalLocations.Count == 1);

        // The mistake is skipped: what remains generates and compiles without a single C# diagnostic.
        result.ShouldCompileCleanly();
    }

    /// <returns>The 1-based line and column right after the marker.</returns>
    private static (int Line, int Column) Position(string content)
    {
        var index = content.IndexOf(Marker, System.StringComparison.Ordinal);
        Assert.True(index >= 0, "The test file has no marker.");
        return Position(content, index + Marker.Length);
    }

    /// <returns>The 1-based line and column of the character at <paramref name="offset"/>.</returns>
    private static (int Line, int Column) Position(string content, int offset)
    {
        var before = content[..offset];
        var line = before.Count(c => c == '\n') + 1;
        var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}
