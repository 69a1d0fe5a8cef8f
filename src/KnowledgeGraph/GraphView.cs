using System;
using System.Collections.Generic;
using System.Threading;
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
/// Every answer stays inside the view, navigation included: a view holds its own objects for the entities and
/// relations it keeps, so <c>view.Entities&lt;Person&gt;()</c> gives the view's people and their <c>Leads</c> reads the
/// view, as do typed steps (<c>people.Leads()</c>), patterns and closures from them. The view's object for an
/// entity equals the graph's (<see cref="Entity.Equals(object?)"/>), so comparisons, <c>Contains</c> and
/// dictionaries treat them as one; <see cref="FindEntity(string)"/> gives the view's.
/// </para>
/// <para>
/// Members taking an entity refuse one from another graph (<see cref="ArgumentException"/>), but accept the
/// graph's object or any of its views' for the same entity, and one the view leaves out: to the view that is an
/// entity with no relations and no paths.
/// </para>
/// </remarks>
public abstract partial class GraphView
{
    private QuikGraphView? _quik;

    // Only the graph and the views of this assembly derive: every query relies on the store holding exactly the
    // view's entities and relations, in file order.
    private protected GraphView(Graph? root)
    {
        Root = root ?? (Graph)this;
    }

    /// <summary>What every query reads: the view's entities and relations in file order and their indexes, set when it is made.</summary>
    internal CompactStore Store { get; private protected init; } = null!;

    /// <summary>The whole graph the view is taken from (the graph itself for a graph).</summary>
    internal Graph Root { get; }

    /// <summary>Every entity of type <typeparamref name="TEntity"/> (subtypes included), in the order of the files.</summary>
    public GraphSet<TEntity> Entities<TEntity>() where TEntity : Entity => Store.EntitiesOf<TEntity>();

    /// <summary>Every relation of type <typeparamref name="TRelation"/> (subtypes included), in the order of the files.</summary>
    public GraphSet<TRelation> Relations<TRelation>() where TRelation : Relation => Store.RelationsOf<TRelation>();

    /// <summary>
    /// The <typeparamref name="TRelation"/> relations of this view indexed by their ends, for loops over many
    /// entities at the speed of arrays: <c>index.Targets(person)</c> is a span, typed, with nothing allocated.
    /// Made on first request and kept.
    /// </summary>
    /// <typeparam name="TRelation">The relation type (its subtypes are included).</typeparam>
    /// <typeparam name="TFrom">The type of its start, as the relation type declares it.</typeparam>
    /// <typeparam name="TTo">The type of its target, as the relation type declares it.</typeparam>
    public RelationIndex<TRelation, TFrom, TTo> Index<TRelation, TFrom, TTo>()
        where TRelation : Relation<TFrom, TTo>
        where TFrom : Entity
        where TTo : Entity =>
        Store.IndexOf<TRelation, TFrom, TTo>(Root);

    /// <summary>The number of entities.</summary>
    public int EntityCount => Store.Entities.Length;

    /// <summary>The number of relations.</summary>
    public int RelationCount => Store.Relations.Length;

    /// <summary>Whether the entity is one of this view's (false for an entity the view leaves out or of another graph).</summary>
    public bool Contains(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return ReferenceEquals(entity.Owner?.Root, Root) && Store.Holds(entity);
    }

    /// <summary>Whether the relation is one of this view's (false for a relation the view leaves out or of another graph).</summary>
    public bool Contains(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return ReferenceEquals(relation.Owner?.Root, Root) && Store.Holds(relation);
    }

    /// <summary>Finds an entity by the id it has in its <c>.kg.json</c> file.</summary>
    /// <returns>The view's entity, or null when the view has no entity with that id.</returns>
    public Entity? FindEntity(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Root.FindInRoot(id) is { } entity ? Store.EntityAt(entity.Ordinal) : null;
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
        return OutgoingIterator<TRelation>(entity);
    }

    /// <summary>
    /// The relations of type <typeparamref name="TRelation"/> of this view that end at <paramref name="entity"/>,
    /// in file order; the view's counterpart of <see cref="Entity.Incoming{TRelation}"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The entity belongs to another graph.</exception>
    public IEnumerable<TRelation> Incoming<TRelation>(Entity entity) where TRelation : Relation
    {
        EnsureOfGraph(entity, nameof(entity));
        return IncomingIterator<TRelation>(entity);
    }

    /// <summary>
    /// The view as a QuikGraph graph, read-only, for running any QuikGraph algorithm on its entities (vertices)
    /// and relations (edges).
    /// </summary>
    public IBidirectionalGraph<Entity, Relation> AsQuikGraph() =>
        _quik ?? Interlocked.CompareExchange(ref _quik, new QuikGraphView(this), null) ?? _quik;

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

    private IEnumerable<TRelation> OutgoingIterator<TRelation>(Entity entity) where TRelation : Relation
    {
        var store = Store;
        if (!store.Holds(entity))
        {
            yield break;
        }

        var (relations, start, end) = store.Adjacency.OutRange(entity.Ordinal);
        for (var k = start; k < end; k++)
        {
            if (relations[k] is TRelation relation)
            {
                yield return relation;
            }
        }
    }

    private IEnumerable<TRelation> IncomingIterator<TRelation>(Entity entity) where TRelation : Relation
    {
        var store = Store;
        if (!store.Holds(entity))
        {
            yield break;
        }

        var (relations, start, end) = store.Adjacency.InRange(entity.Ordinal);
        for (var k = start; k < end; k++)
        {
            if (relations[k] is TRelation relation)
            {
                yield return relation;
            }
        }
    }

    /// <summary>Refuses null and an entity of another graph; an entity the view leaves out is accepted.</summary>
    private protected void EnsureOfGraph(Entity entity, string parameterName) => Entity.EnsureOwnedBy(entity, Root, parameterName);

    /// <summary>
    /// Refuses null and an entity of another graph, and gives the view's own object for the entity (the argument
    /// itself when the view leaves it out), so that what a query returns is the view's.
    /// </summary>
    private protected Entity Own(Entity entity, string parameterName)
    {
        EnsureOfGraph(entity, parameterName);
        return ReferenceEquals(entity.Owner, this) ? entity : Store.EntityAt(entity.Ordinal) ?? entity;
    }
}
