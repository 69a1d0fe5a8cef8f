using System;
using System.Collections.Generic;
using System.Linq;
using Diplomacy;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>
/// Traversal, paths and patterns on the sample's graph of the seed article. Every expected answer was worked out by
/// reading the article and <c>src/IstanbulTalks/*.kg.json</c>, not by running the queries; the comments say how.
/// </summary>
public sealed class SampleQueryTests
{
    private static DiplomacyGraph G => DiplomacyGraph.Default;

    [Fact]
    public void Typed_steps_from_people_to_the_countries_their_delegations_represent()
    {
        // Darchiyev leads the Russian delegation, Coulter the US team; no one else leads one.
        IEnumerable<Country> countries = G.Entities<Person>().Leads().Represents();

        Assert.Equal([G.Russia, G.UnitedStates], countries);
    }

    [Fact]
    public void Edge_steps_keep_the_relation_and_its_properties()
    {
        // The verbs the article uses for each statement, in the order of the agents in the file: Trump pledged and
        // maintained, Putin downplayed and suggested, Lavrov stated and acknowledged, the spokesperson said (twice),
        // the State Department clarified, Russian state TV reported.
        Assert.Equal(
            ["pledged", "maintained", "downplayed", "suggested", "stated", "acknowledged", "said", "said", "clarified", "reported"],
            G.Entities<Agent>().Outgoing<Stated>().Select(stated => stated.ReportedAs));

        // Filter on the fact, then continue to its typed ends.
        IEnumerable<Statement> said = G.Entities<Agent>().Outgoing<Stated>().Where(s => s.ReportedAs == "said").To();
        Assert.Equal([G.SpokespersonOnAgenda, G.SpokespersonOnConstructiveness], said);
        IEnumerable<Agent> sayers = G.Entities<Agent>().Outgoing<Stated>().Where(s => s.ReportedAs == "said").From().Distinct();
        Assert.Equal([G.StateDepartmentSpokesperson], sayers);

        // The offices people hold, in the order of the people.
        Assert.Equal(
            [G.UsPresident, G.RussianPresident, G.RussianForeignMinister, G.HeadOfNorthAmericaDepartment, G.DeputyAssistantSecretaryOfState],
            G.Entities<Person>().Outgoing<HoldsOffice>().To());
    }

    [Fact]
    public void Incoming_steps_find_who_spoke_about_the_Istanbul_talks()
    {
        // Five statements are about the talks: Lavrov's on the outcome, the State Department's on the focus, the
        // spokesperson's two, and state TV's on the length; their authors, once each, in the order of the statements.
        IEnumerable<Statement> statements = new[] { G.IstanbulTalks }.Incoming<About>().From();
        IEnumerable<Agent> speakers = statements.Incoming<Stated>().From().Distinct();

        Assert.Equal(
            [G.LavrovOnOutcome, G.StateDepartmentOnFocus, G.SpokespersonOnAgenda, G.SpokespersonOnConstructiveness, G.StateTvOnDuration],
            statements);
        Assert.Equal([G.Lavrov, G.UsStateDepartment, G.StateDepartmentSpokesperson, G.RussianStateTv], speakers);
    }

    [Fact]
    public void Query_expressions_over_the_story()
    {
        var calls = from p in G.Entities<Person>()
                    from c in p.Called
                    select $"{p.Name} called {c.Name}";
        Assert.Equal(["Donald Trump called Vladimir Putin"], calls);

        var atIstanbul = from p in G.Entities<Person>()
                         from d in p.Leads
                         from m in d.Attended
                         where m.HeldIn == G.Istanbul
                         select $"{p.Name} ({d.Name})";
        Assert.Equal(["Alexander Darchiyev (Russian delegation)", "Sonata Coulter (US team)"], atIstanbul);
    }

