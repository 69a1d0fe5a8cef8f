using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Tests.Runtime;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>A relation path reaches exactly what the same hops through <c>Outgoing</c> reach, in the same order.</summary>
public sealed class RelationPathTests
{
    private readonly QueryWorld _g = new();

    [Fact]
    public void Three_hops_reach_what_nested_Outgoing_reaches_in_the_same_order()
    {
        var places = _g.Index<Leads, Person, Delegation>()
            .Then(_g.Index<Attended, Delegation, Meeting>())
            .Then(_g.Index<HeldIn, Meeting, Place>());

        Assert.Equal(3, places.Hops);
        foreach (var person in _g.Entities<Person>())
        {
            var expected = Step<HeldIn, Place>(_g, Step<Attended, Meeting>(_g, Step<Leads, Delegation>(_g, [person])));
            Assert.Equal(expected, Ends(places, person));
            Assert.Equal(expected.Count, places.Count(person));
        }
    }

    [Fact]
    public void An_end_is_reached_once_per_path_to_it()
    {
        var places = _g.Index<Leads, Person, Delegation>()
            .Then(_g.Index<Attended, Delegation, Meeting>())
            .Then(_g.Index<HeldIn, Meeting, Place>());

        // Darchiyev's delegation attended two meetings, both held in Istanbul.
        Assert.Equal([_g.Istanbul, _g.Istanbul], Ends(places, _g.Darchiyev));
        Assert.Equal(2, places.Count(_g.Darchiyev));
        Assert.Equal([_g.Istanbul], Ends(places, _g.Coulter));
    }

    [Fact]
    public void Two_hops_reach_what_nested_Outgoing_reaches()
    {
        var venues = _g.Index<Attended, Delegation, Meeting>().Then(_g.Index<HeldIn, Meeting, Place>());

        Assert.Equal(2, venues.Hops);
        Assert.Equal([_g.Istanbul, _g.Istanbul], Ends(venues, _g.RussianDelegation));
        Assert.Equal([_g.Riyadh], Ends(venues, _g.Observers));
        foreach (var delegation in _g.Entities<Delegation>())
        {
            var expected = Step<HeldIn, Place>(_g, Step<Attended, Meeting>(_g, [delegation]));
            Assert.Equal(expected, Ends(venues, delegation));
            Assert.Equal(expected.Count, venues.Count(delegation));
        }
    }

    [Fact]
    public void A_start_with_no_path_reaches_nothing()
    {
        var places = _g.Index<Leads, Person, Delegation>()
            .Then(_g.Index<Attended, Delegation, Meeting>())
            .Then(_g.Index<HeldIn, Meeting, Place>());

        Assert.Empty(Ends(places, _g.Trump));
        Assert.Equal(0, places.Count(_g.Trump));
    }

    [Fact]
    public void Rows_empty_on_the_way_are_passed_over()
    {
        var open = new OpenGraph();
        var ada = open.AddEntity(new Person("ada") { Name = "Ada" });
        var idle = open.AddEntity(new Delegation("idle") { Name = "No meetings" });
        var busy = open.AddEntity(new Delegation("busy") { Name = "Two meetings" });
        var late = open.AddEntity(new Delegation("late") { Name = "One meeting" });
        var nowhere = open.AddEntity(new Meeting("nowhere") { Name = "Not held anywhere", Date = new DateOnly(2025, 1, 1) });
        var first = open.AddEntity(new Meeting("first") { Name = "First", Date = new DateOnly(2025, 1, 2) });
        var last = open.AddEntity(new Meeting("last") { Name = "Last", Date = new DateOnly(2025, 1, 3) });
        var istanbul = open.AddEntity(new Place("istanbul") { Name = "Istanbul" });
        var riyadh = open.AddEntity(new Place("riyadh") { Name = "Riyadh" });
        open.AddRelation(new Leads(ada, idle));
        open.AddRelation(new Leads(ada, busy));
        open.AddRelation(new Leads(ada, late));
        open.AddRelation(new Attended(busy, nowhere));
        open.AddRelation(new Attended(busy, first));
        open.AddRelation(new Attended(late, last));
        open.AddRelation(new HeldIn(first, istanbul));
        open.AddRelation(new HeldIn(last, riyadh));
        var g = open.Seal();

        var places = g.Index<Leads, Person, Delegation>()
            .Then(g.Index<Attended, Delegation, Meeting>())
            .Then(g.Index<HeldIn, Meeting, Place>());

        Assert.Equal([istanbul, riyadh], Ends(places, ada));
        Assert.Equal(2, places.Count(ada));
    }

