using System;
using System.Collections.Generic;
using System.Globalization;

namespace KnowledgeGraph;

public abstract partial class GraphView
{
    /// <summary>
    /// The shortest chain of relations linking <paramref name="from"/> to <paramref name="to"/>, following
    /// relations in either direction; null when the two are not connected.
    /// </summary>
    /// <remarks>Among paths of equal length, the one found first trying relations in file order is given.</remarks>
    /// <exception cref="ArgumentException">An entity belongs to another graph.</exception>
    public GraphPath? ShortestPath(Entity from, Entity to) => ShortestPath(from, to, PathDirection.Any);

    /// <summary>
    /// The shortest chain of relations linking <paramref name="from"/> to <paramref name="to"/>, following
    /// relations as <paramref name="direction"/> allows; null when there is none.
    /// </summary>
    /// <remarks>
    /// From an entity to itself, the path is empty. An entity the view leaves out has no path. Among paths of equal
    /// length, the one found first trying relations in file order is given.
    /// </remarks>
    /// <exception cref="ArgumentException">An entity belongs to another graph.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a defined value.</exception>
    public GraphPath? ShortestPath(Entity from, Entity to, PathDirection direction)
    {
        (from, to) = CheckEnds(from, to, direction);
        return BreadthFirst(from, to, direction);
    }

    /// <summary>
    /// How many relations the shortest chain from <paramref name="from"/> to each entity it reaches has, following
    /// relations as <paramref name="direction"/> allows: the start at 0, then the entities reached, nearest first
    /// (then in the order a search trying relations in file order reaches them). An entity not reached is not listed.
    /// </summary>
    /// <remarks>
    /// One breadth-first search, for the lengths to every entity at once: what <see cref="ShortestPath(Entity, Entity, PathDirection)"/>
    /// would give as <see cref="GraphPath.Count"/> for each. An entity the view leaves out reaches nothing.
    /// </remarks>
    /// <param name="from">Where the chains start.</param>
    /// <param name="direction">Whether relations may be followed backwards (the default) or only forward.</param>
    /// <exception cref="ArgumentException"><paramref name="from"/> belongs to another graph.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a defined value.</exception>
    public IReadOnlyList<(Entity Entity, int Distance)> Distances(Entity from, PathDirection direction = PathDirection.Any)
    {
        (from, _) = CheckEnds(from, from, direction);
        var store = Store;
        if (!store.Holds(from))
        {
            return [];
        }

        // By entity ordinal: the distance plus one, 0 for an entity not reached yet.
        var adjacency = store.Adjacency;
        var distance = new int[store.RootEntityCount];
        var reached = new List<(Entity Entity, int Distance)> { (from, 0) };
        distance[from.Ordinal] = 1;
        for (var head = 0; head < reached.Count; head++)
        {
            var (at, atDistance) = reached[head];
            var steps = new StepCursor(adjacency, at, direction);
            while (steps.MoveNext())
            {
                var end = steps.EndOrdinal;
                if (distance[end] == 0)
                {
                    distance[end] = atDistance + 2;
                    reached.Add((store.EntityAt(end)!, atDistance + 1));
                }
            }
        }

        return reached;
    }