    [Fact]
    public void Closure_over_locatedIn_from_the_consul_general_s_residence()
    {
        // The residence is in Istanbul (the talks were held there), and Istanbul is in Türkiye.
        IEnumerable<Place> around = G.ConsulGeneralResidence.Closure((Place p) => p.LocatedIn);

        Assert.Equal([G.Istanbul, G.Turkiye], around);
        Assert.Equal([G.Istanbul], G.ConsulGeneralResidence.Closure((Place p) => p.LocatedIn, maxDepth: 1));
        Assert.Equal([G.Ukraine], G.RussianControlledTerritories.Closure((Place p) => p.LocatedIn));
        Assert.Empty(G.Turkiye.Closure((Place p) => p.LocatedIn));
    }

    [Fact]
    public void Closure_over_organisations_and_succession()
    {
        // The North America department is part of the Russian foreign ministry, and back by the inverse.
        Assert.Equal([G.RussianForeignMinistry], G.NorthAmericaDepartment.Closure(o => o.PartOf));
        Assert.Equal([G.NorthAmericaDepartment], G.RussianForeignMinistry.Closure(o => o.Parts));
        // Trump succeeded Biden; the article names no earlier president.
        Assert.Equal([G.Biden], G.Trump.Closure(p => p.Succeeded));
        Assert.Equal([G.Trump], G.Biden.Closure(p => p.SucceededBy));
    }

    [Fact]
    public void Repeat_two_steps_up_the_map()
    {
        // One step up from every place: Türkiye (Istanbul's), the US, Russia, Ukraine and Istanbul (the residence's).
        // Two steps up: only the residence is two steps below a country.
        Assert.Equal([G.Turkiye, G.UnitedStates, G.Russia, G.Ukraine, G.Istanbul], G.Entities<Place>().Repeat(p => p.LocatedIn, 1));
        Assert.Equal([G.Turkiye], G.Entities<Place>().Repeat(p => p.LocatedIn, 2));
    }

    [Fact]
    public void Shortest_path_from_Trump_to_Darchiyev_in_five_relations()
    {
        // Nothing links Trump (called, holdsOffice, succeeded, pursued, stated) to Darchiyev (holdsOffice, candidateFor,
        // leads) in fewer than five relations; among the five-relation chains the first in file order is taken:
        // Putin's office is an office of Russia, as is the ambassador's post Darchiyev is a likely candidate for.
        Assert.Equal(
            "Donald Trump —called→ Vladimir Putin —holdsOffice→ President of Russia —officeOf→ Russia " +
            "←officeOf— Russian ambassador to the United States ←candidateFor— Alexander Darchiyev",
            G.ShortestPath(G.Trump, G.Darchiyev)?.ToString());
    }

    [Fact]
    public void Weighted_shortest_path_avoids_what_was_only_said()
    {
        // Fewest relations: Trump's statement on his priority is about the war in Ukraine, which is off the agenda.
        Assert.Equal(
            "Donald Trump —stated→ Trump on his priority —about→ War in Ukraine ←offAgenda— Istanbul talks",
            G.ShortestPath(G.Trump, G.IstanbulTalks)?.ToString());

        // Statements cost ten: the lightest chain goes through Trump's office, his country, and its delegation.
        var path = G.ShortestPath(G.Trump, G.IstanbulTalks, r => r is Stated or About ? 10 : 1);
        Assert.Equal(
            "Donald Trump —holdsOffice→ President of the United States —officeOf→ United States ←represents— US team —attended→ Istanbul talks",
            path?.ToString());
    }

