using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KnowledgeGraph;

public abstract partial class GraphView
{
    /// <summary>
    /// The shortest chain of relations linking <paramref name="from"/> to <paramref name="to"/>, following
    /// relations in either direction; null when the two are not connected.
    /// </summary>
    /// <exception cref="ArgumentException">An entity belongs to another graph.</exception>
    public GraphPath? ShortestPath(Entity from, Entity to) => ShortestPath(from, to, PathDirection.Any);

    /// <summary>
    /// The shortest chain of relations linking <paramref name="from"/> to <paramref name="to"/>, following
    /// relations as <paramref name="direction"/> allows; null when there is none.
    /// </summary>
    /// <remarks>From an entity to itself, the path is empty. An entity the view leaves out has no path.</remarks>
    /// <exception cref="ArgumentException">An entity belongs to another graph.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a defined value.</exception>
    public GraphPath? ShortestPath(Entity from, Entity to, PathDirection direction)
    {
        CheckEnds(from, to, direction);
        return Dijkstra(from, to, static _ => 1, direction);
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
    /// Among paths of equal weight, the one found first trying relations in file order is given.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// An entity belongs to another graph, or <paramref name="weight"/> gives a relation a negative weight or NaN
    /// (Dijkstra's algorithm is only right for weights of zero or more).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a defined value.</exception>
    public GraphPath? ShortestPath(Entity from, Entity to, Func<Relation, double> weight, PathDirection direction = PathDirection.Any)
    {
        CheckEnds(from, to, direction);
        ArgumentNullException.ThrowIfNull(weight);

        var weights = new Dictionary<Relation, double>(RelationList.Count, ReferenceEqualityComparer.Instance);
        foreach (var relation in RelationList)
        {
            var cost = weight(relation);
            if (double.IsNaN(cost) || cost < 0)
            {
                throw new ArgumentException(
                    $"The weight of '{relation}' is {cost.ToString(CultureInfo.InvariantCulture)}; a weight must be zero or more (or PositiveInfinity: never cross it).",
                    nameof(weight));
            }

            weights.Add(relation, cost);
        }

        return Dijkstra(from, to, relation => weights[relation], direction);
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
        CheckEnds(from, to, direction);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        return AllSimplePathsIterator(from, to, maxLength, direction);
    }

    private void CheckEnds(Entity from, Entity to, PathDirection direction)
    {
        EnsureOfGraph(from, nameof(from));
        EnsureOfGraph(to, nameof(to));
        if (direction is not (PathDirection.Any or PathDirection.Forward))
        {
            // An undefined value must not silently mean "either way".
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown path direction.");
        }
    }

    private GraphPath? Dijkstra(Entity from, Entity to, Func<Relation, double> weight, PathDirection direction)
    {
        if (!Store.ContainsVertex(from) || !Store.ContainsVertex(to))
        {
            return null;
        }

        // Dijkstra's algorithm, written out rather than QuikGraph's so that a symmetric relation is crossed either
        // way even forward, PositiveInfinity closes a relation, and ties go to the relation first in file order
        // (the queue orders equal distances by when they were reached).
        var distance = new Dictionary<Entity, double>(ReferenceEqualityComparer.Instance) { [from] = 0 };
        var reachedBy = new Dictionary<Entity, PathStep>(ReferenceEqualityComparer.Instance);
        var settled = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        var queue = new PriorityQueue<Entity, (double Distance, long Order)>();
        long order = 0;
        queue.Enqueue(from, (0, order++));
        while (queue.TryDequeue(out var at, out var priority))
        {
            if (!settled.Add(at))
            {
                continue; // an older, longer entry
            }

            if (ReferenceEquals(at, to))
            {
                break;
            }

            foreach (var step in StepsFrom(at, direction))
            {
                var cost = weight(step.Relation);
                if (double.IsPositiveInfinity(cost) || settled.Contains(step.End))
                {
                    continue;
                }

                var through = priority.Distance + cost;
                if (!distance.TryGetValue(step.End, out var known) || through < known)
                {
                    distance[step.End] = through;
                    reachedBy[step.End] = step;
                    queue.Enqueue(step.End, (through, order++));
                }
            }
        }

        if (!settled.Contains(to))
        {
            return null;
        }

        var steps = new List<PathStep>();
        for (var at = to; !ReferenceEquals(at, from); at = steps[^1].Start)
        {
            steps.Add(reachedBy[at]);
        }

        steps.Reverse();
        return new GraphPath(from, steps.ToArray());
    }

    private IEnumerable<GraphPath> AllSimplePathsIterator(Entity from, Entity to, int maxLength, PathDirection direction)
    {
        if (!Store.ContainsVertex(from) || !Store.ContainsVertex(to))
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

                foreach (var step in StepsFrom(at, direction))
                {
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
    /// and backwards too when <paramref name="direction"/> is <see cref="PathDirection.Any"/> or the relation is symmetric.
    /// </summary>
    private IEnumerable<PathStep> StepsFrom(Entity at, PathDirection direction)
    {
        var outgoing = Store.OutEdges(at).Select(relation => new PathStep(relation, IsForward: true));
        // A relation from an entity to itself would be listed both ways; it never leads anywhere new.
        var incoming = Store.InEdges(at)
            .Where(relation => !ReferenceEquals(relation.From, at) && (direction == PathDirection.Any || relation.IsSymmetric))
            .Select(relation => new PathStep(relation, IsForward: false))
            .ToList();
        return incoming.Count == 0 ? outgoing : outgoing.Concat(incoming).OrderBy(step => OrderOf(step.Relation));
    }
}
