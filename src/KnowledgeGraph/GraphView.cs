using System;
using System.Collections.Generic;
using System.Linq;
using QuikGraph;

namespace KnowledgeGraph;

/// <summary>
/// What every query runs on: a whole <see cref="Graph"/>, or a view of one such as the graph as it stood on a
/// day (<see cref="AsOf"/>), during a period (<see cref="Between"/>) or with only some facts
/// (<see cref="Where(Func{Relation, bool})"/>). A view has the same query members as the graph.
/// </summary>
/// <remarks>
/// <para>
/// A view holds some of its graph's entities and relations, never new ones, and keeps a relation only when it
/// keeps both of its ends. Views are immutable, so any number of threads may read one at once, and a view of
/// a view narrows it further.
/// </para>
/// <para>
/// Members taking an entity refuse one from another graph (<see cref="ArgumentException"/>), but accept an
/// entity of the graph that the view leaves out: to the view it is an entity with no relations and no paths.
/// Navigation members of entities (<c>person.Leads</c>) always read the whole graph; to stay inside a view,
/// step with <see cref="Outgoing{TRelation}(Entity)"/>, <see cref="Incoming{TRelation}(Entity)"/> or
/// <see cref="Relations{TRelation}"/> of the view.
/// </para>
/// </remarks>
public abstract partial class GraphView
{
    // Only the graph and the views of this assembly derive: every query relies on this storage holding
    // exactly the view's entities and relations, in file order.
    private protected GraphView()
    {
    }

    /// <summary>The entities of the view, in file order.</summary>
    private protected List<Entity> EntityList { get; } = [];

    /// <summary>The relations of the view, in file order.</summary>
    private protected List<Relation> RelationList { get; } = [];

    /// <summary>The view as a QuikGraph graph: exactly its entities and relations, added in file order.</summary>
    private protected BidirectionalGraph<Entity, Relation> Store { get; } = new(allowParallelEdges: true);

    /// <summary>The whole graph the view is taken from (the graph itself for a graph).</summary>
    internal abstract Graph Root { get; }

    /// <summary>Every entity of type <typeparamref name="TEntity"/> (subtypes included), in the order of the files.</summary>
    public IEnumerable<TEntity> Entities<TEntity>() where TEntity : Entity => EntityList.OfType<TEntity>();

    /// <summary>Every relation of type <typeparamref name="TRelation"/> (subtypes included), in the order of the files.</summary>
    public IEnumerable<TRelation> Relations<TRelation>() where TRelation : Relation => RelationList.OfType<TRelation>();

    /// <summary>The number of entities.</summary>
    public int EntityCount => EntityList.Count;

    /// <summary>The number of relations.</summary>
    public int RelationCount => RelationList.Count;

    /// <summary>Whether the entity is one of this view's (false for an entity the view leaves out or of another graph).</summary>
    public bool Contains(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return ReferenceEquals(entity.Owner, Root) && Store.ContainsVertex(entity);
    }

    /// <summary>Whether the relation is one of this view's (false for a relation the view leaves out or of another graph).</summary>
    public bool Contains(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return ReferenceEquals(relation.Owner, Root) && Store.ContainsEdge(relation);
    }

    /// <summary>Finds an entity by the id it has in its <c>.kg.json</c> file.</summary>
    /// <returns>The entity, or null when the view has no entity with that id.</returns>
    public Entity? FindEntity(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Root.FindInRoot(id) is { } entity && Store.ContainsVertex(entity) ? entity : null;
    }

    /// <summary>Finds an entity of type <typeparamref name="TEntity"/> by its id.</summary>
    /// <returns>The entity, or null when the view has no entity of that type with that id.</returns>
    public TEntity? FindEntity<TEntity>(string id) where TEntity : Entity => FindEntity(id) as TEntity;

    /// <summary>
    /// The relations of type <typeparamref name="TRelation"/> of this view that start at <paramref name="entity"/>,
    /// in file order; the view's counterpart of <see cref="Entity.Outgoing{TRelation}"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The entity belongs to another graph.</exception>
    public IEnumerable<TRelation> Outgoing<TRelation>(Entity entity) where TRelation : Relation
    {
        EnsureOfGraph(entity, nameof(entity));
        return Store.TryGetOutEdges(entity, out var edges) ? edges.OfType<TRelation>() : [];
    }

    /// <summary>
    /// The relations of type <typeparamref name="TRelation"/> of this view that end at <paramref name="entity"/>,
    /// in file order; the view's counterpart of <see cref="Entity.Incoming{TRelation}"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The entity belongs to another graph.</exception>
    public IEnumerable<TRelation> Incoming<TRelation>(Entity entity) where TRelation : Relation
    {
        EnsureOfGraph(entity, nameof(entity));
        return Store.TryGetInEdges(entity, out var edges) ? edges.OfType<TRelation>() : [];
    }

    /// <summary>
    /// The view as a QuikGraph graph, read-only, for running any QuikGraph algorithm on its entities (vertices)
    /// and relations (edges).
    /// </summary>
    public IBidirectionalGraph<Entity, Relation> AsQuikGraph() => Store;

    /// <summary>
    /// A view with only the relations <paramref name="keep"/> accepts (and every entity), such as
    /// <c>g.Where(r =&gt; r is LocatedIn or HeldIn)</c>.
    /// </summary>
    public GraphView Where(Func<Relation, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return new Subgraph(this, static _ => true, keep);
    }

    /// <summary>
    /// A view with only the entities <paramref name="keep"/> accepts, and the relations between them, such as
    /// <c>g.WhereEntities(e =&gt; e is not Statement)</c>.
    /// </summary>
    public GraphView WhereEntities(Func<Entity, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return new Subgraph(this, keep, static _ => true);
    }

    /// <summary>The position of an entity of this view in file order, for sorting.</summary>
    private protected int OrderOf(Entity entity) => Root.EntityOrder(entity);

    /// <summary>The position of a relation of this view in file order, for sorting.</summary>
    private protected int OrderOf(Relation relation) => Root.RelationOrder(relation);

    /// <summary>Refuses null and an entity of another graph; an entity the view leaves out is accepted.</summary>
    private protected void EnsureOfGraph(Entity entity, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(entity, parameterName);
        if (!ReferenceEquals(entity.Owner, Root))
        {
            throw new ArgumentException($"The entity '{entity.Id}' does not belong to this graph.", parameterName);
        }
    }
}
