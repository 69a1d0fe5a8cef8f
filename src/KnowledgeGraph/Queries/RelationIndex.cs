using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KnowledgeGraph;

/// <summary>
/// The relations of one type indexed by their ends, for traversals at the speed of arrays: the targets of an
/// entity are one slice of one array, typed, in file order, and reading them allocates nothing. Get it from
/// <see cref="GraphView.Index{TRelation, TFrom, TTo}"/>.
/// </summary>
/// <remarks>
/// Navigation members (<c>person.WorksFor</c>) and LINQ read the same facts one object at a time; an index is for
/// loops over many entities, such as analytics over a whole graph. It holds what its graph or view held when it was
/// made; the relations of subtypes of <typeparamref name="TRelation"/> are included. A symmetric fact is indexed
/// once, from its first end to its second: read both <see cref="Targets"/> and <see cref="Origins"/> for its partners.
/// </remarks>
/// <typeparam name="TRelation">The relation type.</typeparam>
/// <typeparam name="TFrom">The type of the relation's start.</typeparam>
/// <typeparam name="TTo">The type of the relation's target.</typeparam>
public sealed class RelationIndex<TRelation, TFrom, TTo>
    where TRelation : Relation<TFrom, TTo>
    where TFrom : Entity
    where TTo : Entity
{
    private readonly Graph _root;

    // Compressed rows over the root graph's entity ordinals: the relations starting at entity e are
    // _outgoing[_outStart[e] .. _outStart[e + 1]], and _targets holds their ends at the same positions.
    private readonly int[] _outStart;
    private readonly TRelation[] _outgoing;
    private readonly TTo[] _targets;
    private readonly int[] _inStart;
    private readonly TRelation[] _incoming;
    private readonly TFrom[] _origins;

    // The ordinals of _targets, so that a RelationPath steps from one index to the next without reading entities.
    private readonly int[] _targetOrdinals;

    // The rows of the store (RelationRows) give the order and the ordinals; the index adds the objects they number.
    internal RelationIndex(Graph root, CompactStore store, RelationRows rows)
    {
        _root = root;
        (_outStart, _inStart, _targetOrdinals) = (rows.OutStarts, rows.InStarts, rows.OutEnds);
        _outgoing = new TRelation[rows.OutRelations.Length];
        _incoming = new TRelation[rows.InRelations.Length];
        _targets = new TTo[_outgoing.Length];
        _origins = new TFrom[_incoming.Length];
        for (var i = 0; i < _outgoing.Length; i++)
        {
            _outgoing[i] = (TRelation)store.RelationAt(rows.OutRelations[i])!;
            _targets[i] = _outgoing[i].To;
            _incoming[i] = (TRelation)store.RelationAt(rows.InRelations[i])!;
            _origins[i] = _incoming[i].From;
        }
    }

    /// <summary>The number of relations indexed.</summary>
    public int Count => _outgoing.Length;

    internal Graph Root => _root;

    internal PathHop Hop => new(_outStart, _targetOrdinals);

    internal TTo[] TargetArray => _targets;

    /// <summary>The targets of the relations that start at <paramref name="from"/>, in file order (an entity once per relation).</summary>
    /// <exception cref="ArgumentException">The entity belongs to another graph.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<TTo> Targets(TFrom from)
    {
        var (start, length) = Row(_outStart, from, nameof(from));
        return Slice(_targets, start, length);
    }

    /// <summary>The starts of the relations that end at <paramref name="to"/>, in file order (an entity once per relation).</summary>
    /// <exception cref="ArgumentException">The entity belongs to another graph.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<TFrom> Origins(TTo to)
    {
        var (start, length) = Row(_inStart, to, nameof(to));
        return Slice(_origins, start, length);
    }

    /// <summary>The relations that start at <paramref name="from"/>, in file order.</summary>
    /// <exception cref="ArgumentException">The entity belongs to another graph.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<TRelation> Outgoing(TFrom from)
    {
        var (start, length) = Row(_outStart, from, nameof(from));
        return Slice(_outgoing, start, length);
    }

    /// <summary>The relations that end at <paramref name="to"/>, in file order.</summary>
    /// <exception cref="ArgumentException">The entity belongs to another graph.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<TRelation> Incoming(TTo to)
    {
        var (start, length) = Row(_inStart, to, nameof(to));
        return Slice(_incoming, start, length);
    }

    // Where the entity's row lies. Not generic, so that it inlines into the callers' loops.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Start, int Length) Row(int[] rows, Entity entity, string parameterName)
    {
        Entity.EnsureOwnedBy(entity, _root, parameterName);
        var (start, end) = IndexRows.Of(rows, entity.Ordinal);
        return (start, end - start);
    }

    // Without bounds checks: Row gives a start and a length within the array.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<T> Slice<T>(T[] items, int start, int length) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(items), start), length);
}

/// <summary>
/// Compressed rows over entity ordinals (<see cref="RelationRows"/>, which indexes, paths and traversals read), read by
/// entity ordinal.
/// </summary>
internal static class IndexRows
{
    /// <summary>Where the row of the entity with <paramref name="ordinal"/> starts and ends in the arrays it slices.</summary>
    /// <remarks>Every entity of the graph has a row (an entity of the root graph that a view leaves out has an empty one).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Start, int End) Of(int[] starts, int ordinal)
    {
        if ((uint)ordinal >= (uint)(starts.Length - 1))
        {
            return (0, 0);
        }

        // In bounds by the check above; the rows only grow, and end at the length of the arrays they slice.
        ref var row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(starts), ordinal);
        return (row, Unsafe.Add(ref row, 1));
    }
}
