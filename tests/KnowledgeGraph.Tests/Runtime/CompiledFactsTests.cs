using System;
using System.IO;
using System.Linq;
using System.Text;
using KnowledgeGraph.Tests.Values;

namespace KnowledgeGraph.Tests.Runtime;

/// <summary>
/// The facts a generated graph compiles in come back exactly as written (Models/values.kg.json, compiled by the
/// generator into this project), and a table that does not match its reader is refused with a clear message.
/// </summary>
public sealed class CompiledFactsTests
{
    private static readonly ValuesGraph s_graph = ValuesGraph.Default;

    [Fact]
    public void Every_property_type_reads_back_as_written()
    {
        var lamp = s_graph.Lamp;
        Assert.Equal("a note", lamp.Note);
        Assert.Equal(int.MinValue, lamp.Count);
        Assert.Equal(long.MaxValue, lamp.Serial);
        Assert.Equal(1e-7, lamp.Weight);
        Assert.Equal(19.990m, lamp.Price);
        Assert.Equal("19.990", lamp.Price.ToString(System.Globalization.CultureInfo.InvariantCulture)); // the scale too
        Assert.True(lamp.InStock);
        Assert.Equal(new DateOnly(2024, 2, 29), lamp.Released);
        Assert.Equal(new DateTimeOffset(2025, 2, 12, 14, 30, 0, TimeSpan.FromHours(3)), lamp.Updated);
        Assert.Equal(TimeSpan.FromHours(3), lamp.Updated.Offset);
        Assert.Equal(new Uri("https://example.org/lamp?size=2&colour=r%C3%B6d"), lamp.Homepage);
        Assert.Equal(Mood.VeryAngry, lamp.Mood);
        Assert.Equal(4.25, lamp.Rating);
        Assert.Equal(new DateOnly(2025, 12, 31), lamp.LastSeen);
        Assert.Equal(new Uri("https://mirror.example.org/"), lamp.Mirror);
        Assert.Equal(Mood.Calm, lamp.MoodLater);
        Assert.Equal(["light", "", "desk"], lamp.Tags);
        Assert.Equal([3, -1], lamp.Sizes);
        Assert.Equal([0.5m, 100m], lamp.Prices);
        Assert.Equal([new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 2)], lamp.Days);
        Assert.Equal([Mood.Calm, Mood.VeryAngry, Mood.Calm], lamp.Moods);
        Assert.Equal([new Uri("https://a.example/"), new Uri("https://b.example/")], lamp.Links);
    }

    [Fact]
    public void Absent_values_read_as_null_or_empty()
    {
        var stool = s_graph.Stool;
        Assert.Null(stool.Note);
        Assert.Null(stool.Rating);
        Assert.Null(stool.LastSeen);
        Assert.Null(stool.Mirror);
        Assert.Null(stool.MoodLater);
        Assert.Empty(stool.Tags);
        Assert.Empty(stool.Moods);
        Assert.Empty(stool.Links);
        Assert.Equal(new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero), stool.Updated);
        Assert.Equal(-1, stool.Serial);
        Assert.False(stool.InStock);
    }

    [Fact]
    public void Text_that_needs_escaping_reads_back_exactly()
    {
        Assert.Equal(
            "Lamp \"\"\"Deluxe\"\"\"\nsecond\tline \\ \u2028 after a line separator, \u202Eright-to-left, zero\u200Bwidth, Дарчиев, 😀",
            s_graph.Lamp.Name);
    }

    [Fact]
    public void Relation_properties_sources_and_validity_read_back()
    {
        var replaces = s_graph.Relations<Replaces>().ToList();
        Assert.Equal(2, replaces.Count);

        var first = replaces[0];
        Assert.Same(s_graph.Lamp, first.From);
        Assert.Same(s_graph.Stool, first.To);
        Assert.Equal(new DateOnly(2025, 1, 1), first.Since);
        Assert.Equal("brighter", first.Reason);
        Assert.Equal(1.50m, first.Score);
        Assert.Equal([s_graph.Wire, s_graph.Paper], first.Sources);
        Assert.Equal(new PartialDate(2025), first.ValidFrom);
        Assert.Equal(new PartialDate(2025, 6), first.ValidTo);

        var second = replaces[1];
        Assert.Null(second.Reason);
        Assert.Null(second.Score);
        Assert.Empty(second.Sources);
        Assert.Null(second.ValidFrom);
        Assert.Equal(new PartialDate(2001, 2, 3), second.ValidTo);
    }

    [Fact]
    public void Roles_read_back_and_facts_citing_the_same_source_share_its_list()
    {
        var met = s_graph.Relations<Met>().ToList();
        Assert.Same(s_graph.Hall, met[0].Venue);
        Assert.Same(s_graph.Stool, met[0].Witness);
        Assert.Equal([s_graph.Lamp, s_graph.Stool], met[0].Guests);
        Assert.Equal(new PartialDate(2025, 3, 4), met[0].ValidFrom);
        Assert.Null(met[1].Witness);
        Assert.Empty(met[1].Guests);
        Assert.Same(met[0].Sources, met[1].Sources);
        Assert.Equal([s_graph.Wire, s_graph.OddIdÜ], met[2].Sources);
        Assert.Equal("odd \"id\" \\ ü", met[2].Sources[1].Id);
    }

    [Theory]
    [InlineData("""[["Person", "ada", "Ada", null, "extra"]]""", "expected the end of the row")]
    [InlineData("""[["Person", "ada"]]""", "expected a string")]
    [InlineData("""[["Person", "ada", 7]]""", "expected a string")]
    [InlineData("""[["Robot", "ada", "Ada"]]""", "expected a known name, not 'Robot'")]
    [InlineData("""[["Person", "ada", "Ada"]""", "expected more data")]
    [InlineData("""{"Person": []}""", "expected a table")]
    public void A_table_that_does_not_match_its_reader_is_refused(string table, string expected)
    {
        var exception = Assert.Throws<InvalidDataException>(() => new TableGraph(table, ""));
        Assert.Contains(expected, exception.Message);
        Assert.Contains("rebuild the project", exception.Message);
    }

    [Fact]
    public void A_relation_row_naming_an_entity_the_graph_lacks_is_refused()
    {
        var exception = Assert.Throws<InvalidDataException>(() => new TableGraph(
            """[["Person", "ada", "Ada"], ["Person", "bob", "Bob", "Engineer"]]""",
            """[["called", "ada", "bob", "2025-02-12"], ["called", "bob", "eve", "2025-02-13"]]"""));
        Assert.Contains("row 2", exception.Message);
        Assert.Contains("not 'eve'", exception.Message);
    }

    [Fact]
    public void A_matching_table_builds_the_graph()
    {
        var graph = new TableGraph(
            """[["Person", "ada", "Ada"], ["Person", "bob", "Bob", "Engineer"]]""",
            """[["called", "ada", "bob", "2025-02-12"]]""");

        var bob = Assert.IsType<Person>(graph.FindEntity("bob"));
        Assert.Equal("Engineer", bob.Title);
        Assert.Equal(new DateOnly(2025, 2, 12), Assert.Single(graph.Relations<Called>()).On);
        Assert.Equal([bob], ((Person)graph.FindEntity("ada")!).Called);
    }

    /// <summary>A graph loaded from tables written by hand, as generated code loads its compiled-in ones.</summary>
    private sealed class TableGraph : Graph
    {
        public TableGraph(string entities, string relations)
            : base(Content(entities, relations))
        {
        }

        private static GraphContent Content(string entities, string relations)
        {
            var content = new GraphContent();
            content.AddEntities(Encoding.UTF8.GetBytes(entities), ReadEntity);
            if (relations.Length > 0)
            {
                content.AddRelations(Encoding.UTF8.GetBytes(relations), ReadRelation);
            }

            return content;
        }

        private static Entity ReadEntity(ref FactReader row) => row.Symbol() switch
        {
            "Person" => new Person(row.Id()) { Name = row.String(), Title = row.IsNull() ? null : row.String() },
            var type => throw row.UnknownSymbol(type),
        };

        private static Relation ReadRelation(ref FactReader row) => row.Symbol() switch
        {
            "called" => new Called(row.Entity<Person>(), row.Entity<Person>()) { On = row.Date() },
            var type => throw row.UnknownSymbol(type),
        };
    }
}
