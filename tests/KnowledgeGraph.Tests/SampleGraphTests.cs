using System;
using System.Collections.Generic;
using System.Linq;
using Diplomacy;

namespace KnowledgeGraph.Tests;

/// <summary>
/// Questions about the seed article, asked of the sample's generated graph. Every expected answer was
/// worked out by reading the article, not by running the queries.
/// </summary>
public sealed class SampleGraphTests
{
    private static DiplomacyGraph G => DiplomacyGraph.Default;

    [Fact]
    public void The_russian_delegation_is_led_by_Darchiyev_and_represents_Russia()
    {
        // Compile-time check of the navigation types: a one-to-one inverse is a single Person.
        Person? leader = G.RussianDelegation.LedBy;
        Country? country = G.RussianDelegation.Represents;

        Assert.NotNull(leader);
        Assert.Same(G.Darchiyev, leader);
        Assert.Equal("Alexander Darchiyev", leader.Name);
        Assert.Equal("Russia", country?.Name);

        // ...and the other way round: one-to-one forward navigation is a single Delegation.
        Delegation? led = G.Darchiyev.Leads;
        Assert.Same(G.RussianDelegation, led);
    }

    [Fact]
    public void The_US_team_is_led_by_Coulter_a_deputy_assistant_secretary_of_state()
    {
        var leader = G.UsDelegation.LedBy;

        Assert.Same(G.Coulter, leader);
        Assert.Equal("Sonata Coulter", leader!.Name);
        Assert.Equal("Deputy Assistant Secretary of State", leader.Title);
        Assert.Equal("United States", G.UsDelegation.Represents?.Name);
        Assert.Equal(["Deputy Assistant Secretary of State"], leader.HoldsOffice.Select(office => office.Name));
    }

    [Fact]
    public void Typed_traversal_from_the_leaders_reaches_the_two_countries()
    {
        var countries = G.Entities<Person>()
            .Select(person => person.Leads)
            .OfType<Delegation>()
            .Select(delegation => delegation.Represents)
            .OfType<Country>()
            .Select(country => country.Name)
            .OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(["Russia", "United States"], countries);
    }

    [Fact]
    public void The_only_call_is_Trump_calling_Putin_on_12_February()
    {
        var call = Assert.Single(G.Relations<Called>());

        Person caller = call.From;
        Assert.Same(G.Trump, caller);
        Assert.Same(G.Putin, call.To);
        Assert.Equal(new DateOnly(2025, 2, 12), call.On);
        Assert.Equal([G.Putin], G.Trump.Called);
        Assert.Empty(G.Putin.Called);
    }

    [Fact]
    public void The_Saudi_session_was_six_days_after_the_call_in_Saudi_Arabia()
    {
        var call = G.Relations<Called>().Single();

        Assert.Equal(new DateOnly(2025, 2, 18), G.SaudiSession.Date);
        Assert.Equal(call.On.AddDays(6), G.SaudiSession.Date);
        Assert.Same(G.SaudiArabia, G.SaudiSession.HeldIn);
        Assert.Empty(G.SaudiSession.AttendedBy);
    }

    [Fact]
    public void The_Istanbul_talks_were_on_Thursday_27_February_at_the_consul_generals_residence_in_Istanbul_Turkiye()
    {
        var talks = G.IstanbulTalks;

        Assert.Equal(new DateOnly(2025, 2, 27), talks.Date);
        Assert.Equal(DayOfWeek.Thursday, talks.Date.DayOfWeek);
        Assert.Same(G.ConsulGeneralResidence, talks.HeldAt);
        Assert.Same(G.Istanbul, talks.HeldIn);
        Assert.Same(G.Istanbul, talks.HeldAt!.LocatedIn);
        Assert.Equal("Türkiye", talks.HeldIn!.LocatedIn?.Name);
        Assert.IsType<Country>(talks.HeldIn.LocatedIn);
    }

    [Fact]
    public void Both_delegations_and_only_they_attended_the_Istanbul_talks()
    {
        var attendees = G.IstanbulTalks.AttendedBy.Select(delegation => delegation.Id).Order(StringComparer.Ordinal);

        Assert.Equal(["russianDelegation", "usDelegation"], attendees);
        Assert.All(G.Entities<Delegation>(), delegation => Assert.Equal([G.IstanbulTalks], delegation.Attended));
    }

