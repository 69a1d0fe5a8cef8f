using System;
using System.Collections.Generic;
using System.Linq;
using Diplomacy;
using QuikGraph.Algorithms;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>
/// Analysis, time and provenance on the sample's graph of the seed article, with answers worked out by hand from
/// the article and <c>src/IstanbulTalks/*.kg.json</c>. Written to hold when the story gains facts: by entity and
/// relation, not by totals.
/// </summary>
public sealed class SampleAnalysisAndTimeTests
{
    private static DiplomacyGraph G => DiplomacyGraph.Default;

    [Fact]
    public void The_story_is_one_web_except_the_Saudi_session()
    {
        // Everything links up through people, offices, countries and the talks, but nothing the article says about
        // the session in Saudi Arabia touches the rest: it was held there, and that is all. (The roles of an n-ary
        // fact are not edges: the meeting's delegations link the talks to nothing.)
        var components = G.ConnectedComponents();

        Assert.Equal(2, components.Count);
        Assert.Equal(G.EntityCount - 2, components[0].Count);
        Assert.Equal([G.SaudiArabia, G.SaudiSession], components[1]);
        Assert.Same(G.ReutersIstanbul, components[0][0]); // file order inside a component
    }

    [Fact]
    public void The_Istanbul_talks_are_the_most_connected_then_Russia_then_Trump()
    {
        // Facts at each end, not roles. The talks: held in Istanbul (one fact, whose venue and delegations are roles),
        // 4 topics on the agenda, 2 off it, 3 it could advance, and 5 statements about it: 15. Russia: 3 offices,
        // 2 organisations based there, an embassy, Moscow, the territories it controls, its delegation, the sanctions,
        // the dispute with the US: 11. Trump: call, office, predecessor, policy, 2 statements: 6, as many as the US
        // (its office, the State Department, its embassy, Washington, its delegation, the dispute); Trump comes first
        // in the file.
        Assert.Equal(15, G.Degree(G.IstanbulTalks));
        Assert.Equal(11, G.Degree(G.Russia));
        Assert.Equal(6, G.Degree(G.Trump));
        Assert.Equal(6, G.Degree(G.UnitedStates));
        Assert.Equal(2, G.Degree(G.RussianDelegation)); // led by Darchiyev, represents Russia; attending is a role
        Assert.Equal([G.IstanbulTalks, G.Russia, G.Trump, G.UnitedStates], G.DegreeCentrality().Take(4).Select(score => score.Entity));
        Assert.Equal(15.0 / (G.EntityCount - 1), G.DegreeCentrality()[0].Score, 12);
    }

    [Fact]
    public void PageRank_either_way_puts_the_talks_first_and_forward_ranks_what_is_pointed_at()
    {
        // Either way, a random walk stays at an entity in proportion to its facts: the talks (15) then Russia (11).
        Assert.Equal([G.IstanbulTalks, G.Russia], G.PageRank(direction: PathDirection.Any).Take(2).Select(score => score.Entity));

        // Forward, Russia is pointed at by ten facts (and by the symmetric dispute); Trump is pointed at by none.
        var forward = G.PageRank();
        double Score(Entity e) => forward.Single(score => score.Entity == e).Score;
        Assert.Equal(1, forward.Sum(score => score.Score), 9);
        Assert.True(Score(G.Russia) > Score(G.Trump));
        Assert.Equal(forward[^1].Score, Score(G.Trump), 12); // the least: nothing points to him
        Assert.Equal(Score(G.Trump), Score(G.Lavrov), 12); // nor to Lavrov
    }

    [Fact]
    public void Projection_onto_locatedIn_is_the_map()
    {
        var map = G.Project<LocatedIn>();

        // Istanbul in Türkiye, Washington in the US, Moscow in Russia, Kyiv in Ukraine, the residence in Istanbul, the
        // Russian-controlled territories in Ukraine: ten places, four separate countries' worth of map.
        Assert.Equal(
            [G.UnitedStates, G.Russia, G.Turkiye, G.Ukraine, G.Istanbul, G.Washington, G.Moscow, G.Kyiv, G.ConsulGeneralResidence, G.RussianControlledTerritories],
            map.Vertices);
        Assert.Equal(6, map.EdgeCount);
        Assert.Equal(4, map.WeaklyConnectedComponents(new Dictionary<Entity, int>()));

        var leadership = G.Project(typeof(Leads), typeof(Represents));
        Assert.Equal([G.Darchiyev, G.Coulter, G.RussianDelegation, G.UsDelegation, G.UnitedStates, G.Russia], leadership.Vertices);
        Assert.Equal(4, leadership.EdgeCount);
        Assert.True(G.AsQuikGraph().VertexCount > leadership.VertexCount); // the graph is untouched
    }

    [Fact]
    public void As_of_15_February_the_call_had_happened_but_not_the_talks_or_the_article()
    {
        var feb15 = G.AsOf(new DateOnly(2025, 2, 15));
        var call = G.Relations<Called>().Single();

        Assert.Contains(call, feb15.Relations<Called>());
        Assert.False(feb15.Contains(G.IstanbulTalks)); // 27 February
        Assert.False(feb15.Contains(G.SaudiSession)); // 18 February
        Assert.False(feb15.Contains(G.ReutersIstanbul)); // 28 February
        Assert.True(feb15.Contains(G.Trump)); // undated: always there

        // Facts about the talks went with them, the n-ary meeting facts too; what was said with no date stays: Trump's
        // two statements, Putin's two ("this week" is no date) and Lavrov's on the restrictions. Trump had been in
        // office since January.
        Assert.Empty(feb15.Relations<HeldIn>());
        Assert.Empty(feb15.Incoming<Stated>(G.IstanbulTalks));
        Assert.Equal([G.Trump, G.Trump, G.Putin, G.Putin, G.Lavrov], feb15.Relations<Stated>().Select(stated => stated.From));
        Assert.Contains(feb15.Relations<HoldsOffice>(), office => office.From == G.Trump && office.To == G.UsPresident);
        Assert.Equal([G.Trump], feb15.Match<Person>().Via(p => p.Called).Select((p, c) => p));
    }

