using System;
using System.Collections.Generic;

namespace KnowledgeGraph;

// The neighbourhood of one entity, as a view.
public abstract partial class GraphView
{
    /// <summary>
    /// A view of the neighbourhood of <paramref name="entity"/>: the entities within <paramref name="depth"/> facts of
    /// it, following facts either way, and every fact of this graph or view between two of them.
    /// </summary>
    /// <remarks>
    /// <c>g.Around(g.Darchiyev, 2)</c> holds Darchiyev, everything one fact away, everything one fact from those,
    /// and the facts among them (the induced subgraph, as networkx's <c>ego_graph</c> makes it). Depth 0 holds the
    /// entity alone. An entity this view leaves out has an empty neighbourhood.
    /// </remarks>
    /// <param name="entity">The entity at the centre.</param>
    /// <param name="depth">How many facts away an entity may be; 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="entity"/> belongs to another graph.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is negative.</exception>
    public GraphView Around(Entity entity, int depth)
    {
        EnsureOfGraph(entity, nameof(entity));
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var store = Store;
        var reached = new bool[store.RootEntityCount];
        if (store.Holds(entity))
        {
            reached[entity.Ordinal] = true;
            var frontier = new List<Entity> { entity };
            var next = new List<Entity>();
            for (var step = 0; step < depth && frontier.Count > 0; step++)
            {
                foreach (var at in frontier)
                {
                    foreach (var relation in store.Adjacency.Out(at.Ordinal))
                    {
                        Reach(relation.To);
                    }

                    foreach (var relation in store.Adjacency.In(at.Ordinal))
                    {
                        Reach(relation.From);
                    }
                }

                (frontier, next) = (next, frontier);
                next.Clear();
            }

            void Reach(Entity found)
            {
                if (!reached[found.Ordinal])
                {
                    reached[found.Ordinal] = true;
                    next.Add(found);
                }
            }
        }

        return new Subgraph(this, other => reached[other.Ordinal], static _ => true);
    }
}
