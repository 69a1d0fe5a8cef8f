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
    {
        Trump = AddEntity(new Person("trump") { Name = "Donald Trump" });
        Putin = AddEntity(new Person("putin") { Name = "Vladimir Putin" });
        Darchiyev = AddEntity(new Diplomat("darchiyev") { Name = "Alexander Darchiyev" });
        Coulter = AddEntity(new Person("coulter") { Name = "Sonata Coulter" });
        Witkoff = AddEntity(new Person("witkoff") { Name = "Steve Witkoff" });
        Russia = AddEntity(new Country("russia") { Name = "Russia" });
        Usa = AddEntity(new Country("usa") { Name = "United States" });
        RussianDelegation = AddEntity(new Delegation("russianDelegation") { Name = "Russian delegation" });
        UsDelegation = AddEntity(new Delegation("usDelegation") { Name = "US team" });
        Observers = AddEntity(new Delegation("observers") { Name = "Observers" });
        Talks = AddEntity(new Meeting("talks") { Name = "Istanbul talks", Date = new DateOnly(2025, 2, 27) });
        SpringTalks = AddEntity(new Meeting("springTalks") { Name = "Spring talks", Date = new PartialDate(2025, 3) });
        Session = AddEntity(new Meeting("session") { Name = "Riyadh session", Date = new DateOnly(2025, 2, 18) });
        Residence = AddEntity(new Place("residence") { Name = "Consul general's residence" });
        Istanbul = AddEntity(new Place("istanbul") { Name = "Istanbul" });
        Turkiye = AddEntity(new Place("turkiye") { Name = "Türkiye" });
        Riyadh = AddEntity(new Place("riyadh") { Name = "Riyadh" });
        SaudiArabia = AddEntity(new Place("saudiArabia") { Name = "Saudi Arabia" });
        Greece = AddEntity(new Place("greece") { Name = "Greece" });
        Bulgaria = AddEntity(new Place("bulgaria") { Name = "Bulgaria" });
        Reuters = AddEntity(new Article("reuters") { Published = new DateOnly(2025, 2, 28) });
        Tass = AddEntity(new Article("tass") { Published = new PartialDate(2025, 2) });

        // One fact, two sources.
        R0 = AddRelation(new Called(Trump, Putin) { On = new DateOnly(2025, 2, 12), Sources = [Reuters, Tass] });
        R1 = AddRelation(new Called(Putin, Trump) { On = new DateOnly(2025, 3, 18), Sources = [Tass] });
        R2 = AddRelation(new Called(Trump, Witkoff) { On = new DateOnly(2025, 2, 20), Sources = [Reuters] });
        R3 = AddRelation(new Leads(Darchiyev, RussianDelegation)
        {
            ValidFrom = new PartialDate(2025, 2),
            ValidTo = new PartialDate(2025, 4),
            Sources = [Reuters],
        });
        R4 = AddRelation(new Leads(Coulter, UsDelegation) { Sources = [Reuters] });
        R5 = AddRelation(new Represents(RussianDelegation, Russia));
        R6 = AddRelation(new Represents(UsDelegation, Usa));
        R7 = AddRelation(new Attended(RussianDelegation, Talks) { Sources = [Reuters] });
        R8 = AddRelation(new Attended(UsDelegation, Talks) { Sources = [Reuters] });
        R9 = AddRelation(new Attended(RussianDelegation, SpringTalks) { Sources = [Tass] });
        R10 = AddRelation(new Attended(Observers, Session));
        R11 = AddRelation(new HeldIn(Talks, Istanbul));
        R12 = AddRelation(new HeldIn(SpringTalks, Istanbul));
        R13 = AddRelation(new HeldIn(Session, Riyadh));
        R14 = AddRelation(new LocatedIn(Residence, Istanbul));
        R15 = AddRelation(new LocatedIn(Istanbul, Turkiye));
        R16 = AddRelation(new LocatedIn(Riyadh, SaudiArabia));
        R17 = AddRelation(new Borders(Turkiye, Greece));
        R18 = AddRelation(new Borders(Greece, Bulgaria));
        R19 = AddRelation(new Borders(Bulgaria, Turkiye));
        Seal();
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
