using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Diplomacy;

namespace KnowledgeGraph.Sparql.Tests;

[Collection(VirtuosoCollection.Name)]
public sealed partial class PullTests(VirtuosoFixture fixture)
{
    private readonly VirtuosoServer _server = fixture.Server;

    private SparqlStore Store() => new(_server.AuthEndpoint, _server.GraphStore, VirtuosoServer.Administrator);

    [Fact]
    public async Task A_graph_pushed_and_pulled_is_the_graph_pushed()
    {
        using var store = Store();
        var graph = Sparql.NewGraphIri();
        await store.PushAsync(DiplomacyGraph.Default, graph);

        var pulled = await store.PullAsync<DiplomacyGraph>(graph);

        Assert.Equal(DiplomacyGraph.Default.EntityCount, pulled.EntityCount);
        Assert.Equal(DiplomacyGraph.Default.RelationCount, pulled.RelationCount);
        Assert.Equal(SavedLines(DiplomacyGraph.Default), SavedLines(pulled));
        Assert.Equal("Alexander Darchiyev", pulled.RussianDelegation.LedBy?.Name);
    }

    [Fact]
    public async Task A_graph_of_100k_facts_pushed_and_pulled_is_the_graph_pushed_and_so_are_its_neighbourhoods()
    {
        using var store = Store();
        var graph = Sparql.NewGraphIri();
        var facts = await DiplomacyGraph.LoadAsync([new GraphSource("synthetic.kg.json", new MemoryStream(SyntheticDiplomacy.File(100_000)))]);
        Assert.InRange(facts.RelationCount, 95_000, 100_000);
        try
        {
            await store.PushAsync(facts, graph);

            var pulled = await store.PullAsync<DiplomacyGraph>(graph);

            Assert.Equal(facts.EntityCount, pulled.EntityCount);
            Assert.Equal(facts.RelationCount, pulled.RelationCount);
            Assert.Equal(SavedLines(facts), SavedLines(pulled));

            // Neighbourhoods of entities spread over the graph, from a store that holds all of it.
            var entities = facts.Entities<Entity>().ToList();
            foreach (var centre in Enumerable.Range(0, 8).Select(i => entities[i * entities.Count / 8]))
            {
                AssertHolds(facts.Around(centre, 2), await store.PullAroundAsync<DiplomacyGraph>(graph, centre.Id, 2), centre.Id, 2);
            }
        }
        finally
        {
            // The other tests share the store: a large graph left behind would slow them down.
            await store.UpdateAsync($"DROP SILENT GRAPH <{graph}>", TimeSpan.FromMinutes(2), default);
        }
    }

    [Fact]
    public async Task A_view_pushed_and_pulled_is_the_view()
    {
        using var store = Store();
        var graph = Sparql.NewGraphIri();
        var view = DiplomacyGraph.Default.AsOf(new DateOnly(2025, 2, 27));
        await store.PushAsync(view, graph);

        var pulled = await store.PullAsync<DiplomacyGraph>(graph);

        Assert.Equal(SavedLines(view), SavedLines(pulled));
    }

    [Fact]
    public async Task A_CONSTRUCT_reads_the_named_graph_as_its_default_graph()
    {
        using var store = Store();
        var graph = Sparql.NewGraphIri();
        await store.PushAsync(DiplomacyGraph.Default, graph);

        // Every triple but the facts of one relation type: the pulled graph lacks exactly its facts.
        var withoutLeads = await store.PullAsync<DiplomacyGraph>(graph, $$"""
            {{Sparql.Prefixes}}
            CONSTRUCT { ?s ?p ?o } WHERE {
              ?s ?p ?o .
              FILTER (?p != <{{DiplomacyGraph.Rdf.Leads}}>)
              FILTER NOT EXISTS { ?s rdf:predicate <{{DiplomacyGraph.Rdf.Leads}}> }
            }
            """);

        var expected = DiplomacyGraph.Default.Where(relation => relation is not Leads);
        Assert.True(expected.RelationCount < DiplomacyGraph.Default.RelationCount);
        Assert.Equal(SavedLines(expected), SavedLines(withoutLeads));
    }

