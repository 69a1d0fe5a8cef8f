using System;
using System.Collections.Generic;
using System.Linq;
using QuikGraph;
using QuikGraph.Algorithms;

namespace KnowledgeGraph.Tests.Runtime;

public sealed class GraphQueryTests
{
    private readonly DiplomacyGraph _g = new();

    [Fact]
    public void Entities_of_a_type_include_subtypes_in_file_order()
    {
        Assert.Equal(
            ["trump", "usa", "putin", "darchiyev", "russia", "russianDelegation", "americanDelegation", "reuters-istanbul", "tass", "witkoff"],
            _g.Entities<Entity>().Select(e => e.Id));
        // Agent is abstract and mixes Person, Diplomat and Country: file order, not grouped by type.
        Assert.Equal(["trump", "usa", "putin", "darchiyev", "russia", "witkoff"], _g.Entities<Agent>().Select(e => e.Id));
        Assert.Equal([_g.Trump, _g.Putin, _g.Darchiyev, _g.Witkoff], _g.Entities<Person>());
        Assert.Equal([_g.Darchiyev], _g.Entities<Diplomat>());
        Assert.Equal([_g.Usa, _g.Russia], _g.Entities<Country>());
        Assert.Equal([_g.Reuters, _g.Tass], _g.Entities<Article>());
    }

    [Fact]
    public void Entities_are_typed_for_linq()
    {
        var titled = _g.Entities<Person>().Where(p => p.Title is not null).Select(p => p.Name);
        Assert.Equal(["Donald Trump"], titled);
    }

    [Fact]
    public void Relations_of_a_type_in_file_order()
    {
        Assert.Equal([_g.FirstCall, _g.SecondCall, _g.DiplomatCall], _g.Relations<Called>());
        Assert.Equal([_g.Leadership], _g.Relations<Leads>());
        Assert.Equal([_g.RussianRepresentation, _g.AmericanRepresentation], _g.Relations<Represents>());
        Assert.Equal(
            [_g.FirstCall, _g.SecondCall, _g.DiplomatCall, _g.Leadership, _g.RussianRepresentation, _g.AmericanRepresentation],
            _g.Relations<Relation>());
        Assert.Equal(
            ["Donald Trump → Vladimir Putin"],
            _g.Relations<Called>().Where(c => c.On < new DateOnly(2025, 2, 20)).Select(c => $"{c.From.Name} → {c.To.Name}"));
    }

    [Fact]
    public void Counts()
    {
        Assert.Equal(10, _g.EntityCount);
        Assert.Equal(6, _g.RelationCount);
        Assert.Equal(0, new OpenGraph().Seal().EntityCount);
        Assert.Equal(0, new OpenGraph().Seal().RelationCount);
    }

    [Fact]
    public void FindEntity_by_exact_id()
    {
        Assert.Same(_g.Darchiyev, _g.FindEntity("darchiyev"));
        Assert.Same(_g.Reuters, _g.FindEntity("reuters-istanbul"));
        Assert.Null(_g.FindEntity("Darchiyev")); // ordinal: ids are case-sensitive
        Assert.Null(_g.FindEntity("nobody"));
        Assert.Null(_g.FindEntity(""));
        Assert.Throws<ArgumentNullException>(() => _g.FindEntity(null!));
    }

    [Fact]
    public void FactsFrom_lists_the_relations_citing_a_source_in_file_order()
    {
        Assert.Equal([_g.FirstCall, _g.DiplomatCall], _g.FactsFrom(_g.Reuters));
        Assert.Equal([_g.SecondCall, _g.DiplomatCall], _g.FactsFrom(_g.Tass));
        Assert.Empty(_g.FactsFrom(_g.Putin));
        Assert.Empty(_g.FactsFrom(new DiplomacyGraph().Reuters)); // the same id in another graph is another entity
        Assert.Throws<ArgumentNullException>(() => _g.FactsFrom(null!));
    }