    /// <summary>
    /// The chain of relations from <paramref name="from"/> to <paramref name="to"/> whose weights add up to the
    /// least, such as the most trusted chain with <c>r =&gt; r.Sources.Count &gt; 1 ? 1 : 3</c>; null when there is none.
    /// </summary>
    /// <param name="from">Where the path starts.</param>
    /// <param name="to">Where the path ends.</param>
    /// <param name="weight">
    /// The cost of crossing a relation: zero or more; <see cref="double.PositiveInfinity"/> means never cross it.
    /// It is asked once for every relation of the view, before the search.
    /// </param>
    /// <param name="direction">Whether relations may be followed backwards (the default) or only forward.</param>
    /// <remarks>
    /// Dijkstra's algorithm. From an entity to itself, the path is empty; an entity the view leaves out has no path.
    /// Among paths of equal weight, the one found first trying relations in file order is given. The path's
    /// <see cref="GraphPath.Weight"/> is the sum of its relations' weights.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// An entity belongs to another graph, or <paramref name="weight"/> gives a relation a negative weight or NaN
    /// (Dijkstra's algorithm is only right for weights of zero or more).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a defined value.</exception>
    public GraphPath? ShortestPath(Entity from, Entity to, Func<Relation, double> weight, PathDirection direction = PathDirection.Any)
    {
        (from, to) = CheckEnds(from, to, direction);
        ArgumentNullException.ThrowIfNull(weight);

        // By relation ordinal: the weight of each relation of the view, asked once, in file order.
        var relations = Store.Relations;
        var weights = new double[Root.RelationCount];
        foreach (var relation in relations)
        {
            var cost = weight(relation);
            if (double.IsNaN(cost) || cost < 0)
            {
                throw new ArgumentException(
                    $"The weight of '{relation}' is {cost.ToString(CultureInfo.InvariantCulture)}; a weight must be zero or more (or PositiveInfinity: never cross it).",
                    nameof(weight));
            }

            weights[relation.Ordinal] = cost;
        }

        return Dijkstra(from, to, weights, direction);
    }

    /// <summary>
    /// Every simple path (one that never visits an entity twice) from <paramref name="from"/> to
    /// <paramref name="to"/> with at most <paramref name="maxLength"/> relations.
    /// </summary>
    /// <param name="from">Where the paths start.</param>
    /// <param name="to">Where the paths end.</param>
    /// <param name="maxLength">The most relations a path may have; the number of paths can grow fast with it.</param>
    /// <param name="direction">Whether relations may be followed backwards (the default) or only forward.</param>
    /// <returns>
    /// The paths, shortest first; paths of one length in the file order of their relations (compared first
    /// relation first). Parallel facts make separate paths. From an entity to itself, only the empty path.
    /// Lazy: one length is searched at a time.
    /// </returns>
    /// <exception cref="ArgumentException">An entity belongs to another graph.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="maxLength"/> is negative, or <paramref name="direction"/> is not a defined value.
    /// </exception>
    public IEnumerable<GraphPath> AllSimplePaths(Entity from, Entity to, int maxLength, PathDirection direction = PathDirection.Any)
    {
        (from, to) = CheckEnds(from, to, direction);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        return AllSimplePathsIterator(from, to, maxLength, direction);
    }

    // The view's own objects for the ends, so that a path is made of the view's entities and relations.
    private (Entity From, Entity To) CheckEnds(Entity from, Entity to, PathDirection direction)
    {
        var ends = (Own(from, nameof(from)), Own(to, nameof(to)));
        if (direction is not (PathDirection.Any or PathDirection.Forward))
        {
            // An undefined value must not silently mean "either way".
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown path direction.");
        }

        return ends;
    }

    // With every weight 1, Dijkstra's algorithm (ties to the entity reached first) settles entities in the order a
    // breadth-first search reaches them and keeps the step that first reached each: the same path, found with a
    // queue of ordinals and no priority queue, and stopping as soon as the target is reached.
    private GraphPath? BreadthFirst(Entity from, Entity to, PathDirection direction)
    {
        var store = Store;
        if (!store.Holds(from) || !store.Holds(to))
        {
            return null;
        }

        if (ReferenceEquals(from, to))
        {
            return new GraphPath(from, []);
        }

        // By entity ordinal: 0 for an entity not reached yet, -1 for the start, else the step that first reached
        // it as 2 × its relation's ordinal + 1 + (1 when forward). Two ints an entity in all, with the queue.
        var adjacency = store.Adjacency;
        var reachedBy = new int[store.RootEntityCount];
        var queue = new int[store.RootEntityCount];
        int head = 0, tail = 0;
        queue[tail++] = from.Ordinal;
        reachedBy[from.Ordinal] = -1;
        while (head < tail)
        {
            var steps = new StepCursor(adjacency, queue[head++], direction);
            while (steps.MoveNext())
            {
                var end = steps.EndOrdinal;
                if (reachedBy[end] != 0)
                {
                    continue;
                }

                reachedBy[end] = (steps.RelationOrdinal << 1) + (steps.IsForward ? 2 : 1);
                if (end == to.Ordinal)
                {
                    var path = new List<PathStep>();
                    for (var at = to; !ReferenceEquals(at, from); at = path[^1].Start)
                    {
                        var code = reachedBy[at.Ordinal] - 1;
                        path.Add(new PathStep(store.RelationAt(code >> 1)!, IsForward: (code & 1) != 0));
                    }

                    path.Reverse();
                    return new GraphPath(from, path.ToArray());
                }

                queue[tail++] = end;
            }
        }

        return null;
    }

