using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace KnowledgeGraph.EndToEnd.Tests;

/// <summary>The JSON Schema of the file format (nuget/kg.schema.json) agrees with the files the project uses.</summary>
public sealed class SchemaTests
{
    private static readonly JsonDocumentOptions JsonWithComments = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string RepositoryRoot = Repository.Root;

    private static JsonSchema Schema { get; } =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot, "nuget", "kg.schema.json")));

    [Fact]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "nuget", "kg.schema.json")));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
        var result = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, Describe(result));
    }

    public static TheoryData<string> ModelFiles()
    {
        var data = new TheoryData<string>();
        // The models of the generator's snapshot tests cover every feature of the format (enums, constraints,
        // symmetric, inheriting and n-ary relations) and hold no mistake.
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "tests", "KnowledgeGraph.EndToEnd.Tests", "Consumer"), "*.kg.json")
                     .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "*.kg.json", SearchOption.AllDirectories))
                     .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "tests", "KnowledgeGraph.Generators.Tests", "Models"), "*.kg.json", SearchOption.AllDirectories))
                     .Where(path => !IsBuildOutput(path))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelFiles))]
    public void Every_model_file_of_the_project_follows_the_schema(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, file)), JsonWithComments);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{file}:{Environment.NewLine}{Describe(result)}");
    }

    [Theory]
    [InlineData("""{ "relationTypes": { "leads": { "from": "Person", "to": "Delegation", "cardinality": "one-to-few" } } }""", "/relationTypes/leads/cardinality")]
    [InlineData("""{ "relationTypes": { "leads": { "to": "Delegation" } } }""", "/relationTypes/leads")]
    [InlineData("""{ "entityTypes": { "Person": { "properties": { "born": "timestamp with zone" } } } }""", "/entityTypes/Person/properties/born")]
    [InlineData("""{ "entities": { "trump": { "name": "Donald Trump" } } }""", "/entities/trump")]
    [InlineData("""{ "relations": [ ["trump", "called"] ] }""", "/relations/0")]
    [InlineData("""{ "relations": [ { "from": "trump", "to": "putin" } ] }""", "/relations/0")]
    [InlineData("""{ "entityTypes": { "Person": { "properties": { "died": { "description": "The year." } } } } }""", "/entityTypes/Person/properties/died")]
    [InlineData("""{ "entityTypes": { "Person": { "properties": { "id": "string" } } } }""", "/entityTypes/Person/properties/id")]
    [InlineData("""{ "entityTypez": {} }""", "/entityTypez")]
    [InlineData("""{ "namespace": "Diplomacy" }""", "")]
    [InlineData("""{ "graph": "DiplomacyGraph", "baseIri": "diplomacy" }""", "/baseIri")]
    [InlineData("""{ "graph": "DiplomacyGraph", "baseIri": "https://example.org/a b/" }""", "/baseIri")]
    [InlineData("""{ "enums": { "Rank": [] } }""", "/enums/Rank")]
    [InlineData("""{ "enums": { "Rank": ["junior", "junior"] } }""", "/enums/Rank")]
    [InlineData("""{ "enums": { "Rank": { "description": "A rank." } } }""", "/enums/Rank")]
    [InlineData("""{ "enums": { "Rank": { "values": ["junior"], "descr": "A rank." } } }""", "/enums/Rank/descr")]
    [InlineData("""{ "entityTypes": { "Astronaut": { "properties": { "flights": { "type": "int", "maximum": 20 } } } } }""", "/entityTypes/Astronaut/properties/flights/maximum")]
    [InlineData("""{ "entityTypes": { "Astronaut": { "properties": { "flights": { "type": "int", "min": "0" } } } } }""", "/entityTypes/Astronaut/properties/flights/min")]
    [InlineData("""{ "entityTypes": { "Astronaut": { "properties": { "languages": { "type": "string[]", "minItems": -1 } } } } }""", "/entityTypes/Astronaut/properties/languages/minItems")]
    [InlineData("""{ "entityTypes": { "Astronaut": { "properties": { "callSign": { "type": "string", "key": "yes" } } } } }""", "/entityTypes/Astronaut/properties/callSign/key")]
    [InlineData("""{ "entityTypes": { "Astronaut": { "properties": { "trained": "Role?[]" } } } }""", "/entityTypes/Astronaut/properties/trained")]
    [InlineData("""{ "relationTypes": { "met": { "from": "Person", "to": "Person", "symetric": true } } }""", "/relationTypes/met/symetric")]
    [InlineData("""{ "relationTypes": { "met": { "from": "Person", "to": "Person", "symmetric": "yes" } } }""", "/relationTypes/met/symmetric")]
    [InlineData("""{ "relationTypes": { "flew": { "extends": "tookPartIn", "properties": { "ref": { "type": "string", "unique": true } } } } }""", "/relationTypes/flew/properties/ref/unique")]
    [InlineData("""{ "relationTypes": { "docked": { "from": "Mission", "to": "Mission", "roles": { "site": { "type": "Site", "optional": true } } } } }""", "/relationTypes/docked/roles/site/optional")]
    [InlineData("""{ "relationTypes": { "docked": { "from": "Mission", "to": "Mission", "roles": { "site": { "inverse": "dockingsHere" } } } } }""", "/relationTypes/docked/roles/site")]
    [InlineData("""{ "relationTypes": { "docked": { "from": "Mission", "to": "Mission", "roles": { "crew": "Astronaut[] and more" } } } }""", "/relationTypes/docked/roles/crew")]
    [InlineData("""{ "relationTypes": { "docked": { "from": "Mission", "to": "Mission", "roles": { "source": "Article" } } } }""", "/relationTypes/docked/roles/source")]
    [InlineData("""{ "relations": [ { "from": "stafford", "type": "flew", "to": "apollo", "validFrom": "1975-7" } ] }""", "/relations/0/validFrom")]
    public void The_schema_rejects_a_malformed_file(string json, string location)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.False(result.IsValid, json);
        var locations = (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }).Select(detail => detail.InstanceLocation.ToString()).ToList();
        Assert.Contains(location, locations);
    }

    [Theory]
    [InlineData("""{ "graph": "G", "enums": { "Rank": ["junior", "senior"], "Role": { "description": "On board.", "values": ["pilot"] } } }""")]
    [InlineData("""{ "graph": "G", "entityTypes": { "Officer": { "properties": { "rank": "Rank", "ranks": "Rank[]", "formerRank": " Rank? ", "roles": "Role[]?" } } } }""")]
    [InlineData("""{ "graph": "G", "entityTypes": { "Country": { "properties": { "iso": { "type": "string", "key": true, "unique": true, "pattern": "^[A-Z]{2}$", "description": "ISO code." } } } } }""")]
    [InlineData("""{ "graph": "G", "entityTypes": { "Astronaut": { "properties": { "flights": { "type": "int", "min": 0, "max": 20.5 }, "languages": { "type": "string[]", "minItems": 1 } } } } }""")]
    [InlineData("""{ "graph": "G", "relationTypes": { "tookPartIn": { "abstract": true, "from": "Agent", "to": "Mission" }, "flew": { "extends": "tookPartIn" } } }""")]
    [InlineData("""{ "graph": "G", "relationTypes": { "met": { "from": "Person", "to": "Person", "symmetric": true, "cardinality": "one-to-one" } } }""")]
    [InlineData("""{ "graph": "G", "relationTypes": { "docked": { "from": "Mission", "to": "Mission", "roles": { "site": { "type": "Site", "inverse": "dockingsHere", "description": "Where." }, "crew": "Astronaut[]", "overseer": "Agency?" } } } }""")]
    [InlineData("""{ "graph": "G", "relations": [ { "from": "apollo", "type": "docked", "to": "soyuz", "site": "orbit", "crew": ["stafford", "leonov"], "overseer": null, "validFrom": "1975", "validTo": null } ] }""")]
    public void The_schema_accepts_every_feature_of_the_format(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{json}{Environment.NewLine}{Describe(result)}");
    }

    private static string Describe(EvaluationResults result) => string.Join(
        Environment.NewLine,
        (result.Details ?? [])
            .Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Value}")));

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) is var parts
        && (parts.Contains("bin", StringComparer.Ordinal) || parts.Contains("obj", StringComparer.Ordinal));
}
