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
        : base(Content())
    {
        Trump = EntityAt<Person>(0, "trump");
        Usa = EntityAt<Country>(1, "usa");
        Putin = EntityAt<Person>(2, "putin");
        Darchiyev = EntityAt<Diplomat>(3, "darchiyev");
        Russia = EntityAt<Country>(4, "russia");
        RussianDelegation = EntityAt<Delegation>(5, "russianDelegation");
        AmericanDelegation = EntityAt<Delegation>(6, "americanDelegation");
        Reuters = EntityAt<Article>(7, "reuters-istanbul");
        Tass = EntityAt<Article>(8, "tass");
        Witkoff = EntityAt<Person>(9, "witkoff");
        FirstCall = (Called)Relations<Relation>()[0];
        SecondCall = (Called)Relations<Relation>()[1];
        DiplomatCall = (Called)Relations<Relation>()[2];
        Leadership = (Leads)Relations<Relation>()[3];
        RussianRepresentation = (Represents)Relations<Relation>()[4];
        AmericanRepresentation = (Represents)Relations<Relation>()[5];
    }

    private static GraphContent Content()
    {
        var content = new GraphContent();
        var trump = content.AddEntity(new Person("trump") { Name = "Donald Trump", Title = "President of the United States" });
        var usa = content.AddEntity(new Country("usa") { Name = "United States" });
        var putin = content.AddEntity(new Person("putin") { Name = "Vladimir Putin" });
        var darchiyev = content.AddEntity(new Diplomat("darchiyev") { Name = "Alexander Darchiyev", Rank = "Ambassador" });
        var russia = content.AddEntity(new Country("russia") { Name = "Russia" });
        var russianDelegation = content.AddEntity(new Delegation("russianDelegation") { Name = "Russian delegation" });
        var americanDelegation = content.AddEntity(new Delegation("americanDelegation") { Name = "American delegation" });
        var reuters = content.AddEntity(new Article("reuters-istanbul") { Headline = "Talks in Istanbul" });
        var tass = content.AddEntity(new Article("tass") { Headline = "Kremlin on the call" });
        var witkoff = content.AddEntity(new Person("witkoff") { Name = "Steve Witkoff" });
        content.AddRelation(new Called(trump, putin) { On = new DateOnly(2025, 2, 12), Sources = [reuters] });
        content.AddRelation(new Called(trump, putin) { On = new DateOnly(2025, 5, 19), Sources = [tass] });
        content.AddRelation(new Called(darchiyev, putin) { On = new DateOnly(2025, 2, 20), Sources = [reuters, tass] });
        content.AddRelation(new Leads(darchiyev, russianDelegation)
        {
            ValidFrom = new DateOnly(2025, 2, 27),
            ValidTo = new DateOnly(2025, 4, 10),
        });
        content.AddRelation(new Represents(russianDelegation, russia));
        content.AddRelation(new Represents(americanDelegation, usa));
        return content;
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

/// <summary>
/// What a graph is made of, added to in a test before the graph is made: <see cref="Seal"/> makes it, as a generated
/// graph is made from the facts it compiled in.
/// </summary>
public sealed class OpenGraph
{
    private readonly GraphContent _content = new();
    private readonly List<GraphElement> _added = [];

    public TEntity AddEntity<TEntity>(TEntity entity) where TEntity : Entity
    {
        _added.Add(_content.AddEntity(entity));
        return entity;
    }

    public TRelation AddRelation<TRelation>(TRelation relation) where TRelation : Relation
    {
        _added.Add(_content.AddRelation(relation));
        return relation;
    }

    /// <summary>What was added so far, in order, as the content took it.</summary>
    public IReadOnlyList<GraphElement> Added => _added;

    public MadeGraph Seal() => new(_content);
}

/// <summary>A graph made from an <see cref="OpenGraph"/>.</summary>
public sealed class MadeGraph : Graph
{
    public MadeGraph(GraphContent content)
        : base(content)
    {
    }
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
