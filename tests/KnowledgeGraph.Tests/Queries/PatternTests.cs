using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Tests.Runtime;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>Typed patterns on the hand-written <see cref="QueryWorld"/>, each checked against the same question as nested LINQ.</summary>
public sealed class PatternTests
{
    private readonly QueryWorld _g = new();

    [Fact]
    public void Persons_leading_a_delegation_that_attended_a_meeting_held_in_Istanbul()
    {
        var pattern = _g.Match<Person>()
            .Via(p => p.Leads)
            .Via(d => d.Attended)
            .Where((p, d, m) => m.HeldIn == _g.Istanbul);

        var nested = from p in _g.Entities<Person>()
                     from d in p.Leads
                     from m in d.Attended
                     where m.HeldIn == _g.Istanbul
                     select (p, d, m);

        Assert.Equal(
            [
                (_g.Darchiyev, _g.RussianDelegation, _g.Talks),
                (_g.Darchiyev, _g.RussianDelegation, _g.SpringTalks),
                (_g.Coulter, _g.UsDelegation, _g.Talks),
            ],
            pattern);
        Assert.Equal(nested, pattern);
        Assert.Equal(["Alexander Darchiyev", "Sonata Coulter"], pattern.Select((p, d, m) => p.Name).Distinct());
    }

    [Fact]
    public void Matches_deconstruct_into_their_variables()
    {
        var lines = new List<string>();
        foreach (var (p, d) in _g.Match<Person>().Via(p => p.Leads))
        {
            lines.Add($"{p.Name} leads {d.Name}");
        }

        Assert.Equal(["Alexander Darchiyev leads Russian delegation", "Sonata Coulter leads US team"], lines);
    }

    [Fact]
    public void One_variable_is_a_typed_filter()
    {
        Pattern<Meeting> meetings = _g.Match<Meeting>().Where(m => m.HeldIn == _g.Istanbul);

        Assert.Equal([_g.Talks, _g.SpringTalks], meetings);
        Assert.Equal(["Istanbul talks", "Spring talks"], meetings.Select(m => m.Name));
        Assert.Equal(_g.Entities<Meeting>().Where(m => m.HeldIn == _g.Istanbul), meetings);
    }

    [Fact]
    public void Four_variables_with_Where_at_every_arity()
    {
        var pattern = _g.Match<Person>()
            .Where(p => p.Id != "coulter")
            .Via(p => p.Leads)
            .Where((p, d) => d.Represents == _g.Russia)
            .Via(d => d.Attended)
            .Where((p, d, m) => m.Date.Month == 2)
            .Via(m => m.HeldIn)
            .Where((p, d, m, place) => place.LocatedIn == _g.Turkiye);

        var nested = from p in _g.Entities<Person>()
                     where p.Id != "coulter"
                     from d in p.Leads
                     where d.Represents == _g.Russia
                     from m in d.Attended
                     where m.Date.Month == 2
                     from place in m.HeldIn
                     where place.LocatedIn == _g.Turkiye
                     select (p, d, m, place);

        Assert.Equal([(_g.Darchiyev, _g.RussianDelegation, _g.Talks, _g.Istanbul)], pattern);
        Assert.Equal(nested, pattern);
        Assert.Equal(["Alexander Darchiyev at Istanbul talks in Istanbul"], pattern.Select((p, d, m, place) => $"{p.Name} at {m.Name} in {place.Name}"));
    }

    [Fact]
    public void A_step_from_any_variable_matches_a_branching_pattern()
    {
        // Delegations, the country each represents, and the meetings it attended: two branches from d.
        var pattern = _g.Match<Delegation>()
            .Via(d => d.Represents)
            .Via((d, c) => d.Attended);

        var nested = from d in _g.Entities<Delegation>()
                     from c in d.Represents
                     from m in d.Attended
                     select (d, c, m);

        Assert.Equal(
            [
                (_g.RussianDelegation, _g.Russia, _g.Talks),
                (_g.RussianDelegation, _g.Russia, _g.SpringTalks),
                (_g.UsDelegation, _g.Usa, _g.Talks),
            ],
            pattern);
        Assert.Equal(nested, pattern);

        // Back to an earlier variable, single-valued: who leads a delegation of the meeting, found from the meeting.
        var leaders = pattern.Via((d, c, m) => d.LedBy).Select((d, c, m, p) => $"{p.Name}, {m.Name}");
        Assert.Equal(["Alexander Darchiyev, Istanbul talks", "Alexander Darchiyev, Spring talks", "Sonata Coulter, Istanbul talks"], leaders);
    }

    [Fact]
    public void Repeats_are_kept_as_nested_LINQ_keeps_them()
    {
        // Putin is called by trump twice in DiplomacyGraph (two facts): two matches, as in the nested query.
        var g = new DiplomacyGraph();
        var pattern = g.Match<Person>().Via(p => p.Called);
        var nested = from p in g.Entities<Person>() from c in p.Called select (p, c);

        Assert.Equal([(g.Trump, g.Putin), (g.Trump, g.Putin), ((Person)g.Darchiyev, g.Putin)], pattern);
        Assert.Equal(nested, pattern);
        Assert.Equal(2, pattern.Distinct().Count());
    }

    [Fact]
    public void A_pattern_is_lazy_and_can_be_enumerated_again()
    {
        var asked = 0;
        var pattern = _g.Match<Person>().Via(p =>
        {
            asked++;
            return p.Called;
        });

        Assert.Equal(0, asked);
        Assert.Equal(3, pattern.Count());
        Assert.Equal(3, pattern.Count());
        Assert.Equal(10, asked); // five people, twice
    }

    [Fact]
    public void A_pattern_on_a_view_binds_only_the_view_s_entities()
    {
        // On 28 February the spring talks (2025-03) had not happened yet.
        var feb28 = _g.AsOf(new DateOnly(2025, 2, 28));
        var pattern = feb28.Match<Person>().Via(p => p.Leads).Via(d => d.Attended);

        Assert.Equal([(_g.Darchiyev, _g.RussianDelegation, _g.Talks), (_g.Coulter, _g.UsDelegation, _g.Talks)], pattern);

        // Navigation reads the view: in May, darchiyev no longer leads (validTo 2025-04), as the view's relations say too.
        var may = _g.AsOf(new DateOnly(2025, 5, 1));
        Assert.Equal([(_g.Coulter, _g.UsDelegation)], may.Match<Person>().Via(p => p.Leads));
        Assert.Equal(
            [(_g.Coulter, _g.UsDelegation)],
            may.Match<Person>().Via(p => may.Outgoing<Leads>(p).To()));
    }

    [Fact]
    public void Pattern_arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>("step", () => _g.Match<Person>().Via((Func<Person, Delegation?>)null!));
        Assert.Throws<ArgumentNullException>("predicate", () => _g.Match<Person>().Via(p => p.Leads).Where(null!));
        Assert.Throws<ArgumentNullException>("selector", () => _g.Match<Person>().Select<string>(null!));
    }
}
