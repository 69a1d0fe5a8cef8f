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
    private readonly GraphFiles? _files;

    /// <summary>
    /// Makes the graph of <paramref name="content"/>, without the schema of its files: such a graph answers every query
    /// but cannot be saved or exported.
    /// </summary>
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

    /// <summary>Makes the graph of <paramref name="content"/>: its entities and relations, in their order, indexed once.</summary>
    /// <param name="content">What the graph is made of.</param>
    /// <param name="files">The files of the graph's class: the schema the graph is saved and exported by.</param>
    /// <exception cref="InvalidOperationException">The content has made a graph already.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Graph(GraphContent content, GraphFiles files)
        : this(content)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files;
    }

    /// <summary>
    /// The entity <paramref name="id"/>, which the compiled graph added <paramref name="index"/>th (from 0): the
    /// generated graph's entity members read their entity this way, which needs no field per entity. It is found at
    /// that place in the compiled graph and in a graph built from it, whose first entities are the copies of its
    /// own in the same order; in a graph loaded from files or triples, by its id.
    /// </summary>
    /// <exception cref="InvalidOperationException">The graph, loaded, has no entity <paramref name="id"/> of the member's type.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected TEntity EntityAt<TEntity>(int index, string id)
        where TEntity : Entity
    {
        var entities = Store.Entities;
        if (index < entities.Length && entities[index] is TEntity entity && string.Equals(entity.Id, id, StringComparison.Ordinal))
        {
            return entity;
        }

        return FindInRoot(id) as TEntity
            ?? throw new InvalidOperationException($"This {GetType().Name} has no {typeof(TEntity).Name} '{id}': it was loaded from files or triples that do not hold it. Ask FindEntity(\"{id}\") for an entity that may be absent.");
    }

    /// <summary>The schema of the graph's files, which saving and exporting write by.</summary>
    /// <exception cref="NotSupportedException">The graph was made without it.</exception>
    internal CompiledSchema Schema => _files?.Schema
        ?? throw new NotSupportedException($"Only graphs of the classes the KnowledgeGraph generator writes can be saved or exported: this {GetType().Name} was made without the schema of its files.");

    internal Entity? FindInRoot(string id) => _ids.Find(id);
}
