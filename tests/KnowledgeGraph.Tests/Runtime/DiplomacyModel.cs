using System;
using System.Collections.Generic;

namespace KnowledgeGraph.Tests.Runtime;

// Hand-written stand-ins for what the generator emits (see the generated-API contract), so the runtime is
// tested on its own: an entity hierarchy, typed relations with navigation, and a graph built in its constructor.

public abstract class Agent : Entity
{
    protected Agent(string id)
        : base(id)
    {
    }

    public required string Name { get; init; }

    public override string ToString() => Name;
}

public class Person : Agent
{
    public Person(string id)
        : base(id)
    {
    }

    public string? Title { get; init; }

    // many-to-many: a list, in fact order.
    public GraphSet<Person> Called => Targets<Called, Person>(ref _called);

    private GraphSet<Person>? _called;

    // The inverse of "called", declared as "calledBy".
    public GraphSet<Person> CalledBy => Origins<Called, Person>(ref _calledBy);

    private GraphSet<Person>? _calledBy;

    // one-to-one: a single value.
    public Delegation? Leads => Target<Leads, Delegation>();

    protected override Entity Copy() => new Person(Id) { Name = Name, Title = Title };
}

public sealed class Diplomat : Person
{
    public Diplomat(string id)
        : base(id)
    {
    }

    public string? Rank { get; init; }

    protected override Entity Copy() => new Diplomat(Id) { Name = Name, Title = Title, Rank = Rank };
}

public sealed class Country : Agent
{
    public Country(string id)
        : base(id)
    {
    }

    public GraphSet<Delegation> RepresentedBy => Origins<Represents, Delegation>(ref _representedBy);

    private GraphSet<Delegation>? _representedBy;

    protected override Entity Copy() => new Country(Id) { Name = Name };
}

public sealed class Delegation : Entity
{
    public Delegation(string id)
        : base(id)
    {
    }

    public required string Name { get; init; }

    public Person? LedBy => Origin<Leads, Person>();

    // many-to-one: a single value.
    public Country? Represents => Target<Represents, Country>();

    public GraphSet<Meeting> Attended => Targets<Attended, Meeting>(ref _attended);

    private GraphSet<Meeting>? _attended;

    public override string ToString() => Name;

    protected override Entity Copy() => new Delegation(Id) { Name = Name };
}

// No "name" property: shows its id.
public sealed class Article : Entity
{
    public Article(string id)
        : base(id)
    {
    }

    public string? Headline { get; init; }

    // A vague date, as a generated PartialDate property would be; left unset in DiplomacyGraph.
    public PartialDate? Published { get; init; }

    protected override void CollectDates(ICollection<DatedValue> dates)
    {
        base.CollectDates(dates);
        if (Published is { } published)
        {
            dates.Add(new DatedValue("published", published));
        }
    }

    protected override Entity Copy() => new Article(Id) { Headline = Headline, Published = Published };
}

// Not in DiplomacyGraph (whose tests count its entities): for graphs built in the query tests.
public sealed class Meeting : Entity
{
    public Meeting(string id)
        : base(id)
    {
    }

    public required string Name { get; init; }

    public required PartialDate Date { get; init; }

    public Place? HeldIn => Target<HeldIn, Place>();

    public GraphSet<Delegation> AttendedBy => Origins<Attended, Delegation>(ref _attendedBy);

    private GraphSet<Delegation>? _attendedBy;

    public override string ToString() => Name;

    protected override void CollectDates(ICollection<DatedValue> dates)
    {
        base.CollectDates(dates);
        dates.Add(new DatedValue("date", Date));
    }

    protected override Entity Copy() => new Meeting(Id) { Name = Name, Date = Date };
}

public sealed class Place : Entity
{
    public Place(string id)
        : base(id)
    {
    }

    public required string Name { get; init; }

    // many-to-one: a single value.
    public Place? LocatedIn => Target<LocatedIn, Place>();

    // many-to-many, and cycles are allowed: for closures.
    public GraphSet<Place> Borders => Targets<Borders, Place>(ref _borders);

    private GraphSet<Place>? _borders;

    public override string ToString() => Name;

    protected override Entity Copy() => new Place(Id) { Name = Name };
}

public sealed class Called : Relation<Person, Person>
{
    public Called(Person from, Person to)
        : base(from, to)
    {
    }

    public override string TypeName => "called";

    public required DateOnly On { get; init; }

    protected override void CollectDates(ICollection<DatedValue> dates)
    {
        base.CollectDates(dates);
        dates.Add(new DatedValue("on", On));
    }

    protected override Relation Copy(Func<Entity, Entity> map) => new Called((Person)map(From), (Person)map(To)) { On = On };
}

public sealed class Leads : Relation<Person, Delegation>
{
    public Leads(Person from, Delegation to)
        : base(from, to)
    {
    }

    public override string TypeName => "leads";

    public override Cardinality Cardinality => Cardinality.OneToOne;

    protected override Relation Copy(Func<Entity, Entity> map) => new Leads((Person)map(From), (Delegation)map(To));
}

public sealed class Represents : Relation<Delegation, Country>
{
    public Represents(Delegation from, Country to)
        : base(from, to)
    {
    }

    public override string TypeName => "represents";

    public override Cardinality Cardinality => Cardinality.ManyToOne;

