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
            "memberOf": { "from": "Person", "to": "Delegation" },
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
            ["ada", "worksFor", "acme"],
            ["bob", "memberOf", "team"],
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
        """), "'acme' is of type 'Company', but the 'from' end of 'worksFor' must be of type 'Person'");

    [Fact]
    public void KG0009_DuplicateEntity() => AssertSingleFact("KG0009", Facts("""
        /*↓*/"ada": { "type": "Person", "name": "Another Ada" }
        """), "Entity 'ada' is declared twice", hasAdditionalLocation: true);

    [Fact]
    public void KG0009_DuplicateValue() => AssertSingleFact("KG0009", Facts("""
        "eve": { "type": "Person", "name": "Eve", /*↓*/"name": "Eva" }
        """, """["eve", "worksFor", "acme"]"""), "The key 'name' is declared twice", hasAdditionalLocation: true);

    [Fact]
    public void KG0010_MissingRequiredProperty() => AssertSingleFact("KG0010", Facts("""
        /*↓*/"eve": { "type": "Person", "age": 30 }
        """), "Entity 'eve' has no value for 'name' (string), which is required");

    [Fact]
    public void KG0010_MissingRequiredRelationProperty() => AssertSingleFact("KG0010", Facts("", """
        /*↓*/{ "from": "ada", "type": "knows", "to": "bob" }
        """), "The 'knows' relation from 'ada' to 'bob' has no value for 'since' (date), which is required");

    [Fact]
    public void KG0011_ValueOfWrongType() => AssertSingleFact("KG0011", Facts("""
        "eve": { "type": "Person", "name": "Eve", "age": /*↓*/"forty" }
        """), "The value of 'age' must be a whole number from -2147483648 to 2147483647 (int), not a string ('forty')");

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
        """, """["ada", "worksFor", "new-york"]"""), "Entity 'newYork' becomes the C# name 'NewYork'", hasAdditionalLocation: true);

    [Fact]
    public void KG0017_EntityNamedLikeGraphMember() => AssertSingleFact("KG0017", Facts("""
        /*↓*/"default": { "type": "Company", "name": "Default Ltd." }
        """), "which the member 'Default' of every graph class already takes");

    [Fact]
    public void KG0017_PropertyNamedLikeNavigation() => AssertSingle("KG0017", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": { "properties": { "knows": "string?" } } },
          "relationTypes": { /*↓*/"knows": { "from": "Person", "to": "Person" } }
        }
        """, "Relation type 'knows' becomes the C# name 'Knows'", hasAdditionalLocation: true);

    [Fact]
    public void KG0017_TwoGraphsOfOneNamespaceDeclareOneType()
    {
        var first = new ModelFile("a.kg.json", """{ "namespace": "Shared", "graph": "FirstGraph", "entityTypes": { "Person": {} } }""");
        var second = new ModelFile("b.kg.json", """{ "namespace": "Shared", "graph": "SecondGraph", "entityTypes": { /*↓*/"Person": {} } }""");

        AssertSingle("KG0017", second, "Entity type 'Person' becomes the C# name 'Person', which entity type 'Person' in namespace 'Shared' already takes", true, DiagnosticSeverity.Error, first);
    }

    [Fact]
    public void KG0017_TwoNamespacesThatDifferInCaseDeclareOneType()
    {
        // C# keeps Geo.T and GEO.T apart, but their generated files, Geo.T.g.cs and GEO.T.g.cs, are one file.
        var first = new ModelFile("a.kg.json", """{ "namespace": "Geo", "graph": "FirstGraph", "entityTypes": { "T": {} } }""");
        var second = new ModelFile("b.kg.json", """{ "namespace": "GEO", "graph": "SecondGraph", "entityTypes": { /*↓*/"T": {} } }""");

        AssertSingle("KG0017", second, "Entity type 'T' becomes the C# name 'T', which entity type 'T' in namespace 'Geo' (generated file names ignore case) already takes", true, DiagnosticSeverity.Error, first);
    }

    [Fact]
    public void KG0017_TwoEnumsMakeOneClassAndTheSecondIsLeftOut() => AssertSingle("KG0017", """
        {
          "graph": "TestGraph",
          "enums": { "color": ["red"], /*↓*/"Color": ["blue"] },
          "entityTypes": { "Paint": { "properties": { "shade": "Color" } } },
          "entities": { "sky": { "type": "Paint", "shade": "blue" } }
        }
        """, "Enum 'Color' becomes the C# name 'Color'", hasAdditionalLocation: true);

    [Fact]
    public void KG0017_TwoGraphNamesMakeOneClass()
    {
        var first = new ModelFile("a.kg.json", """{ "namespace": "Shared", "graph": "my-graph", "entityTypes": { "Person": {} } }""");
        var second = new ModelFile("b.kg.json", """{ "namespace": "Shared", "graph": /*↓*/"myGraph", "entityTypes": { "City": {} } }""");

        AssertSingle("KG0017", second, "Graph 'myGraph' becomes the C# name 'MyGraph'", true, DiagnosticSeverity.Error, first);
    }

    [Fact]
    public void KG0018_ConflictingNamespace() => AssertSingleFact("KG0018", """
        { "graph": "TestGraph", "namespace": /*↓*/"Other" }
        """, "Graph 'TestGraph' is in namespace 'Test' in another file, not 'Other'", hasAdditionalLocation: true);

    [Fact]
    public void KG0019_ReservedPropertyName() => AssertSingle("KG0019", """
        { "graph": "TestGraph", "entityTypes": { "Person": { "properties": { /*↓*/"id": "string" } } } }
        """, "'id' is reserved on entity types");

    [Fact]
    public void KG0020_SameFactTwice() => AssertSingleFact("KG0020", Facts("", """
        { "from": "ada", "type": "knows", "to": "bob", "since": "2020-01-01", "source": "acme" },
        /*↓*/{ "from": "ada", "type": "knows", "to": "bob", "since": "2020-01-01", "source": "acme" }
        """), "The 'knows' relation from 'ada' to 'bob' with these properties is stated twice", hasAdditionalLocation: true, DiagnosticSeverity.Warning);

    [Fact]
    public void TheSameFactFromAnotherSourceIsOneFactWithTwoSources()
    {
        var facts = new ModelFile("story.kg.json", Facts("", """
            { "from": "ada", "type": "knows", "to": "bob", "since": "2020-01-01", "source": "acme" },
            { "from": "ada", "type": "knows", "to": "bob", "since": "2020-01-01", "source": ["team", "acme"] },
            { "from": "ada", "type": "knows", "to": "bob", "since": "2021-01-01", "source": "team" }
            """));

        var result = GeneratorHarness.Run(Schema, facts).ShouldCompileCleanly();

        Assert.Empty(result.GeneratorDiagnostics);
        var graph = result.Sources.Single(s => s.HintName == "Test.TestGraph.Relations0.g.cs").SourceText.ToString();
        Assert.Contains("""["knows", "ada", "bob", "2020-01-01", ["acme", "team"]]""", graph);
        Assert.Equal(2, graph.Split("""["knows", "ada", "bob", """).Length - 1);
    }

    [Fact]
    public void KG0011_UnknownEnumValue() => AssertSingle("KG0011", """
        {
          "graph": "TestGraph",
          "enums": { "Rank": ["junior", "senior"] },
          "entityTypes": { "Officer": { "properties": { "rank": "Rank" } } },
          "entities": { "kim": { "type": "Officer", "rank": /*↓*/"general" } },
          "relations": []
        }
        """, "The value of 'rank' must be one of 'junior', 'senior', not a string ('general')");

    [Fact]
    public void KG0021_PatternOnANumber() => AssertSingle("KG0021", """
        { "graph": "TestGraph", "entityTypes": { "Person": { "properties": { "age": { "type": "int", "pattern": /*↓*/"^[0-9]+$" } } } } }
        """, "Property 'age': 'pattern' applies to string properties, not int");

    [Fact]
    public void KG0021_InvalidRegularExpression() => AssertSingle("KG0021", """
        { "graph": "TestGraph", "entityTypes": { "Person": { "properties": { "code": { "type": "string", "pattern": /*↓*/"[A-Z" } } } } }
        """, "'[A-Z' is not a regular expression");

    [Fact]
    public void KG0021_OptionalKey() => AssertSingle("KG0021", """
        { "graph": "TestGraph", "entityTypes": { "Person": { "properties": { "code": { "type": "string?", /*↓*/"key": true } } } } }
        """, "a key must be given on every entity");

    [Fact]
    public void KG0021_SymmetricBetweenTwoTypes() => AssertSingle("KG0021", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": {}, "City": {} },
          "relationTypes": { "visited": { "from": "Person", "to": "City", /*↓*/"symmetric": true } }
        }
        """, "its ends must be one type, not 'Person' and 'City'");

    [Fact]
    public void KG0022_PatternBreach() => AssertSingle("KG0022", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Country": { "properties": { "iso": { "type": "string", "pattern": "^[A-Z]{2}$" } } } },
          "entities": { "turkey": { "type": "Country", "iso": /*↓*/"tur" } }
        }
        """, "The value 'tur' of 'iso' breaks its constraint: it must match the pattern '^[A-Z]{2}$'");

    [Fact]
    public void KG0022_OutOfRange() => AssertSingle("KG0022", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": { "properties": { "height": { "type": "double?", "min": 0.3, "max": 3 } } } },
          "entities": { "eve": { "type": "Person", "height": /*↓*/3.5 } }
        }
        """, "The value '3.5' of 'height' breaks its constraint: it must be 3 or less");

    [Fact]
    public void KG0022_TooFewItems() => AssertSingle("KG0022", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": { "properties": { "languages": { "type": "string[]", "minItems": 1 } } } },
          "entities": { "eve": { "type": "Person", "languages": /*↓*/[] } }
        }
        """, "The value with 0 items of 'languages' breaks its constraint: it needs 1 at least");

    [Fact]
    public void KG0028_PatternTooCostlyToCheck() => AssertSingle("KG0028", $$"""
        {
          "graph": "TestGraph",
          "entityTypes": { "Thing": { "properties": { "code": { "type": "string", "pattern": /*↓*/"^(a+)+$" } } } },
          "entities": { "one": { "type": "Thing", "code": "{{new string('a', 40)}}!" } }
        }
        """, "The pattern '^(a+)+$' of 'code' took more than 1 s to match the value 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…'", hasAdditionalLocation: true);

    [Fact]
    public void KG0023_UniqueValueTwice() => AssertSingle("KG0023", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Country": { "properties": { "iso": { "type": "string", "unique": true } } } },
          "entities": {
            "turkey": { "type": "Country", "iso": "TR" },
            "turkiye": { "type": "Country", "iso": /*↓*/"TR" }
          }
        }
        """, "Entity 'turkiye' has the same 'iso' ('TR') as 'turkey', but 'iso' is unique among entities of type 'Country'", hasAdditionalLocation: true);

    [Fact]
    public void KG0024_RelationTypeWidensItsBase() => AssertSingle("KG0024", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Agent": {}, "Person": { "extends": "Agent" }, "Place": {} },
          "relationTypes": {
            "visited": { "from": "Person", "to": "Place" },
            "passedThrough": { "extends": "visited", "from": /*↓*/"Agent" }
          }
        }
        """, "'passedThrough' extends 'visited', so its 'from' end must be 'Person' or a type that extends it, not 'Agent'");

    [Fact]
    public void KG0025_EntityInNoFact() => AssertSingleFact("KG0025", Facts("""
        /*↓*/"eve": { "type": "Person", "name": "Eve" }
        """), "Entity 'eve' is in no relation, source or role", severity: DiagnosticSeverity.Warning);

    [Fact]
    public void KG0026_NameTooLong() => AssertSingleFact("KG0026", Facts($$"""
        /*↓*/"{{new string('x', 1_020)}}": { "type": "Person", "name": "Eve" }
        """), "makes the name 'get_Xxxxx");

    [Fact]
    public void KG0029_ReservedNamespace() => AssertSingle("KG0029", """
        { "namespace": /*↓*/"System.Diplomacy", "graph": "TestGraph", "entityTypes": { "Person": {} } }
        """, "Namespace 'System.Diplomacy' is reserved");

    [Fact]
    public void KG0014_FactOfAnAbstractRelationType() => AssertSingle("KG0014", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": {}, "Meeting": {} },
          "relationTypes": {
            "tookPartIn": { "abstract": true, "from": "Person", "to": "Meeting" },
            "chaired": { "extends": "tookPartIn" }
          },
          "entities": { "ada": { "type": "Person" }, "summit": { "type": "Meeting" } },
          "relations": [["ada", "chaired", "summit"], ["ada", /*↓*/"tookPartIn", "summit"]]
        }
        """, "The relation from 'ada' to 'summit' cannot be of the abstract type 'tookPartIn'");

    [Fact]
    public void KG0008_RolePlayerOfTheWrongType() => AssertSingle("KG0008", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": {}, "City": {} },
          "relationTypes": { "met": { "from": "Person", "to": "Person", "roles": { "place": "City" } } },
          "entities": { "ada": { "type": "Person" }, "bob": { "type": "Person" }, "paris": { "type": "City" } },
          "relations": [{ "from": "ada", "type": "met", "to": "bob", "place": /*↓*/"bob" }]
        }
        """, "'bob' is of type 'Person', but the 'place' end of 'met' must be of type 'City'");

    [Fact]
    public void KG0002_WrongShapeIsNotAlsoMissing() => AssertSingleFact("KG0002", Facts("", """
        { "from": "ada", "type": /*↓*/5, "to": "bob" }
        """), "'type' must be a string, not a number");

    [Fact]
    public void KG0002_AnEntityOfTheWrongShapeIsStillDeclared() => AssertSingleFact("KG0002", Facts("""
        "eve": /*↓*/"Eve"
        """, """["eve", "worksFor", "acme"]"""), "'eve' must be an object, not a string");

    [Fact]
    public void KG0003_AMisspeltKeyHidesNoValue() => AssertSingle("KG0003", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": { /*↓*/"propertes": { "age": "int" } } },
          "entities": { "ada": { "type": "Person", "age": 36 } }
        }
        """, "'propertes' is not a key of entity type 'Person'");

    [Fact]
    public void KG0009_AKeyTwice() => AssertSingle("KG0009", """
        { "graph": "TestGraph", "entityTypes": { "Person": { "extends": "Agent", /*↓*/"extends": "Thing" }, "Agent": {}, "Thing": {} } }
        """, "The key 'extends' is declared twice", hasAdditionalLocation: true);

    [Fact]
    public void KG0009_APropertyTwice() => AssertSingle("KG0009", """
        { "graph": "TestGraph", "entityTypes": { "Person": { "properties": { "age": "int", /*↓*/"age": "long" } } } }
        """, "Property 'age' is declared twice", hasAdditionalLocation: true);

    [Fact]
    public void KG0014_AnEntityOfAnAbstractTypeBreaksNoFact() => AssertSingleFact("KG0014", Facts("""
        "eve": { "type": /*↓*/"Agent", "name": "Eve" }
        """, """["eve", "worksFor", "acme"]"""), "Entity 'eve' cannot be of the abstract type 'Agent'");

    [Fact]
    public void KG0006_AnUnknownRelationTypeStillChecksItsEntities()
    {
        var facts = new ModelFile("story.kg.json", Facts("", """
            ["ada", /*KG0006*/"knws", /*KG0007*/"zed"]
            """));

        var result = GeneratorHarness.Run(Schema, facts);

        Assert.Equal(["KG0006", "KG0007"], result.GeneratorDiagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void A_repeated_key_is_reported_where_it_stands_among_the_other_mistakes()
    {
        var facts = new ModelFile("story.kg.json", Facts("", """
            { "from": 5, "from": "ada", "type": "worksFor", "to": "acme" },
            { "from": "bob", "type": 7, "to": "acme" }
            """));

        var result = GeneratorHarness.Run(Schema, facts);

        // In the order of the text: the first fact's wrong value, then its key given again, then the second fact.
        Assert.Equal(["KG0002", "KG0009", "KG0002"], result.GeneratorDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void AFileThatIsNotJsonHidesNoNameButCausesNoUnknownNameErrors()
    {
        var broken = new ModelFile("broken.kg.json", """{ "graph": "TestGraph", "entities": { "zed": { "type": "Person" """);
        var facts = new ModelFile("story.kg.json", Facts("", """["ada", "worksFor", "zed"]"""));

        var result = GeneratorHarness.Run(Schema, broken, facts);

        Assert.Equal("KG0001", Assert.Single(result.GeneratorDiagnostics).Id);
        result.ShouldCompileCleanly();
    }

    [Fact]
    public void AFileThatIsNotJsonHidesOnlyTheNamesItsTextHolds()
    {
        // The broken file may declare 'zed' where it cannot be read, but nothing in it could declare the others.
        var broken = new ModelFile("broken.kg.json", """{ "graph": "TestGraph", "entities": { "zed": { "type": "Person" } "lonely": {} } }""");
        var facts = new ModelFile("story.kg.json", Facts(
            """
            "moon": { "type": "Place", "name": "Moon" }, "armstrong": { "type": "Person", "name": "Neil" }
            """,
            """["ada", "worksFor", "zed"], ["aldrin", "walkedOn", "tranquility"]"""));

        var result = GeneratorHarness.Run(Schema, broken, facts);

        Assert.Equal(
            ["KG0001", "KG0005 'Place'", "KG0006 'walkedOn'", "KG0007 'aldrin'", "KG0007 'tranquility'", "KG0025 'armstrong'"],
            result.GeneratorDiagnostics.Select(d => d.Id == "KG0001" ? d.Id : $"{d.Id} '{d.GetMessage().Split('\'')[1]}'").Order());
        result.ShouldCompileCleanly();
    }

    [Fact]
    public void KG0010_AListWithLeastItemsLeftOut() => AssertSingle("KG0010", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": { "properties": { "languages": { "type": "string[]", "minItems": 1 } } } },
          "entities": { /*↓*/"eve": { "type": "Person" } }
        }
        """, "Entity 'eve' has no value for 'languages' (string[], 1 item at least), which is required");

    [Fact]
    public void KG0021_SymmetricWithAnInheritedManyToOne() => AssertSingle("KG0021", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Person": {} },
          "relationTypes": { "b": { "from": "Person", "to": "Person", "cardinality": "many-to-one" }, "m": { "extends": "b", /*↓*/"symmetric": true } }
        }
        """, "its cardinality must be many-to-many or one-to-one");

    [Fact]
    public void KG0002_AnEnumOfTheWrongShapeHidesItsProperties() => AssertSingle("KG0002", """
        {
          "graph": "TestGraph",
          "enums": { "Rank": /*↓*/"junior" },
          "entityTypes": { "Officer": { "properties": { "rank": "Rank" } } },
          "entities": { "kim": { "type": "Officer", "rank": "junior" } }
        }
        """, "'Rank' must be a list of value names");

    [Fact]
    public void KG0002_ASectionOfTheWrongShapeHidesTheNamesItWouldDeclare() => AssertSingle("KG0002", """
        {
          "graph": "TestGraph",
          "entityTypes": /*↓*/[],
          "entities": { "kim": { "type": "Officer" } }
        }
        """, "'entityTypes' must be an object, not an array");

    [Fact]
    public void KG0023_UniqueDecimalsCompareAsNumbers() => AssertSingle("KG0023", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Coin": { "properties": { "value": { "type": "decimal", "unique": true } } } },
          "entities": { "a": { "type": "Coin", "value": 1 }, "b": { "type": "Coin", "value": /*↓*/1.0 } }
        }
        """, "has the same 'value'", hasAdditionalLocation: true);

    [Fact]
    public void KG0003_AMisspeltBaseTypeBreaksNoFact() => AssertSingle("KG0003", """
        {
          "graph": "TestGraph",
          "entityTypes": { "Agent": {}, "Person": { /*↓*/"extnds": "Agent" }, "Meeting": {} },
          "relationTypes": { "attended": { "from": "Agent", "to": "Meeting" } },
          "entities": { "ada": { "type": "Person" }, "summit": { "type": "Meeting" } },
          "relations": [["ada", "attended", "summit"]]
        }
        """, "'extnds' is not a key of entity type 'Person'");

    [Fact]
    public void KG0027_InheritanceTooDeep() => AssertSingle("KG0027", $$"""
        {
          "graph": "TestGraph",
          "entityTypes": {
            "L0": {},
            {{string.Concat(Enumerable.Range(1, 64).Select(i => $"\"L{i}\": {{ \"extends\": \"L{i - 1}\" }},\n"))}}
            "L65": { "extends": /*↓*/"L64" }
          }
        }
        """, "Entity type 'L65' extends 65 types, one through another, up to 'L0'; at most 64 are allowed");

    [Fact]
    public void APropertiesObjectOfTheWrongShapeHidesNoUnknownName()
    {
        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", """
            {
              "graph": "TestGraph",
              "entityTypes": { "Person": { "properties": [] } },
              "entities": { "ada": { "type": "Persn" } }
            }
            """));

        Assert.Equal(["KG0002", "KG0005"], result.GeneratorDiagnostics.Select(d => d.Id).Order());
    }

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
    public void KG0030_AFileOfAnotherGraphLoadedAtRunTime() =>
        AssertSingleAtLoad("KG0030", """{ "graph": /*↓*/"StoryGraph" }""", "The file is of graph 'StoryGraph', but graph 'TestGraph' is loading it; load it into its own graph, or correct 'graph'");

    [Fact]
    public void KG0031_ASchemaChangeAtRunTime() =>
        AssertSingleAtLoad(
            "KG0031",
            """{ "graph": "TestGraph", "relationTypes": { /*↓*/"knows": { "from": "Person", "to": "Person", "cardinality": "one-to-one" } } }""",
            "Relation type 'knows' is declared otherwise than in the schema of graph 'TestGraph' as the project compiled it, and a schema is fixed when its project is built; change it in the project's files and build again, or leave it out of this file");

    [Fact]
    public void KG0032_InvalidBaseIri() => AssertSingle("KG0032", """
        { "graph": "TestGraph", "baseIri": /*↓*/"diplomacy", "entityTypes": { "Person": {} } }
        """, "'diplomacy' cannot be a base IRI: it has no scheme (such as 'https:' or 'urn:'); give an absolute IRI that ends in '/', '#' or ':'");

    [Fact]
    public void KG0032_InvalidBaseIriLoadedAtRunTime() =>
        AssertSingleAtLoad("KG0032", """{ "graph": "TestGraph", "baseIri": /*↓*/"https://example.org/a b/" }""", "'https://example.org/a b/' cannot be a base IRI: it holds ' ', which an IRI cannot hold as it is; write it percent-encoded; give an absolute IRI that ends in '/', '#' or ':', such as \"https://example.org/diplomacy/\"");

    [Fact]
    public void KG0033_ConflictingBaseIri()
    {
        var first = new ModelFile("a.kg.json", """{ "graph": "TestGraph", "baseIri": "https://example.org/a/", "entityTypes": { "Person": {} } }""");
        var second = new ModelFile("b.kg.json", """{ "graph": "TestGraph", "baseIri": /*↓*/"https://example.org/b/" }""");

        AssertSingle("KG0033", second, "Graph 'TestGraph' has the base IRI 'https://example.org/a/' in another file, not 'https://example.org/b/'", true, DiagnosticSeverity.Error, first);
    }

    [Fact]
    public void KG0033_ABaseIriChangedAtRunTime() =>
        AssertSingleAtLoad(
            "KG0033",
            """{ "graph": "TestGraph", "baseIri": /*↓*/"https://example.org/test/" }""",
            "Graph 'TestGraph' has the base IRI 'urn:kg:TestGraph:' in another file, not 'https://example.org/test/'; the files of one graph must agree on 'baseIri'");

    [Fact]
    public void FilesMayRepeatTheBaseIriAndALoadedFileTheCompiledOne()
    {
        var first = new ModelFile("a.kg.json", """{ "graph": "TestGraph", "baseIri": "https://example.org/a/", "entityTypes": { "Person": {} } }""");
        var second = new ModelFile("b.kg.json", """{ "graph": "TestGraph", "baseIri": "https://example.org/a/", "entities": { "ada": { "type": "Person" } } }""");
        Assert.DoesNotContain(GeneratorHarness.Run(first, second).ShouldCompileCleanly().GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);

        var folder = System.IO.Directory.CreateTempSubdirectory("kg-load-").FullName;
        try
        {
            Assert.Empty(LoaderParity.TryLoadWithMessages(LoaderParity.Compile(Schema), folder, [new ModelFile("today.kg.json", """{ "graph": "TestGraph", "baseIri": "urn:kg:TestGraph:" }""")]));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EveryDescriptorIsTested()
    {
        var ids = typeof(KnowledgeGraph.Language.Diagnostics.Descriptors)
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

    private static void AssertSingleFact(
        string id, string facts, string message, bool hasAdditionalLocation = false, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        AssertSingle(id, new ModelFile("story.kg.json", facts), message, hasAdditionalLocation, severity, Schema);

    private static void AssertSingle(string id, string content, string message, bool hasAdditionalLocation = false) =>
        AssertSingle(id, new ModelFile("model.kg.json", content), message, hasAdditionalLocation, DiagnosticSeverity.Error);

    private static void AssertSingle(
        string id, ModelFile file, string message, bool hasAdditionalLocation, DiagnosticSeverity severity, params ModelFile[] others)
    {
        var expected = Position(file.Content);
        var result = GeneratorHarness.Run([.. others, file]);

        // Small models leave entities out of every fact; that warning is tested on its own.
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => id == "KG0025" || d.Id != "KG0025");
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"https://github.com/knowledgegraph-dotnet/knowledgegraph/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}", diagnostic.Descriptor.HelpLinkUri);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(file.Path, span.Path);
        Assert.Equal(expected, (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal(hasAdditionalLocation, diagnostic.AdditionalLocations.Count == 1);

        // The mistake is skipped: what remains generates and compiles without a single C# diagnostic.
        result.ShouldCompileCleanly();

        // Files loaded at run time get the same diagnostics at the same places.
        LoaderParity.AssertSameAsGenerator([.. others, file], result);
    }

    /// <summary>Compiles the schema, loads the file at run time, and asserts its one diagnostic.</summary>
    private static void AssertSingleAtLoad(string id, string loaded, string message)
    {
        var graph = LoaderParity.Compile(Schema);
        var folder = System.IO.Directory.CreateTempSubdirectory("kg-load-").FullName;
        try
        {
            var diagnostic = Assert.Single(LoaderParity.TryLoadWithMessages(graph, folder, [new ModelFile("today.kg.json", loaded)]));
            Assert.Equal((id, message, "today.kg.json", Position(loaded)), (diagnostic.Id, diagnostic.Message, diagnostic.Path, (diagnostic.Line, diagnostic.Column)));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
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
