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

    private Adjacency(int[] outStart, Slots outgoing, int[] inStart, Slots incoming, bool hasSymmetricRelation)
    {
        _outStart = outStart;
        _out = outgoing.Relations;
        _inStart = inStart;
        _in = incoming.Relations;
        OutEnds = outgoing.Ends;
        OutRelationOrdinals = outgoing.Ordinals;
        InEnds = incoming.Ends;
        InRelationOrdinals = incoming.Ordinals;
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
    public static Adjacency Build(int entityCount, Relation[] relations)
    {
        var outStart = new int[entityCount + 1];
        var inStart = new int[entityCount + 1];
        var hasSymmetricRelation = false;
        foreach (var relation in relations)
        {
            outStart[relation.From.Ordinal + 1]++;
            inStart[relation.To.Ordinal + 1]++;
            hasSymmetricRelation |= relation.IsSymmetric;
        }

        return new Adjacency(outStart, Place(outStart, relations, forward: true), inStart, Place(inStart, relations, forward: false), hasSymmetricRelation);
    }

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
        return new Adjacency(start, new Slots(facts, [], []), new int[entityCount + 1], new Slots([], [], []), hasSymmetricRelation: false);

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

    // A stable counting sort: counts[e + 1] holds the degree of e on entry and the start of e + 1 on exit.
    private static Slots Place(int[] start, Relation[] relations, bool forward)
    {
        var entityCount = start.Length - 1;
        for (var e = 0; e < entityCount; e++)
        {
            start[e + 1] += start[e];
        }

        // Fill using start[e] as the cursor of e, which leaves it at the start of e + 1; then shift back.
        var placed = new Slots(new Relation[relations.Length], new int[relations.Length], new int[relations.Length]);
        foreach (var relation in relations)
        {
            var (at, end) = forward ? (relation.From.Ordinal, relation.To.Ordinal) : (relation.To.Ordinal, relation.From.Ordinal);
            var slot = start[at]++;
            placed.Relations[slot] = relation;
            placed.Ends[slot] = end;
            placed.Ordinals[slot] = relation.Ordinal;
        }

        for (var e = entityCount; e > 0; e--)
        {
            start[e] = start[e - 1];
        }

        start[0] = 0;
        return placed;
    }

    private readonly record struct Slots(Relation[] Relations, int[] Ends, int[] Ordinals);

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
