using System.Linq;

namespace KnowledgeGraph.Tests.Runtime;

public sealed class NavigationTests
{
    private readonly DiplomacyGraph _g = new();

    [Fact]
    public void Targets_list_every_fact_in_file_order_including_parallel_ones()
    {
        Assert.Equal([_g.Putin, _g.Putin], _g.Trump.Called);
        Assert.Equal([_g.Putin], _g.Darchiyev.Called);
        Assert.Empty(_g.Putin.Called);
        Assert.Empty(_g.Witkoff.Called);
    }

    [Fact]
    public void Origins_list_every_fact_in_file_order()
    {
        Assert.Equal([_g.Trump, _g.Trump, _g.Darchiyev], _g.Putin.CalledBy);
        Assert.Equal([_g.RussianDelegation], _g.Russia.RepresentedBy);
        Assert.Empty(_g.Trump.CalledBy);
        Assert.Empty(_g.Witkoff.CalledBy);
    }

    [Fact]
    public void Target_and_Origin_give_one_entity_or_null()
    {
        Assert.Same(_g.RussianDelegation, _g.Darchiyev.Leads);
        Assert.Same(_g.Darchiyev, _g.RussianDelegation.LedBy);
        Assert.Same(_g.Russia, _g.RussianDelegation.Represents);
        Assert.Same(_g.Usa, _g.AmericanDelegation.Represents);
        Assert.Null(_g.AmericanDelegation.LedBy);
        Assert.Null(_g.Trump.Leads);
        Assert.Null(_g.Witkoff.Leads);
    }

    [Fact]
    public void Target_and_Origin_take_the_first_fact_when_there_are_several()
    {
        // The generator rejects such a cardinality breach; built by hand, the first fact in file order wins.
        var open = new OpenGraph();
        var alice = open.AddEntity(new Person("alice") { Name = "Alice" });
        var bob = open.AddEntity(new Person("bob") { Name = "Bob" });
        var first = open.AddEntity(new Delegation("first") { Name = "First" });
        var second = open.AddEntity(new Delegation("second") { Name = "Second" });
        open.AddRelation(new Leads(alice, first));
        open.AddRelation(new Leads(alice, second));
        open.AddRelation(new Leads(bob, second));
        var g = open.Seal();

        Assert.Same(first, alice.Leads);
        Assert.Same(alice, second.LedBy);
    }

    [Fact]
    public void A_list_navigation_of_a_sealed_graph_is_made_once_and_then_read_without_allocating()
    {
        var first = _g.Putin.CalledBy;

        var before = System.GC.GetAllocatedBytesForCurrentThread();
        var again = _g.Putin.CalledBy;
        var count = 0;
        foreach (var caller in again)
        {
            count++;
        }

        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Same(first, again);
        Assert.Equal(3, count);
    }

    [Fact]
    public void Navigation_keeps_the_target_type_across_hops()
    {
        // person → delegation → country, typed at every step.
        var countries = _g.Entities<Person>()
            .Select(p => p.Leads)
            .OfType<Delegation>()
            .Select(d => d.Represents)
            .OfType<Country>()
            .Select(c => c.Name);
        Assert.Equal(["Russia"], countries);
    }

    [Fact]
    public void Navigation_is_scoped_to_the_entity_graph()
    {
        var other = new DiplomacyGraph();
        Assert.Same(other.Putin, other.Trump.Called[0]);
        Assert.NotSame(_g.Putin, other.Trump.Called[0]);
    }

    [Fact]
    public void Outgoing_and_Incoming_filter_by_relation_type()
    {
        Assert.Equal([_g.DiplomatCall, _g.Leadership], _g.Darchiyev.Outgoing<Relation>());
        Assert.Equal([_g.DiplomatCall], _g.Darchiyev.Outgoing<Called>());
        Assert.Equal([_g.Leadership], _g.Darchiyev.Outgoing<Leads>());
        Assert.Empty(_g.Darchiyev.Outgoing<Represents>());
        Assert.Empty(_g.Darchiyev.Incoming<Relation>());

        Assert.Equal([_g.FirstCall, _g.SecondCall, _g.DiplomatCall], _g.Putin.Incoming<Called>());
        Assert.Empty(_g.Putin.Outgoing<Relation>());
        Assert.Equal([_g.Leadership], _g.RussianDelegation.Incoming<Relation>());
        Assert.Equal([_g.RussianRepresentation], _g.RussianDelegation.Outgoing<Relation>());
        Assert.Empty(_g.Reuters.Outgoing<Relation>());
        Assert.Empty(_g.Reuters.Incoming<Relation>());
    }

    [Fact]
    public void An_entity_outside_any_graph_refuses_navigation()
    {
        var loner = new Person("loner") { Name = "Loner" };

        // An empty answer would look like a fact: there is no graph to read.
        var error = Assert.Throws<System.InvalidOperationException>(() => loner.Outgoing<Relation>());
        Assert.Contains("'loner' is in no graph", error.Message);
        Assert.Throws<System.InvalidOperationException>(() => loner.Incoming<Relation>());
        Assert.Throws<System.InvalidOperationException>(() => loner.Called);
        Assert.Throws<System.InvalidOperationException>(() => loner.CalledBy);
        Assert.Throws<System.InvalidOperationException>(() => loner.Leads);

        // A relation built but never added does not show up in the graph.
        _ = new Called(loner, _g.Putin) { On = new System.DateOnly(2025, 1, 1) };
        Assert.Equal(3, _g.Putin.CalledBy.Count);
    }
}
