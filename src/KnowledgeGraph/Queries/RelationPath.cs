using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph;

/// <summary>
/// Relation indexes followed one after another: the entities reached from a start by one relation of each index in
/// turn, as a path pattern reads (person → leads → delegation → represents → country). Made by
/// <see cref="QueryExtensions.Then{TRelation, TFrom, TTo, TNextRelation, TVia, TNext}"/>.
/// </summary>
/// <remarks>
/// Walking a path steps from one index's row to the next by entity ordinal and reads no entity on the way, so a walk
/// of several hops costs about what hand-written adjacency arrays do. An end is reached once per path to it: a
/// country reached through two delegations is counted, and enumerated, twice (<c>Distinct()</c> gives each once).
/// Each hop follows its relations from start to target, as <see cref="RelationIndex{TRelation, TFrom, TTo}.Targets"/>
/// reads them: a symmetric fact is followed from its first end to its second only. A path holds what its indexes held.
/// </remarks>
/// <typeparam name="TFrom">The type of the path's start.</typeparam>
/// <typeparam name="TTo">The type of the entities it reaches.</typeparam>
public sealed class RelationPath<TFrom, TTo>
    where TFrom : Entity
    where TTo : Entity
{
    /// <summary>The most hops a path has: as many as the four entities of a <see cref="GraphView.Match{T}"/> pattern span.</summary>
    public static int MaxHops => 3;

    private readonly Graph _root;

    // Per hop, its index's compressed rows over entity ordinals (see RelationIndex): where each entity's relations
    // start, and the ordinals of their targets, the entities the next hop starts from.
    private readonly PathHop[] _hops;

    // The last hop's targets: what the path reaches.
    private readonly TTo[] _targets;

    private RelationPath(Graph root, PathHop[] hops, TTo[] targets)
    {
        _root = root;
        _hops = hops;
        _targets = targets;
    }

    /// <summary>The number of hops, 2 or 3: the number of indexes followed.</summary>
    public int Hops => _hops.Length;

    internal Graph Root => _root;

    internal PathHop[] HopList => _hops;

    // The hops, then next's: the one place that checks a path's length and that its indexes are of one graph.
    internal static RelationPath<TFrom, TTo> Through<TRelation, TVia>(Graph root, PathHop[] hops, RelationIndex<TRelation, TVia, TTo> next)
        where TRelation : Relation<TVia, TTo>
        where TVia : Entity
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Root != root)
        {
            throw new ArgumentException("The index belongs to another graph.", nameof(next));
        }

        if (hops.Length == MaxHops)
        {
            throw new InvalidOperationException($"A path has at most {MaxHops} hops.");
        }

        return new(root, [.. hops, next.Hop], next.TargetArray);
    }

    /// <summary>The number of paths from <paramref name="from"/>: its ends, each as often as it is reached.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> is null.</exception>
    /// <exception cref="ArgumentException">The entity belongs to another graph.</exception>
    /// <exception cref="OverflowException">There are more than <see cref="int.MaxValue"/> paths.</exception>
    public int Count(TFrom from)
    {
        Entity.EnsureOwnedBy(from, _root, nameof(from));
        var hops = _hops;
        var (next, end) = IndexRows.Of(hops[0].Starts, from.Ordinal);

        // The last hop's rows are measured, not walked; the loops read the hops' arrays from locals.
        checked
        {
            var lastStarts = hops[^1].Starts;
            if (hops.Length == 2)
            {
                return Measure(lastStarts, hops[0].TargetOrdinals, next, end);
            }

            var (targets, middleStarts, middleTargets) = (hops[0].TargetOrdinals, hops[1].Starts, hops[1].TargetOrdinals);
            var count = 0;
            for (var i = next; i < end; i++)
            {
                var (middle, middleEnd) = IndexRows.Of(middleStarts, targets[i]);
                count += Measure(lastStarts, middleTargets, middle, middleEnd);
            }

            return count;
        }
    }

    /// <summary>
    /// The entities the paths from <paramref name="from"/> reach, each once per path, depth first in file order;
    /// a <c>foreach</c> over them allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> is null.</exception>
    /// <exception cref="ArgumentException">The entity belongs to another graph.</exception>
    public TargetSequence Targets(TFrom from)
    {
        Entity.EnsureOwnedBy(from, _root, nameof(from));
        return new(this, from.Ordinal);
    }

    // The number of relations in the rows of entities[next..end).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Measure(int[] starts, int[] entities, int next, int end)
    {
        var count = 0;
        for (var i = next; i < end; i++)
        {
            var (start, rowEnd) = IndexRows.Of(starts, entities[i]);
            count = checked(count + (rowEnd - start));
        }

        return count;
    }

    /// <summary>The ends of the paths from one entity (<see cref="Targets"/>), each once per path.</summary>
    public readonly struct TargetSequence : IEnumerable<TTo>
    {
        private readonly RelationPath<TFrom, TTo> _path;
        private readonly int _from;

        internal TargetSequence(RelationPath<TFrom, TTo> path, int from)
        {
            _path = path;
            _from = from;
        }

        /// <summary>Enumerates the ends without allocating.</summary>
        public Enumerator GetEnumerator() => new(_path, _from);

        IEnumerator<TTo> IEnumerable<TTo>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Enumerates the ends of the paths from one entity (<see cref="Targets"/>).</summary>
    /// <remarks>
    /// The hops are held from the last one back: the last row (whose targets are the ends), the middle row and the
    /// first row. A path of two hops starts at the middle row and leaves the first empty.
    /// </remarks>
    public struct Enumerator : IEnumerator<TTo>
    {
        private readonly TTo[] _targets;
        private readonly int[] _lastStarts = [];
        private readonly int[] _middleStarts = [];
        private readonly int[] _middleTargets = [];
        private readonly int[] _firstTargets = [];

        // The position reached in each row and the row's end.
        private int _last, _lastEnd, _middle, _middleEnd, _first, _firstEnd;
        private TTo? _current;

        internal Enumerator(RelationPath<TFrom, TTo> path, int from)
        {
            _targets = path._targets;
            var hops = path._hops;
            var start = IndexRows.Of(hops[0].Starts, from);
            if (hops.Length == 2)
            {
                (_middle, _middleEnd) = start;
                (_middleTargets, _lastStarts) = (hops[0].TargetOrdinals, hops[1].Starts);
            }
            else
            {
                (_first, _firstEnd) = start;
                (_firstTargets, _middleStarts) = (hops[0].TargetOrdinals, hops[1].Starts);
                (_middleTargets, _lastStarts) = (hops[1].TargetOrdinals, hops[2].Starts);
            }
        }

        /// <summary>The current end.</summary>
        public readonly TTo Current => _current!;

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next end.</summary>
        public bool MoveNext()
        {
            if (_last < _lastEnd || NextLastRow())
            {
                _current = _targets[_last++];
                return true;
            }

            return false;
        }

        /// <summary>Does nothing: the enumerator holds nothing to release.</summary>
        public readonly void Dispose()
        {
        }

        readonly void IEnumerator.Reset() => throw new NotSupportedException();

        // Moves to the next last row that has an end; false when there is none.
        private bool NextLastRow()
        {
            while (true)
            {
                while (_middle < _middleEnd)
                {
                    (_last, _lastEnd) = IndexRows.Of(_lastStarts, _middleTargets[_middle++]);
                    if (_last < _lastEnd)
                    {
                        return true;
                    }
                }

                if (_first == _firstEnd)
                {
                    return false;
                }

                (_middle, _middleEnd) = IndexRows.Of(_middleStarts, _firstTargets[_first++]);
            }
        }
    }
}

/// <summary>One hop of a <see cref="RelationPath{TFrom, TTo}"/>: its index's rows by start, over entity ordinals.</summary>
internal readonly record struct PathHop(int[] Starts, int[] TargetOrdinals);
