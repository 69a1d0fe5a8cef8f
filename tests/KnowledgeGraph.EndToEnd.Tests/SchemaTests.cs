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
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "tests", "KnowledgeGraph.EndToEnd.Tests", "Consumer"), "*.kg.json")
                     .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "*.kg.json", SearchOption.AllDirectories)
                         .Where(path => !IsBuildOutput(path)))
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
    [InlineData("""{ "entityTypes": { "Person": { "properties": { "born": { "description": "The year." } } } } }""", "/entityTypes/Person/properties/born")]
    [InlineData("""{ "entityTypes": { "Person": { "properties": { "id": "string" } } } }""", "/entityTypes/Person/properties/id")]
    [InlineData("""{ "entityTypez": {} }""", "/entityTypez")]
    [InlineData("""{ "namespace": "Diplomacy" }""", "")]
    public void The_schema_rejects_a_malformed_file(string json, string location)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.False(result.IsValid, json);
        var locations = (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }).Select(detail => detail.InstanceLocation.ToString()).ToList();
        Assert.Contains(location, locations);
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