    [Theory]
    [InlineData("darchiyev", 2)]
    [InlineData("istanbulTalks", 2)] // a meeting, with roles, quoted statements and the entities they name
    [InlineData("darchiyev", 0)]
    [InlineData("darchiyev", 1)]
    [InlineData("istanbulTalks", 3)]
    public async Task The_neighbourhood_pulled_from_the_store_is_what_Around_holds(string id, int depth)
    {
        using var store = Store();
        var graph = Sparql.NewGraphIri();
        var g = DiplomacyGraph.Default;
        await store.PushAsync(g, graph);

        var pulled = await store.PullAroundAsync<DiplomacyGraph>(graph, id, depth);

        var around = g.Around(Entity(g, id), depth);
        Assert.InRange(around.RelationCount, depth == 0 ? 0 : 3, g.RelationCount * 3 / 4);
        AssertHolds(around, pulled, id, depth);
    }

    [Fact]
    public async Task An_id_the_store_does_not_hold_has_an_empty_neighbourhood()
    {
        using var store = Store();
        var graph = Sparql.NewGraphIri();
        await store.PushAsync(DiplomacyGraph.Default, graph);

        var pulled = await store.PullAroundAsync<DiplomacyGraph>(graph, "nobody", 2);

        Assert.Equal(0, pulled.EntityCount);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.PullAroundAsync<DiplomacyGraph>(graph, "darchiyev", -1));
    }

    // The pulled graph is the neighbourhood: the same facts, and beyond its entities only those its facts name as role
    // players or sources.
    private static void AssertHolds(GraphView around, DiplomacyGraph pulled, string id, int depth)
    {
        Assert.Equal(around.RelationCount, pulled.RelationCount);
        Assert.Equal(SavedLines(around), SavedLines(pulled.Around(Entity(pulled, id), depth)));
        var named = around.Relations<Relation>()
            .SelectMany(relation => relation.Sources.Concat(RolePlayers(relation)))
            .Select(entity => entity.Id);
        Assert.Equal(
            around.Entities<Entity>().Select(entity => entity.Id).Union(named).Order(StringComparer.Ordinal),
            pulled.Entities<Entity>().Select(entity => entity.Id).Order(StringComparer.Ordinal));
    }

    private static Entity Entity(GraphView graph, string id) => graph.Entities<Entity>().Single(entity => entity.Id == id);

    // The sample's role players, by its relation types' roles.
    private static IEnumerable<Entity> RolePlayers(Relation relation) => relation switch
    {
        HeldIn heldIn => [.. heldIn.Delegations, .. heldIn.Venue is { } venue ? [venue] : Array.Empty<Entity>()],
        InDisputeWith dispute => dispute.Over is { } over ? [over] : [],
        Stated statement => [.. statement.Mentions, .. statement.OnBehalfOf is { } organization ? [organization] : Array.Empty<Entity>()],
        _ => [],
    };

    [Fact]
    public async Task Triples_that_break_the_rules_are_refused_with_the_loaders_diagnostics_naming_the_graph()
    {
        using var store = Store();
        var graph = Sparql.NewGraphIri();
        await store.PushAsync(DiplomacyGraph.Default, graph);

        // Darchiyev without his type: his properties belong to no entity of the graph.
        var exception = await Assert.ThrowsAsync<GraphLoadException>(() => store.PullAsync<DiplomacyGraph>(graph, $$"""
            {{Sparql.Prefixes}}
            CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . FILTER (!(?s = g:darchiyev && ?p = rdf:type)) }
            """));

        var diagnostic = Assert.Single(exception.Diagnostics, d => d.Id == "KG0004");
        Assert.Equal(graph.OriginalString, diagnostic.Path);
        Assert.Contains("<urn:kg:DiplomacyGraph:darchiyev>", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_error_in_the_CONSTRUCT_is_a_SparqlException_with_the_query()
    {
        using var store = Store();
        const string query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p }";

        var exception = await Assert.ThrowsAsync<SparqlException>(() => store.PullAsync<DiplomacyGraph>(Sparql.NewGraphIri(), query));

        Assert.Equal(query, exception.Query);
    }

    // Saved a fact or an entity a line: the same lines in another order (commas aside) are the same graph, whatever
    // order the store gave its triples in. A list is a set of triples in RDF, which a store gives back in an order of
    // its own: its items are compared in order of their text.
    private static List<string> SavedLines(GraphView graph)
    {
        using var stream = new MemoryStream();
        graph.Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray())
            .Split('\n')
            .Select(line => ListOfStrings().Replace(line.TrimEnd(','), list => $"[{string.Join(", ", JsonString().Matches(list.Value).Select(item => item.Value).Order(StringComparer.Ordinal))}]"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"\[\s*""(?:[^""\\]|\\.)*""(?:\s*,\s*""(?:[^""\\]|\\.)*"")*\s*\]")]
    private static partial Regex ListOfStrings();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex JsonString();
}
