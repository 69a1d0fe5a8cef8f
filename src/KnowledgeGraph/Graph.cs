using System;
using System.Collections.Generic;
using System.Linq;
using QuikGraph;
using QuikGraph.Algorithms;

namespace KnowledgeGraph;

/// <summary>
/// The base of every generated graph class: typed entities and the relations between them, held in a
/// QuikGraph <see cref="BidirectionalGraph{TVertex, TEdge}"/>.
/// </summary>
/// <remarks>
/// A generated graph adds its entities and relations in its constructor and then seals itself; from then on
/// it never changes, so any number of threads may read it at once.
/// </remarks>
public abstract class Graph
{
    private readonly BidirectionalGraph<Entity, Relation> _graph = new(allowParallelEdges: true);
    private readonly Dictionary<string, Entity> _entitiesById = new(StringComparer.Ordinal);
    private readonly List<Entity> _entities = [];
    private readonly List<Relation> _relations = [];
    private bool _sealed;

    /// <summary>Every entity of type <typeparamref name="TEntity"/> (subtypes included), in the order of the files.</summary>
    public IEnumerable<TEntity> Entities<TEntity>() where TEntity : Entity => _entities.OfType<TEntity>();

    /// <summary>Every relation of type <typeparamref name="TRelation"/> (subtypes included), in the order of the files.</summary>
    public IEnumerable<TRelation> Relations<TRelation>() where TRelation : Relation => _relations.OfType<TRelation>();

    /// <summary>The number of entities in the graph.</summary>
    public int EntityCount => _entities.Count;

    /// <summary>The number of relations in the graph.</summary>
    public int RelationCount => _relations.Count;

    /// <summary>Finds an entity by the id it has in its <c>.kg.json</c> file.</summary>
    /// <returns>The entity, or null when the graph has no entity with that id.</returns>
    public Entity? FindEntity(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _entitiesById.TryGetValue(id, out var entity) ? entity : null;
    }

    /// <summary>The relations that cite <paramref name="source"/> as where they were taken from.</summary>
    public IEnumerable<Relation> FactsFrom(Entity source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _relations.Where(relation => relation.Sources.Contains(source));
    }

    /// <summary>
    /// The shortest chain of relations linking <paramref name="from"/> to <paramref name="to"/>, following
    /// relations in either direction; null when the two are not connected.
    /// </summary>
    /// <exception cref="ArgumentException">An entity does not belong to this graph.</exception>
    public GraphPath? ShortestPath(Entity from, Entity to) => ShortestPath(from, to, PathDirection.Any);

    /// <summary>
    /// The shortest chain of relations linking <paramref name="from"/> to <paramref name="to"/>, following
    /// relations as <paramref name="direction"/> allows; null when there is none.
    /// </summary>
    /// <exception cref="ArgumentException">An entity does not belong to this graph.</exception>
    public GraphPath? ShortestPath(Entity from, Entity to, PathDirection direction)
    {
        EnsureMember(from, nameof(from));
        EnsureMember(to, nameof(to));
        if (direction is not (PathDirection.Any or PathDirection.Forward))
        {
            // An undefined value must not silently mean "either way".
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown path direction.");
        }

        if (ReferenceEquals(from, to))
        {
            return new GraphPath(from, []);
        }

        IEnumerable<Relation>? relations;
        if (direction == PathDirection.Forward)
        {
            var search = _graph.ShortestPathsDijkstra(static _ => 1, from);
            if (!search(to, out relations))
            {
                return null;
            }
        }
        else
        {
            var undirected = new UndirectedBidirectionalGraph<Entity, Relation>(_graph);
            var search = undirected.ShortestPathsDijkstra(static _ => 1, from);
            if (!search(to, out relations))
            {
                return null;
            }
        }

        return GraphPath.Walk(from, relations!);
    }

    /// <summary>
    /// The QuikGraph graph underneath, read-only, for running any QuikGraph algorithm on the entities
    /// (vertices) and relations (edges).
    /// </summary>
    public IBidirectionalGraph<Entity, Relation> AsQuikGraph() => _graph;

    /// <summary>Adds an entity while the graph is being built.</summary>
    /// <exception cref="InvalidOperationException">The graph is sealed.</exception>
    /// <exception cref="ArgumentException">The entity already belongs to a graph, or the graph already has an entity with the same id.</exception>
    protected TEntity AddEntity<TEntity>(TEntity entity) where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(entity);
        EnsureOpen();
        // The fault is in the argument, not in this graph's state: same exception as a foreign relation endpoint.
        if (entity.Owner is not null)
        {
            throw new ArgumentException($"The entity '{entity.Id}' already belongs to a graph.", nameof(entity));
        }

        if (_entitiesById.ContainsKey(entity.Id))
        {
            throw new ArgumentException($"The graph already has an entity with the id '{entity.Id}'.", nameof(entity));
        }

        _entitiesById.Add(entity.Id, entity);
        _entities.Add(entity);
        _graph.AddVertex(entity);
        entity.Owner = this;
        return entity;
    }

    /// <summary>Adds a relation between two entities of this graph while the graph is being built.</summary>
    /// <exception cref="InvalidOperationException">The graph is sealed.</exception>
    /// <exception cref="ArgumentException">
    /// An endpoint or a source is not an entity of this graph, or the relation is already in the graph.
    /// </exception>
    protected TRelation AddRelation<TRelation>(TRelation relation) where TRelation : Relation
    {
        ArgumentNullException.ThrowIfNull(relation);
        EnsureOpen();
        EnsureMember(relation.From, nameof(relation));
        EnsureMember(relation.To, nameof(relation));
        foreach (var source in relation.Sources)
        {
            EnsureMember(source, nameof(relation));
        }

        // Parallel edges are allowed, so QuikGraph would store the same instance twice and every
        // navigation would then report the fact twice. (Its endpoints tie a relation to one graph.)
        if (relation.Owner is not null)
        {
            throw new ArgumentException($"The relation '{relation}' is already in the graph.", nameof(relation));
        }

        _relations.Add(relation);
        _graph.AddEdge(relation);
        relation.Owner = this;
        return relation;
    }

    /// <summary>Ends building: from now on the graph refuses every change.</summary>
    protected void Seal() => _sealed = true;

    internal IEnumerable<TRelation> OutgoingOf<TRelation>(Entity entity) where TRelation : Relation =>
        _graph.OutEdges(entity).OfType<TRelation>();

    internal IEnumerable<TRelation> IncomingOf<TRelation>(Entity entity) where TRelation : Relation =>
        _graph.InEdges(entity).OfType<TRelation>();

    private void EnsureOpen()
    {
        if (_sealed)
        {
            throw new InvalidOperationException("The graph is sealed: a built graph never changes.");
        }
    }

    private void EnsureMember(Entity entity, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(entity, parameterName);
        if (!ReferenceEquals(entity.Owner, this))
        {
            throw new ArgumentException($"The entity '{entity.Id}' does not belong to this graph.", parameterName);
        }
    }
}
