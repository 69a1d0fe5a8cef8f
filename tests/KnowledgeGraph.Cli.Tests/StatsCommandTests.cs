using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diplomacy;
using KnowledgeGraph.EndToEnd.Tests;

using static KnowledgeGraph.Cli.Tests.KgRunner;

namespace KnowledgeGraph.Cli.Tests;

public sealed class StatsCommandTests : IDisposable
{
    private static readonly string Sample = Path.Combine(Repository.Root, "src", "IstanbulTalks");
    private static readonly string Schema = Path.Combine(Sample, "diplomacy.kg.json");
    private static readonly string Facts = Path.Combine(Sample, "istanbul-talks.kg.json");

    private readonly string _folder = Directory.CreateTempSubdirectory("kg-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_samples_counts_per_type_are_the_compiled_graphs()
    {
        var g = DiplomacyGraph.Default;

        var stats = Json("stats", "--format", "json", Schema, Facts);

        Assert.Equal("DiplomacyGraph", stats.GetProperty("graph").GetString());
        var entities = stats.GetProperty("entities");
        Assert.Equal(g.EntityCount, entities.GetProperty("total").GetInt32());
        var entityTypes = entities.GetProperty("byType").EnumerateArray().Select(row => (Type: row.GetProperty("type").GetString()!, Count: row.GetProperty("count").GetInt32())).ToArray();
        foreach (var (type, count) in entityTypes)
        {
            Assert.Equal(g.Entities<Entity>().Count(entity => entity.GetType().Name == type), count);
        }

        // Each concrete type once: a type's set holds its subtypes' entities too (an Embassy is an Organization).
        Assert.Equal(g.Entities<Person>().Count, entityTypes.Single(row => row.Type == "Person").Count);
        Assert.Equal(g.Entities<Organization>().Count, entityTypes.Where(row => row.Type is "Organization" or "Embassy").Sum(row => row.Count));
        Assert.DoesNotContain(entityTypes, row => row.Type is "Thing" or "Agent" or "Place");

        var facts = stats.GetProperty("facts");
        Assert.Equal(g.RelationCount, facts.GetProperty("total").GetInt32());
        var relationTypes = facts.GetProperty("byType").EnumerateArray().Select(row => (Type: row.GetProperty("type").GetString()!, Count: row.GetProperty("count").GetInt32())).ToArray();
        Assert.Equal(
            g.Relations<Relation>().GroupBy(relation => relation.TypeName).Select(group => (group.Key, group.Count())).OrderBy(row => row.Key, StringComparer.Ordinal),
            relationTypes.Where(row => row.Count > 0).OrderBy(row => row.Type, StringComparer.Ordinal));
        Assert.Equal(g.Relations<Called>().Count, relationTypes.Single(row => row.Type == "called").Count);
        Assert.Equal(g.Relations<Leads>().Count, relationTypes.Single(row => row.Type == "leads").Count);
    }

    [Fact]
    public void The_most_connected_entities_are_degree_centralitys_first_with_their_degree()
    {
        var g = DiplomacyGraph.Default;

        var stats = Json("stats", "-f", "json", "--top", "4", Schema, Facts);

        var expected = g.DegreeCentrality().Take(4).Select(score => (score.Entity.Id, g.Degree(score.Entity))).ToArray();
        var ranked = stats.GetProperty("mostConnected").EnumerateArray().ToArray();
        Assert.Equal(expected, ranked.Select(row => (row.GetProperty("id").GetString()!, row.GetProperty("degree").GetInt32())));
        Assert.Equal(g.IstanbulTalks.Name, ranked[0].GetProperty("name").GetString());
        Assert.Equal("Meeting", ranked[0].GetProperty("type").GetString());
        Assert.Equal(10, Json("stats", "-f", "json", Schema, Facts).GetProperty("mostConnected").GetArrayLength());
    }

    [Fact]
    public void The_dates_are_the_timelines_first_and_last_as_written()
    {
        var g = DiplomacyGraph.Default;

        var dates = Json("stats", "-f", "json", Schema, Facts).GetProperty("dates");

        var timeline = g.Timeline();
        Assert.Equal(timeline[0].Date.ToString(), dates.GetProperty("earliest").GetString());
        Assert.Equal(timeline[^1].Date.ToString(), dates.GetProperty("latest").GetString());
        Assert.Equal("2025-01", dates.GetProperty("earliest").GetString()); // Trump's office, valid from a month
        Assert.Equal(g.Relations<Relation>().Count(relation => relation.ValidFrom is not null || relation.ValidTo is not null), dates.GetProperty("factsWithValidity").GetInt32());
    }

    [Fact]
    public void The_sources_are_facts_by_sources_with_their_counts()
    {
        var g = DiplomacyGraph.Default;

        var sources = Json("stats", "-f", "json", Schema, Facts).GetProperty("sources");

        Assert.Equal(
            g.FactsBySource().Select(facts => (facts.Key.Id, facts.Count())),
            sources.GetProperty("cited").EnumerateArray().Select(row => (row.GetProperty("id").GetString()!, row.GetProperty("facts").GetInt32())));
        Assert.Equal(g.Relations<Relation>().Count(relation => relation.Sources.Count == 0), sources.GetProperty("factsWithoutSource").GetInt32());
    }

    [Fact]
    public void Text_is_plain_aligned_tables_in_the_invariant_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");

            var (code, output, error) = Kg("stats", "--top", "3", Schema, Facts);

            Assert.Equal(0, code);
            Assert.Equal("", error);
            Assert.DoesNotContain('\u001b', output);
            var g = DiplomacyGraph.Default;
            var lines = output.Split('\n');
            Assert.Equal($"DiplomacyGraph: {g.EntityCount} entities, {g.RelationCount} facts", lines[0]);
            Assert.Contains("Most connected  Name            Type     Degree", lines);
            Assert.Contains("istanbulTalks   Istanbul talks  Meeting      15", lines);
            Assert.Contains($"Dates: {g.Timeline()[0].Date} to {g.Timeline()[^1].Date}", lines);
            Assert.Contains(lines, line => Regex.IsMatch(line, "^No source +0$"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Files_with_errors_are_reported_as_kg_check_reports_them_with_exit_code_1()
    {
        var facts = Path.Combine(_folder, "day.kg.json");
        File.WriteAllText(facts, """
            {
              "graph": "DiplomacyGraph",
              "relations": [ ["lavrov", "succeeded", "rubio"] ]
            }
            """);

        var (code, output, error) = Kg("stats", Schema, facts);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        var (_, check, _) = Kg("check", Schema, facts);
        Assert.StartsWith(check, error);
        Assert.EndsWith($"2 errors: no statistics{Environment.NewLine}", error); // neither lavrov nor rubio is in the schema alone
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("stats", "--top", "0", "Schema")]
    [InlineData("stats", "--top", "many", "Schema")]
    [InlineData("stats", "--format", "csv", "Schema")]
    [InlineData("stats", "--colour", "Schema")]
    [InlineData("stats", "missing.kg.json")]
    public void Bad_usage_exits_with_2_and_the_usage(params string[] args)
    {
        var (code, output, error) = Kg([.. args.Select(arg => arg == "Schema" ? Schema : arg)]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("kg: ", error);
        Assert.Contains("Usage:", error);
    }

    [Fact]
    public void Files_of_two_graphs_are_refused_with_exit_code_2()
    {
        var other = Path.Combine(_folder, "other.kg.json");
        File.WriteAllText(other, """{ "graph": "OtherGraph", "entityTypes": { "Thing": {} }, "entities": { "a": { "type": "Thing" } } }""");

        var (code, _, error) = Kg("stats", Schema, Facts, other);

        Assert.Equal(2, code);
        Assert.Contains($"{Environment.NewLine}kg: the files make 2 graphs (DiplomacyGraph, OtherGraph): count the files of one graph.", error);
    }

    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = Kg(args);
        Assert.True(code == 0, error);
        Assert.Equal("", error);
        return JsonDocument.Parse(output).RootElement;
    }
}
