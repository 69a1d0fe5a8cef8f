using System;
using System.Linq;
using Diplomacy;

namespace KnowledgeGraph.Tests;

/// <summary>
/// Graphs built at run time from the sample: new entities and facts in code give a new immutable graph of the
/// same generated type, checked as the generator checks files, and the compiled-in graph never changes.
/// </summary>
public sealed class GraphBuilderTests
{
    private static DiplomacyGraph G => DiplomacyGraph.Default;

    [Fact]
    public void A_new_fact_gives_a_new_graph_and_leaves_the_compiled_one_as_it_was()
    {
        var (entities, relations) = (G.EntityCount, G.RelationCount);
        var builder = G.ToBuilder();
        var zelensky = builder.AddEntity(new Person("zelensky") { Name = "Volodymyr Zelensky", Title = "President of Ukraine" });
        builder.AddRelation(new Called(G.Trump, zelensky) { On = new DateOnly(2025, 2, 19), Sources = [G.ReutersIstanbul] });

        var built = builder.Build();

        Assert.Equal(entities + 1, built.EntityCount);
        Assert.Equal(relations + 1, built.RelationCount);
        Assert.Equal(["Vladimir Putin", "Volodymyr Zelensky"], built.Trump.Called.Select(person => person.Name));
        var call = built.Trump.Outgoing<Called>().Last();
        Assert.Equal(new DateOnly(2025, 2, 19), call.On);
        Assert.Same(built.ReutersIstanbul, Assert.Single(call.Sources));

        // The compiled graph and its entities are untouched, and the two graphs share no entity.
        Assert.Equal((entities, relations), (G.EntityCount, G.RelationCount));
        Assert.Equal(["Vladimir Putin"], G.Trump.Called.Select(person => person.Name));
        Assert.Null(G.FindEntity("zelensky"));
        Assert.NotSame(G.Trump, built.Trump);
        Assert.Same(built.Trump, built.FindEntity<Person>("trump"));
        Assert.Same(built.Putin, built.Trump.Called[0]);
    }

    [Fact]
    public void The_built_graph_keeps_every_property_source_and_date()
    {
        var built = G.ToBuilder().Build();

        Assert.Equal(G.EntityCount, built.EntityCount);
        Assert.Equal(G.RelationCount, built.RelationCount);
        Assert.Equal(G.Trump.Title, built.Trump.Title);
        Assert.Equal(G.IstanbulTalks.Date, built.IstanbulTalks.Date);
        var office = built.Trump.Outgoing<HoldsOffice>().Single();
        Assert.Equal(new PartialDate(2025, 1), office.ValidFrom);
        Assert.Same(built.ReutersIstanbul, Assert.Single(office.Sources));
        Assert.Equal(
            G.Relations<Relation>().Select(relation => relation.ToString()),
            built.Relations<Relation>().Select(relation => relation.ToString()));

        // Enums and keys are copied; the roles of n-ary facts are the new graph's entities, not the compiled one's.
        Assert.Equal(OrganizationKind.Broadcaster, built.RussianStateTv.Kind);
        Assert.Equal("TR", built.Turkiye.IsoCode);
        var talks = built.IstanbulTalks.Outgoing<HeldIn>().Single();
        Assert.Same(built.ConsulGeneralResidence, talks.Venue);
        Assert.Equal([built.RussianDelegation, built.UsDelegation], talks.Delegations);
        Assert.Equal([talks], built.UsDelegation.Attended);
        var quote = built.StateDepartmentSpokesperson.Outgoing<Quoted>().First();
        Assert.Same(built.UsStateDepartment, quote.OnBehalfOf);
        Assert.Equal([built.PoliticalAndSecurityIssues, built.WarInUkraine], quote.Mentions);
        Assert.Equal(Manner.Said, quote.Manner);
        Assert.Same(built.EmbassyOperations, built.Relations<InDisputeWith>().Single().Over);
        Assert.Equal([built.Russia], built.UnitedStates.InDisputeWith);
    }

    [Fact]
    public void A_hypothetical_n_ary_fact_is_navigable_from_every_role_player_of_the_new_graph_only()
    {
        // Not in the article: a follow-up round in Istanbul, added in code and citing no source.
        var builder = G.ToBuilder();
        var followUp = builder.AddEntity(new Meeting("followUp") { Name = "Follow-up round (hypothetical)", Date = new DateOnly(2025, 3, 31) });
        builder.AddRelation(new HeldIn(followUp, G.Istanbul) { Venue = G.ConsulGeneralResidence, Delegations = [G.UsDelegation, G.RussianDelegation] });

        var built = builder.Build();
        var held = built.FindEntity<Meeting>("followUp")!.Outgoing<HeldIn>().Single();

        Assert.Same(built.Istanbul, held.To);
        Assert.Equal([built.IstanbulTalks, held.From], built.Istanbul.Hosted);
        Assert.Equal(2, built.ConsulGeneralResidence.VenueOf.Count);
        Assert.Equal([built.IstanbulTalks, held.From], built.RussianDelegation.Attended.Select(fact => fact.From));
        Assert.Equal([built.UsDelegation, built.RussianDelegation], held.Delegations);
        Assert.Empty(held.Sources);
        Assert.Equal(G.RelationCount, built.FactsFrom(built.ReutersIstanbul).Count());

        // The compiled graph knows nothing of it.
        Assert.Equal([G.IstanbulTalks], G.Istanbul.Hosted);
        Assert.Single(G.RussianDelegation.Attended);
        Assert.Single(G.ConsulGeneralResidence.VenueOf);
    }

