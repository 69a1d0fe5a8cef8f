using System;
using System.Collections.Generic;
using System.Linq;
using QuikGraph;

namespace KnowledgeGraph;

public abstract partial class GraphView
{
    /// <summary>
    /// A new QuikGraph graph of the relations <paramref name="keep"/> accepts and the entities at their ends, for
    /// running any QuikGraph algorithm on part of the story; the view itself is untouched.
    /// </summary>
    /// <remarks>
    /// Entities with none of the kept relations are left out (<see cref="AsQuikGraph"/> has them all). Vertices and
    /// edges are added in file order, so the vertices and each vertex's edges list in file order. The result is the
    /// caller's own: changing it changes nothing else.
    /// </remarks>
    public BidirectionalGraph<Entity, Relation> Project(Func<Relation, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var store = Store;
        var relations = store.Relations.Where(keep).ToArray();
        var ends = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        foreach (var relation in relations)
        {
            ends.Add(relation.From);
            ends.Add(relation.To);
        }

        var projection = new BidirectionalGraph<Entity, Relation>(allowParallelEdges: true);
        projection.AddVertexRange(store.Entities.Where(ends.Contains));
        projection.AddEdgeRange(relations);
        return projection;
    }

    /// <summary>
    /// A new QuikGraph graph of the relations of type <typeparamref name="TRelation"/> (subtypes included) and the
    /// entities at their ends, such as <c>g.Project&lt;LocatedIn&gt;()</c>: the map of places.
    /// </summary>
    /// <remarks>As <see cref="Project(Func{Relation, bool})"/>.</remarks>
    public BidirectionalGraph<Entity, Relation> Project<TRelation>() where TRelation : Relation =>
        Project(static relation => relation is TRelation);

    /// <summary>
    /// A new QuikGraph graph of the relations of the given types (subtypes included) and the entities at their ends.
    /// </summary>
    /// <remarks>As <see cref="Project(Func{Relation, bool})"/>.</remarks>
    /// <exception cref="ArgumentException">A type is not a relation type.</exception>
    public BidirectionalGraph<Entity, Relation> Project(params Type[] relationTypes)
    {
        ArgumentNullException.ThrowIfNull(relationTypes);
        foreach (var type in relationTypes)
        {
            if (type is null || !typeof(Relation).IsAssignableFrom(type))
            {
                throw new ArgumentException($"'{type?.FullName ?? "null"}' is not a relation type.", nameof(relationTypes));
            }
        }

        return Project(relation => relationTypes.Any(type => type.IsInstanceOfType(relation)));
    }

    /// <summary>
    /// The groups of entities linked by relations, whichever way they point (weakly connected components).
    /// </summary>
    /// <returns>
    /// The largest group first; groups of one size in the file order of their first entity; the entities of a
    /// group in file order. An entity without relations is a group of its own.
    /// </returns>
    public IReadOnlyList<IReadOnlyList<Entity>> ConnectedComponents()
    {
        var store = Store;
        var adjacency = store.Adjacency;
        var grouped = CompactStore.NewMemberSet(store.RootEntityCount);
        var components = new List<IReadOnlyList<Entity>>();
        var members = new List<int>();
        foreach (var start in store.Entities)
        {
            if (CompactStore.IsMarked(grouped, start.Ordinal))
            {
                continue;
            }

            // Breadth-first over relations both ways, by ordinal; each entity is reached from the first in file order
            // of its group.
            members.Clear();
            members.Add(start.Ordinal);
            CompactStore.Mark(grouped, start.Ordinal);
            for (var i = 0; i < members.Count; i++)
            {
                var at = members[i];
                var (_, outStart, outEnd) = adjacency.OutRange(at);
                for (var slot = outStart; slot < outEnd; slot++)
                {
                    Reach(adjacency.OutEnds[slot]);
                }

                var (_, inStart, inEnd) = adjacency.InRange(at);
                for (var slot = inStart; slot < inEnd; slot++)
                {
                    Reach(adjacency.InEnds[slot]);
                }
            }

            void Reach(int next)
            {
                if (!CompactStore.IsMarked(grouped, next))
                {
                    CompactStore.Mark(grouped, next);
                    members.Add(next);
                }
            }

            // Ordinals are file order: sorted as numbers, then made entities.
            members.Sort();
            var group = new Entity[members.Count];
            for (var i = 0; i < group.Length; i++)
            {
                group[i] = store.EntityAt(members[i])!;
            }

            components.Add(Array.AsReadOnly(group));
        }

        // OrderByDescending is stable: groups of one size stay in the order of their first entity.
        return components.OrderByDescending(group => group.Count).ToArray();
    }

