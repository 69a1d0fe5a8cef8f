using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Tests.Runtime;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>Edge steps, typed ends, query expressions, multi-hop and closures on the hand-written <see cref="QueryWorld"/>.</summary>
public sealed class TraversalTests
{
    private readonly QueryWorld _g = new();

    [Fact]
    public void Outgoing_on_a_sequence_keeps_each_fact_in_entity_then_fact_order()
    {
        IEnumerable<Called> calls = _g.Entities<Person>().Outgoing<Called>();

        // trump: R0, R2; putin: R1; the others called no one.
        Assert.Equal([_g.R0, _g.R2, _g.R1], calls);
        Assert.Equal([_g.R3, _g.R4], _g.Entities<Person>().Outgoing<Leads>());
        Assert.Empty(_g.Entities<Country>().Outgoing<Relation>());
    }

    [Fact]
    public void Incoming_on_a_sequence_is_the_step_backwards()
    {
        // trump: R1; putin: R0; witkoff: R2.
        Assert.Equal([_g.R1, _g.R0, _g.R2], _g.Entities<Person>().Incoming<Called>());
        Assert.Equal([_g.R11, _g.R12], new[] { _g.Istanbul }.Incoming<HeldIn>());
    }

    [Fact]
    public void Edge_steps_filter_on_the_facts_properties_then_continue_to_typed_ends()
    {
        // Calls made before March: R0 (12 Feb) and R2 (20 Feb), not R1 (18 Mar).
        IEnumerable<Person> called = _g.Entities<Person>()
            .Outgoing<Called>()
            .Where(call => call.On < new DateOnly(2025, 3, 1))
            .To();
        Assert.Equal([_g.Putin, _g.Witkoff], called);

        IEnumerable<Person> callers = _g.Entities<Person>().Incoming<Called>().From();
        Assert.Equal([_g.Putin, _g.Trump, _g.Trump], callers);
        Assert.Equal([_g.Putin, _g.Trump], callers.Distinct());
    }

    [Fact]
    public void To_and_From_infer_both_end_types_from_any_sequence_of_a_relation_class()
    {
        // The inference goes from Leads to Relation<Person, Delegation> through IEnumerable's covariance, so
        // every static type below is checked by the compiler: no cast, no type argument.
        IEnumerable<Delegation> led = _g.Relations<Leads>().To();
        IEnumerable<Person> leaders = _g.Relations<Leads>().From();
        List<Attended> list = [_g.R7, _g.R9];
        IEnumerable<Meeting> meetings = list.To();
        Attended[] array = [_g.R10];
        IEnumerable<Delegation> attendees = array.From();

        Assert.Equal([_g.RussianDelegation, _g.UsDelegation], led);
        Assert.Equal([_g.Darchiyev, _g.Coulter], leaders);
        Assert.Equal([_g.Talks, _g.SpringTalks], meetings);
        Assert.Equal([_g.Observers], attendees);
    }

    [Fact]
    public void Query_expressions_read_naturally_over_list_navigation()
    {
        var calls = from p in _g.Entities<Person>()
                    from c in p.Called
                    select $"{p.Name} → {c.Name}";

        Assert.Equal(["Donald Trump → Vladimir Putin", "Donald Trump → Steve Witkoff", "Vladimir Putin → Donald Trump"], calls);
    }

    [Fact]
    public void Query_expressions_step_along_single_valued_navigation_and_skip_missing_values()
    {
        // p.Leads is a Delegation? (one-to-one): `from d in p.Leads` leaves out the people who lead none.
        var inIstanbul = from p in _g.Entities<Person>()
                         from d in p.Leads
                         from m in d.Attended
                         where m.HeldIn == _g.Istanbul
                         select (Person: p.Name, Meeting: m.Name);

        Assert.Equal(
            [("Alexander Darchiyev", "Istanbul talks"), ("Alexander Darchiyev", "Spring talks"), ("Sonata Coulter", "Istanbul talks")],
            inIstanbul);

        var countries = from d in _g.Entities<Delegation>()
                        from c in d.Represents
                        select c;
        Assert.Equal([_g.Russia, _g.Usa], countries); // the observers represent no one
    }

    [Fact]
    public void SelectMany_takes_a_single_valued_step_in_method_syntax_too()
    {
        IEnumerable<Delegation> led = _g.Entities<Person>().SelectMany(p => p.Leads);
        Assert.Equal([_g.RussianDelegation, _g.UsDelegation], led);

        // A list-valued step still binds to LINQ's own SelectMany.
        Assert.Equal([_g.Putin, _g.Witkoff, _g.Trump], _g.Entities<Person>().SelectMany(p => p.Called));
    }

