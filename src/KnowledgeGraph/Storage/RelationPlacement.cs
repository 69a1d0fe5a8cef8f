using System;

namespace KnowledgeGraph;

/// <summary>
/// Places relations into a compressed row by one of their ends: a stable counting sort, so that each entity's slots
/// keep the relations' file order. The adjacency of a store and the rows of each relation class are made by it.
/// </summary>
internal static class RelationPlacement
{
    /// <summary>
    /// The row of <paramref name="relations"/> by their starts (<paramref name="forward"/>) or their ends, over the
    /// ordinals 0 … <paramref name="entityCount"/> − 1: beside each slot the other end's ordinal and the relation's
    /// ordinal, and the relation itself when <paramref name="keepRelations"/>.
    /// </summary>
    public static PlacedRow Place(int entityCount, Relation[] relations, bool forward, bool keepRelations)
    {
        var starts = new int[entityCount + 1];
        foreach (var relation in relations)
        {
            starts[(forward ? relation.From : relation.To).Ordinal + 1]++;
        }

        for (var e = 0; e < entityCount; e++)
        {
            starts[e + 1] += starts[e];
        }

        var cursor = starts.AsSpan(0, entityCount).ToArray();
        var row = new PlacedRow(starts, keepRelations ? new Relation[relations.Length] : [], new int[relations.Length], new int[relations.Length]);
        foreach (var relation in relations)
        {
            var (at, end) = forward ? (relation.From, relation.To) : (relation.To, relation.From);
            var slot = cursor[at.Ordinal]++;
            (row.Ends[slot], row.Ordinals[slot]) = (end.Ordinal, relation.Ordinal);
            if (keepRelations)
            {
                row.Relations[slot] = relation;
            }
        }

        return row;
    }
}

/// <summary>A compressed row: entity <c>e</c>'s slots run from <c>Starts[e]</c> to <c>Starts[e + 1]</c> in the arrays beside.</summary>
/// <param name="Starts">Where each entity's slots start, by ordinal, and where the last ends.</param>
/// <param name="Relations">The relation in each slot, or empty when the row keeps only numbers.</param>
/// <param name="Ends">The ordinal of the entity at each slot's relation's other end.</param>
/// <param name="Ordinals">Each slot's relation's ordinal.</param>
internal readonly record struct PlacedRow(int[] Starts, Relation[] Relations, int[] Ends, int[] Ordinals);