    private GraphPath? Dijkstra(Entity from, Entity to, double[] weights, PathDirection direction)
    {
        var store = Store;
        if (!store.Holds(from) || !store.Holds(to))
        {
            return null;
        }

        // Dijkstra's algorithm, written out rather than QuikGraph's so that a symmetric relation is crossed either
        // way even forward, PositiveInfinity closes a relation, and ties go to the relation first in file order
        // (the queue orders equal distances by when they were reached). State is kept by entity ordinal.
        var adjacency = store.Adjacency;
        var entityCount = store.RootEntityCount;
        var distance = new double[entityCount]; // meaningful where known is marked
        var known = CompactStore.NewMemberSet(entityCount);
        var settled = CompactStore.NewMemberSet(entityCount);
        var reachedBy = new PathStep[entityCount];
        var queue = new PriorityQueue<Entity, (double Distance, long Order)>();
        long order = 0;
        distance[from.Ordinal] = 0;
        CompactStore.Mark(known, from.Ordinal);
        queue.Enqueue(from, (0, order++));
        while (queue.TryDequeue(out var at, out var priority))
        {
            if (CompactStore.IsMarked(settled, at.Ordinal))
            {
                continue; // an older, longer entry
            }

            CompactStore.Mark(settled, at.Ordinal);
            if (ReferenceEquals(at, to))
            {
                break;
            }

            var steps = new StepCursor(adjacency, at, direction);
            while (steps.MoveNext())
            {
                var cost = weights[steps.RelationOrdinal];
                var end = steps.EndOrdinal;
                if (double.IsPositiveInfinity(cost) || CompactStore.IsMarked(settled, end))
                {
                    continue;
                }

                var through = priority.Distance + cost;
                if (!CompactStore.IsMarked(known, end) || through < distance[end])
                {
                    CompactStore.Mark(known, end);
                    distance[end] = through;
                    var step = steps.Current;
                    reachedBy[end] = step;
                    queue.Enqueue(step.End, (through, order++));
                }
            }
        }

        return CompactStore.IsMarked(settled, to.Ordinal) ? Trace(from, to, reachedBy, distance[to.Ordinal]) : null;
    }

    private static GraphPath Trace(Entity from, Entity to, PathStep[] reachedBy, double weight)
    {
        var steps = new List<PathStep>();
        for (var at = to; !ReferenceEquals(at, from); at = steps[^1].Start)
        {
            steps.Add(reachedBy[at.Ordinal]);
        }

        steps.Reverse();
        return new GraphPath(from, steps.ToArray(), weight);
    }

