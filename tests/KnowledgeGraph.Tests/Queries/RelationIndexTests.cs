using System;
using System.Linq;
using KnowledgeGraph.Tests.Runtime;
using Sample = Diplomacy;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>A relation index gives, as spans, exactly what navigation and <c>Outgoing</c>/<c>Incoming</c> give.</summary>
public sealed class RelationIndexTests
{
    private static readonly DateOnly Feb15 = new(2025, 2, 15);

    private readonly QueryWorld _g = new();

    [Fact]
    public void Every_entity_row_matches_Outgoing_and_Incoming_in_file_order()
    {
        var called = _g.Index<Called, Person, Person>();

        Assert.Equal(3, called.Count);
        foreach (var person in _g.Entities<Person>())
        {
            Assert.Equal(_g.Outgoing<Called>(person), called.Outgoing(person).ToArray());
            Assert.Equal(_g.Incoming<Called>(person), called.Incoming(person).ToArray());
            Assert.Equal(_g.Outgoing<Called>(person).Select(c => c.To), called.Targets(person).ToArray());
            Assert.Equal(_g.Incoming<Called>(person).Select(c => c.From), called.Origins(person).ToArray());
        }

        Assert.Equal([_g.Putin, _g.Witkoff], called.Targets(_g.Trump).ToArray());
        Assert.Equal([_g.R0, _g.R2], called.Outgoing(_g.Trump).ToArray());
        Assert.Equal([_g.Trump], called.Origins(_g.Putin).ToArray());
    }

    [Fact]
    public void An_entity_without_relations_of_the_type_has_an_empty_row()
    {
        var leads = _g.Index<Leads, Person, Delegation>();

        Assert.True(leads.Targets(_g.Trump).IsEmpty);
        Assert.True(leads.Origins(_g.Observers).IsEmpty);
        Assert.Equal([_g.RussianDelegation], leads.Targets(_g.Darchiyev).ToArray());
    }

    [Fact]
    public void Subtypes_of_the_relation_type_are_indexed_with_it()
    {
        var g = Sample.DiplomacyGraph.Default;
        var stated = g.Index<Sample.Stated, Sample.Agent, Sample.Thing>();

        Assert.Equal(g.Relations<Sample.Stated>().Count(), stated.Count);
        Assert.Contains(stated.Outgoing(g.StateDepartmentSpokesperson).ToArray(), r => r is Sample.Quoted);
        foreach (var agent in g.Entities<Sample.Agent>())
        {
            Assert.Equal(agent.Outgoing<Sample.Stated>(), stated.Outgoing(agent).ToArray());
        }
    }

    [Fact]
    public void A_view_indexes_only_what_it_keeps()
    {
        var view = _g.AsOf(Feb15);
        var leads = view.Index<Leads, Person, Delegation>();

        Assert.Equal(view.Relations<Leads>().Count(), leads.Count);
        Assert.Equal([_g.RussianDelegation], leads.Targets(_g.Darchiyev).ToArray());
        var called = view.Index<Called, Person, Person>();
        Assert.Equal(view.Outgoing<Called>(_g.Trump).Select(c => c.To), called.Targets(_g.Trump).ToArray());
        Assert.DoesNotContain(_g.R1, called.Incoming(_g.Trump).ToArray());
    }

    [Fact]
    public void A_sealed_graph_keeps_its_index()
    {
        Assert.Same(_g.Index<Called, Person, Person>(), _g.Index<Called, Person, Person>());
    }

    [Fact]
    public void An_entity_of_another_graph_or_null_is_refused()
    {
        var called = _g.Index<Called, Person, Person>();

        Assert.Throws<ArgumentException>("from", () => called.Targets(new QueryWorld().Trump).Length);
        Assert.Throws<ArgumentException>("to", () => called.Origins(new Person("loose") { Name = "Loose" }).Length);
        Assert.Throws<ArgumentNullException>("from", () => called.Outgoing(null!).Length);
    }

}
