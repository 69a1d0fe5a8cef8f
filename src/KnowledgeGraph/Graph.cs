using System;
using System.ComponentModel;

namespace KnowledgeGraph;

/// <summary>
/// The base of every generated graph class: typed entities and the relations between them, held in a compact
/// immutable store that QuikGraph's algorithms also run on (<see cref="GraphView.AsQuikGraph"/>). Every query
/// member is inherited from <see cref="GraphView"/>, so a graph and its views (<see cref="GraphView.AsOf"/>, …)
/// are asked alike.
/// </summary>
/// <remarks>
/// A graph is made complete, from a <see cref="GraphContent"/> its loader filled, and never changes, so any number
/// of threads may read it at once.
/// </remarks>
public abstract class Graph : GraphView
{
    private readonly IdTable _ids;

    /// <summary>Makes the graph of <paramref name="content"/>: its entities and relations, in their order, indexed once.</summary>
    /// <exception cref="InvalidOperationException">The content has made a graph already.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Graph(GraphContent content)
        : base(null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (entities, relations, roles) = content.Take(this);
        Store = CompactStore.ForGraph(entities, relations, roles);
        _ids = new IdTable(entities);
    }

    /// <summary>
    /// The entity added <paramref name="index"/>th (from 0): the generated graph's entity members read their entity
    /// this way, which needs no field per entity and holds for a graph built from this one, whose first entities
    /// are the copies of this graph's in the same order.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected TEntity EntityAt<TEntity>(int index) where TEntity : Entity => (TEntity)Store.Entities[index];

    /// <summary>Writes the graph's name and namespace as its files give them, for saving; generated graphs override it.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual void WriteHeader(FactWriter writer)
    {
    }

    internal Entity? FindInRoot(string id) => _ids.Find(id);
}