    private IEnumerable<GraphPath> AllSimplePathsIterator(Entity from, Entity to, int maxLength, PathDirection direction)
    {
        var store = Store;
        if (!store.Holds(from) || !store.Holds(to))
        {
            yield break;
        }

        if (ReferenceEquals(from, to))
        {
            yield return new GraphPath(from, []);
            yield break;
        }

        // Iterative deepening: a depth-first search for each length in turn gives the paths shortest first, and
        // trying relations in file order at every entity gives each length's paths in file order.
        var adjacency = store.Adjacency;
        var visited = new HashSet<Entity>(ReferenceEqualityComparer.Instance) { from };
        var steps = new List<PathStep>();
        for (var length = 1; length <= maxLength; length++)
        {
            var found = new List<GraphPath>();
            var reachedLength = false;
            Search(from, length);
            foreach (var path in found)
            {
                yield return path;
            }

            if (!reachedLength)
            {
                yield break; // no walk of this length can be continued, so no path is longer
            }

            void Search(Entity at, int exactLength)
            {
                if (steps.Count == exactLength)
                {
                    if (ReferenceEquals(at, to))
                    {
                        found.Add(new GraphPath(from, steps.ToArray()));
                    }
                    else
                    {
                        reachedLength = true; // a walk that a longer path could continue
                    }

                    return;
                }

                var next = new StepCursor(adjacency, at, direction);
                while (next.MoveNext())
                {
                    var step = next.Current;

                    // The target may only end a path: a path through it to elsewhere and back is not simple.
                    if (visited.Contains(step.End) || (ReferenceEquals(step.End, to) && steps.Count + 1 < exactLength))
                    {
                        continue;
                    }

                    visited.Add(step.End);
                    steps.Add(step);
                    Search(step.End, exactLength);
                    steps.RemoveAt(steps.Count - 1);
                    visited.Remove(step.End);
                }
            }
        }
    }

    /// <summary>
    /// The steps leaving an entity of the view, in the file order of their relations: forward along its relations,
    /// and backwards too when the direction is <see cref="PathDirection.Any"/> or the relation is symmetric. A merge
    /// of the entity's outgoing and incoming relations, each already in file order, with nothing allocated; it reads
    /// the adjacency's ordinals (<see cref="EndOrdinal"/>, <see cref="RelationOrdinal"/>), and a relation object only for
    /// <see cref="Current"/> and to ask a relation of a forward search whether it is symmetric.
    /// </summary>
    private struct StepCursor
    {
        private readonly Relation[] _outgoing;
        private readonly int[] _outEnds;
        private readonly int[] _outOrdinals;
        private readonly int _outEnd;
        private readonly Relation[] _incoming;
        private readonly int[] _inEnds;
        private readonly int[] _inOrdinals;
        private readonly int _inEnd;
        private readonly int _at;
        private readonly bool _anyDirection;
        private int _out;
        private int _in;
        private int _slot;

        public StepCursor(Adjacency adjacency, int at, PathDirection direction)
        {
            (_outgoing, _out, _outEnd) = adjacency.OutRange(at);
            (_incoming, _in, _inEnd) = adjacency.InRange(at);
            (_outEnds, _outOrdinals, _inEnds, _inOrdinals) = (adjacency.OutEnds, adjacency.OutRelationOrdinals, adjacency.InEnds, adjacency.InRelationOrdinals);
            _at = at;
            _anyDirection = direction == PathDirection.Any;
            if (!_anyDirection && !adjacency.HasSymmetricRelation)
            {
                _inEnd = _in; // forward, no relation leads back
            }
        }

        public StepCursor(Adjacency adjacency, Entity at, PathDirection direction)
            : this(adjacency, at.Ordinal, direction)
        {
        }

        /// <summary>Whether the step follows its relation forward.</summary>
        public bool IsForward { get; private set; }

        /// <summary>The ordinal of the entity the step leads to.</summary>
        public readonly int EndOrdinal => IsForward ? _outEnds[_slot] : _inEnds[_slot];

        /// <summary>The ordinal of the step's relation.</summary>
        public readonly int RelationOrdinal => IsForward ? _outOrdinals[_slot] : _inOrdinals[_slot];

        public readonly PathStep Current => new(IsForward ? _outgoing[_slot] : _incoming[_slot], IsForward);

        public bool MoveNext()
        {
            // A relation from an entity to itself would be listed both ways; it never leads anywhere new.
            while (_in < _inEnd && (_inEnds[_in] == _at || !(_anyDirection || _incoming[_in].IsSymmetric)))
            {
                _in++;
            }

            if (_out < _outEnd && (_in >= _inEnd || _outOrdinals[_out] < _inOrdinals[_in]))
            {
                (_slot, IsForward) = (_out++, true);
                return true;
            }

            if (_in < _inEnd)
            {
                (_slot, IsForward) = (_in++, false);
                return true;
            }

            return false;
        }
    }
}