    /// <summary>
    /// The number of relations of the view at <paramref name="entity"/>, starting or ending there (a relation from
    /// the entity to itself counts twice); 0 for an entity the view leaves out.
    /// </summary>
    /// <exception cref="ArgumentException">The entity belongs to another graph.</exception>
    public int Degree(Entity entity)
    {
        EnsureOfGraph(entity, nameof(entity));
        var store = Store;
        return store.Holds(entity) ? store.Adjacency.Out(entity.Ordinal).Length + store.Adjacency.In(entity.Ordinal).Length : 0;
    }

    /// <summary>
    /// Every entity ranked by its <see cref="Degree"/>: who takes part in the most facts. The score is the degree
    /// divided by the number of other entities (n − 1), as degree centrality is usually given.
    /// </summary>
    /// <returns>Every entity of the view, the highest score first; equal scores in file order.</returns>
    public IReadOnlyList<EntityScore> DegreeCentrality()
    {
        var entities = Store.Entities;
        var others = Math.Max(entities.Length - 1, 1);
        var scores = new double[entities.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = (double)Degree(entities[i]) / others;
        }

        return Rank(entities, scores);
    }

    /// <summary>
    /// Every entity ranked by PageRank: the share of time a reader following facts at random would spend at it,
    /// so an entity many facts point to, from entities many facts point to, ranks high.
    /// </summary>
    /// <param name="damping">
    /// The chance of following a fact rather than jumping to any entity at random: 0.85 by convention; from 0
    /// (included) to 1 (excluded).
    /// </param>
    /// <param name="direction">
    /// <see cref="PathDirection.Forward"/> (the default) follows facts from their start to their end only (a
    /// symmetric fact, such as <c>metWith</c>, either way);
    /// <see cref="PathDirection.Any"/> follows them both ways, ranking how central an entity is whatever the facts' direction.
    /// </param>
    /// <returns>Every entity of the view, the highest score first, equal scores in file order; scores add up to 1.</returns>
    /// <remarks>
    /// Parallel facts count once each. An entity with no fact to follow (a dead end) hands its share to every entity
    /// alike, so no share is lost. The scores are solved a strongly connected component at a time, in the order
    /// igraph's solver takes: exactly for an entity on no cycle, and for a cycle by iterating until the scores of all
    /// cycles together change by less than 1e-10, igraph's tolerance.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="damping"/> is outside [0, 1), or <paramref name="direction"/> is not a defined value.
    /// </exception>
    public IReadOnlyList<EntityScore> PageRank(double damping = 0.85, PathDirection direction = PathDirection.Forward)
    {
        // igraph's (PRPACK's) tolerance, so the two stop at the same closeness.
        const double Tolerance = 1e-10;

        if (double.IsNaN(damping) || damping < 0 || damping >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(damping), damping, "The damping must be from 0 (included) to 1 (excluded).");
        }

