using System;
using KnowledgeGraph.Tests.Runtime;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>
/// A hand-written graph for the query operators, small enough to work every answer out by hand: calls between
/// three people (a cycle), two led delegations and one without a leader, three meetings (one dated only to the
/// month), places with a chain of locatedIn and a cycle of borders, and two sources (one dated only to the month).
/// </summary>
/// <remarks>
/// Entities, in file order: 0 trump, 1 putin, 2 darchiyev (Diplomat), 3 coulter, 4 witkoff, 5 russia, 6 usa,
/// 7 russianDelegation, 8 usDelegation, 9 observers, 10 talks (2025-02-27), 11 springTalks (2025-03),
/// 12 session (2025-02-18), 13 residence, 14 istanbul, 15 turkiye, 16 riyadh, 17 saudiArabia, 18 greece,
/// 19 bulgaria, 20 reuters (published 2025-02-28), 21 tass (published 2025-02).
/// Relations R0…R19 are listed in the constructor, in file order.
/// </remarks>
public sealed class QueryWorld : Graph
{
    public QueryWorld()
        : base(Content())
    {
        Trump = EntityAt<Person>(0, "trump");
        Putin = EntityAt<Person>(1, "putin");
        Darchiyev = EntityAt<Diplomat>(2, "darchiyev");
        Coulter = EntityAt<Person>(3, "coulter");
        Witkoff = EntityAt<Person>(4, "witkoff");
        Russia = EntityAt<Country>(5, "russia");
        Usa = EntityAt<Country>(6, "usa");
        RussianDelegation = EntityAt<Delegation>(7, "russianDelegation");
        UsDelegation = EntityAt<Delegation>(8, "usDelegation");
        Observers = EntityAt<Delegation>(9, "observers");
        Talks = EntityAt<Meeting>(10, "talks");
        SpringTalks = EntityAt<Meeting>(11, "springTalks");
        Session = EntityAt<Meeting>(12, "session");
        Residence = EntityAt<Place>(13, "residence");
        Istanbul = EntityAt<Place>(14, "istanbul");
        Turkiye = EntityAt<Place>(15, "turkiye");
        Riyadh = EntityAt<Place>(16, "riyadh");
        SaudiArabia = EntityAt<Place>(17, "saudiArabia");
        Greece = EntityAt<Place>(18, "greece");
        Bulgaria = EntityAt<Place>(19, "bulgaria");
        Reuters = EntityAt<Article>(20, "reuters");
        Tass = EntityAt<Article>(21, "tass");
        R0 = (Called)Relations<Relation>()[0];
        R1 = (Called)Relations<Relation>()[1];
        R2 = (Called)Relations<Relation>()[2];
        R3 = (Leads)Relations<Relation>()[3];
        R4 = (Leads)Relations<Relation>()[4];
        R5 = (Represents)Relations<Relation>()[5];
        R6 = (Represents)Relations<Relation>()[6];
        R7 = (Attended)Relations<Relation>()[7];
        R8 = (Attended)Relations<Relation>()[8];
        R9 = (Attended)Relations<Relation>()[9];
        R10 = (Attended)Relations<Relation>()[10];
        R11 = (HeldIn)Relations<Relation>()[11];
        R12 = (HeldIn)Relations<Relation>()[12];
        R13 = (HeldIn)Relations<Relation>()[13];
        R14 = (LocatedIn)Relations<Relation>()[14];
        R15 = (LocatedIn)Relations<Relation>()[15];
        R16 = (LocatedIn)Relations<Relation>()[16];
        R17 = (Borders)Relations<Relation>()[17];
        R18 = (Borders)Relations<Relation>()[18];
        R19 = (Borders)Relations<Relation>()[19];
    }