    [Fact]
    public void Repeat_gives_the_entities_exactly_k_steps_away_each_once()
    {
        // trump calls putin and witkoff; putin calls trump back; witkoff calls no one.
        Assert.Equal([_g.Trump], _g.Trump.Repeat(p => p.Called, 0));
        Assert.Equal([_g.Putin, _g.Witkoff], _g.Trump.Repeat(p => p.Called, 1));
        Assert.Equal([_g.Trump], _g.Trump.Repeat(p => p.Called, 2));
        Assert.Equal([_g.Putin, _g.Witkoff], _g.Trump.Repeat(p => p.Called, 3));
        Assert.Empty(_g.Witkoff.Repeat(p => p.Called, 1));

        // Single-valued: around the borders cycle, turkiye → greece → bulgaria → turkiye.
        Assert.Equal([_g.Greece], _g.Turkiye.Repeat((Place p) => p.Borders.FirstOrDefault(), 1));
        Assert.Equal([_g.Turkiye], _g.Turkiye.Repeat((Place p) => p.Borders.FirstOrDefault(), 3));
        Assert.Equal([_g.Istanbul], _g.Residence.Repeat(p => p.LocatedIn, 1));
        Assert.Equal([_g.Turkiye], _g.Residence.Repeat(p => p.LocatedIn, 2));
        Assert.Empty(_g.Residence.Repeat(p => p.LocatedIn, 3));
    }

    [Fact]
    public void Repeat_on_a_sequence_merges_the_walks_of_every_start()
    {
        // Both calls of trump and the one of darchiyev reach putin: once.
        var g = new DiplomacyGraph();
        Assert.Equal([g.Putin], g.Entities<Person>().Repeat(p => p.Called, 1));
        Assert.Equal([g.Trump, g.Putin], new[] { g.Trump, g.Putin, g.Trump }.Repeat(p => p.Called, 0));
        Assert.Throws<ArgumentOutOfRangeException>("times", () => g.Trump.Repeat(p => p.Called, -1));
    }

    [Fact]
    public void Closure_follows_a_single_valued_step_to_the_top()
    {
        // The residence is in Istanbul, which is in Türkiye, which is in nothing.
        Assert.Equal([_g.Istanbul, _g.Turkiye], _g.Residence.Closure(p => p.LocatedIn));
        Assert.Equal([_g.Istanbul], _g.Residence.Closure(p => p.LocatedIn, maxDepth: 1));
        Assert.Empty(_g.Residence.Closure(p => p.LocatedIn, maxDepth: 0));
        Assert.Empty(_g.Turkiye.Closure(p => p.LocatedIn));
    }

    [Fact]
    public void Closure_is_cycle_safe_and_reports_the_start_only_when_a_walk_leads_back_to_it()
    {
        // turkiye → greece (1 step) → bulgaria (2) → turkiye (3): the start, reached again.
        Assert.Equal([_g.Greece, _g.Bulgaria, _g.Turkiye], _g.Turkiye.Closure(p => p.Borders));
        Assert.Equal([_g.Greece, _g.Bulgaria], _g.Turkiye.Closure(p => p.Borders, maxDepth: 2));
        Assert.Equal([_g.Greece, _g.Bulgaria, _g.Turkiye], _g.Turkiye.Closure(p => p.Borders, maxDepth: 100));

        // Calls: trump → putin, witkoff (1 step); putin → trump (2 steps).
        Assert.Equal([_g.Putin, _g.Witkoff, _g.Trump], _g.Trump.Closure(p => p.Called));
        Assert.Empty(_g.Witkoff.Closure(p => p.Called));
    }

    [Fact]
    public void Closure_from_several_starts_gives_each_entity_once_nearest_first()
    {
        // From turkiye and greece: greece (from turkiye) and bulgaria (from greece) at 1 step, turkiye at 2.
        Assert.Equal([_g.Greece, _g.Bulgaria, _g.Turkiye], new[] { _g.Turkiye, _g.Greece }.Closure(p => p.Borders));

        // Every place and what it lies in: a start is reported because another start leads to it.
        Assert.Equal(
            [_g.Istanbul, _g.Turkiye, _g.SaudiArabia],
            _g.Entities<Place>().Closure(p => p.LocatedIn));
    }

    [Fact]
    public void Closure_type_follows_the_step_when_it_is_named()
    {
        // A Diplomat start with a Person step: naming the lambda's parameter type widens T to Person.
        IEnumerable<Person> reached = new DiplomacyGraph().Darchiyev.Closure((Person p) => p.Called);
        Assert.Equal(["Vladimir Putin"], reached.Select(p => p.Name));
    }

    [Fact]
    public void Closure_and_Repeat_check_their_arguments_at_once()
    {
        Assert.Throws<ArgumentOutOfRangeException>("maxDepth", () => _g.Trump.Closure(p => p.Called, -1));
        Assert.Throws<ArgumentNullException>("start", () => ((Person)null!).Closure(p => p.Called));
        Assert.Throws<ArgumentNullException>("start", () => ((IEnumerable<Person>)null!).Closure(p => p.Called));
        Assert.Throws<ArgumentNullException>("step", () => _g.Trump.Closure((Func<Person, IEnumerable<Person>>)null!));
        Assert.Throws<ArgumentNullException>("step", () => _g.Trump.Repeat((Func<Person, Person?>)null!, 1));
    }

    [Fact]
    public void Steps_are_lazy()
    {
        var asked = 0;
        var closure = _g.Trump.Closure(p =>
        {
            asked++;
            return p.Called;
        });

        Assert.Equal(0, asked);
        Assert.Equal(_g.Putin, closure.First());
        Assert.Equal(1, asked);
    }
}