    [Fact]
    public void Trump_s_office_from_January_is_read_as_wide_as_the_month()
    {
        // "took office last month", in a February article: validFrom 2025-01, so from 1 January.
        static bool InOffice(GraphView view) =>
            view.Relations<HoldsOffice>().Any(office => office.From == G.Trump && office.To == G.UsPresident);

        Assert.False(InOffice(G.AsOf(new DateOnly(2024, 12, 31))));
        Assert.True(InOffice(G.AsOf(new DateOnly(2025, 1, 1))));
        Assert.True(InOffice(G.AsOf(new DateOnly(2025, 1, 31))));
        Assert.True(InOffice(G.Between(new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 1))));
        Assert.False(InOffice(G.Between(new DateOnly(2024, 12, 1), new DateOnly(2024, 12, 31))));
    }

    [Fact]
    public void Between_18_and_20_February_the_Saudi_session_but_not_yet_the_talks()
    {
        var view = G.Between(new DateOnly(2025, 2, 18), new DateOnly(2025, 2, 20));

        Assert.True(view.Contains(G.SaudiSession));
        Assert.Contains(view.Relations<HeldIn>(), held => held.From == G.SaudiSession && held.To == G.SaudiArabia);
        Assert.False(view.Contains(G.IstanbulTalks));
        Assert.Single(view.Relations<Called>()); // the call of the 12th still counts: nothing ended it
        Assert.False(G.Between(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 11)).Relations<Called>().Any());
    }

    [Fact]
    public void A_meeting_fact_holds_from_its_meeting_s_day_with_every_role()
    {
        // The heldIn facts carry no date of their own: each is kept while its meeting is, with its venue and delegations.
        var talks = G.IstanbulTalks.Outgoing<HeldIn>().Single();
        var session = G.SaudiSession.Outgoing<HeldIn>().Single();

        Assert.Equal([session], G.AsOf(new DateOnly(2025, 2, 26)).Relations<HeldIn>());
        var thursday = G.AsOf(new DateOnly(2025, 2, 27));
        Assert.Equal([talks, session], thursday.Relations<HeldIn>()); // file order
        Assert.Equal([G.RussianDelegation, G.UsDelegation], thursday.Relations<HeldIn>().Single(held => held.To == G.Istanbul).Delegations);
        Assert.Equal([G.Istanbul], thursday.Outgoing<HeldIn>(G.IstanbulTalks).To());
    }

    [Fact]
    public void The_timeline_of_the_story()
    {
        // Trump took office in January; the call on the 12th; the Saudi session six days later; the talks on Thursday
        // the 27th; the article the next day. Other dated facts the story may gain must not reorder these.
        var call = G.Relations<Called>().Single();
        var office = G.Relations<HoldsOffice>().Single(h => h.From == G.Trump);
        var expected = new object[] { office, call, G.SaudiSession, G.IstanbulTalks, G.ReutersIstanbul };

        var timeline = G.Timeline();
        Assert.Equal(expected, timeline.Select(entry => entry.Fact).Where(expected.Contains));
        Assert.Equal(
            ["2025-01 validFrom", "2025-02-12 on", "2025-02-18 date", "2025-02-27 date", "2025-02-28 date"],
            timeline.Where(entry => expected.Contains(entry.Fact)).Select(entry => $"{entry.Date} {entry.Property}"));
        Assert.True(timeline.Zip(timeline.Skip(1)).All(pair => pair.First.Date <= pair.Second.Date));

        // Today the story has no other date: statements ("this week" is text) and meeting facts carry none.
        Assert.Equal(expected.Length, timeline.Count);
    }

    [Fact]
    public void Provenance_every_fact_of_the_story_cites_the_report()
    {
        var call = G.Relations<Called>().Single();

        Assert.Equal([G.ReutersIstanbul], call.Sources);
        Assert.Contains(call, G.FactsFrom(G.ReutersIstanbul));
        Assert.Contains(G.ReutersIstanbul, G.Sources());
        Assert.Equal(G.FactsFrom(G.ReutersIstanbul), G.FactsBySource()[G.ReutersIstanbul]);
        Assert.Empty(G.FactsFrom(G.Reuters)); // the agency is not cited: its report is
    }

    [Fact]
    public void Who_said_what_according_to_the_report()
    {
        var said = G.FactsFrom<Stated>(G.ReutersIstanbul)
            .Where(s => s.From == G.Lavrov || s.From == G.StateDepartmentSpokesperson)
            .Select(s => $"{s.From.Name} {s.Manner.ToString().ToLowerInvariant()}: {s.To.Name}");

        Assert.Equal(
            [
                "Sergei Lavrov stated: Istanbul talks",
                "Sergei Lavrov acknowledged: Restrictions on diplomats",
                "State Department spokesperson said: Istanbul talks",
                "State Department spokesperson said: Istanbul talks",
            ],
            said);

        // Every statement of the story is one fact the report backs: 3 quotes and 7 paraphrases.
        Assert.Equal(3, G.FactsFrom<Quoted>(G.ReutersIstanbul).Count());
        Assert.Equal(7, G.FactsFrom<Paraphrased>(G.ReutersIstanbul).Count());
        Assert.Equal(
            ["The outcome of this meeting will show how quickly and effectively we can move."],
            G.FactsFrom<Quoted>(G.ReutersIstanbul).Where(q => q.From == G.Lavrov).Select(q => q.Quote));
    }
}
