using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using QuikGraph;

namespace KnowledgeGraph;

/// <summary>
/// The base of every generated relation class: a fact linking two entities, an edge of a <see cref="Graph"/>.
/// </summary>
/// <remarks>
/// Relations are immutable. Besides its endpoints, every relation carries the reserved facts of the file
/// format: where it was taken from (<see cref="Sources"/>) and when it held (<see cref="ValidFrom"/>,
/// <see cref="ValidTo"/>).
/// </remarks>
public abstract class Relation : IEdge<Entity>
{
    private readonly IReadOnlyList<Entity> _sources = Array.Empty<Entity>();

    /// <summary>Creates a relation from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentNullException">An endpoint is null.</exception>
    protected Relation(Entity from, Entity to)
    {
        From = from ?? throw new ArgumentNullException(nameof(from));
        To = to ?? throw new ArgumentNullException(nameof(to));
    }

    /// <summary>The entity the relation starts at.</summary>
    public Entity From { get; }

    /// <summary>The entity the relation ends at.</summary>
    public Entity To { get; }

    /// <summary>The name of the relation type in the <c>.kg.json</c> file, such as <c>leads</c>.</summary>
    public abstract string TypeName { get; }

    /// <summary>The entities this fact was taken from (its provenance); empty when no source is given.</summary>
    /// <exception cref="ArgumentNullException">The list is null.</exception>
    public IReadOnlyList<Entity> Sources
    {
        get => _sources;
        // A copy: the graph checks the sources when it adds the relation, so the caller's list must not
        // be able to change them afterwards (or while other threads read them).
        init => _sources = value switch
        {
            null or ImmutableArray<Entity> { IsDefault: true } => throw new ArgumentNullException(nameof(value)),
            ImmutableArray<Entity> => value, // what generated code passes: nothing to copy
            _ => Array.AsReadOnly([.. value]),
        };
    }

    /// <summary>The first day the fact held, or null when it is not known.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day the fact held, or null when it still holds or is not known.</summary>
    public DateOnly? ValidTo { get; init; }

    internal Graph? Owner { get; set; }

    Entity IEdge<Entity>.Source => From;

    Entity IEdge<Entity>.Target => To;

    /// <summary>The fact as a short sentence: <c>Donald Trump —called→ Vladimir Putin</c>.</summary>
    public override string ToString() => $"{From} —{TypeName}→ {To}";
}

/// <summary>A relation whose endpoints are typed: the base of every generated relation class.</summary>
/// <typeparam name="TFrom">The entity type the relation starts at.</typeparam>
/// <typeparam name="TTo">The entity type the relation ends at.</typeparam>
public abstract class Relation<TFrom, TTo> : Relation
    where TFrom : Entity
    where TTo : Entity
{
    /// <summary>Creates a relation from <paramref name="from"/> to <paramref name="to"/>.</summary>
    protected Relation(TFrom from, TTo to)
        : base(from, to)
    {
        From = from;
        To = to;
    }

    /// <summary>The entity the relation starts at.</summary>
    public new TFrom From { get; }

    /// <summary>The entity the relation ends at.</summary>
    public new TTo To { get; }
}
