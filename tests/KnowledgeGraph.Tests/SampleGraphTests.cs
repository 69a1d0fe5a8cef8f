using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Diplomacy;

namespace KnowledgeGraph.Tests;

/// <summary>
/// Questions about the seed article, asked of the sample's generated graph. Every expected answer was
/// worked out by reading the article, not by running the queries.
/// </summary>
public sealed class SampleGraphTests
{
    private static DiplomacyGraph G => DiplomacyGraph.Default;

    private static HeldIn TalksFact => G.IstanbulTalks.Outgoing<HeldIn>().Single();

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
    public void The_Saudi_session_was_six_days_after_the_call_in_Saudi_Arabia_with_no_venue_or_delegation_named()
    {
        var call = G.Relations<Called>().Single();
        var held = G.SaudiSession.Outgoing<HeldIn>().Single();

        Assert.Equal(new DateOnly(2025, 2, 18), G.SaudiSession.Date);
        Assert.Equal(call.On.AddDays(6), G.SaudiSession.Date);
        Assert.Same(G.SaudiArabia, G.SaudiSession.HeldIn);
        Assert.Same(G.SaudiArabia, held.To);
        Assert.Null(held.Venue);
        Assert.Empty(held.Delegations);
    }

    [Fact]
    public void The_Istanbul_talks_were_on_Thursday_27_February_at_the_consul_generals_residence_in_Istanbul_Turkiye()
    {
        var talks = G.IstanbulTalks;

        Assert.Equal(new DateOnly(2025, 2, 27), talks.Date);
        Assert.Equal(DayOfWeek.Thursday, talks.Date.DayOfWeek);
        Assert.Same(G.Istanbul, talks.HeldIn);
        Assert.Same(G.ConsulGeneralResidence, TalksFact.Venue);
        Assert.Same(G.Istanbul, TalksFact.Venue!.LocatedIn);
        Assert.Equal("Türkiye", talks.HeldIn!.LocatedIn?.Name);
        Assert.IsType<Country>(talks.HeldIn.LocatedIn);
    }

    [Fact]
    public void Both_delegations_and_only_they_met_at_the_Istanbul_talks()
    {
        Assert.Equal([G.RussianDelegation, G.UsDelegation], TalksFact.Delegations);
        Assert.All(G.Entities<Delegation>(), delegation => Assert.Equal([TalksFact], delegation.Attended));
    }

    [Fact]
    public void The_meeting_fact_is_navigable_from_every_role_player()
    {
        var talks = TalksFact;
        var session = G.SaudiSession.Outgoing<HeldIn>().Single();

        // from: the meeting; to: the place; roles: the venue and the delegations.
        Assert.Same(G.Istanbul, G.IstanbulTalks.HeldIn);
        Assert.Equal([talks], G.IstanbulTalks.Outgoing<HeldIn>());
        Assert.Equal([G.IstanbulTalks], G.Istanbul.Hosted);
        Assert.Equal([G.SaudiSession], G.SaudiArabia.Hosted);
        Assert.Equal([talks], G.Istanbul.Incoming<HeldIn>());
        Assert.Equal([talks], G.ConsulGeneralResidence.VenueOf);
        Assert.Equal([talks], G.RussianDelegation.Attended);
        Assert.Equal([talks], G.UsDelegation.Attended);

        // The other cities, and the country the session was held in, host nothing else and are no venue.
        Assert.Empty(G.Moscow.Hosted);
        Assert.Empty(G.Turkiye.Hosted); // Istanbul is in Türkiye, but the talks were held in Istanbul
        Assert.DoesNotContain(session, G.RussianDelegation.Attended);

        // The generated steps on sequences: from every delegation to the facts it plays a role in, and on.
        IEnumerable<HeldIn> attended = G.Entities<Delegation>().Attended();
        Assert.Equal([talks, talks], attended);
        Assert.Equal([G.IstanbulTalks], attended.Select(held => held.From).Distinct());
        // Places in file order: Saudi Arabia (a country) comes before Istanbul (a city).
        Assert.Equal([G.SaudiSession, G.IstanbulTalks], G.Entities<Place>().Hosted());
    }

