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
    public IReadOnlyList<Person> Called => Targets<Called, Person>();

    // The inverse of "called", declared as "calledBy".
    public IReadOnlyList<Person> CalledBy => Origins<Called, Person>();

    // one-to-one: a single value.
    public Delegation? Leads => Target<Leads, Delegation>();
}

public sealed class Diplomat : Person
{
    public Diplomat(string id)
        : base(id)
    {
    }

    public string? Rank { get; init; }
}

public sealed class Country : Agent
{
    public Country(string id)
        : base(id)
    {
    }

    public IReadOnlyList<Delegation> RepresentedBy => Origins<Represents, Delegation>();
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

    public override string ToString() => Name;
}

// No "name" property: shows its id.
public sealed class Article : Entity
{
    public Article(string id)
        : base(id)
    {
    }

    public string? Headline { get; init; }
}

public sealed class Called : Relation<Person, Person>
{
    public Called(Person from, Person to)
        : base(from, to)
    {
    }

    public override string TypeName => "called";

    public required DateOnly On { get; init; }
}

public sealed class Leads : Relation<Person, Delegation>
{
    public Leads(Person from, Delegation to)
        : base(from, to)
    {
    }

    public override string TypeName => "leads";
}

public sealed class Represents : Relation<Delegation, Country>
{
    public Represents(Delegation from, Country to)
        : base(from, to)
    {
    }

    public override string TypeName => "represents";
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
