using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph;

/// <summary>
/// The entities reached from a sequence of entities by one or more typed steps, such as
/// <c>people.Leads().Represents()</c>: lazy, in order (depth first: each start's ends before the next start's), and
/// keeping repeats, as LINQ's <c>SelectMany</c> does; add <c>Distinct()</c> for a set.
/// </summary>
/// <remarks>
/// Each step gives, for every entity, what the entity's navigation member of the same name gives, read in the graph or
/// view the entity belongs to. A step on a traversal extends it instead of wrapping it, and its <c>foreach</c> and
/// <see cref="Count"/> go from entity number to entity number over each relation type's rows, reading no relation and
/// no entity on the way: a walk allocates its few arrays once, and nothing per step or entity.
/// </remarks>
/// <typeparam name="T">The type of the entities reached.</typeparam>
public sealed class Traversal<T> : IEnumerable<T>, ITraversal
    where T : Entity
{
    private readonly IEnumerable<Entity> _starts;
    private readonly TraversalStep[] _steps;

    internal Traversal(IEnumerable<Entity> starts, TraversalStep[] steps)
    {
        _starts = starts;
        _steps = steps;
    }

    IEnumerable<Entity> ITraversal.Starts => _starts;

    TraversalStep[] ITraversal.Steps => _steps;

    /// <summary>Enumerates the entities reached, without allocating per step.</summary>
    /// <exception cref="InvalidOperationException">An entity of the sequence is in no graph, or the sequence holds null.</exception>
    public Enumerator GetEnumerator() => new(_starts, _steps);

    /// <summary>
    /// How many entities the traversal reaches, repeats included: the paths it follows, counted without reading an
    /// entity on the way.
    /// </summary>
    /// <exception cref="InvalidOperationException">An entity of the sequence is in no graph, or the sequence holds null.</exception>
    /// <exception cref="OverflowException">There are more than <see cref="int.MaxValue"/> paths.</exception>
    public int Count()
    {
        var walk = new Walk(_starts, _steps);
        try
        {
            return walk.CountEnds();
        }
        finally
        {
            walk.Dispose();
        }
    }

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a <see cref="Traversal{T}"/>.</summary>
    /// <remarks>
    /// When every step goes one way, the last two steps are read here, their places in fields (as a
    /// <see cref="RelationPath{TFrom, TTo}"/> reads its hops), and the walk only brings the entities they start from:
    /// most ends then cost a slot of a row, not a climb through every step.
    /// </remarks>
    public struct Enumerator : IEnumerator<T>
    {
        private Walk _walk;
        private readonly TraversalStep[]? _tail; // the last one or two steps, when every step goes one way
        private CompactStore? _store;
        private int[] _middleStarts = [];
        private int[] _middleEnds = [];
        private int[] _lastStarts = [];
        private int[] _lastEnds = [];
        private int _middle;
        private int _middleStop;
        private int _last;
        private int _lastStop;
        private readonly bool _middleSingle;
        private readonly bool _lastSingle;

        internal Enumerator(IEnumerable<Entity> starts, TraversalStep[] steps)
        {
            var oneWay = Array.TrueForAll(steps, step => step.Outgoing != step.Incoming);
            var tail = oneWay ? Math.Min(steps.Length, 2) : 0;
            _tail = tail == 0 ? null : steps[^tail..];
            _walk = new Walk(starts, steps[..^tail]);
            (_middleSingle, _lastSingle) = tail == 0 ? (false, false) : (_tail![0].Single, _tail[^1].Single);
            Current = null!;
        }

        /// <summary>The entity reached.</summary>
        public T Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next entity reached.</summary>
        public bool MoveNext()
        {
            int end;
            if (_tail is null)
            {
                end = _walk.NextEnd();
                _store = _walk.Store;
            }
            else
            {
                end = _last < _lastStop || NextLastRow() ? _lastEnds[_last++] : -1;
            }

            if (end < 0)
            {
                return false;
            }

            // The store holds the entity: the step found it at the other end of one of its relations.
            Current = (T)_store!.EntityAt(end)!;
            return true;
        }

        /// <summary>Ends the enumeration of the start entities.</summary>
        public void Dispose() => _walk.Dispose();

        readonly void IEnumerator.Reset() => throw new NotSupportedException();

        // Moves to the next row of the last step that has an end; false when the walk is over.
        private bool NextLastRow()
        {
            var tail = _tail!;
            while (true)
            {
                while (_middle < _middleStop)
                {
                    if (EnterLastRow(_middleEnds[_middle++]))
                    {
                        return true;
                    }
                }

                var entity = _walk.NextEnd();
                if (entity < 0)
                {
                    return false;
                }

                if (!ReferenceEquals(_walk.Store, _store))
                {
                    _store = _walk.Store!;
                    (_, _lastStarts, _lastEnds) = Walk.FirstRow(_store, tail[^1]);
                    if (tail.Length == 2)
                    {
                        (_, _middleStarts, _middleEnds) = Walk.FirstRow(_store, tail[0]);
                    }
                }

                if (tail.Length == 1)
                {
                    if (EnterLastRow(entity))
                    {
                        return true;
                    }
                }
                else
                {
                    (_middle, _middleStop) = Walk.Slots(_middleStarts, entity, _middleSingle);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool EnterLastRow(int entity)
        {
            (_last, _lastStop) = Walk.Slots(_lastStarts, entity, _lastSingle);
            return _last < _lastStop;
        }
    }
}

/// <summary>What a traversal is made of, for a step that extends it: its start entities and its steps so far.</summary>
internal interface ITraversal
{
    IEnumerable<Entity> Starts { get; }

    TraversalStep[] Steps { get; }
}

/// <summary>One step of a traversal: the relations it follows, which way, and whether it takes only the first.</summary>
/// <param name="Kind">The number of the relation class (<see cref="RelationKinds"/>).</param>
/// <param name="Relation">The relation class; subclasses' relations are followed too.</param>
/// <param name="Outgoing">Whether it follows the entity's relations to their ends.</param>
/// <param name="Incoming">Whether it follows the relations ending at the entity back to their starts (after the outgoing ones, and without a relation from the entity to itself, when both).</param>
/// <param name="Single">Whether it takes only the first entity it finds, as a navigation member of one entity does.</param>
internal readonly record struct TraversalStep(int Kind, Type Relation, bool Outgoing, bool Incoming, bool Single)
{
    public static TraversalStep Of<TRelation>(bool outgoing, bool incoming, bool single)
        where TRelation : Relation => new(RelationKind<TRelation>.Value, typeof(TRelation), outgoing, incoming, single);
}

/// <summary>
/// The depth-first walk of a traversal, from entity ordinal to entity ordinal over each step's
/// <see cref="RelationRows"/>: one frame per step, holding the entity it steps from and the slots of the row it reads.
/// </summary>
/// <remarks>Frames hold numbers only, so that moving through them stores no reference (each would cost a GC write barrier).</remarks>
internal struct Walk
{
    private readonly TraversalStep[] _steps;
    private readonly Frame[] _frames;
    private readonly int[][] _starts; // by step: the row it reads first (outgoing, or incoming for a step that goes only that way)
    private readonly int[][] _ends;
    private readonly RelationRows[] _rows;
    private readonly bool _oneWay; // whether every step goes one way
    private readonly Entity[]? _startArray;
    private IEnumerator<Entity>? _startEnumerator;
    private GraphView? _startOwner;
    private int _nextStart;
    private int _depth;

    public Walk(IEnumerable<Entity> starts, TraversalStep[] steps)
    {
        _steps = steps;
        _frames = new Frame[steps.Length];
        (_starts, _ends, _rows) = (new int[steps.Length][], new int[steps.Length][], new RelationRows[steps.Length]);
        _oneWay = Array.TrueForAll(steps, step => step.Outgoing != step.Incoming);
        _depth = -1;
        // A typed set or a navigation's list is read as its array; any other sequence through its enumerator.
        if (starts is IGraphSet { Items: Entity[] items })
        {
            _startArray = items;
        }
        else
        {
            _startEnumerator = starts.GetEnumerator();
        }
    }

    /// <summary>The store of the graph or view of the start entity being walked: it holds every entity the walk reaches from it.</summary>
    public CompactStore? Store { get; private set; }

    /// <summary>The ordinal of the next entity the last step reaches (the next start, for a walk of no steps), or -1 when the walk is over.</summary>
    public int NextEnd()
    {
        // Without steps, the walk gives its starts.
        if (_frames.Length == 0)
        {
            return NextStart();
        }

        var last = _frames.Length - 1;
        var depth = _depth;
        while (true)
        {
            if (depth < 0)
            {
                var start = NextStart();
                if (start < 0)
                {
                    _depth = -1;
                    return -1;
                }

                Enter(depth = 0, start);
            }

            var end = _oneWay ? Step(ref _frames[depth], _ends[depth]) : Advance(depth);
            if (end < 0)
            {
                depth--;
            }
            else if (depth == last)
            {
                _depth = depth;
                return end;
            }
            else
            {
                Enter(++depth, end);
            }
        }
    }

    /// <summary>How many entities the walk reaches: when every step goes one way, the last step's are counted by its rows' bounds.</summary>
    public int CountEnds()
    {
        var count = 0;
        if (_oneWay && _startArray is { } starts)
        {
            // The loop over a set keeps its place in a local: the same walk as below, without a store per start.
            for (var i = 0; i < starts.Length; i++)
            {
                var start = starts[i];
                var ordinal = start is { Owner: { } owner } && ReferenceEquals(owner, _startOwner) ? start.Ordinal : Begin(start);
                count = checked(count + CountOneWay(ordinal));
            }

            return count;
        }

        for (var start = NextStart(); start >= 0; start = NextStart())
        {
            if (_oneWay)
            {
                count = checked(count + CountOneWay(start));
                continue;
            }

            Enter(0, start);
            count = checked(count + CountEach(0));
        }

        return count;
    }

    // The ends reached from a start entity when every step goes one way.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int CountOneWay(int start)
    {
        var (slot, stop) = Slots(_starts[0], start, _steps[0].Single);
        return _steps.Length == 1 ? stop - slot : CountOneWay(0, slot, stop);
    }

    public void Dispose()
    {
        _startEnumerator?.Dispose();
        _startEnumerator = null;
    }

    /// <summary>The rows of a step's relation class in a store, and the row it reads first: the outgoing one, or the incoming one for a step that goes only that way.</summary>
    public static (RelationRows Rows, int[] Starts, int[] Ends) FirstRow(CompactStore store, TraversalStep step)
    {
        var rows = store.RowsOf(step.Kind, step.Relation);
        return step.Outgoing ? (rows, rows.OutStarts, rows.OutEnds) : (rows, rows.InStarts, rows.InEnds);
    }

    /// <summary>The slots of an entity's row that a step one way takes: all of them, or the first only for a single step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Slot, int Stop) Slots(int[] starts, int entity, bool single)
    {
        var (slot, stop) = IndexRows.Of(starts, entity);
        return (slot, single ? Math.Min(stop, slot + 1) : stop);
    }

    // The ends reached from the slots taken of a step's row through the steps after it, when every step goes one way.
    // The last two steps are loops here, not calls: a call per entity on the way would cost as much as the step itself.
    private readonly int CountOneWay(int depth, int slot, int stop)
    {
        var last = _steps.Length - 1;
        var (ends, nextStarts, nextSingle) = (_ends[depth], _starts[depth + 1], _steps[depth + 1].Single);
        var count = 0;
        if (depth + 1 == last)
        {
            for (; slot < stop; slot++)
            {
                var (lastSlot, lastStop) = Slots(nextStarts, ends[slot], nextSingle);
                count = checked(count + (lastStop - lastSlot));
            }
        }
        else if (depth + 2 == last)
        {
            var (nextEnds, lastStarts, lastSingle) = (_ends[depth + 1], _starts[last], _steps[last].Single);
            for (; slot < stop; slot++)
            {
                var (nextSlot, nextStop) = Slots(nextStarts, ends[slot], nextSingle);
                for (; nextSlot < nextStop; nextSlot++)
                {
                    var (lastSlot, lastStop) = Slots(lastStarts, nextEnds[nextSlot], lastSingle);
                    count = checked(count + (lastStop - lastSlot));
                }
            }
        }
        else
        {
            for (; slot < stop; slot++)
            {
                var (nextSlot, nextStop) = Slots(nextStarts, ends[slot], nextSingle);
                count = checked(count + CountOneWay(depth + 1, nextSlot, nextStop));
            }
        }

        return count;
    }

    // The ends reached from the entity the step's frame was entered with, one by one.
    private int CountEach(int depth)
    {
        var count = 0;
        for (var end = Advance(depth); end >= 0; end = Advance(depth))
        {
            if (depth == _frames.Length - 1)
            {
                count = checked(count + 1);
            }
            else
            {
                Enter(depth + 1, end);
                count = checked(count + CountEach(depth + 1));
            }
        }

        return count;
    }

    // The ordinal of the next start entity, or -1. Inlined for the common case: the next item of a set, of the
    // graph or view the last one belonged to.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextStart()
    {
        if (_startArray is { } starts && (uint)_nextStart < (uint)starts.Length
            && starts[_nextStart] is { Owner: { } owner } start && ReferenceEquals(owner, _startOwner))
        {
            _nextStart++;
            return start.Ordinal;
        }

        return NextStartElsewhere();
    }

    // The next start entity of a sequence that is not a set, or of another graph or view than the last one, whose
    // rows it brings; or -1.
    private int NextStartElsewhere()
    {
        Entity? start;
        if (_startArray is not null)
        {
            if (_nextStart == _startArray.Length)
            {
                return -1;
            }

            start = _startArray[_nextStart++];
        }
        else if (_startEnumerator is not null && _startEnumerator.MoveNext())
        {
            start = _startEnumerator.Current;
        }
        else
        {
            return -1;
        }

        return Begin(start);
    }

    // The ordinal of a start entity, after bringing the rows of its graph or view when they are not the last one's.
    // Not inlined: it is the rare path of the loops that call it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Begin(Entity? start)
    {
        if (start is null)
        {
            throw new InvalidOperationException("The sequence a traversal steps from holds null, which has no relations to follow.");
        }

        if (!ReferenceEquals(start.Owner, _startOwner) || start.Owner is null)
        {
            var store = start.Graph.Store;
            (_startOwner, Store) = (start.Owner, store);
            for (var i = 0; i < _steps.Length; i++)
            {
                (_rows[i], _starts[i], _ends[i]) = FirstRow(store, _steps[i]);
            }
        }

        return start.Ordinal;
    }

    // Starts the frame of a step at the entity, in the first row the step reads; in a walk both ways, Advance takes a
    // single step's first entity itself, as it may come from either row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Enter(int depth, int entity)
    {
        ref var frame = ref _frames[depth];
        frame.Entity = entity;
        frame.Incoming = false;
        (frame.Slot, frame.Stop) = Slots(_starts[depth], entity, _oneWay && _steps[depth].Single);
    }

    // The next entity of a step one way: the next slot of its row, which Enter has cut to one for a single step.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Frame frame, int[] ends) => frame.Slot < frame.Stop ? ends[frame.Slot++] : -1;

    // The ordinal of the next entity the step reaches from its frame's entity, or -1 when it has given them all: the
    // step of a walk that has a step both ways.
    private readonly int Advance(int depth)
    {
        ref var frame = ref _frames[depth];
        ref readonly var step = ref _steps[depth];
        while (true)
        {
            if (frame.Slot < frame.Stop)
            {
                var end = (frame.Incoming ? _rows[depth].InEnds : _ends[depth])[frame.Slot++];

                // After the outgoing row, a step both ways leaves out a relation from the entity to itself.
                if (frame.Incoming && end == frame.Entity)
                {
                    continue;
                }

                if (step.Single)
                {
                    (frame.Slot, frame.Incoming) = (frame.Stop, true);
                }

                return end;
            }

            if (frame.Incoming || step.Outgoing != step.Incoming)
            {
                return -1;
            }

            frame.Incoming = true;
            (frame.Slot, frame.Stop) = IndexRows.Of(_rows[depth].InStarts, frame.Entity);
        }
    }

    private struct Frame
    {
        public int Entity;
        public int Slot;
        public int Stop;
        public bool Incoming; // a step both ways: reading its incoming row
    }
}
