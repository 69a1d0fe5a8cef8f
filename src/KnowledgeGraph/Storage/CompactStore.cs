using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace KnowledgeGraph;

/// <summary>
/// What every query of a graph or a view reads: its entities and relations in file order, which of the root
/// graph's entities and relations it holds, the relations at every entity (<see cref="Adjacency"/>), and for a
/// graph the role players of its n-ary facts. Entities and relations are numbered by their
/// <see cref="Entity.Ordinal"/> and <see cref="Relation.Ordinal"/> in the root graph, so no lookup is hashed.
/// </summary>
/// <remarks>
/// Immutable once built; what it computes on first need (the typed sets, a view's adjacency) is published safely,
/// so any number of threads may read it at once.
/// </remarks>
internal sealed class CompactStore
{
    // Null for a graph's own store (it holds every entity and relation of the graph, at their ordinals); for a view,
    // its own entities and relations by root ordinal, null where it leaves one out.
    private readonly Entity?[]? _entitySlots;
    private readonly Relation?[]? _relationSlots;
    private readonly int _rootEntityCount;
    private readonly RoleIndex? _roles;
    private Adjacency? _adjacency;
    private Adjacency? _citations;
    private ConcurrentDictionary<Type, object>? _typedSets; // per type, on first need: typed sets and relation indexes
    private GraphSet<Entity>? _allEntities;
    private GraphSet<Relation>? _allRelations;
    private RelationRows?[] _rows = []; // by relation class number; grown and published under the lock
    private readonly object _rowsLock = new();

    private CompactStore(
        Entity[] entities, Relation[] relations, int rootEntityCount, Entity?[]? entitySlots, Relation?[]? relationSlots, RoleIndex? roles)
    {
        Entities = entities;
        Relations = relations;
        _rootEntityCount = rootEntityCount;
        _entitySlots = entitySlots;
        _relationSlots = relationSlots;
        _roles = roles;
    }

    /// <summary>The entities, in file order.</summary>
    public Entity[] Entities { get; }

    /// <summary>The relations, in file order.</summary>
    public Relation[] Relations { get; }

    /// <summary>The relations at every entity; a view indexes them on first need.</summary>
    public Adjacency Adjacency => _adjacency ?? BuildAdjacency();

    /// <summary>
    /// The relations citing each entity as a source, in file order: an index over root ordinals whose "outgoing"
    /// slices are the facts each source backs, built on first need (only provenance queries ask).
    /// </summary>
    public Adjacency Citations => _citations ?? Publish(ref _citations, Adjacency.BuildCitations(_rootEntityCount, Relations));

    /// <summary>The store of a whole graph: every entity and relation it holds, indexed now.</summary>
    public static CompactStore ForGraph(Entity[] entities, Relation[] relations, IReadOnlyList<RolePlay>? roles)
    {
        var store = new CompactStore(entities, relations, entities.Length, null, null, roles is { Count: > 0 } ? RoleIndex.Build(entities.Length, roles) : null);
        store._adjacency = Adjacency.Build(entities.Length, relations);
        return store;
    }

    /// <summary>
    /// The store of a view: its own copies of some of the root graph's entities and relations, also placed at their
    /// root ordinals in the slots (null where the view leaves one out).
    /// </summary>
    public static CompactStore ForView(
        Entity[] entities, Relation[] relations, Entity?[] entitySlots, Relation?[] relationSlots, IReadOnlyList<RolePlay> roles) =>
        new(entities, relations, entitySlots.Length, entitySlots, relationSlots, roles.Count > 0 ? RoleIndex.Build(entitySlots.Length, roles) : null);

    /// <summary>The number of entities of the root graph: the range of the ordinals every index of this store is read by.</summary>
    public int RootEntityCount => _rootEntityCount;

    /// <summary>A bit set for ordinals 0 … <paramref name="count"/> − 1.</summary>
    public static ulong[] NewMemberSet(int count) => new ulong[(count + 63) >> 6];

    /// <summary>Marks an ordinal in a bit set.</summary>
    public static void Mark(ulong[] members, int ordinal) => members[ordinal >> 6] |= 1UL << ordinal;

    /// <summary>Whether a bit set marks an ordinal (false beyond its end).</summary>
    public static bool IsMarked(ulong[] members, int ordinal) =>
        (uint)(ordinal >> 6) < (uint)members.Length && (members[ordinal >> 6] & (1UL << ordinal)) != 0;

    /// <summary>Whether an entity of the root graph (or of a view of it) is in this store.</summary>
    public bool Holds(Entity entity) =>
        _entitySlots is null ? entity.Ordinal < Entities.Length : EntityAt(entity.Ordinal) is not null;

    /// <summary>Whether a relation of the root graph (or of a view of it) is in this store.</summary>
    public bool Holds(Relation relation) =>
        _relationSlots is null ? relation.Ordinal < Relations.Length : RelationAt(relation.Ordinal) is not null;