    [Fact]
    public void The_ends_are_a_sequence_for_LINQ()
    {
        var places = _g.Index<Leads, Person, Delegation>()
            .Then(_g.Index<Attended, Delegation, Meeting>())
            .Then(_g.Index<HeldIn, Meeting, Place>());

        Assert.Equal([_g.Istanbul], places.Targets(_g.Darchiyev).Distinct());
        Assert.Equal(2, places.Targets(_g.Darchiyev).Count());
    }

    [Fact]
    public void A_symmetric_fact_is_followed_from_its_first_end_to_its_second_only()
    {
        var open = new OpenGraph();
        var ada = open.AddEntity(new Person("ada") { Name = "Ada" });
        var bob = open.AddEntity(new Person("bob") { Name = "Bob" });
        var team = open.AddEntity(new Delegation("team") { Name = "Team" });
        open.AddRelation(new MetWith(ada, bob));
        open.AddRelation(new Leads(ada, team));
        open.AddRelation(new Leads(bob, team));
        var g = open.Seal();

        var metsLeaders = g.Index<MetWith, Person, Person>().Then(g.Index<Leads, Person, Delegation>());

        Assert.Equal([team], Ends(metsLeaders, ada));
        Assert.Empty(Ends(metsLeaders, bob));
    }

    [Fact]
    public void A_path_over_a_view_reaches_only_through_what_the_view_keeps()
    {
        var view = _g.Where(relation => relation != _g.R9);
        var venues = view.Index<Attended, Delegation, Meeting>().Then(view.Index<HeldIn, Meeting, Place>());

        Assert.Equal([_g.Istanbul], Ends(venues, _g.RussianDelegation));
        Assert.Equal(1, venues.Count(_g.RussianDelegation));
    }

    [Fact]
    public void An_index_of_another_graph_is_refused()
    {
        var other = new QueryWorld();

        Assert.Throws<ArgumentException>("next", () => _g.Index<Attended, Delegation, Meeting>().Then(other.Index<HeldIn, Meeting, Place>()));
        Assert.Throws<ArgumentNullException>("next", () => _g.Index<Attended, Delegation, Meeting>().Then((RelationIndex<HeldIn, Meeting, Place>)null!));
    }

    [Fact]
    public void A_path_has_at_most_three_hops()
    {
        var located = _g.Index<LocatedIn, Place, Place>();
        var three = located.Then(located).Then(located);

        Assert.Equal(3, RelationPath<Place, Place>.MaxHops);
        Assert.Equal(RelationPath<Place, Place>.MaxHops, three.Hops);
        Assert.Throws<InvalidOperationException>(() => three.Then(located));
    }

    [Fact]
    public void A_start_of_another_graph_or_null_is_refused()
    {
        var venues = _g.Index<Attended, Delegation, Meeting>().Then(_g.Index<HeldIn, Meeting, Place>());

        Assert.Throws<ArgumentException>("from", () => venues.Count(new QueryWorld().RussianDelegation));
        Assert.Throws<ArgumentException>("from", () => venues.Targets(new Delegation("loose") { Name = "Loose" }));
        Assert.Throws<ArgumentNullException>("from", () => venues.Count(null!));
    }

    private static List<TTo> Ends<TFrom, TTo>(RelationPath<TFrom, TTo> path, TFrom from)
        where TFrom : Entity
        where TTo : Entity
    {
        var ends = new List<TTo>();
        foreach (var end in path.Targets(from))
        {
            ends.Add(end);
        }

        return ends;
    }

    private static List<TTo> Step<TRelation, TTo>(GraphView view, IEnumerable<Entity> from)
        where TRelation : Relation
        where TTo : Entity =>
        from.SelectMany(entity => view.Outgoing<TRelation>(entity)).Select(relation => (TTo)relation.To).ToList();
}