        if (direction is not (PathDirection.Any or PathDirection.Forward))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown path direction.");
        }

        var entities = Store.Entities;
        var n = entities.Length;
        if (n == 0)
        {
            return [];
        }

        // Each entity pulls its score from the entities linked to it, along rows by ordinal: a relation is a link from
        // its start to its end (the end's incoming row of the adjacency), and also back for Any, or when it is
        // symmetric. An entity hands each of its links an equal share of its score.
        var (pullStarts, pullFrom) = PageRankLinks(Store.Adjacency, direction);
        var ordinals = new int[n];
        var links = new int[pullStarts.Length - 1]; // links out of each entity
        for (var i = 0; i < n; i++)
        {
            ordinals[i] = entities[i].Ordinal;
            for (var slot = pullStarts[ordinals[i]]; slot < pullStarts[ordinals[i] + 1]; slot++)
            {
                links[pullFrom[slot]]++;
            }
        }

        var perLink = new double[links.Length]; // what a score is multiplied by to make the share of each of its links
        foreach (var o in ordinals)
        {
            perLink[o] = links[o] == 0 ? 0 : damping / links[o];
        }

        // Every entity gets the same from the random jump and from the dead ends (which hand their share to all
        // alike), so the scores are that amount times y, where y = 1 + the shares y pulls along links; they add up to
        // 1, which gives the amount. y is solved in the order igraph's solver (PRPACK) takes: a strongly connected
        // component at a time, after those it pulls from; an entity on no cycle at once, a cycle by sweeps (Jacobi's,
        // so that entities alike stay equal) until its y changes by less than the tolerance times its size. As y adds
        // up to n at least, the scores of all cycles together then change by less than the tolerance.
        var y = new double[links.Length];
        var yNext = new double[links.Length];
        var (order, componentEnds) = PullComponents(ordinals, pullStarts, pullFrom);
        var componentStart = 0;
        foreach (var componentEnd in componentEnds)
        {
            if (componentEnd - componentStart == 1)
            {
                var o = order[componentStart];
                var pulled = 1.0;
                var kept = 0.0; // of its own share, through links to itself
                for (var slot = pullStarts[o]; slot < pullStarts[o + 1]; slot++)
                {
                    var from = pullFrom[slot];
                    if (from == o)
                    {
                        kept += perLink[o];
                    }
                    else
                    {
                        pulled += y[from] * perLink[from];
                    }
                }

                y[o] = pulled / (1 - kept);
            }
            else
            {
                for (var k = componentStart; k < componentEnd; k++)
                {
                    y[order[k]] = 1;
                }

                for (var iteration = 0; iteration < 1000; iteration++)
                {
                    var change = 0.0;
                    for (var k = componentStart; k < componentEnd; k++)
                    {
                        var o = order[k];
                        var pulled = 1.0;
                        for (var slot = pullStarts[o]; slot < pullStarts[o + 1]; slot++)
                        {
                            pulled += y[pullFrom[slot]] * perLink[pullFrom[slot]];
                        }

                        yNext[o] = pulled;
                        change += Math.Abs(pulled - y[o]);
                    }

                    for (var k = componentStart; k < componentEnd; k++)
                    {
                        y[order[k]] = yNext[order[k]];
                    }

                    if (change < Tolerance * (componentEnd - componentStart))
                    {
                        break;
                    }
                }
            }

            componentStart = componentEnd;
        }

        var total = 0.0;
        foreach (var o in ordinals)
        {
            total += y[o];
        }

        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            scores[i] = y[ordinals[i]] / total;
        }

        return Rank(entities, scores);
    }

    /// <summary>
    /// The strongly connected components of the entities, each linked to those it pulls from (Tarjan's algorithm,
    /// without recursion), in the order they are completed: a component after every component it pulls from.
    /// </summary>
    /// <returns>The entities' ordinals, component by component, and where each component ends in them.</returns>
    private static (int[] Order, List<int> ComponentEnds) PullComponents(int[] ordinals, int[] pullStarts, int[] pullFrom)
    {
        var visited = new int[pullStarts.Length - 1]; // the visit's number, from 1; 0 before
        var lowest = new int[visited.Length];        // the lowest visit number reached from there, while on the stack
        var onStack = new bool[visited.Length];
        var stack = new int[ordinals.Length];
        var calls = new (int Entity, int Slot)[ordinals.Length];
        var order = new int[ordinals.Length];
        var componentEnds = new List<int>();
        var (visits, stacked, emitted) = (0, 0, 0);
        foreach (var root in ordinals)
        {
            if (visited[root] != 0)
            {
                continue;
            }

            var depth = 0;
            Enter(root);
            while (depth > 0)
            {
                var (entity, slot) = calls[depth - 1];
                if (slot < pullStarts[entity + 1])
                {
                    calls[depth - 1].Slot++;
                    var from = pullFrom[slot];
                    if (visited[from] == 0)
                    {
                        Enter(from);
                    }
                    else if (onStack[from])
                    {
                        lowest[entity] = Math.Min(lowest[entity], visited[from]);
                    }

                    continue;
                }

                depth--;
                if (depth > 0)
                {
                    var caller = calls[depth - 1].Entity;
                    lowest[caller] = Math.Min(lowest[caller], lowest[entity]);
                }

                if (lowest[entity] == visited[entity])
                {
                    int member;
                    do
                    {
                        member = stack[--stacked];
                        onStack[member] = false;
                        order[emitted++] = member;
                    }
                    while (member != entity);
                    componentEnds.Add(emitted);
                }
            }

            void Enter(int entity)
            {
                visited[entity] = lowest[entity] = ++visits;
                stack[stacked++] = entity;
                onStack[entity] = true;
                calls[depth++] = (entity, pullStarts[entity]);
            }
        }

        return (order, componentEnds);
    }

    // The links each entity pulls from, as rows by ordinal. Forward over a view without symmetric relations, they are
    // the adjacency's incoming rows as they are; otherwise each row is the incoming one followed by the links back:
    // the whole outgoing row for Any, the symmetric relations of it for Forward.
    private static (int[] Starts, int[] From) PageRankLinks(Adjacency adjacency, PathDirection direction)
    {
        var (inStarts, inEnds) = (adjacency.InRowStarts, adjacency.InEnds);
        if (direction == PathDirection.Forward && !adjacency.HasSymmetricRelation)
        {
            return (inStarts, inEnds);
        }

        var (outStarts, outEnds, byStart) = (adjacency.OutRowStarts, adjacency.OutEnds, adjacency.ByStart);
        var back = new bool[outEnds.Length];
        var starts = new int[inStarts.Length];
        for (var entity = 0; entity < inStarts.Length - 1; entity++)
        {
            var count = inStarts[entity + 1] - inStarts[entity];
            for (var slot = outStarts[entity]; slot < outStarts[entity + 1]; slot++)
            {
                back[slot] = direction == PathDirection.Any || byStart[slot].IsSymmetric;
                count += back[slot] ? 1 : 0;
            }

            starts[entity + 1] = starts[entity] + count;
        }

        var from = new int[starts[^1]];
        for (var entity = 0; entity < inStarts.Length - 1; entity++)
        {
            var at = starts[entity];
            Array.Copy(inEnds, inStarts[entity], from, at, inStarts[entity + 1] - inStarts[entity]);
            at += inStarts[entity + 1] - inStarts[entity];
            for (var slot = outStarts[entity]; slot < outStarts[entity + 1]; slot++)
            {
                if (back[slot])
                {
                    from[at++] = outEnds[slot];
                }
            }
        }

        return (starts, from);
    }

    // Highest score first, equal scores in file order (the entities' order): a stable radix sort of the scores' bits,
    // 11 at a time from the lowest, with the entities' positions beside them. It takes a fraction of a comparison
    // sort's time, and many entities share a score (every entity no fact reaches has the least PageRank).
    private static EntityScore[] Rank(Entity[] entities, double[] scores)
    {
        const int DigitBits = 11;
        const int Digits = 1 << DigitBits;
        var keys = new ulong[scores.Length];
        var order = new int[scores.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            (keys[i], order[i]) = (DescendingKey(scores[i]), i);
        }

        var sortedKeys = new ulong[keys.Length];
        var sortedOrder = new int[keys.Length];
        var starts = new int[Digits];
        for (var shift = 0; shift < 64 && keys.Length > 1; shift += DigitBits)
        {
            Array.Clear(starts);
            foreach (var key in keys)
            {
                starts[(int)(key >> shift) & (Digits - 1)]++;
            }

            if (starts[(int)(keys[0] >> shift) & (Digits - 1)] == keys.Length)
            {
                continue; // every key has this digit
            }

            for (int digit = 0, start = 0; digit < Digits; digit++)
            {
                (starts[digit], start) = (start, start + starts[digit]);
            }

            for (var i = 0; i < keys.Length; i++)
            {
                var at = starts[(int)(keys[i] >> shift) & (Digits - 1)]++;
                (sortedKeys[at], sortedOrder[at]) = (keys[i], order[i]);
            }

            (keys, sortedKeys) = (sortedKeys, keys);
            (order, sortedOrder) = (sortedOrder, order);
        }

        var ranked = new EntityScore[order.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = new EntityScore(entities[order[i]], scores[order[i]]);
        }

        return ranked;
    }

    // A key whose unsigned order is the scores' order, highest first: a double's bits order as its value does once a
    // negative one's are all flipped and a positive one's sign bit is set; then all are flipped, for highest first.
    private static ulong DescendingKey(double score)
    {
        const ulong SignBit = 1UL << 63;
        var bits = (ulong)BitConverter.DoubleToInt64Bits(score == 0 ? 0.0 : score); // -0 is 0
        return ~((bits & SignBit) != 0 ? ~bits : bits | SignBit);
    }
}
