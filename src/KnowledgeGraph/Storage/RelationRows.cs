using System;
using System.Collections.Concurrent;

namespace KnowledgeGraph;

/// <summary>
/// The relations of one class, its subclasses included, at every entity of a store: two compressed rows of entity
/// ordinals, in file order. The ends of the relations starting at entity <c>e</c> are
/// <c>OutEnds[OutStarts[e] .. OutStarts[e + 1]]</c>, the starts of those ending there likewise in <c>InEnds</c>.
/// </summary>
/// <remarks>
/// What navigation members and traversal steps read: a step goes from an entity's ordinal to its row and on to the
/// ordinals at the other ends, reading no relation and no entity on the way and skipping no relation of another type.
/// A store makes the rows of a class on the first step or index that needs them (<see cref="CompactStore.RowsOf"/>):
/// 8 B per entity of the graph and 16 B per relation of the class.
/// </remarks>
internal sealed class RelationRows
{
    private RelationRows(PlacedRow outgoing, PlacedRow incoming)
    {
        (OutStarts, _, OutEnds, OutRelations) = outgoing;
        (InStarts, _, InEnds, InRelations) = incoming;
    }

    public int[] OutStarts { get; }

    public int[] OutEnds { get; }

    /// <summary>Beside each slot of <see cref="OutEnds"/>, the relation's ordinal: for an index, which holds the relations.</summary>
    public int[] OutRelations { get; }

    public int[] InStarts { get; }

    public int[] InEnds { get; }

    /// <summary>Beside each slot of <see cref="InEnds"/>, the relation's ordinal.</summary>
    public int[] InRelations { get; }

    /// <summary>The rows of the <paramref name="relations"/> of class <paramref name="type"/> (or a subclass), over the ordinals 0 … <paramref name="entityCount"/> − 1.</summary>
    public static RelationRows Build(int entityCount, Relation[] relations, Type type)
    {
        var ofType = type.IsSealed
            ? Array.FindAll(relations, relation => relation.GetType() == type)
            : Array.FindAll(relations, type.IsInstanceOfType);
        return new RelationRows(
            RelationPlacement.Place(entityCount, ofType, forward: true, keepRelations: false),
            RelationPlacement.Place(entityCount, ofType, forward: false, keepRelations: false));
    }
}

/// <summary>
/// Numbers the relation classes of the process from 0, so that a store can keep each class's rows in an array by
/// number, and a step, inlined where its class is known, find them with one read.
/// </summary>
internal static class RelationKinds
{
    private static readonly ConcurrentDictionary<Type, int> s_numbers = new();

    /// <summary>The number of a relation class.</summary>
    public static int Of(Type type) => s_numbers.TryGetValue(type, out var number) ? number : Add(type);

    // Numbered under a lock, so that the numbers stay dense: a store's array of rows is as long as the largest.
    private static int Add(Type type)
    {
        lock (s_numbers)
        {
            if (!s_numbers.TryGetValue(type, out var number))
            {
                number = s_numbers.Count;
                s_numbers[type] = number;
            }

            return number;
        }
    }
}

/// <summary>The number of the relation class <typeparamref name="TRelation"/> (<see cref="RelationKinds"/>).</summary>
internal static class RelationKind<TRelation>
    where TRelation : Relation
{
    // Read once the class is initialized: a constant to the optimizing JIT.
    public static readonly int Value = RelationKinds.Of(typeof(TRelation));
}
