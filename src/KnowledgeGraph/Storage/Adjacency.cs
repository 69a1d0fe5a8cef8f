using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph;

/// <summary>
/// The relations at every entity, as two compressed sparse rows indexed by entity ordinal: the relations starting
/// at entity <c>e</c> are <c>_out[_outStart[e] .. _outStart[e + 1]]</c> and those ending there likewise in
/// <c>_in</c>, each slice in file order. Immutable once built, so any number of threads may read it.
/// </summary>
/// <remarks>
/// Beside each slot of a relation index (not of the citation index), two <c>int</c>s: the ordinal of the entity at the
/// relation's other end and the relation's own ordinal, so that a search (paths, distances, components) steps from
/// number to number without reading the relation and entity objects, scattered over the heap, that a step would
/// otherwise load one after the other.
/// Navigation members and traversal steps read the rows of one relation class instead (<see cref="RelationRows"/>).
/// Entities the store leaves out have empty slices.
/// </remarks>
internal sealed class Adjacency
{
    private readonly int[] _outStart;
    private readonly Relation[] _out;
    private readonly int[] _inStart;
    private readonly Relation[] _in;

    private Adjacency(PlacedRow outgoing, PlacedRow incoming, bool hasSymmetricRelation)
    {
        (_outStart, _out, OutEnds, OutRelationOrdinals) = outgoing;
        (_inStart, _in, InEnds, InRelationOrdinals) = incoming;
        HasSymmetricRelation = hasSymmetricRelation;
    }

    /// <summary>Where each entity's outgoing slots start, by ordinal: those of entity <c>e</c> run from <c>OutRowStarts[e]</c> to <c>OutRowStarts[e + 1]</c>.</summary>
    public int[] OutRowStarts => _outStart;

    /// <summary>Where each entity's incoming slots start, by ordinal, as <see cref="OutRowStarts"/>.</summary>
    public int[] InRowStarts => _inStart;

    /// <summary>Beside each slot of <see cref="OutRange"/>: the ordinal of the relation's end (<c>To</c>).</summary>
    public int[] OutEnds { get; }

    /// <summary>Beside each slot of <see cref="OutRange"/>: the relation's ordinal.</summary>
    public int[] OutRelationOrdinals { get; }

    /// <summary>Beside each slot of <see cref="InRange"/>: the ordinal of the relation's start (<c>From</c>).</summary>
    public int[] InEnds { get; }

    /// <summary>Beside each slot of <see cref="InRange"/>: the relation's ordinal.</summary>
    public int[] InRelationOrdinals { get; }

    /// <summary>Whether any relation is symmetric: only then may a forward step follow a relation backwards.</summary>
    public bool HasSymmetricRelation { get; }

    /// <summary>Every relation, grouped by the ordinal of its start entity, then in file order: QuikGraph's edge order.</summary>
    public Relation[] ByStart => _out;

    /// <summary>Indexes <paramref name="relations"/> (in file order) over the entity ordinals 0 … <paramref name="entityCount"/> − 1.</summary>
    public static Adjacency Build(int entityCount, Relation[] relations) =>
        new(
            RelationPlacement.Place(entityCount, relations, forward: true, keepRelations: true),
            RelationPlacement.Place(entityCount, relations, forward: false, keepRelations: true),
            Array.Exists(relations, relation => relation.IsSymmetric));

    /// <summary>
    /// Indexes the relations by the entities they cite as sources: the slice "out" of an entity is the facts it
    /// backs, in file order, each once however often it is cited; the "in" slices are empty.
    /// </summary>
    public static Adjacency BuildCitations(int entityCount, Relation[] relations)
    {
        var start = new int[entityCount + 1];
        var total = 0;
        foreach (var relation in relations)
        {
            var sources = relation.Sources;
            for (var i = 0; i < sources.Count; i++)
            {
                if (FirstCitation(sources, i))
                {
                    start[sources[i].Ordinal + 1]++;
                    total++;
                }
            }
        }

        for (var e = 0; e < entityCount; e++)
        {
            start[e + 1] += start[e];
        }

        var cursor = (int[])start.Clone();
        var facts = new Relation[total];
        foreach (var relation in relations)
        {
            var sources = relation.Sources;
            for (var i = 0; i < sources.Count; i++)
            {
                if (FirstCitation(sources, i))
                {
                    facts[cursor[sources[i].Ordinal]++] = relation;
                }
            }
        }

        // Provenance reads the facts alone: the citation index keeps no ordinals beside them.
        return new Adjacency(new PlacedRow(start, facts, [], []), new PlacedRow(new int[entityCount + 1], [], [], []), hasSymmetricRelation: false);

        // A fact naming a source twice backs it once.
        static bool FirstCitation(IReadOnlyList<Entity> sources, int at)
        {
            for (var i = 0; i < at; i++)
            {
                if (ReferenceEquals(sources[i], sources[at]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The relations starting at the entity, in file order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<Relation> Out(int entity) =>
        (uint)entity < (uint)(_outStart.Length - 1) ? _out.AsSpan(_outStart[entity], _outStart[entity + 1] - _outStart[entity]) : default;

    /// <summary>The relations ending at the entity, in file order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<Relation> In(int entity) =>
        (uint)entity < (uint)(_inStart.Length - 1) ? _in.AsSpan(_inStart[entity], _inStart[entity + 1] - _inStart[entity]) : default;

    /// <summary>Where the entity's outgoing relations lie: for iterators (which cannot hold a span) and for reading the ordinals beside them.</summary>
    public (Relation[] Relations, int Start, int End) OutRange(int entity) =>
        (uint)entity < (uint)(_outStart.Length - 1) ? (_out, _outStart[entity], _outStart[entity + 1]) : (_out, 0, 0);

    /// <summary>Where the entity's incoming relations lie: for iterators (which cannot hold a span) and for reading the ordinals beside them.</summary>
    public (Relation[] Relations, int Start, int End) InRange(int entity) =>
        (uint)entity < (uint)(_inStart.Length - 1) ? (_in, _inStart[entity], _inStart[entity + 1]) : (_in, 0, 0);
}
