using System;
using System.Collections.Generic;
using System.Linq;
using Diplomacy;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>
/// Traversal, paths and patterns on the sample's graph of the seed article. Every expected answer was worked out by
/// reading the article and <c>src/IstanbulTalks/*.kg.json</c>, not by running the queries; the comments say how.
/// </summary>
/// <remarks>
/// The roles of an n-ary fact (a meeting's venue and delegations, what a statement mentions) are navigation, not
/// edges: paths, degrees and components follow a fact from its start to its end only.
/// </remarks>
public sealed class SampleQueryTests
{
    private static DiplomacyGraph G => DiplomacyGraph.Default;

    [Fact]
    public void Typed_steps_from_people_to_the_countries_their_delegations_represent()
    {
        // Darchiyev leads the Russian delegation, Coulter the US team; no one else leads one.
        IEnumerable<Country> countries = G.Entities<Person>().Leads().Represents();

        Assert.Equal([G.Russia, G.UnitedStates], countries);

        // One step further along the symmetric dispute: each country reaches the other.
        IEnumerable<Country> rivals = countries.InDisputeWith();
        Assert.Equal([G.UnitedStates, G.Russia], rivals);
    }

    [Fact]
    public void Edge_steps_keep_the_relation_and_its_properties()
    {
        // The verbs the article uses for each statement, in the order of the agents in the file: Trump pledged and
        // maintained, Putin downplayed and suggested, Lavrov stated and acknowledged, the spokesperson said (twice),
        // the State Department clarified, Russian state TV reported.
        Assert.Equal(
            [Manner.Pledged, Manner.Maintained, Manner.Downplayed, Manner.Suggested, Manner.Stated, Manner.Acknowledged, Manner.Said, Manner.Said, Manner.Clarified, Manner.Reported],
            G.Entities<Agent>().Outgoing<Stated>().Select(stated => stated.Manner));

        // Filter on the fact, then continue to its typed ends: both things "said" were said about the talks.
        IEnumerable<Thing> subjects = G.Entities<Agent>().Outgoing<Stated>().Where(s => s.Manner == Manner.Said).To();
        Assert.Equal([G.IstanbulTalks, G.IstanbulTalks], subjects);
        IEnumerable<Agent> sayers = G.Entities<Agent>().Outgoing<Stated>().Where(s => s.Manner == Manner.Said).From().Distinct();
        Assert.Equal([G.StateDepartmentSpokesperson], sayers);

        // Only quotes: Lavrov's, then the spokesperson's two.
        Assert.Equal([G.Lavrov, G.StateDepartmentSpokesperson, G.StateDepartmentSpokesperson], G.Entities<Agent>().Outgoing<Quoted>().From());

        // The offices people hold, in the order of the people.
        Assert.Equal(
            [G.UsPresident, G.RussianPresident, G.RussianForeignMinister, G.HeadOfNorthAmericaDepartment, G.DeputyAssistantSecretaryOfState],
            G.Entities<Person>().Outgoing<HoldsOffice>().To());
    }

    [Fact]
    public void Incoming_steps_find_who_spoke_about_the_Istanbul_talks()
    {
        // Five statements are about the talks: Lavrov's on the outcome, the spokesperson's two, the State Department's
        // on the focus, and state TV's on the length; their speakers, once each, in the order of the facts.
        IEnumerable<Stated> statements = new[] { G.IstanbulTalks }.Incoming<Stated>();
        IEnumerable<Agent> speakers = statements.From().Distinct();

        Assert.Equal([Manner.Stated, Manner.Said, Manner.Said, Manner.Clarified, Manner.Reported], statements.Select(s => s.Manner));
        Assert.Equal([G.Lavrov, G.StateDepartmentSpokesperson, G.UsStateDepartment, G.RussianStateTv], speakers);
        Assert.Equal(speakers, new Thing[] { G.IstanbulTalks }.SpokenOfBy().Distinct());
    }

    [Fact]
    public void Role_steps_find_who_mentioned_a_topic()
    {
        // Topics in file order: staffing, visas and banking are named by the State Department's clarification; political
        // and security issues by the spokesperson; the war in Ukraine by Trump (his priority) and the spokesperson.
        IEnumerable<Stated> mentioning = G.Entities<Topic>().MentionedIn();

        Assert.Equal(6, mentioning.Count());
        Assert.Equal([G.UsStateDepartment, G.StateDepartmentSpokesperson, G.Trump], mentioning.Select(s => s.From).Distinct());

        // The statements mentioning a place: Putin's on rare earths (the Russian-controlled territories), Lavrov's on
        // the restrictions (Moscow) – in the file order of the places: Moscow comes before the territories.
        Assert.Equal(
            [Manner.Acknowledged, Manner.Suggested],
            G.Entities<Place>().MentionedIn().Select(s => s.Manner));
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
                         from held in d.Attended
                         where held.To == G.Istanbul
                         select $"{p.Name} ({d.Name})";
        Assert.Equal(["Alexander Darchiyev (Russian delegation)", "Sonata Coulter (US team)"], atIstanbul);

        // Offices of a country: Trump's, Putin's and Lavrov's; Darchiyev's and Coulter's are posts of a department.
        var offices = from p in G.Entities<Person>()
                      from o in p.HoldsOffice
                      from c in o.OfficeOf
                      select $"{p.Name}: {c.IsoCode}";
        Assert.Equal(["Donald Trump: US", "Vladimir Putin: RU", "Sergei Lavrov: RU"], offices);
    }