    protected override Relation Copy(Func<Entity, Entity> map) => new Represents((Delegation)map(From), (Country)map(To));
}

public sealed class Attended : Relation<Delegation, Meeting>
{
    public Attended(Delegation from, Meeting to)
        : base(from, to)
    {
    }

    public override string TypeName => "attended";

    protected override Relation Copy(Func<Entity, Entity> map) => new Attended((Delegation)map(From), (Meeting)map(To));
}

public sealed class HeldIn : Relation<Meeting, Place>
{
    public HeldIn(Meeting from, Place to)
        : base(from, to)
    {
    }

    public override string TypeName => "heldIn";

    public override Cardinality Cardinality => Cardinality.ManyToOne;

    protected override Relation Copy(Func<Entity, Entity> map) => new HeldIn((Meeting)map(From), (Place)map(To));
}

public sealed class LocatedIn : Relation<Place, Place>
{
    public LocatedIn(Place from, Place to)
        : base(from, to)
    {
    }

    public override string TypeName => "locatedIn";

    public override Cardinality Cardinality => Cardinality.ManyToOne;

    protected override Relation Copy(Func<Entity, Entity> map) => new LocatedIn((Place)map(From), (Place)map(To));
}

public sealed class Borders : Relation<Place, Place>
{
    public Borders(Place from, Place to)
        : base(from, to)
    {
    }

    public override string TypeName => "borders";

    protected override Relation Copy(Func<Entity, Entity> map) => new Borders((Place)map(From), (Place)map(To));
}

/// <summary>
/// The graph as generated: entities and relations added in file order, then sealed.
/// </summary>
/// <remarks>
/// trump —called→ putin (twice: parallel facts), darchiyev —called→ putin, darchiyev —leads→ russianDelegation
/// —represents→ russia, americanDelegation —represents→ usa; witkoff and the two articles have no relation.
/// </remarks>
public sealed class DiplomacyGraph : Graph
{
    private static readonly Lazy<DiplomacyGraph> s_default = new(() => new DiplomacyGraph());

    public DiplomacyGraph()
    {
        Trump = AddEntity(new Person("trump") { Name = "Donald Trump", Title = "President of the United States" });
        Usa = AddEntity(new Country("usa") { Name = "United States" });
        Putin = AddEntity(new Person("putin") { Name = "Vladimir Putin" });
        Darchiyev = AddEntity(new Diplomat("darchiyev") { Name = "Alexander Darchiyev", Rank = "Ambassador" });
        Russia = AddEntity(new Country("russia") { Name = "Russia" });
        RussianDelegation = AddEntity(new Delegation("russianDelegation") { Name = "Russian delegation" });
        AmericanDelegation = AddEntity(new Delegation("americanDelegation") { Name = "American delegation" });
        Reuters = AddEntity(new Article("reuters-istanbul") { Headline = "Talks in Istanbul" });
        Tass = AddEntity(new Article("tass") { Headline = "Kremlin on the call" });
        Witkoff = AddEntity(new Person("witkoff") { Name = "Steve Witkoff" });

        FirstCall = AddRelation(new Called(Trump, Putin) { On = new DateOnly(2025, 2, 12), Sources = [Reuters] });
        SecondCall = AddRelation(new Called(Trump, Putin) { On = new DateOnly(2025, 5, 19), Sources = [Tass] });
        DiplomatCall = AddRelation(new Called(Darchiyev, Putin) { On = new DateOnly(2025, 2, 20), Sources = [Reuters, Tass] });
        Leadership = AddRelation(new Leads(Darchiyev, RussianDelegation)
        {
            ValidFrom = new DateOnly(2025, 2, 27),
            ValidTo = new DateOnly(2025, 4, 10),
        });
        RussianRepresentation = AddRelation(new Represents(RussianDelegation, Russia));
        AmericanRepresentation = AddRelation(new Represents(AmericanDelegation, Usa));
        Seal();
    }

    public static DiplomacyGraph Default => s_default.Value;

    public Person Trump { get; }
    public Country Usa { get; }
    public Person Putin { get; }
    public Diplomat Darchiyev { get; }
    public Country Russia { get; }
    public Delegation RussianDelegation { get; }
    public Delegation AmericanDelegation { get; }
    public Article Reuters { get; }
    public Article Tass { get; }
    public Person Witkoff { get; }

    // Not generated members: handles for the tests.
    public Called FirstCall { get; }
    public Called SecondCall { get; }
    public Called DiplomatCall { get; }
    public Leads Leadership { get; }
    public Represents RussianRepresentation { get; }
    public Represents AmericanRepresentation { get; }
}

/// <summary>A graph whose building members are public, to drive the error paths.</summary>
public sealed class OpenGraph : Graph
{
    public new TEntity AddEntity<TEntity>(TEntity entity) where TEntity : Entity => base.AddEntity(entity);

    public new TRelation AddRelation<TRelation>(TRelation relation) where TRelation : Relation => base.AddRelation(relation);

    public new void Seal() => base.Seal();
}

// A symmetric relation, as "metWith" with "symmetric": true generates.
public sealed class MetWith : Relation<Person, Person>
{
    public MetWith(Person from, Person to)
        : base(from, to)
    {
    }

    public override string TypeName => "metWith";

    public override bool IsSymmetric => true;

    protected override Relation Copy(Func<Entity, Entity> map) => new MetWith((Person)map(From), (Person)map(To));
}
