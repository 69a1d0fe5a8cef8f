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
    /// alike, so no share is lost. The scores are iterated until they change by less than 1e-12 in all.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="damping"/> is outside [0, 1), or <paramref name="direction"/> is not a defined value.
    /// </exception>
    public IReadOnlyList<EntityScore> PageRank(double damping = 0.85, PathDirection direction = PathDirection.Forward)
    {
        if (double.IsNaN(damping) || damping < 0 || damping >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(damping), damping, "The damping must be from 0 (included) to 1 (excluded).");
        }

        if (direction is not (PathDirection.Any or PathDirection.Forward))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown path direction.");
        }

        var entities = Store.Entities;
        var relations = Store.Relations;
        var n = entities.Length;
        if (n == 0)
        {
            return [];
        }

        // Links as indexes: each relation is a link from its start to its end, and back for Any or a symmetric relation.
        var index = new int[Store.RootEntityCount];
        for (var i = 0; i < n; i++)
        {
            index[entities[i].Ordinal] = i;
        }

        var linkCount = 0;
        foreach (var relation in relations)
        {
            linkCount += direction == PathDirection.Any || relation.IsSymmetric ? 2 : 1;
        }

        var linkFrom = new int[linkCount];
        var linkTo = new int[linkCount];
        var outDegree = new int[n];
        var link = 0;
        foreach (var relation in relations)
        {
            var (from, to) = (index[relation.From.Ordinal], index[relation.To.Ordinal]);
            Link(from, to);
            if (direction == PathDirection.Any || relation.IsSymmetric)
            {
                Link(to, from);
            }
        }

        var rank = new double[n];
        Array.Fill(rank, 1.0 / n);
        var next = new double[n];
        var share = new double[n]; // what an entity hands each of its links in this sweep
        for (var iteration = 0; iteration < 1000; iteration++)
        {
            var deadEnds = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (outDegree[i] == 0)
                {
                    deadEnds += rank[i];
                }
                else
                {
                    share[i] = damping * rank[i] / outDegree[i];
                }
            }

            Array.Fill(next, ((1 - damping) + (damping * deadEnds)) / n);
            for (var k = 0; k < linkCount; k++)
            {
                next[linkTo[k]] += share[linkFrom[k]];
            }

            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change += Math.Abs(next[i] - rank[i]);
            }

            (rank, next) = (next, rank);
            if (change < 1e-12)
            {
                break;
            }
        }

        return Rank(entities, rank);

        void Link(int from, int to)
        {
            linkFrom[link] = from;
            linkTo[link] = to;
            link++;
            outDegree[from]++;
        }
    }

    // Highest score first, equal scores in file order (the entities' order): the scores sorted as numbers with the
    // entities' positions beside them, then each run of equal scores put back in file order, since the sort is not
    // stable; many entities share a score (every entity no fact reaches has the least PageRank).
    private static EntityScore[] Rank(Entity[] entities, double[] scores)
    {
        var keys = new double[scores.Length];
        var order = new int[scores.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            (keys[i], order[i]) = (-scores[i], i);
        }

        Array.Sort(keys, order);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            Array.Sort(order, start, end - start);
            start = end;
        }

        var ranked = new EntityScore[order.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = new EntityScore(entities[order[i]], scores[order[i]]);
        }

        return ranked;
    }
}