    /// <summary>This store's own entity with the root ordinal, or null when it leaves that entity out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Entity? EntityAt(int ordinal) =>
        _entitySlots is null ? (uint)ordinal < (uint)Entities.Length ? Entities[ordinal] : null
        : (uint)ordinal < (uint)_entitySlots.Length ? _entitySlots[ordinal] : null;

    /// <summary>This store's own relation with the root ordinal, or null when it leaves that relation out.</summary>
    public Relation? RelationAt(int ordinal) =>
        _relationSlots is null ? (uint)ordinal < (uint)Relations.Length ? Relations[ordinal] : null
        : (uint)ordinal < (uint)_relationSlots.Length ? _relationSlots[ordinal] : null;

    /// <summary>The rows of the relation class numbered <paramref name="kind"/> (<paramref name="type"/>, subclasses included), made on first need.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RelationRows RowsOf(int kind, Type type)
    {
        var rows = _rows;
        return (uint)kind < (uint)rows.Length && rows[kind] is { } made ? made : MakeRows(kind, type);
    }

    /// <summary>The rows of <typeparamref name="TRelation"/>; inlined, its number is a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RelationRows RowsOf<TRelation>() where TRelation : Relation => RowsOf(RelationKind<TRelation>.Value, typeof(TRelation));

    /// <summary>
    /// The entity at the other end of the entity's first relation in one of <paramref name="rows"/>' rows (the outgoing
    /// one when <paramref name="outgoing"/>), or null; with <paramref name="skipLoops"/>, not one from the entity to itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TEnd? FirstEnd<TEnd>(RelationRows rows, int entity, bool outgoing, bool skipLoops)
        where TEnd : Entity
    {
        var (starts, ends) = outgoing ? (rows.OutStarts, rows.OutEnds) : (rows.InStarts, rows.InEnds);
        var (start, end) = IndexRows.Of(starts, entity);
        for (var slot = start; slot < end; slot++)
        {
            if (!skipLoops || ends[slot] != entity)
            {
                return (TEnd?)EntityAt(ends[slot]);
            }
        }

        return null;
    }

    /// <summary>
    /// The entities at the other ends of the entity's relations in <paramref name="rows"/>, in file order: those it
    /// starts when <paramref name="outgoing"/>, then those it ends when <paramref name="incoming"/> (a relation from the
    /// entity to itself once when both); a new array of exactly that many.
    /// </summary>
    public TEnd[] Ends<TEnd>(RelationRows rows, int entity, bool outgoing, bool incoming)
        where TEnd : Entity
    {
        var (outStart, outEnd) = outgoing ? IndexRows.Of(rows.OutStarts, entity) : (0, 0);
        var (inStart, inEnd) = incoming ? IndexRows.Of(rows.InStarts, entity) : (0, 0);
        var skipLoops = outgoing;
        var count = outEnd - outStart;
        for (var slot = inStart; slot < inEnd; slot++)
        {
            count += skipLoops && rows.InEnds[slot] == entity ? 0 : 1;
        }

        if (count == 0)
        {
            return Array.Empty<TEnd>();
        }

        var found = new TEnd[count];
        var i = 0;
        for (var slot = outStart; slot < outEnd; slot++)
        {
            found[i++] = (TEnd)EntityAt(rows.OutEnds[slot])!;
        }

        for (var slot = inStart; slot < inEnd; slot++)
        {
            if (!skipLoops || rows.InEnds[slot] != entity)
            {
                found[i++] = (TEnd)EntityAt(rows.InEnds[slot])!;
            }
        }

        return found;
    }

    /// <summary>
    /// The entities of type <typeparamref name="TEntity"/>, in file order: filtered once per type and kept, so
    /// asking again costs a lookup.
    /// </summary>
    public GraphSet<TEntity> EntitiesOf<TEntity>() where TEntity : Entity =>
        typeof(TEntity) == typeof(Entity)
            ? (GraphSet<TEntity>)(object)(_allEntities ?? Publish(ref _allEntities, new GraphSet<Entity>(Entities)))
            : (GraphSet<TEntity>)TypedSets.GetOrAdd(typeof(TEntity), static (_, store) => new GraphSet<TEntity>(Filter<Entity, TEntity>(store.Entities)), this);

    /// <summary>The relations of type <typeparamref name="TRelation"/>, in file order, filtered once per type.</summary>
    public GraphSet<TRelation> RelationsOf<TRelation>() where TRelation : Relation =>
        typeof(TRelation) == typeof(Relation)
            ? (GraphSet<TRelation>)(object)(_allRelations ?? Publish(ref _allRelations, new GraphSet<Relation>(Relations)))
            : (GraphSet<TRelation>)TypedSets.GetOrAdd(typeof(TRelation), static (_, store) => new GraphSet<TRelation>(Filter<Relation, TRelation>(store.Relations)), this);