    [Fact]
    public void The_agenda_holds_staffing_visas_and_banking_but_not_Ukraine()
    {
        var talks = G.IstanbulTalks;

        Assert.Contains(G.Staffing, talks.OnAgenda);
        Assert.Contains(G.Visas, talks.OnAgenda);
        Assert.Contains(G.Banking, talks.OnAgenda);
        Assert.Contains(G.WarInUkraine, talks.OffAgenda);
        Assert.Empty(talks.OnAgenda.Intersect(talks.OffAgenda));
    }

    [Fact]
    public void Lavrov_is_quoted_word_for_word_about_the_meeting()
    {
        var quoted = G.Lavrov.Stated.Where(statement => statement.Quote is not null).ToList();

        var statement = Assert.Single(quoted);
        Assert.Equal("The outcome of this meeting will show how quickly and effectively we can move.", statement.Quote);
        Assert.Same(G.Lavrov, statement.StatedBy);
        Assert.Contains(G.IstanbulTalks, statement.About);
        Assert.Equal("stated", G.Lavrov.Outgoing<Stated>().Single(said => said.To == statement).ReportedAs);
        Assert.Equal("Foreign Minister of Russia", G.Lavrov.Title);
    }

    [Fact]
    public void The_State_Department_spokesperson_is_quoted_twice_and_works_for_the_State_Department()
    {
        var quotes = G.StateDepartmentSpokesperson.Stated.Select(statement => statement.Quote).ToList();

        Assert.Equal(
            [
                "To be clear, there are no political or security issues on the agenda. Ukraine is not on the agenda.",
                "The constructiveness of these talks will become apparent very quickly; either issues will get resolved or they won\u2019t.",
            ],
            quotes);
        Assert.Equal([G.UsStateDepartment], G.StateDepartmentSpokesperson.WorksFor);
    }

    [Fact]
    public void Every_statement_has_one_speaker_and_some_words()
    {
        var statements = G.Entities<Statement>().ToList();

        Assert.Equal(10, statements.Count);
        Assert.All(statements, statement =>
        {
            Assert.NotNull(statement.StatedBy);
            Assert.True(statement.Quote is not null || statement.Paraphrase is not null, statement.Id);
        });
        Assert.Equal(4, statements.Count(statement => statement.StatedBy is Person { Name: "Vladimir Putin" or "Donald Trump" }));
        Assert.IsType<Organization>(G.StateTvOnDuration.StatedBy);
    }

    [Fact]
    public void The_dated_events_in_order_are_call_session_talks_report()
    {
        var timeline = G.Relations<Called>().Select(call => (call.On, Id: "call"))
            .Concat(G.Entities<Meeting>().Select(meeting => (On: meeting.Date, meeting.Id)))
            .Concat(G.Entities<Article>().Select(article => (On: article.Date, article.Id)))
            .OrderBy(entry => entry.On)
            .ToList();

        Assert.Equal(["call", "saudiSession", "istanbulTalks", "reutersIstanbul"], timeline.Select(entry => entry.Id));
        Assert.Equal(new DateOnly(2025, 2, 28), G.ReutersIstanbul.Date);
        Assert.Equal(G.IstanbulTalks.Date.AddDays(1), G.ReutersIstanbul.Date);
    }

    [Fact]
    public void Every_relation_cites_the_article()
    {
        var all = G.Relations<Relation>().ToList();

        Assert.Equal(G.RelationCount, all.Count);
        Assert.All(all, relation => Assert.Equal([G.ReutersIstanbul], relation.Sources));
        Assert.Equal(G.RelationCount, G.FactsFrom(G.ReutersIstanbul).Count());
        Assert.Empty(G.FactsFrom(G.Reuters));
        Assert.Same(G.Reuters, G.ReutersIstanbul.ReportedBy);
    }