    [Fact]
    public void All_simple_paths_from_Darchiyev_to_Russia()
    {
        // Darchiyev has three facts: the office he holds, the post he is a candidate for, the delegation he leads.
        // Each leads to Russia: the ambassador's post is Russia's (2), his delegation represents Russia (2), and his
        // department is part of the foreign ministry, based in Russia (4). Candidacy comes before leadership in the file.
        Assert.Equal(
            [
                "Alexander Darchiyev —candidateFor→ Russian ambassador to the United States —officeOf→ Russia",
                "Alexander Darchiyev —leads→ Russian delegation —represents→ Russia",
                "Alexander Darchiyev —holdsOffice→ Head of the North America department —officeIn→ North America department " +
                    "—partOf→ Russian foreign ministry —basedIn→ Russia",
            ],
            G.AllSimplePaths(G.Darchiyev, G.Russia, 4).Select(path => path.ToString()));
        Assert.Equal(2, G.AllSimplePaths(G.Darchiyev, G.Russia, 3).Count());
        Assert.Equal(3, G.AllSimplePaths(G.Darchiyev, G.Russia, 4, PathDirection.Forward).Count()); // all forward
        Assert.Empty(G.AllSimplePaths(G.Russia, G.Darchiyev, 4, PathDirection.Forward));
    }

    [Fact]
    public void Pattern_persons_leading_a_delegation_that_attended_a_meeting_held_in_Istanbul()
    {
        var pattern = G.Match<Person>()
            .Via(p => p.Leads)
            .Via(d => d.Attended)
            .Where((p, d, m) => m.HeldIn == G.Istanbul);

        var nested = from p in G.Entities<Person>()
                     from d in p.Leads
                     from m in d.Attended
                     where m.HeldIn == G.Istanbul
                     select (p, d, m);

        Assert.Equal([(G.Darchiyev, G.RussianDelegation, G.IstanbulTalks), (G.Coulter, G.UsDelegation, G.IstanbulTalks)], pattern);
        Assert.Equal(nested, pattern);
    }

    [Fact]
    public void Pattern_agents_who_made_a_statement_about_the_talks()
    {
        var pattern = G.Match<Agent>()
            .Via(a => a.Stated)
            .Where((a, s) => s.About.Contains(G.IstanbulTalks));

        var nested = from a in G.Entities<Agent>()
                     from s in a.Stated
                     where s.About.Contains(G.IstanbulTalks)
                     select (a, s);

        // People come before organisations in the file: Lavrov, the spokesperson (twice), then the State Department
        // and Russian state TV.
        Assert.Equal(
            [
                ((Agent)G.Lavrov, G.LavrovOnOutcome),
                (G.StateDepartmentSpokesperson, G.SpokespersonOnAgenda),
                (G.StateDepartmentSpokesperson, G.SpokespersonOnConstructiveness),
                (G.UsStateDepartment, G.StateDepartmentOnFocus),
                (G.RussianStateTv, G.StateTvOnDuration),
            ],
            pattern);
        Assert.Equal(nested, pattern);
    }

    [Fact]
    public void Pattern_of_four_variables_and_a_branch()
    {
        // Both leaders' delegations attended the talks, held at the consul general's residence.
        var venues = G.Match<Person>().Via(p => p.Leads).Via(d => d.Attended).Via(m => m.HeldAt);
        var nested = from p in G.Entities<Person>()
                     from d in p.Leads
                     from m in d.Attended
                     from v in m.HeldAt
                     select (p, d, m, v);
        Assert.Equal(
            [
                (G.Darchiyev, G.RussianDelegation, G.IstanbulTalks, G.ConsulGeneralResidence),
                (G.Coulter, G.UsDelegation, G.IstanbulTalks, G.ConsulGeneralResidence),
            ],
            venues);
        Assert.Equal(nested, venues);

        // From the meeting both to its city and to its delegations; the Saudi session had none the article names.
        var attendance = G.Match<Meeting>().Via(m => m.HeldIn).Via((m, city) => m.AttendedBy);
        Assert.Equal(
            [(G.IstanbulTalks, (Place)G.Istanbul, G.RussianDelegation), (G.IstanbulTalks, G.Istanbul, G.UsDelegation)],
            attendance);
        Assert.Equal(from m in G.Entities<Meeting>() from city in m.HeldIn from d in m.AttendedBy select (m, city, d), attendance);
    }
}