    [Fact]
    public void Relation_reserved_facts()
    {
        Assert.Equal([_g.Reuters, _g.Tass], _g.DiplomatCall.Sources);
        Assert.Empty(_g.Leadership.Sources);
        Assert.Equal(new DateOnly(2025, 2, 27), _g.Leadership.ValidFrom);
        Assert.Equal(new DateOnly(2025, 4, 10), _g.Leadership.ValidTo);
        Assert.Null(_g.FirstCall.ValidFrom);
        Assert.Null(_g.FirstCall.ValidTo);
        Assert.Equal(new DateOnly(2025, 2, 12), _g.FirstCall.On);
    }

    [Fact]
    public void Typed_endpoints_are_the_base_endpoints()
    {
        Relation untyped = _g.Leadership;
        Person from = _g.Leadership.From;
        Delegation to = _g.Leadership.To;
        Assert.Same(_g.Darchiyev, from);
        Assert.Same(_g.RussianDelegation, to);
        Assert.Same(from, untyped.From);
        Assert.Same(to, untyped.To);
        IEdge<Entity> edge = untyped;
        Assert.Same(from, edge.Source);
        Assert.Same(to, edge.Target);
    }

    [Fact]
    public void AsQuikGraph_holds_every_entity_and_relation()
    {
        var quik = _g.AsQuikGraph();
        Assert.Equal(10, quik.VertexCount);
        Assert.Equal(6, quik.EdgeCount);
        Assert.True(quik.IsDirected);
        Assert.True(quik.AllowParallelEdges);
        Assert.Equal(_g.Entities<Entity>().ToHashSet(), quik.Vertices.ToHashSet());
        Assert.Equal(_g.Relations<Relation>().ToHashSet(), quik.Edges.ToHashSet());
        Assert.Equal([_g.FirstCall, _g.SecondCall], quik.OutEdges(_g.Trump));
        Assert.Equal([_g.FirstCall, _g.SecondCall, _g.DiplomatCall], quik.InEdges(_g.Putin));
    }

    [Fact]
    public void AsQuikGraph_runs_a_topological_sort()
    {
        var order = _g.AsQuikGraph().TopologicalSort().ToList();

        Assert.Equal(10, order.Count);
        Assert.Equal(_g.EntityCount, order.Distinct().Count());
        foreach (var relation in _g.Relations<Relation>())
        {
            Assert.True(
                order.IndexOf(relation.From) < order.IndexOf(relation.To),
                $"'{relation}' is not sorted: {string.Join(", ", order)}");
        }
    }

    [Fact]
    public void AsQuikGraph_runs_weakly_connected_components()
    {
        var components = new Dictionary<Entity, int>();
        var count = _g.AsQuikGraph().WeaklyConnectedComponents(components);

        // {trump, putin, darchiyev, russianDelegation, russia}, {usa, americanDelegation}, and three loners:
        // a source is not linked to the facts it backs.
        Assert.Equal(5, count);
        Assert.Equal(10, components.Count);
        Assert.All(
            new Entity[] { _g.Putin, _g.Darchiyev, _g.RussianDelegation, _g.Russia },
            e => Assert.Equal(components[_g.Trump], components[e]));
        Assert.Equal(components[_g.Usa], components[_g.AmericanDelegation]);
        Assert.NotEqual(components[_g.Trump], components[_g.Usa]);
        Assert.Equal(
            5,
            new Entity[] { _g.Trump, _g.Usa, _g.Reuters, _g.Tass, _g.Witkoff }.Select(e => components[e]).Distinct().Count());
    }

    [Fact]
    public void Default_is_built_once()
    {
        Assert.Same(DiplomacyGraph.Default, DiplomacyGraph.Default);
        Assert.Same(DiplomacyGraph.Default.Putin, DiplomacyGraph.Default.FindEntity("putin"));
    }
}