    [Fact]
    public void The_shortest_chain_from_Trump_to_Darchiyev_has_five_relations()
    {
        // By hand: Trump's neighbours (Putin, his office, Biden, his policy, his statements) and Darchiyev's
        // (his delegation, his office, the ambassador's post) share no neighbour; the first meeting points
        // are Russia (via Putin's office, Moscow or Biden's sanctions) and the Istanbul talks (via the war in
        // Ukraine), each one more step away: 2 + 1 + 2 = 5 relations.
        var path = G.ShortestPath(G.Trump, G.Darchiyev);

        Assert.NotNull(path);
        Assert.Same(G.Trump, path.Start);
        Assert.Same(G.Darchiyev, path.End);
        Assert.Equal(5, path.Count);
        Assert.Equal(6, path.Entities.Count);
        for (var i = 1; i < path.Count; i++)
        {
            Assert.Same(path[i - 1].End, path[i].Start);
        }

        var text = path.ToString();
        Assert.StartsWith("Donald Trump ", text, StringComparison.Ordinal);
        Assert.EndsWith(" Alexander Darchiyev", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_chain_follows_relations_forward_into_Darchiyev()
    {
        // Darchiyev only ever starts relations (leads, holdsOffice, candidateFor): nothing points at him.
        Assert.Empty(G.AsQuikGraph().InEdges(G.Darchiyev));
        Assert.Null(G.ShortestPath(G.Trump, G.Darchiyev, PathDirection.Forward));
        Assert.NotNull(G.ShortestPath(G.Darchiyev, G.Russia, PathDirection.Forward));
    }

    [Fact]
    public void The_graph_holds_the_whole_cast_of_the_article()
    {
        var people = G.Entities<Person>().Select(person => person.Name).Order(StringComparer.Ordinal);
        var countries = G.Entities<Country>().Select(country => country.Name).Order(StringComparer.Ordinal);
        var cities = G.Entities<City>().Select(city => city.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["Alexander Darchiyev", "Donald Trump", "Joe Biden", "Sergei Lavrov", "Sonata Coulter", "State Department spokesperson", "Vladimir Putin"],
            people);
        Assert.Equal(["Russia", "Saudi Arabia", "Türkiye", "Ukraine", "United States"], countries);
        Assert.Equal(["Istanbul", "Kyiv", "Moscow", "Washington"], cities);
        Assert.Equal(63, G.EntityCount);
        Assert.Equal(86, G.RelationCount);
        Assert.Equal(G.EntityCount, G.AsQuikGraph().VertexCount);
        Assert.Equal(G.RelationCount, G.AsQuikGraph().EdgeCount);
    }

    [Fact]
    public void Subtypes_are_entities_of_their_base_types()
    {
        Agent agent = G.Darchiyev;
        Thing thing = G.Istanbul;

        Assert.Contains(G.Darchiyev, G.Entities<Agent>());
        Assert.Contains(G.RussianDelegation, G.Entities<Agent>());
        Assert.Contains(G.RussianEmbassyInWashington, G.Entities<Organization>());
        Assert.DoesNotContain<Thing>(G.Istanbul, G.Entities<Agent>());
        Assert.Equal(G.EntityCount, G.Entities<Thing>().Count());
        Assert.Same(G.Darchiyev, G.FindEntity("darchiyev"));
        Assert.Equal("Alexander Darchiyev", agent.ToString());
        Assert.Equal("Istanbul", thing.ToString());
    }

    [Fact]
    public void Offices_and_predecessors_are_modelled()
    {
        Assert.Equal([G.UsPresident], G.Trump.HoldsOffice);
        Assert.Same(G.UnitedStates, G.UsPresident.OfficeOf);
        Assert.Equal([G.Trump], G.UsPresident.HeldBy);
        Assert.Equal([G.RussianAmbassadorToUs], G.Darchiyev.CandidateFor);
        Assert.Same(G.NorthAmericaDepartment, G.HeadOfNorthAmericaDepartment.OfficeIn);
        Assert.Same(G.RussianForeignMinistry, G.NorthAmericaDepartment.PartOf);
        Assert.Equal([G.Biden], G.Trump.Succeeded);
        Assert.Equal(["Military aid to Kyiv", "Sanctions on Russia"], G.Biden.Pursued.Select(policy => policy.Name));
    }
}