    [Fact]
    public void The_statement_facts_are_navigable_from_every_role_player()
    {
        // The spokesperson's first quote: speaker (from), subject (to), the things it names, whom it speaks for.
        var agenda = G.StateDepartmentSpokesperson.Outgoing<Quoted>().First();
        Assert.Equal("To be clear, there are no political or security issues on the agenda. Ukraine is not on the agenda.", agenda.Quote);
        Assert.Same(G.IstanbulTalks, agenda.To);
        Assert.Equal([G.PoliticalAndSecurityIssues, G.WarInUkraine], agenda.Mentions);
        Assert.Same(G.UsStateDepartment, agenda.OnBehalfOf);

        // From the speaker: the subjects (navigation) and the facts (edge step).
        Assert.Equal([G.IstanbulTalks, G.IstanbulTalks], G.StateDepartmentSpokesperson.Stated);
        Assert.Same(agenda, G.StateDepartmentSpokesperson.Outgoing<Stated>().First());

        // From the subject: Lavrov, the spokesperson (twice), the State Department and Russian state TV spoke of the talks.
        Assert.Equal(
            [G.Lavrov, G.StateDepartmentSpokesperson, G.StateDepartmentSpokesperson, G.UsStateDepartment, G.RussianStateTv],
            G.IstanbulTalks.SpokenOfBy);
        Assert.Contains(agenda, G.IstanbulTalks.Incoming<Stated>());

        // From what it mentions: the war in Ukraine is named by Trump (his priority) and by the spokesperson.
        Assert.Equal([G.Trump, G.StateDepartmentSpokesperson], G.WarInUkraine.MentionedIn.Select(stated => stated.From));
        Assert.Contains(agenda, G.PoliticalAndSecurityIssues.MentionedIn);
        Assert.Equal([G.UsStateDepartment, G.UsStateDepartment, G.UsStateDepartment], new Thing[] { G.Staffing, G.Visas, G.Banking }.MentionedIn().Select(s => s.From));
        Assert.Empty(G.EmbassyOperations.MentionedIn);

        // From the organisation spoken for: the spokesperson's two quotes, and nothing the department said itself.
        Assert.Equal(G.StateDepartmentSpokesperson.Outgoing<Stated>(), G.UsStateDepartment.StatementsOnItsBehalf);
        Assert.Empty(G.RussianForeignMinistry.StatementsOnItsBehalf);
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
        var quoted = Assert.Single(G.Lavrov.Outgoing<Quoted>());

        Assert.Equal("The outcome of this meeting will show how quickly and effectively we can move.", quoted.Quote);
        Assert.Same(G.IstanbulTalks, quoted.To);
        Assert.Equal(Manner.Stated, quoted.Manner);
        Assert.Equal([G.IstanbulTalks], G.Lavrov.Quoted);
        Assert.Equal("Foreign Minister of Russia", G.Lavrov.Title);

        // "He acknowledged that Russia had imposed restrictions on US diplomats in Moscow": the story's words, not his.
        var acknowledged = Assert.Single(G.Lavrov.Outgoing<Paraphrased>());
        Assert.Equal(Manner.Acknowledged, acknowledged.Manner);
        Assert.Same(G.DiplomaticRestrictions, acknowledged.To);
        Assert.Equal([G.Moscow], acknowledged.Mentions);
    }

    [Fact]
    public void The_State_Department_spokesperson_is_quoted_twice_and_works_for_the_State_Department()
    {
        var quotes = G.StateDepartmentSpokesperson.Outgoing<Quoted>().Select(quoted => quoted.Quote).ToList();

        Assert.Equal(
            [
                "To be clear, there are no political or security issues on the agenda. Ukraine is not on the agenda.",
                "The constructiveness of these talks will become apparent very quickly; either issues will get resolved or they won\u2019t.",
            ],
            quotes);
        Assert.All(G.StateDepartmentSpokesperson.Outgoing<Stated>(), said => Assert.Equal(Manner.Said, said.Manner));
        Assert.Equal([G.UsStateDepartment], G.StateDepartmentSpokesperson.WorksFor);
        Assert.Empty(G.StateDepartmentSpokesperson.Paraphrased);
    }

    [Fact]
    public void Every_statement_has_one_speaker_and_some_words()
    {
        // Ten statements: Trump pledged and maintained, Putin downplayed and suggested, Lavrov stated and acknowledged,
        // the spokesperson said twice, the State Department clarified, Russian state TV reported. Three are quotes.
        var statements = G.Relations<Stated>().ToList();

        Assert.Equal(10, statements.Count);
        Assert.Equal(3, statements.OfType<Quoted>().Count());
        Assert.Equal(7, statements.OfType<Paraphrased>().Count());
        Assert.All(statements, statement => Assert.False(string.IsNullOrWhiteSpace(
            statement is Quoted quoted ? quoted.Quote : ((Paraphrased)statement).Paraphrase)));
        Assert.Equal(4, statements.Count(statement => statement.From is Person { Name: "Vladimir Putin" or "Donald Trump" }));
        Assert.IsType<Organization>(statements.Single(statement => statement.Manner == Manner.Reported).From);

        // Only Putin's two statements carry a time, and only as the story words it.
        Assert.Equal([G.Putin, G.Putin], statements.Where(statement => statement.When == "this week").Select(statement => statement.From));
        Assert.Equal(2, statements.Count(statement => statement.When is not null));
    }

