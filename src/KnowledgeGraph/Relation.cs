using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Linq;
using System.Runtime.CompilerServices;
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
public abstract class Relation : GraphElement, IEdge<Entity>
{
    private IReadOnlyList<Entity> _sources = Array.Empty<Entity>();

    // Compact, as a graph holds many facts: each date in one int (PartialDate.Pack, 0 for none), and the
    // graph a relation is in is its start entity's, so storing the ordinal (+ 1, 0 for none) says it all.
    private int _validFrom;
    private int _validTo;
    private int _slot;

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

    /// <summary>When the fact began to hold, or null when it is not known.</summary>
    public PartialDate? ValidFrom { get => PartialDate.Unpack(_validFrom); init => _validFrom = PartialDate.Pack(value); }

    /// <summary>When the fact last held, or null when it still holds or is not known.</summary>
    public PartialDate? ValidTo { get => PartialDate.Unpack(_validTo); init => _validTo = PartialDate.Pack(value); }

    /// <summary>How many relations of this type an entity may have at each end.</summary>
    public virtual Cardinality Cardinality => Cardinality.ManyToMany;

    /// <summary>
    /// Whether the fact reads the same both ways (<c>metWith</c>): its navigation then reaches the other end
    /// from either end, and a one-to-one symmetric relation allows one partner an entity, at either end.
    /// </summary>
    public virtual bool IsSymmetric => false;

    /// <summary>Adds the entities that play the roles of this n-ary relation beyond its two ends.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual void CollectRoles(ICollection<RolePlayer> roles)
    {
    }

    /// <summary>
    /// Writes the relation's properties and roles for <see cref="GraphView.Save(System.IO.Stream)"/>, by their names in
    /// the files; generated classes with any override it. Its ends, sources and validity are written for it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual void WriteValues(FactWriter writer)
    {
    }

    /// <summary>The graph the relation was added to, or null.</summary>
    /// <remarks>A graph takes a relation only between its own entities, so it is the start entity's graph.</remarks>
    internal GraphView? Owner => _slot == 0 ? null : From.Owner;

    /// <summary>The relation's place in its graph's file order (from 0): its slot in every index of the graph.</summary>
    internal int Ordinal => _slot - 1;

    /// <summary>Records that a graph took the relation as its <paramref name="ordinal"/>th.</summary>
    internal void Join(int ordinal) => _slot = ordinal + 1;

    /// <summary>The sources as stored, for a graph to share one list among the facts that cite the same entity alone.</summary>
    internal IReadOnlyList<Entity> StoredSources { get => _sources; set => _sources = value; }

    /// <summary>Adds the dates this relation carries: its validity, then its date properties in generated classes.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal override void CollectDates(ICollection<DatedValue> dates)
    {
        if (ValidFrom is { } validFrom)
        {
            dates.Add(new DatedValue("validFrom", validFrom));
        }

        if (ValidTo is { } validTo)
        {
            dates.Add(new DatedValue("validTo", validTo));
        }
    }

    /// <summary>
    /// A relation of the same type with the same properties whose ends and role players are
    /// <paramref name="map"/>'s copies of this one's: a graph built from another one copies its facts, since a
    /// fact belongs to one graph.
    /// </summary>
    /// <remarks>Generated classes copy their own properties; <see cref="CopyWith"/> adds sources and validity.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal abstract Relation Copy(Func<Entity, Entity> map);

    /// <summary>The copy <see cref="Copy"/> makes, with this relation's sources (mapped) and validity.</summary>
    /// <param name="map">The copy of each end, role player and source.</param>
    /// <param name="soleSources">The one list of sources shared by the copies that cite one entity alone, by that entity.</param>
    internal Relation CopyWith(Func<Entity, Entity> map, Dictionary<Entity, IReadOnlyList<Entity>> soleSources)
    {
        var copy = Copy(map);
        if (_sources.Count == 1)
        {
            var source = map(_sources[0]);
            if (!soleSources.TryGetValue(source, out var shared))
            {
                shared = ImmutableArray.Create(source);
                soleSources.Add(source, shared);
            }

            copy._sources = shared;
        }
        else
        {
            copy._sources = _sources.Count == 0 ? _sources : _sources.Select(map).ToImmutableArray();
        }

        copy._validFrom = _validFrom;
        copy._validTo = _validTo;
        return copy;
    }

    /// <summary>
    /// Whether <paramref name="obj"/> is this fact: this relation itself, or the same fact of the same graph reached
    /// through another view of it (a view holds its own copies, so that their navigation reads the view).
    /// </summary>
    public override bool Equals(object? obj) =>
        ReferenceEquals(this, obj)
        || (obj is Relation other && Owner is { } owner && other.Owner is { } otherOwner
            && ReferenceEquals(owner.Root, otherOwner.Root) && _slot == other._slot);

    /// <summary>A hash code that equal relations share.</summary>
    public override int GetHashCode() => HashCode.Combine(From, To, TypeName);

    /// <summary>Whether two relations are the same fact (<see cref="Equals(object?)"/>).</summary>
    public static bool operator ==(Relation? left, Relation? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two relations are not the same fact (<see cref="Equals(object?)"/>).</summary>
    public static bool operator !=(Relation? left, Relation? right) => !(left == right);

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
    }

    // The constructor only takes a TFrom and a TTo, so the base's ends always have these types: reading them
    // back unchecked saves storing both ends twice (16 bytes a fact).

    /// <summary>The entity the relation starts at.</summary>
    public new TFrom From => Unsafe.As<TFrom>(base.From);

    /// <summary>The entity the relation ends at.</summary>
    public new TTo To => Unsafe.As<TTo>(base.To);
}
