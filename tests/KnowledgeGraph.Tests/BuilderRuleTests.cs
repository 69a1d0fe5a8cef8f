using System;
using System.IO;
using System.Linq;
using Diplomacy;


namespace KnowledgeGraph.Tests;

/// <summary>
/// A builder checks facts added in code by the generator's own rules and words, and adds files as the build reads them,
/// all or nothing.
/// </summary>
public sealed class BuilderRuleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kg-builder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_fact_of_a_subtype_counts_for_the_cardinality_of_the_type_it_extends()
    {
        var g = Teams.TeamGraph.Default;
        var builder = g.ToBuilder();

        // "a leads t2" is an "a memberOf t2" too, and a is a member of t1 already: memberOf is many-to-one.
        var error = Assert.Throws<ArgumentException>(() => builder.AddRelation(new Teams.Leads(g.A, g.T2)));

        Assert.Contains("'memberOf' is many-to-one, so 'a' can have one target at most", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, builder.Build().RelationCount); // nothing was added
        var c = builder.AddEntity(new Teams.Person("c"));
        builder.AddRelation(new Teams.Leads(c, g.T2)); // c's one team, as a leader: fine
        Assert.Equal(3, builder.Build().RelationCount);
    }

    [Fact]
    public void A_file_adds_to_the_graph_and_restates_its_facts_with_new_sources()
    {
        var g = DiplomacyGraph.Default;
        var today = Write("today.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "entities": { "followUp": { "type": "Article", "name": "Follow-up", "date": "2025-03-01" } },
              "relations": [
                { "from": "trump", "type": "called", "to": "putin", "on": "2025-02-12", "source": "followUp" },
                { "from": "followUp", "type": "reportedBy", "to": "reuters", "source": "followUp" }
              ]
            }
            """);

        var extended = g.ToBuilder().AddFile(today).Build();

        Assert.Equal(g.RelationCount + 1, extended.RelationCount); // the call is one fact, now with two sources
        var call = extended.Relations<Called>().Single(c => c.From.Id == "trump" && c.To.Id == "putin");
        Assert.Equal(["reutersIstanbul", "followUp"], call.Sources.Select(s => s.Id));
        Assert.Same(extended.FindEntity("followUp"), call.Sources[1]);
        Assert.Equal(g.RelationCount, DiplomacyGraph.Default.RelationCount); // the existing graph never changes
    }

    [Fact]
    public void A_file_with_a_mistake_in_its_last_fact_changes_nothing()
    {
        var g = DiplomacyGraph.Default;
        var builder = g.ToBuilder();
        var hypothetical = builder.AddEntity(new Meeting("secondRound") { Name = "Second round", Date = new DateOnly(2025, 3, 1) });
        var good = Write("good.kg.json", """
            { "graph": "DiplomacyGraph", "relations": [ { "from": "secondRound", "type": "heldIn", "to": "istanbul" } ] }
            """);
        var bad = Write("bad.kg.json", """
            {
              "graph": "DiplomacyGraph",
              "entities": { "thirdRound": { "type": "Meeting", "name": "Third round", "date": "2025-03-02" } },
              "relations": [
                ["thirdRound", "onAgenda", "visas"],
                { "from": "secondRound", "type": "heldIn", "to": "moscow" }
              ]
            }
            """);

        var error = Assert.Throws<GraphLoadException>(() => builder.AddFiles([good, bad]));

        // heldIn is many-to-one: the second place of secondRound, the last fact of the last file, is KG0016.
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("KG0016", bad, 6, 5), (diagnostic.Id, diagnostic.Path, diagnostic.Line, diagnostic.Column));
        var built = builder.Build();
        Assert.Equal(g.RelationCount, built.RelationCount);
        Assert.Null(built.FindEntity("thirdRound"));
        Assert.Same(hypothetical, built.FindEntity("secondRound")); // the builder is as it was: its entity becomes the graph's
    }

    [Fact]
    public void A_file_is_checked_against_what_the_builder_holds()
    {
        var g = DiplomacyGraph.Default;
        var builder = g.ToBuilder();
        builder.AddEntity(new Meeting("secondRound") { Name = "Second round", Date = new DateOnly(2025, 3, 1) });
        var taken = Write("taken.kg.json", """
            { "graph": "DiplomacyGraph", "entities": { "secondRound": { "type": "Meeting", "name": "Again", "date": "2025-03-01" } } }
            """);

        var diagnostic = Assert.Single(Assert.Throws<GraphLoadException>(() => builder.AddFile(taken)).Diagnostics);

        Assert.Equal(("KG0009", 1, 44), (diagnostic.Id, diagnostic.Line, diagnostic.Column));
    }
}
