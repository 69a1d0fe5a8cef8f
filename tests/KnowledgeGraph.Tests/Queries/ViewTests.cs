using System;
using System.Linq;
using KnowledgeGraph.Tests.Runtime;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>A view answers the graph's queries, limited to what it keeps.</summary>
public sealed class ViewTests
{
    private static readonly DateOnly Feb15 = new(2025, 2, 15);

    private readonly QueryWorld _g = new();

    [Fact]
    public void A_graph_is_a_view_of_everything()
    {
        GraphView view = _g;

        Assert.Equal(22, view.EntityCount);
        Assert.True(view.Contains(_g.Talks));
        Assert.True(view.Contains(_g.R19));
        Assert.False(view.Contains(new QueryWorld().Talks));
        Assert.False(view.Contains(new QueryWorld().R19));
        Assert.Throws<ArgumentNullException>("entity", () => view.Contains((Entity)null!));
        Assert.Throws<ArgumentNullException>("relation", () => view.Contains((Relation)null!));
    }

    [Fact]
    public void FindEntity_finds_only_what_the_view_keeps()
    {
        var view = _g.AsOf(Feb15);

        Assert.Equal(_g.Trump, view.FindEntity("trump")); // the view's own object for trump
        Assert.Null(view.FindEntity("talks"));
        Assert.Same(_g.Talks, _g.FindEntity("talks"));
        Assert.Null(view.FindEntity<Meeting>("session"));
        Assert.Equal(_g.Istanbul, view.FindEntity<Place>("istanbul"));
        Assert.Null(view.FindEntity<Person>("istanbul"));
        Assert.Throws<ArgumentNullException>("id", () => view.FindEntity(null!));
    }

    [Fact]
    public void Outgoing_and_Incoming_of_a_view_stay_inside_it()
    {
        var view = _g.AsOf(Feb15);

        Assert.Equal([_g.R0], view.Outgoing<Called>(_g.Trump));
        Assert.Equal([_g.R0, _g.R2], _g.Outgoing<Called>(_g.Trump));
        Assert.Equal([_g.R0, _g.R2], _g.Trump.Outgoing<Called>()); // the graph's trump reads the graph
        Assert.Equal([_g.R0], view.FindEntity("trump")!.Outgoing<Called>()); // the view's reads the view
        Assert.Empty(view.Incoming<Relation>(_g.Talks)); // left out: no relations
        Assert.Throws<ArgumentException>("entity", () => view.Outgoing<Relation>(new QueryWorld().Trump));
    }

    [Fact]
    public void Paths_components_and_degrees_of_a_view()
    {
        var view = _g.AsOf(Feb15);

        // Without the meetings, darchiyev's delegation no longer reaches Istanbul.
        Assert.Equal(3, _g.ShortestPath(_g.Darchiyev, _g.Istanbul)!.Count);
        Assert.Null(view.ShortestPath(_g.Darchiyev, _g.Istanbul));
        Assert.Empty(view.AllSimplePaths(_g.Darchiyev, _g.Istanbul, 10));
        Assert.Null(view.ShortestPath(_g.Talks, _g.Talks)); // left out: no path, not even the empty one
        Assert.Empty(view.AllSimplePaths(_g.Talks, _g.Talks, 1));
        Assert.Throws<ArgumentException>("from", () => view.ShortestPath(new QueryWorld().Trump, _g.Trump));

        Assert.Equal(2, view.Degree(_g.RussianDelegation)); // R3, R5
        Assert.Equal(0, view.Degree(_g.Talks));
        Assert.DoesNotContain(view.ConnectedComponents().SelectMany(c => c), e => e == _g.Talks);
        Assert.Equal([_g.Darchiyev, _g.Russia, _g.RussianDelegation], view.ConnectedComponents().Single(c => c.Contains(_g.Darchiyev)));
        Assert.Equal(view.EntityCount, view.PageRank().Count);
    }

    [Fact]
    public void AsQuikGraph_of_a_view_holds_exactly_its_entities_and_relations()
    {
        var quik = _g.AsOf(Feb15).AsQuikGraph();

        Assert.Equal(18, quik.VertexCount);
        Assert.Equal(11, quik.EdgeCount);
        Assert.False(quik.ContainsVertex(_g.Talks));
        Assert.False(quik.ContainsEdge(_g.R2));
        Assert.Equal(22, _g.AsQuikGraph().VertexCount); // the graph is untouched
    }

    [Fact]
    public void Where_keeps_some_relations_and_every_entity()
    {
        var places = _g.Where(r => r is LocatedIn);

        Assert.Equal(22, places.EntityCount);
        Assert.Equal([_g.R14, _g.R15, _g.R16], places.Relations<Relation>());
        Assert.Equal("Consul general's residence —locatedIn→ Istanbul —locatedIn→ Türkiye", places.ShortestPath(_g.Residence, _g.Turkiye)?.ToString());
        Assert.Null(places.ShortestPath(_g.Residence, _g.Greece));
        Assert.Throws<ArgumentNullException>("keep", () => _g.Where(null!));
    }

    [Fact]
    public void WhereEntities_keeps_some_entities_and_the_relations_between_them()
    {
        var noMeetings = _g.WhereEntities(e => e is not Meeting);

        Assert.Equal(19, noMeetings.EntityCount);
        Assert.Equal(13, noMeetings.RelationCount); // R7–R13 touch a meeting
        Assert.DoesNotContain(noMeetings.Relations<Relation>(), r => r is Attended or HeldIn);
        Assert.Throws<ArgumentNullException>("keep", () => _g.WhereEntities(null!));
    }
}
