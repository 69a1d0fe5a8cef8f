using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Diplomacy;

namespace KnowledgeGraph.Sparql.Tests;

/// <summary>Questions of the sample's tour, asked in SPARQL of the pushed sample, answered as the graph in memory answers them.</summary>
[Collection(VirtuosoCollection.Name)]
public sealed class SameAnswersTests(VirtuosoFixture fixture) : IAsyncLifetime
{
    private static readonly DiplomacyGraph G = DiplomacyGraph.Default;
    private readonly SparqlStore _store = new(fixture.Server.AuthEndpoint, fixture.Server.GraphStore, VirtuosoServer.Administrator);
    private readonly Uri _graph = Sparql.NewGraphIri();

    public Task InitializeAsync() => _store.PushAsync(G, _graph);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Each_delegation_its_country_and_its_leader()
    {
        var rows = await Select("""
            SELECT ?d ?country ?leader WHERE {
              ?d a kg:Delegation .
              OPTIONAL { ?d kg:represents ?country }
              OPTIONAL { ?leader kg:leads ?d }
            }
            """);

        var answers = rows.Select(row => (
            row.Entity<Delegation>("d", G),
            row.IsBound("country") ? row.Entity<Country>("country", G) : null,
            row.IsBound("leader") ? row.Entity<Person>("leader", G) : null));
        var expected = G.Entities<Delegation>().Select(d => ((Delegation?)d, d.Represents, d.LedBy));
        Assert.Equal(Sorted(expected), Sorted(answers));
    }

    [Fact]
    public async Task Multi_hop_people_to_the_delegations_they_lead_to_the_countries_those_represent()
    {
        var rows = await Select("SELECT DISTINCT ?c WHERE { ?p a kg:Person ; kg:leads ?d . ?d kg:represents ?c }");

        var expected = G.Entities<Person>().Leads().Represents().Select(c => c.Id).Order(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(row => row.Entity<Country>("c", G)!.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_meeting_on_its_date()
    {
        var rows = await Select("SELECT ?m ?date WHERE { ?m a kg:Meeting ; <urn:kg:DiplomacyGraph:schema/Meeting/date> ?date }");

        Assert.Equal(
            G.Entities<Meeting>().Select(m => $"{m.Id} {m.Date}").Order(StringComparer.Ordinal),
            rows.Select(row => $"{row.Entity<Meeting>("m", G)!.Id} {row.GetDate("date")}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task What_Lavrov_said_on_what_and_how_and_what_the_report_cites()
    {
        var said = await Select("""
            SELECT ?to ?manner WHERE { ?fact rdf:subject g:lavrov ; rdf:object ?to ; <urn:kg:DiplomacyGraph:schema/stated/manner> ?manner }
            """);
        Assert.Equal(
            G.Lavrov.Outgoing<Stated>().Select(s => $"{s.To.Id} {s.Manner}").Order(StringComparer.Ordinal),
            said.Select(row => $"{row.Entity<Thing>("to", G)!.Id} {row.GetEnum<Manner>("manner")}").Order(StringComparer.Ordinal));

        var cited = await Select("""
            SELECT (COUNT(?fact) AS ?n) WHERE { ?fact <http://purl.org/dc/terms/source> g:reutersIstanbul }
            """);
        Assert.Equal(G.FactsFrom(G.ReutersIstanbul).Count(), cited.Single().GetInt32("n"));
    }

    [Fact]
    public async Task Entities_of_each_type_counted()
    {
        var rows = await Select("SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type . ?type a <http://www.w3.org/2000/01/rdf-schema#Class> } GROUP BY ?type");
        var counts = rows.ToDictionary(row => row.GetUri("type").OriginalString, row => row.GetInt32("n"));

        Assert.Equal(G.Entities<Person>().Count(), counts["urn:kg:DiplomacyGraph:schema/Person"]);
        Assert.Equal(G.Entities<Thing>().Count(), counts["urn:kg:DiplomacyGraph:schema/Thing"]);
        Assert.Equal(G.Entities<Meeting>().Count(), counts["urn:kg:DiplomacyGraph:schema/Meeting"]);
    }

    private Task<List<SparqlRow>> Select(string query) =>
        _store.RowsAsync(Sparql.Prefixes + query.Replace("WHERE {", $"FROM <{_graph}> WHERE {{", StringComparison.Ordinal));

    private static List<string> Sorted<T>(IEnumerable<(T?, Country?, Person?)> rows)
        where T : Entity =>
        [.. rows.Select(row => $"{row.Item1?.Id} {row.Item2?.Id} {row.Item3?.Id}").Order(StringComparer.Ordinal)];
}
