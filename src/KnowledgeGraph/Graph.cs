using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;

namespace KnowledgeGraph;

/// <summary>
/// The base of every generated graph class: typed entities and the relations between them, held in a compact
/// immutable store that QuikGraph's algorithms also run on (<see cref="GraphView.AsQuikGraph"/>). Every query
/// member is inherited from <see cref="GraphView"/>, so a graph and its views (<see cref="GraphView.AsOf"/>, …)
/// are asked alike.
/// </summary>
/// <remarks>
/// A generated graph adds its entities and relations in its constructor and then seals itself; from then on
/// it never changes, so any number of threads may read it at once.
/// </remarks>
public abstract class Graph : GraphView
{
    // By id: a dictionary while building (it refuses a second entity with an id), a compact table once sealed.
    private Dictionary<string, Entity>? _entitiesById = new(StringComparer.Ordinal);
    private IdTable? _ids;

    // What is being built, in file order; the sealed graph keeps only its compact store.
    private List<Entity>? _entities = [];
    private List<Relation>? _relations = [];
    private List<RolePlay>? _roles = [];
    private List<RolePlayer>? _rolesOfOne = [];

    // One list of sources per entity cited alone, shared by every fact citing it (the fact reader asks for it;
    // AddRelation swaps it in for a relation made in code): most facts cite one source, most sources back many facts.
    private Dictionary<Entity, IReadOnlyList<Entity>>? _soleSources = new(ReferenceEqualityComparer.Instance);
    private FactLoader? _loader;
    private bool _sealed;

    /// <summary>Creates an empty graph; the generated constructor fills and seals it.</summary>
    protected Graph()
        : base(null)
    {
    }

    /// <summary>Whether the graph is sealed: from then on what any query reads of it never changes.</summary>
    internal bool IsSealed => _sealed;

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

        if (!_entitiesById!.TryAdd(entity.Id, entity))
        {
            throw new ArgumentException($"The graph already has an entity with the id '{entity.Id}'.", nameof(entity));
        }

        entity.Ordinal = _entities!.Count;
        _entities.Add(entity);
        entity.Owner = this;
        SetStore(null);
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
        var sources = relation.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            // By index: enumerating a boxed ImmutableArray through the interface would allocate for every fact.
            EnsureMember(sources[i], nameof(relation));
        }

        var roles = _rolesOfOne!;
        roles.Clear();
        relation.CollectRoles(roles);
        foreach (var role in roles)
        {
            EnsureMember(role.Player, nameof(relation));
        }

        // Parallel edges are allowed, so the same instance would be stored twice and every navigation would then
        // report the fact twice. (Its endpoints tie a relation to one graph.)
        if (relation.Owner is not null)
        {
            throw new ArgumentException($"The relation '{relation}' is already in the graph.", nameof(relation));
        }

        if (sources.Count == 1)
        {
            // Every kind of list a relation stores is read-only, so facts citing one entity can share one list.
            if (_soleSources!.TryGetValue(sources[0], out var shared))
            {
                relation.StoredSources = shared;
            }
            else
            {
                _soleSources.Add(sources[0], sources);
            }
        }

        relation.Join(_relations!.Count);
        _relations.Add(relation);
        foreach (var role in roles)
        {
            _roles!.Add(new RolePlay(relation, role.Role, role.Player));
        }

        SetStore(null);
        return relation;
    }

    /// <summary>Adds the entities of a table of rows the generator compiled in, while the graph is being built.</summary>
    /// <param name="table">The rows, as <see cref="FactReader"/> describes them.</param>
    /// <param name="read">Reads one row into a new entity.</param>
    /// <exception cref="System.IO.InvalidDataException">A row does not match <paramref name="read"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void AddEntities(ReadOnlySpan<byte> table, FactRowReader<Entity> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var loader = _loader ??= new();
        var reader = new FactReader(table, this, loader);
        while (reader.NextRow())
        {
            var entity = read(ref reader);
            reader.EndRow();
            AddEntity(entity);
            loader.Add(entity);
        }
    }

    /// <summary>Adds the relations of a table of rows the generator compiled in, while the graph is being built.</summary>
    /// <param name="table">The rows, as <see cref="FactReader"/> describes them.</param>
    /// <param name="read">Reads one row into a new relation between entities added before.</param>
    /// <exception cref="System.IO.InvalidDataException">A row does not match <paramref name="read"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void AddRelations(ReadOnlySpan<byte> table, FactRowReader<Relation> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var reader = new FactReader(table, this, _loader ??= new());
        while (reader.NextRow())
        {
            var relation = read(ref reader);
            reader.EndRow();
            AddRelation(relation);
        }
    }

    /// <summary>The one list of sources that every fact citing only <paramref name="source"/> shares.</summary>
    internal IReadOnlyList<Entity> SoleSource(Entity source)
    {
        if (!_soleSources!.TryGetValue(source, out var shared))
        {
            shared = ImmutableArray.Create(source);
            _soleSources.Add(source, shared);
        }

        return shared;
    }

    /// <summary>Ends building: from now on the graph refuses every change.</summary>
    /// <remarks>Sealing indexes the graph for its queries and lets go of what only building needed.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void Seal()
    {
        if (_sealed)
        {
            return;
        }

        var store = BuildStore();
        _ids = new IdTable(store.Entities);
        SetStore(store);
        _sealed = true;
        IsFrozen = true;
        _entities = null;
        _relations = null;
        _roles = null;
        _rolesOfOne = null;
        _soleSources = null;
        _loader = null;
        _entitiesById = null;
    }

    /// <summary>Adds everything a <see cref="GraphBuilder{TGraph}"/> built, then seals the graph.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
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
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected TEntity EntityAt<TEntity>(int index) where TEntity : Entity =>
        (TEntity)(_entities is { } building ? building[index] : Store.Entities[index]);

    internal Entity? FindInRoot(string id) =>
        _ids is { } ids ? ids.Find(id) : _entitiesById!.TryGetValue(id, out var entity) ? entity : null;

    private protected override int CountEntities() => _entities?.Count ?? Store.Entities.Length;

    private protected override int CountRelations() => _relations?.Count ?? Store.Relations.Length;

    private protected override CompactStore BuildStore()
    {
        // Only while building (a sealed graph always has its store): indexes what was added so far.
        var store = CompactStore.ForGraph([.. _entities!], [.. _relations!], _roles);
        SetStore(store);
        return store;
    }

    private void EnsureOpen()
    {
        if (_sealed)
        {
            throw new InvalidOperationException("The graph is sealed: a built graph never changes.");
        }
    }

    private void EnsureMember(Entity entity, string parameterName) => Entity.EnsureOwnedBy(entity, this, parameterName);
}