    private static GraphContent Content()
    {
        var content = new GraphContent();
        var trump = content.AddEntity(new Person("trump") { Name = "Donald Trump" });
        var putin = content.AddEntity(new Person("putin") { Name = "Vladimir Putin" });
        var darchiyev = content.AddEntity(new Diplomat("darchiyev") { Name = "Alexander Darchiyev" });
        var coulter = content.AddEntity(new Person("coulter") { Name = "Sonata Coulter" });
        var witkoff = content.AddEntity(new Person("witkoff") { Name = "Steve Witkoff" });
        var russia = content.AddEntity(new Country("russia") { Name = "Russia" });
        var usa = content.AddEntity(new Country("usa") { Name = "United States" });
        var russianDelegation = content.AddEntity(new Delegation("russianDelegation") { Name = "Russian delegation" });
        var usDelegation = content.AddEntity(new Delegation("usDelegation") { Name = "US team" });
        var observers = content.AddEntity(new Delegation("observers") { Name = "Observers" });
        var talks = content.AddEntity(new Meeting("talks") { Name = "Istanbul talks", Date = new DateOnly(2025, 2, 27) });
        var springTalks = content.AddEntity(new Meeting("springTalks") { Name = "Spring talks", Date = new PartialDate(2025, 3) });
        var session = content.AddEntity(new Meeting("session") { Name = "Riyadh session", Date = new DateOnly(2025, 2, 18) });
        var residence = content.AddEntity(new Place("residence") { Name = "Consul general's residence" });
        var istanbul = content.AddEntity(new Place("istanbul") { Name = "Istanbul" });
        var turkiye = content.AddEntity(new Place("turkiye") { Name = "Türkiye" });
        var riyadh = content.AddEntity(new Place("riyadh") { Name = "Riyadh" });
        var saudiArabia = content.AddEntity(new Place("saudiArabia") { Name = "Saudi Arabia" });
        var greece = content.AddEntity(new Place("greece") { Name = "Greece" });
        var bulgaria = content.AddEntity(new Place("bulgaria") { Name = "Bulgaria" });
        var reuters = content.AddEntity(new Article("reuters") { Published = new DateOnly(2025, 2, 28) });
        var tass = content.AddEntity(new Article("tass") { Published = new PartialDate(2025, 2) });
        // One fact, two sources.
        content.AddRelation(new Called(trump, putin) { On = new DateOnly(2025, 2, 12), Sources = [reuters, tass] });
        content.AddRelation(new Called(putin, trump) { On = new DateOnly(2025, 3, 18), Sources = [tass] });
        content.AddRelation(new Called(trump, witkoff) { On = new DateOnly(2025, 2, 20), Sources = [reuters] });
        content.AddRelation(new Leads(darchiyev, russianDelegation)
        {
            ValidFrom = new PartialDate(2025, 2),
            ValidTo = new PartialDate(2025, 4),
            Sources = [reuters],
        });
        content.AddRelation(new Leads(coulter, usDelegation) { Sources = [reuters] });
        content.AddRelation(new Represents(russianDelegation, russia));
        content.AddRelation(new Represents(usDelegation, usa));
        content.AddRelation(new Attended(russianDelegation, talks) { Sources = [reuters] });
        content.AddRelation(new Attended(usDelegation, talks) { Sources = [reuters] });
        content.AddRelation(new Attended(russianDelegation, springTalks) { Sources = [tass] });
        content.AddRelation(new Attended(observers, session));
        content.AddRelation(new HeldIn(talks, istanbul));
        content.AddRelation(new HeldIn(springTalks, istanbul));
        content.AddRelation(new HeldIn(session, riyadh));
        content.AddRelation(new LocatedIn(residence, istanbul));
        content.AddRelation(new LocatedIn(istanbul, turkiye));
        content.AddRelation(new LocatedIn(riyadh, saudiArabia));
        content.AddRelation(new Borders(turkiye, greece));
        content.AddRelation(new Borders(greece, bulgaria));
        content.AddRelation(new Borders(bulgaria, turkiye));
        return content;
    }

    public Person Trump { get; }
    public Person Putin { get; }
    public Diplomat Darchiyev { get; }
    public Person Coulter { get; }
    public Person Witkoff { get; }
    public Country Russia { get; }
    public Country Usa { get; }
    public Delegation RussianDelegation { get; }
    public Delegation UsDelegation { get; }
    public Delegation Observers { get; }
    public Meeting Talks { get; }
    public Meeting SpringTalks { get; }
    public Meeting Session { get; }
    public Place Residence { get; }
    public Place Istanbul { get; }
    public Place Turkiye { get; }
    public Place Riyadh { get; }
    public Place SaudiArabia { get; }
    public Place Greece { get; }
    public Place Bulgaria { get; }
    public Article Reuters { get; }
    public Article Tass { get; }

    public Called R0 { get; }
    public Called R1 { get; }
    public Called R2 { get; }
    public Leads R3 { get; }
    public Leads R4 { get; }
    public Represents R5 { get; }
    public Represents R6 { get; }
    public Attended R7 { get; }
    public Attended R8 { get; }
    public Attended R9 { get; }
    public Attended R10 { get; }
    public HeldIn R11 { get; }
    public HeldIn R12 { get; }
    public HeldIn R13 { get; }
    public LocatedIn R14 { get; }
    public LocatedIn R15 { get; }
    public LocatedIn R16 { get; }
    public Borders R17 { get; }
    public Borders R18 { get; }
    public Borders R19 { get; }
}