    /// <summary>The index of the <typeparamref name="TRelation"/> relations by their ends, made once per type.</summary>
    public RelationIndex<TRelation, TFrom, TTo> IndexOf<TRelation, TFrom, TTo>(Graph root)
        where TRelation : Relation<TFrom, TTo>
        where TFrom : Entity
        where TTo : Entity =>
        (RelationIndex<TRelation, TFrom, TTo>)TypedSets.GetOrAdd(
            typeof(RelationIndex<TRelation, TFrom, TTo>),
            static (_, state) => new RelationIndex<TRelation, TFrom, TTo>(state.root, state.store, state.store.RowsOf<TRelation>()),
            (store: this, root));

    /// <summary>The <typeparamref name="TRelation"/> relations in which the entity plays <paramref name="role"/>, in file order.</summary>
    public TRelation[] RelationsWithRole<TRelation>(int entity, string role) where TRelation : Relation =>
        _roles is null ? Array.Empty<TRelation>() : _roles.Find<TRelation>(entity, role);

    private ConcurrentDictionary<Type, object> TypedSets =>
        _typedSets ?? Publish(ref _typedSets, new ConcurrentDictionary<Type, object>());

    [MethodImpl(MethodImplOptions.NoInlining)] // once per class: kept out of the steps that inline RowsOf
    private RelationRows MakeRows(int kind, Type type)
    {
        // Readers never lock: they see the array before or after a publication, each whole.
        lock (_rowsLock)
        {
            var rows = _rows;
            if ((uint)kind < (uint)rows.Length && rows[kind] is { } madeMeanwhile)
            {
                return madeMeanwhile;
            }

            var grown = new RelationRows?[Math.Max(kind + 1, rows.Length)];
            rows.CopyTo(grown, 0);
            var made = RelationRows.Build(_rootEntityCount, Relations, type);
            grown[kind] = made;
            Volatile.Write(ref _rows, grown);
            return made;
        }
    }

    private Adjacency BuildAdjacency() => Publish(ref _adjacency, Adjacency.Build(_rootEntityCount, Relations));

    // Two threads may both build a lazy member; the first one published wins and both return it.
    private static T Publish<T>(ref T? field, T value) where T : class =>
        Interlocked.CompareExchange(ref field, value, null) ?? value;

    /// <summary>The items of type <typeparamref name="TItem"/>, in order, in a new array.</summary>
    public static TItem[] Filter<TBase, TItem>(TBase[] items) where TItem : TBase
    {
        var count = 0;
        foreach (var item in items)
        {
            if (item is TItem)
            {
                count++;
            }
        }

        var matches = new TItem[count];
        var i = 0;
        foreach (var item in items)
        {
            if (item is TItem match)
            {
                matches[i++] = match;
            }
        }

        return matches;
    }
}

/// <summary>An entity playing a role of an n-ary relation, as recorded while the graph is built.</summary>
internal readonly record struct RolePlay(Relation Relation, string Role, Entity Player);

/// <summary>
/// The role players of a graph's n-ary facts, by player: the facts in which entity <c>e</c> plays a role are
/// <c>_plays[_start[e] .. _start[e + 1]]</c>, in file order.
/// </summary>
internal sealed class RoleIndex
{
    private readonly int[] _start;
    private readonly RolePlay[] _plays;

    private RoleIndex(int[] start, RolePlay[] plays)
    {
        _start = start;
        _plays = plays;
    }

    public static RoleIndex Build(int entityCount, IReadOnlyList<RolePlay> plays)
    {
        var start = new int[entityCount + 1];
        foreach (var play in plays)
        {
            start[play.Player.Ordinal + 1]++;
        }

        for (var e = 0; e < entityCount; e++)
        {
            start[e + 1] += start[e];
        }

        // Stable: the plays of each player stay in the order recorded, which is file order.
        var cursor = (int[])start.Clone();
        var placed = new RolePlay[plays.Count];
        foreach (var play in plays)
        {
            placed[cursor[play.Player.Ordinal]++] = play;
        }

        return new RoleIndex(start, placed);
    }

    public TRelation[] Find<TRelation>(int entity, string role) where TRelation : Relation
    {
        if ((uint)entity >= (uint)(_start.Length - 1))
        {
            return Array.Empty<TRelation>();
        }

        var plays = _plays.AsSpan(_start[entity], _start[entity + 1] - _start[entity]);
        List<TRelation>? found = null;
        foreach (var play in plays)
        {
            // A fact naming the entity twice in the role is listed once; its plays are next to each other.
            if (play.Relation is TRelation relation && play.Role == role && (found is null || !ReferenceEquals(found[^1], relation)))
            {
                (found ??= []).Add(relation);
            }
        }

        return found is null ? Array.Empty<TRelation>() : found.ToArray();
    }
}