    [Fact]
    public void An_index_ending_at_a_type_chains_into_one_starting_at_a_type_it_extends()
    {
        // called ends at Person; stated starts at Agent, which Person extends: what the people Trump called stated.
        var path = G.Index<Called, Person, Person>().Then(G.Index<Stated, Agent, Thing>());

        var expected = new[] { G.Trump }.Outgoing<Called>().To().Outgoing<Stated>().To().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, path.Targets(G.Trump).ToList());
        Assert.Equal(expected.Count, path.Count(G.Trump));

        // And after a path: delegations → countries (Country) → where they lie (from Place).
        var whereLed = G.Index<Leads, Person, Delegation>().Then(G.Index<Represents, Delegation, Country>()).Then(G.Index<LocatedIn, Place, Place>());
        Assert.Equal(
            new[] { G.Darchiyev }.Outgoing<Leads>().To().Outgoing<Represents>().To().Outgoing<LocatedIn>().To(),
            whereLed.Targets(G.Darchiyev).ToList());
    }

    [Theory]
    [InlineData(PathDirection.Any)]
    [InlineData(PathDirection.Forward)]
    public void Distances_are_the_lengths_of_the_shortest_paths_to_every_entity_reached(PathDirection direction)
    {
        var distances = G.Distances(G.Darchiyev, direction);

        // Independently, one shortest path at a time.
        var expected = G.Entities<Entity>()
            .Select(e => (Entity: e, Path: G.ShortestPath(G.Darchiyev, e, direction)))
            .Where(p => p.Path is not null)
            .Select(p => (p.Entity, p.Path!.Count));
        Assert.Equal(expected.OrderBy(p => p.Entity.Id), distances.OrderBy(p => p.Entity.Id));
        Assert.Equal((G.Darchiyev, 0), distances[0]);
        Assert.Equal(distances.Select(p => p.Distance).Order(), distances.Select(p => p.Distance)); // nearest first
        Assert.Empty(G.WhereEntities(e => e != G.Darchiyev).Distances(G.Darchiyev, direction));
    }

    [Fact]
    public void Closure_over_facts_of_any_type_compiles_from_an_entity_of_any_type()
    {
        // The step reads facts of every type, so what it reaches is any entity, not only people.
        IEnumerable<Entity> reached = G.Darchiyev.Closure(e => G.Outgoing<Relation>(e).To());

        // Independently: every other entity a forward path reaches.
        var expected = G.Entities<Entity>().Where(e => e != G.Darchiyev && G.ShortestPath(G.Darchiyev, e, PathDirection.Forward) is not null);
        Assert.Equal(expected.OrderBy(e => e.Id), reached.OrderBy(e => e.Id));
        Assert.Equal(G.Outgoing<Relation>(G.Darchiyev).Select(r => r.To).Distinct(), G.Darchiyev.Closure(e => G.Outgoing<Relation>(e).To(), maxDepth: 1));
        Assert.Equal(G.Incoming<Relation>(G.Russia).Select(r => r.From), G.Incoming<Relation>(G.Russia).From());
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

        // From the venue role of the talks to the country they were held in.
        var venue = G.IstanbulTalks.Outgoing<HeldIn>().Single().Venue!;
        Assert.Same(G.Turkiye, venue.Closure((Place p) => p.LocatedIn).OfType<Country>().Single());
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
        // The dispute is symmetric: from Russia, the closure reaches the US, and back to Russia itself.
        Assert.Equal([G.UnitedStates, G.Russia], G.Russia.Closure(c => c.InDisputeWith));
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
        // Nothing links Trump (called, holdsOffice, succeeded, pursued, two statements) to Darchiyev (holdsOffice,
        // candidateFor, leads) in fewer than five relations; among the five-relation chains the first found trying facts
        // in file order is taken: Putin's office is an office of Russia (found before the US's dispute with Russia), as
        // is the ambassador's post Darchiyev is a likely candidate for (found before his delegation).
        Assert.Equal(
            "Donald Trump —called→ Vladimir Putin —holdsOffice→ President of Russia —officeOf→ Russia " +
            "←officeOf— Russian ambassador to the United States ←candidateFor— Alexander Darchiyev",
            G.ShortestPath(G.Trump, G.Darchiyev)?.ToString());
    }

    [Fact]
    public void Weighted_shortest_path_avoids_what_was_only_said()
    {
        // Fewest relations: Putin (called by Trump) spoke of US-Russia relations, which the talks could advance, and
        // Lavrov spoke of the talks: four facts, two of them statements.
        Assert.Equal(
            "Donald Trump —called→ Vladimir Putin —paraphrased→ Broader US-Russia relations ←couldAdvance— Istanbul talks ←quoted— Sergei Lavrov",
            G.ShortestPath(G.Trump, G.Lavrov)?.ToString());

        // Statements cost ten: the lightest chain goes through the offices of Russia, five facts that cost one each.
        var path = G.ShortestPath(G.Trump, G.Lavrov, r => r is Stated ? 10 : 1);
        Assert.Equal(
            "Donald Trump —called→ Vladimir Putin —holdsOffice→ President of Russia —officeOf→ Russia " +
            "←officeOf— Foreign Minister of Russia ←holdsOffice— Sergei Lavrov",
            path?.ToString());

        // The talks can be reached only through what was said about them: their other facts (the agenda, the city)
        // lead nowhere else, and the delegations are roles of the meeting's fact, not edges.
        Assert.Null(G.ShortestPath(G.Trump, G.IstanbulTalks, r => r is Stated ? double.PositiveInfinity : 1));
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
    public void A_symmetric_fact_is_crossed_either_way_even_forward()
    {
        // The dispute is stated from Russia to the US, and the US points at nothing; forward paths still cross it both
        // ways, and the sentence shows which way the path crossed the fact as stated.
        Assert.Empty(G.AsQuikGraph().OutEdges(G.UnitedStates));
        Assert.Equal("United States ←inDisputeWith— Russia", G.ShortestPath(G.UnitedStates, G.Russia, PathDirection.Forward)?.ToString());
        Assert.Equal("Russia —inDisputeWith→ United States", G.ShortestPath(G.Russia, G.UnitedStates, PathDirection.Forward)?.ToString());
    }

    [Fact]
    public void Pattern_persons_leading_a_delegation_that_attended_a_meeting_held_in_Istanbul()
    {
        var pattern = G.Match<Person>()
            .Via(p => p.Leads)
            .Via(d => d.Attended.Select(held => held.From))
            .Where((p, d, m) => m.HeldIn == G.Istanbul);

        var nested = from p in G.Entities<Person>()
                     from d in p.Leads
                     from m in d.Attended.Select(held => held.From)
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
            .Where((a, subject) => subject == G.IstanbulTalks);

        var nested = from a in G.Entities<Agent>()
                     from subject in a.Stated
                     where subject == G.IstanbulTalks
                     select (a, subject);

        // People come before organisations in the file: Lavrov, the spokesperson (twice), then the State Department
        // and Russian state TV.
        Thing talks = G.IstanbulTalks;
        Assert.Equal(
            [
                ((Agent)G.Lavrov, talks),
                (G.StateDepartmentSpokesperson, talks),
                (G.StateDepartmentSpokesperson, talks),
                (G.UsStateDepartment, talks),
                (G.RussianStateTv, talks),
            ],
            pattern);
        Assert.Equal(nested, pattern);
    }

    [Fact]
    public void Pattern_of_four_variables_and_a_branch()
    {
        // Each leader's delegation represents a country, and each country is in dispute with the other.
        var rivals = G.Match<Person>().Via(p => p.Leads).Via(d => d.Represents).Via(c => c.InDisputeWith);
        var nested = from p in G.Entities<Person>()
                     from d in p.Leads
                     from c in d.Represents
                     from other in c.InDisputeWith
                     select (p, d, c, other);
        Assert.Equal(
            [
                (G.Darchiyev, G.RussianDelegation, G.Russia, G.UnitedStates),
                (G.Coulter, G.UsDelegation, G.UnitedStates, G.Russia),
            ],
            rivals);
        Assert.Equal(nested, rivals);

        // From the meeting both to its place and to its delegations; the Saudi session had none the article names.
        var attendance = G.Match<Meeting>().Via(m => m.HeldIn).Via((m, place) => m.Outgoing<HeldIn>().SelectMany(held => held.Delegations));
        Assert.Equal(
            [(G.IstanbulTalks, (Place)G.Istanbul, G.RussianDelegation), (G.IstanbulTalks, G.Istanbul, G.UsDelegation)],
            attendance);
        Assert.Equal(
            from m in G.Entities<Meeting>() from place in m.HeldIn from d in m.Outgoing<HeldIn>().SelectMany(held => held.Delegations) select (m, place, d),
            attendance);
    }
}
