using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph;

/// <summary>
/// The base of every generated entity class: a node of a <see cref="Graph"/>, identified by its <see cref="Id"/>.
/// </summary>
/// <remarks>
/// Entities are immutable. An entity object belongs to at most one graph or view, and its navigation members read
/// the relations of that one: an entity reached through a view navigates the view. A view's object for an entity
/// equals the graph's (<see cref="Equals(object?)"/>).
/// </remarks>
public abstract class Entity : GraphElement
{
    /// <summary>Creates an entity with the id it has in its <c>.kg.json</c> file.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    protected Entity(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An entity id must be a non-empty string.", nameof(id));
        }

        Id = id;
        Ordinal = -1;
    }

    /// <summary>The id of the entity, as written in its <c>.kg.json</c> file.</summary>
    public string Id { get; }

    /// <summary>The graph or view this entity object belongs to: the one its navigation reads.</summary>
    internal GraphView? Owner { get; set; }

    /// <summary>
    /// The entity's place in its graph's file order (from 0): its slot in every index of the graph. −1 until a graph's
    /// content takes it: from then on it is that graph's, even before the graph is made.
    /// </summary>
    internal int Ordinal { get; set; }

    /// <summary>Refuses null and an entity of another graph: the check of every query that takes an entity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void EnsureOwnedBy([NotNull] Entity? entity, Graph root, string parameterName)
    {
        // The graph's own entity first, in one compare: the common case of every query that takes one.
        if (entity is null || (entity.Owner != root && entity.Owner?.Root != root))
        {
            ThrowNotOwnedBy(entity, parameterName);
        }
    }

    [DoesNotReturn]
    private static void ThrowNotOwnedBy(Entity? entity, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(entity, parameterName);
        throw new ArgumentException($"The entity '{entity.Id}' does not belong to this graph.", parameterName);
    }

    /// <summary>The relations of type <typeparamref name="TRelation"/> that start at this entity, in the graph or view it was reached through.</summary>
    /// <exception cref="InvalidOperationException">The entity is in no graph.</exception>
    public IEnumerable<TRelation> Outgoing<TRelation>() where TRelation : Relation => Graph.Outgoing<TRelation>(this);

    /// <summary>The relations of type <typeparamref name="TRelation"/> that end at this entity, in the graph or view it was reached through.</summary>
    /// <exception cref="InvalidOperationException">The entity is in no graph.</exception>
    public IEnumerable<TRelation> Incoming<TRelation>() where TRelation : Relation => Graph.Incoming<TRelation>(this);

    /// <summary>
    /// Whether <paramref name="obj"/> is this entity: this object itself, or the same entity of the same graph
    /// reached through another view of it (a view holds its own copies, so that their navigation reads the view).
    /// </summary>
    public override bool Equals(object? obj) =>
        ReferenceEquals(this, obj)
        || (obj is Entity other && Owner is { } owner && other.Owner is { } otherOwner
            && ReferenceEquals(owner.Root, otherOwner.Root) && Ordinal == other.Ordinal);

    /// <summary>A hash code that equal entities share.</summary>
    public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal);

    /// <summary>Whether two entities are the same (<see cref="Equals(object?)"/>): <c>view.Relations&lt;Leads&gt;().Where(l =&gt; l.From == g.Trump)</c>.</summary>
    public static bool operator ==(Entity? left, Entity? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two entities are not the same (<see cref="Equals(object?)"/>).</summary>
    public static bool operator !=(Entity? left, Entity? right) => !(left == right);

    // What navigation reads: an entity in no graph (made in code and not yet built into one) has no relations to
    // read, and saying so beats an empty answer that looks like a fact.
    internal GraphView Graph
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Owner ?? ThrowInNoGraph();
    }

    [DoesNotReturn]
    private GraphView ThrowInNoGraph() =>
        throw new InvalidOperationException(
            $"The entity '{Id}' is in no graph, so it has no relations to navigate: add it to a builder and navigate it in the graph Build() returns.");

    // The navigation helpers below read the store of the graph or view the entity belongs to directly: no lookup, no
    // iterator. A list result is made once, as one array of exactly its size, and kept in the generated member's field
    // (a graph never changes). Inlined into each generated member, the relation type is exact there, so a step finds
    // its class's rows with one read (RelationRows) and reaches the entity at the other end by ordinal: it reads no
    // relation object and skips no relation of another type.

    /// <summary>The targets of this entity's <typeparamref name="TRelation"/> relations, in fact order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected GraphSet<TTarget> Targets<TRelation, TTarget>(ref GraphSet<TTarget>? kept)
        where TRelation : Relation
        where TTarget : Entity =>
        kept ?? Keep(ref kept, Ends<TRelation, TTarget>(outgoing: true, incoming: false));

    /// <summary>The target of this entity's <typeparamref name="TRelation"/> relation, or null when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected TTarget? Target<TRelation, TTarget>()
        where TRelation : Relation
        where TTarget : Entity
    {
        var store = Graph.Store;
        return store.FirstEnd<TTarget>(store.RowsOf<TRelation>(), Ordinal, outgoing: true, skipLoops: false);
    }

    /// <summary>The entities whose <typeparamref name="TRelation"/> relations end at this entity, in fact order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected GraphSet<TOrigin> Origins<TRelation, TOrigin>(ref GraphSet<TOrigin>? kept)
        where TRelation : Relation
        where TOrigin : Entity =>
        kept ?? Keep(ref kept, Ends<TRelation, TOrigin>(outgoing: false, incoming: true));

    /// <summary>The entity whose <typeparamref name="TRelation"/> relation ends at this entity, or null when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected TOrigin? Origin<TRelation, TOrigin>()
        where TRelation : Relation
        where TOrigin : Entity
    {
        var store = Graph.Store;
        return store.FirstEnd<TOrigin>(store.RowsOf<TRelation>(), Ordinal, outgoing: false, skipLoops: false);
    }

    /// <summary>
    /// The entities at the other end of this entity's <typeparamref name="TRelation"/> relations, whichever end
    /// this entity is at: the navigation of a symmetric relation such as <c>metWith</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected GraphSet<TOther> Neighbors<TRelation, TOther>(ref GraphSet<TOther>? kept)
        where TRelation : Relation
        where TOther : Entity =>
        kept ?? Keep(ref kept, Ends<TRelation, TOther>(outgoing: true, incoming: true));

    /// <summary>The entity at the other end of this entity's <typeparamref name="TRelation"/> relation, or null when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected TOther? Neighbor<TRelation, TOther>()
        where TRelation : Relation
        where TOther : Entity
    {
        // The first of Neighbors: the first outgoing fact, else the first incoming one that is not a loop.
        var store = Graph.Store;
        var rows = store.RowsOf<TRelation>();
        return store.FirstEnd<TOther>(rows, Ordinal, outgoing: true, skipLoops: false)
            ?? store.FirstEnd<TOther>(rows, Ordinal, outgoing: false, skipLoops: true);
    }

    /// <summary>The <typeparamref name="TRelation"/> relations in which this entity plays the role <paramref name="role"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected GraphSet<TRelation> RelationsWithRole<TRelation>(string role, ref GraphSet<TRelation>? kept)
        where TRelation : Relation =>
        kept ?? Keep(ref kept, Graph.Store.RelationsWithRole<TRelation>(Ordinal, role));

    private TEnd[] Ends<TRelation, TEnd>(bool outgoing, bool incoming)
        where TRelation : Relation
        where TEnd : Entity
    {
        var store = Graph.Store;
        return store.Ends<TEnd>(store.RowsOf<TRelation>(), Ordinal, outgoing, incoming);
    }

    // Two threads may both make a list: they make equal ones, and either may be kept.
    private static GraphSet<T> Keep<T>(ref GraphSet<T>? kept, T[] items)
        where T : class =>
        kept = items.Length == 0 ? GraphSet<T>.Empty : new GraphSet<T>(items);

    /// <summary>Adds the values of this entity's unique properties; generated classes add theirs.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual void CollectKeys(ICollection<UniqueValue> keys)
    {
    }

    /// <summary>
    /// An entity of the same type, id and properties that belongs to no graph yet: a graph built from another
    /// one copies its entities, since an entity belongs to one graph.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal abstract Entity Copy();

    /// <summary>
    /// Writes the entity's type and property values for <see cref="GraphView.Save(System.IO.Stream)"/>, by their names
    /// in the files; generated classes override it.
    /// </summary>
    /// <exception cref="NotSupportedException">The class is not one the generator wrote.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual void WriteValues(FactWriter writer) =>
        throw new NotSupportedException($"Only entities of the classes the KnowledgeGraph generator writes can be saved, not a {GetType().Name}.");

    /// <summary>The entity's id; generated classes with a <c>name</c> property show the name instead.</summary>
    public override string ToString() => Id;
}