    [Fact]
    public void A_role_player_from_nowhere_is_refused()
    {
        var builder = G.ToBuilder();
        var stranger = new Delegation("strangers") { Name = "Strangers" };

        Assert.Throws<ArgumentException>(() => builder.AddRelation(new HeldIn(G.SaudiSession, G.SaudiArabia) { Delegations = [stranger] }));
        Assert.Throws<ArgumentException>(() => builder.AddRelation(
            new Paraphrased(G.Putin, G.PeaceDeal) { Manner = Manner.Suggested, Paraphrase = "(hypothetical)", OnBehalfOf = new Organization("nowhere") { Name = "Nowhere", Kind = OrganizationKind.Ministry } }));
        Assert.Equal(G.RelationCount, builder.Build().RelationCount);
    }

    [Fact]
    public void A_country_code_that_is_taken_is_refused()
    {
        // isoCode is the key of Country: one country per code.
        var builder = G.ToBuilder();

        var error = Assert.Throws<ArgumentException>(() => builder.AddEntity(new Country("otherRussia") { Name = "Another Russia", IsoCode = "RU" }));

        Assert.Contains("'isoCode'", error.Message);
        Assert.Contains("'russia'", error.Message);
        var georgia = builder.AddEntity(new Country("georgia") { Name = "Georgia", IsoCode = "GE" });
        Assert.Equal("GE", builder.Build().FindEntity<Country>("georgia")!.IsoCode);
        Assert.Throws<ArgumentException>(() => builder.AddEntity(new Country("alsoGeorgia") { Name = "Georgia again", IsoCode = georgia.IsoCode }));
    }

    [Fact]
    public void A_value_that_breaks_its_pattern_is_refused_as_in_a_file()
    {
        // isoCode must match ^[A-Z]{2}$: the file would give KG0022, the builder throws.
        var builder = G.ToBuilder();

        var error = Assert.Throws<ArgumentException>(() => builder.AddEntity(new Country("atlantis") { Name = "Atlantis", IsoCode = "atlantis" }));

        Assert.Contains("'isoCode' must match the pattern '^[A-Z]{2}$'", error.Message);
        Assert.Equal(G.EntityCount, builder.Build().EntityCount);
    }

    [Fact]
    public void A_builder_can_build_again_and_each_graph_is_new()
    {
        var builder = G.ToBuilder();
        builder.AddEntity(new Person("zelensky") { Name = "Volodymyr Zelensky" });

        var first = builder.Build();
        var second = builder.Build();

        Assert.NotSame(first.FindEntity("zelensky"), second.FindEntity("zelensky"));
        Assert.Equal(first.EntityCount, second.EntityCount);
    }

    [Fact]
    public void An_id_that_is_taken_is_refused_and_nothing_changes()
    {
        var builder = G.ToBuilder();

        var error = Assert.Throws<ArgumentException>(() => builder.AddEntity(new Person("trump") { Name = "Another Trump" }));

        Assert.Contains("'trump' is already taken", error.Message);
        Assert.Equal(G.EntityCount, builder.Build().EntityCount);
    }

    [Fact]
    public void A_fact_about_an_entity_from_nowhere_is_refused()
    {
        var builder = G.ToBuilder();
        var stranger = new Person("stranger") { Name = "Stranger" };

        Assert.Throws<ArgumentException>(() => builder.AddRelation(new Called(G.Trump, stranger) { On = new DateOnly(2025, 3, 1) }));
        Assert.Throws<ArgumentException>(() => builder.AddRelation(
            new Called(G.Trump, G.Putin) { On = new DateOnly(2025, 3, 1), Sources = [stranger] }));
        Assert.Equal(G.RelationCount, builder.Build().RelationCount);
    }

    [Fact]
    public void A_fact_that_breaks_its_cardinality_is_refused()
    {
        // leads is one-to-one: Darchiyev leads one delegation, and the Russian delegation has one leader.
        var builder = G.ToBuilder();
        var other = builder.AddEntity(new Delegation("otherDelegation") { Name = "Another delegation" });

        var secondTarget = Assert.Throws<ArgumentException>(() => builder.AddRelation(new Leads(G.Darchiyev, other)));
        var secondLeader = Assert.Throws<ArgumentException>(() => builder.AddRelation(new Leads(G.Lavrov, G.RussianDelegation)));

        Assert.Contains("one-to-one", secondTarget.Message);
        Assert.Contains("'russianDelegation'", secondLeader.Message);
        builder.AddRelation(new Leads(G.Lavrov, other));
        Assert.Same(G.Lavrov.Name, builder.Build().FindEntity<Delegation>("otherDelegation")!.LedBy!.Name);
    }

    [Fact]
    public void A_meeting_is_held_in_one_place()
    {
        // heldIn is many-to-one: the talks were held in Istanbul, so not also in Moscow.
        var builder = G.ToBuilder();

        var error = Assert.Throws<ArgumentException>(() => builder.AddRelation(new HeldIn(G.IstanbulTalks, G.Moscow)));

        Assert.Contains("many-to-one", error.Message);
        Assert.Contains("'istanbulTalks'", error.Message);
    }

    [Fact]
    public void An_entity_of_the_built_graph_cannot_be_added_again()
    {
        var builder = G.ToBuilder();
        var zelensky = builder.AddEntity(new Person("zelensky") { Name = "Volodymyr Zelensky" });

        Assert.Throws<ArgumentException>(() => builder.AddEntity(zelensky));
        Assert.Throws<ArgumentException>(() => builder.AddEntity(G.Trump));
    }

    [Fact]
    public void Typed_traversal_steps_reach_the_countries_of_the_delegations_leaders()
    {
        var countries = G.Entities<Person>().Leads().Represents().Select(country => country.Name).OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(["Russia", "United States"], countries);
        Assert.Equal([G.Darchiyev], G.Entities<Delegation>().Where(d => d.Represents == G.Russia).LedBy());
    }
}
