using System;
using System.Collections.Generic;

namespace KnowledgeGraph;

/// <summary>
/// The base of every generated graph class: typed entities and the relations between them, held in a
/// QuikGraph <see cref="QuikGraph.BidirectionalGraph{TVertex, TEdge}"/>. Every query member is inherited from
/// <see cref="GraphView"/>, so a graph and its views (<see cref="GraphView.AsOf"/>, …) are asked alike.
/// </summary>
/// <remarks>
/// A generated graph adds its entities and relations in its constructor and then seals itself; from then on
/// it never changes, so any number of threads may read it at once.
/// </remarks>
public abstract class Graph : GraphView
{
    private readonly Dictionary<string, Entity> _entitiesById = new(StringComparer.Ordinal);

    // File order, for the deterministic orders of paths, components and rankings (and of the views' copies).
    private readonly Dictionary<Entity, int> _entityOrder = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Relation, int> _relationOrder = new(ReferenceEqualityComparer.Instance);
    private bool _sealed;

    /// <summary>Creates an empty graph; the generated constructor fills and seals it.</summary>
    protected Graph()
    {
    }

    internal override Graph Root => this;

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
        _entityOrder.Add(entity, EntityList.Count);
        EntityList.Add(entity);
        Store.AddVertex(entity);
        entity.Owner = this;
        return entity;
    }

    /// <summary>Adds a relation between two entities of this graph while the graph is being built.</summary>
    /// <exception cref="InvalidOperationException">The graph is sealed.</exception>
    /// <exception cref="ArgumentException">
    /// An endpoint, a source or a role player is not an entity of this graph, or the relation is already in the graph.
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

        var roles = new List<RolePlayer>();
        relation.CollectRoles(roles);
        foreach (var role in roles)
        {
            EnsureMember(role.Player, nameof(relation));
        }

        // Parallel edges are allowed, so QuikGraph would store the same instance twice and every
        // navigation would then report the fact twice. (Its endpoints tie a relation to one graph.)
        if (relation.Owner is not null)
        {
            throw new ArgumentException($"The relation '{relation}' is already in the graph.", nameof(relation));
        }

        _relationOrder.Add(relation, RelationList.Count);
        RelationList.Add(relation);
        Store.AddEdge(relation);
        relation.Owner = this;
        return relation;
    }

    /// <summary>Ends building: from now on the graph refuses every change.</summary>
    protected void Seal() => _sealed = true;

    /// <summary>Adds everything a <see cref="GraphBuilder{TGraph}"/> built, then seals the graph.</summary>
    protected void Load(GraphContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var entity in content.Entities)
        {
            AddEntity(entity);
        }

        foreach (var relation in content.Relations)
        {
            AddRelation(relation);
        }

        Seal();
    }

    /// <summary>
    /// The entity added <paramref name="index"/>th (from 0): the generated graph's entity members read their entity
    /// this way, which needs no field per entity and holds for a graph built from this one, whose first entities
    /// are the copies of this graph's in the same order.
    /// </summary>
    protected TEntity EntityAt<TEntity>(int index) where TEntity : Entity => (TEntity)EntityList[index];

    internal Entity? FindInRoot(string id) => _entitiesById.TryGetValue(id, out var entity) ? entity : null;

    internal int EntityOrder(Entity entity) => _entityOrder[entity];

    internal int RelationOrder(Relation relation) => _relationOrder[relation];

    // Entity navigation reads the whole graph, whatever view the caller holds.
    internal IEnumerable<TRelation> OutgoingOf<TRelation>(Entity entity) where TRelation : Relation =>
        Outgoing<TRelation>(entity);

    internal IEnumerable<TRelation> IncomingOf<TRelation>(Entity entity) where TRelation : Relation =>
        Incoming<TRelation>(entity);

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