    [Fact]
    public void The_statement_types_inherit_from_stated_and_a_query_for_stated_sees_both()
    {
        // quoted and paraphrased extend the abstract stated: its properties and roles are theirs, its query sees them.
        Assert.True(typeof(Stated).IsAbstract);
        Assert.True(typeof(Stated).IsAssignableFrom(typeof(Quoted)));
        Assert.True(typeof(Stated).IsAssignableFrom(typeof(Paraphrased)));

        // Lavrov: a quote about the talks, then a paraphrase about the restrictions, in file order.
        Assert.Equal([typeof(Quoted), typeof(Paraphrased)], G.Lavrov.Outgoing<Stated>().Select(stated => stated.GetType()));
        Assert.Equal([G.IstanbulTalks, G.DiplomaticRestrictions], G.Lavrov.Stated);
        Assert.Equal([G.IstanbulTalks], G.Lavrov.Quoted);
        Assert.Equal([G.DiplomaticRestrictions], G.Lavrov.Paraphrased);
        Assert.Equal(["quoted", "paraphrased"], G.Lavrov.Outgoing<Stated>().Select(stated => stated.TypeName));

        // The inverse declared on stated sees the facts of both kinds.
        Assert.Equal([G.Trump, G.Trump], G.CeasefireInUkraine.SpokenOfBy);
        Assert.Equal(G.Relations<Quoted>().Count() + G.Relations<Paraphrased>().Count(), G.Relations<Stated>().Count());
    }

    [Fact]
    public void How_each_statement_was_made_is_an_enum()
    {
        Assert.Equal(
            [Manner.Pledged, Manner.Maintained, Manner.Downplayed, Manner.Suggested, Manner.Stated, Manner.Acknowledged, Manner.Said, Manner.Said, Manner.Clarified, Manner.Reported],
            G.Relations<Stated>().Select(stated => stated.Manner));
        Assert.Equal(Manner.Downplayed, G.Putin.Outgoing<Stated>().First().Manner);
        Assert.Equal(Manner.Suggested, G.Putin.Outgoing<Stated>().Last().Manner);
    }

    [Fact]
    public void The_kind_of_each_organisation_is_an_enum()
    {
        Assert.Equal(OrganizationKind.NewsAgency, G.Reuters.Kind);
        Assert.Equal(OrganizationKind.Ministry, G.UsStateDepartment.Kind);
        Assert.Equal(OrganizationKind.Ministry, G.RussianForeignMinistry.Kind);
        Assert.Equal(OrganizationKind.Department, G.NorthAmericaDepartment.Kind);
        Assert.Equal(OrganizationKind.Broadcaster, G.RussianStateTv.Kind);
        Assert.All(G.Entities<Embassy>(), embassy => Assert.Equal(OrganizationKind.Embassy, embassy.Kind));
        Assert.Equal(2, G.Entities<Organization>().Count(organization => organization.Kind == OrganizationKind.Ministry));
    }

    [Fact]
    public void Every_country_has_its_own_two_letter_ISO_code()
    {
        var codes = G.Entities<Country>().ToDictionary(country => country.Name, country => country.IsoCode);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["United States"] = "US",
                ["Russia"] = "RU",
                ["Türkiye"] = "TR",
                ["Ukraine"] = "UA",
                ["Saudi Arabia"] = "SA",
            },
            codes);
        Assert.All(codes.Values, code => Assert.Matches(new Regex("^[A-Z]{2}$"), code));
        Assert.Equal(codes.Count, codes.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Same(G.Russia, G.Entities<Country>().Single(country => country.IsoCode == "RU"));
    }

    [Fact]
    public void Russia_and_the_US_are_in_dispute_over_their_embassies_one_symmetric_fact_read_both_ways()
    {
        // "long-standing disputes over the functioning of their embassies in Washington and Moscow"
        var dispute = Assert.Single(G.Relations<InDisputeWith>());

        Assert.True(dispute.IsSymmetric);
        Assert.Equal([G.UnitedStates], G.Russia.InDisputeWith);
        Assert.Equal([G.Russia], G.UnitedStates.InDisputeWith);
        Assert.Empty(G.Turkiye.InDisputeWith);
        Assert.Same(G.EmbassyOperations, dispute.Over);
        Assert.Equal([dispute], G.EmbassyOperations.DisputesOver);
        Assert.Equal([G.UnitedStates, G.Russia], new[] { G.Russia, G.UnitedStates }.InDisputeWith());
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
        // By hand: Darchiyev's facts reach his office, the ambassador's post and his delegation (1 step), then his
        // department and Russia (2), then Russia's neighbours (3), among them Putin's office, the US (the dispute),
        // Moscow and the sanctions on Russia; Trump reaches those in 2 steps (via Putin, his office, Biden, his policy)
        // and nothing of Darchiyev's in fewer: 2 + 3 = 5 relations.
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

        // 1 article, 7 people, 7 organisations, 2 delegations and a group, 11 places, 6 offices, 2 meetings, 13 topics,
        // 3 policies: 53. Facts: 2 about the article, 15 on the call, offices and people, 16 on organisations and
        // places, the dispute, 4 on the delegations, 2 meetings, 9 on the agenda, 8 on policies and concerns,
        // 10 statements: 67.
        Assert.Equal(53, G.EntityCount);
        Assert.Equal(67, G.RelationCount);
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

    [Fact]
    public void Every_entity_member_of_the_graph_is_the_entity_with_its_id()
    {
        var members = typeof(DiplomacyGraph).GetProperties().Where(p => typeof(Entity).IsAssignableFrom(p.PropertyType)).ToList();

        Assert.Equal(G.EntityCount, members.Count);
        Assert.All(members, member =>
        {
            var entity = (Entity)member.GetValue(G)!;
            Assert.Same(G.FindEntity(entity.Id), entity);
        });
    }
}
