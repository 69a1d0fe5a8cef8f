using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;

namespace KnowledgeGraph;

/// <summary>
/// Everything a new graph is made of, gathered before the graph exists: the one loader of every graph. The
/// generated <c>Default</c> reads its compiled-in tables into it, a builder its existing graph and the entities and
/// facts added in code, and tables written at run time in the same row format read on top of either. The graph's
/// constructor takes it complete, indexes it once, and is never changed after.
/// </summary>
/// <remarks>
/// It owns what loading needs and the graph does not keep: the entities by the UTF-8 bytes of their ids (so that a
/// row naming an entity finds it without making a string), the role plays of n-ary facts, and one shared list of
/// sources per entity cited alone (most facts cite one source; most sources back many facts). It is for generated
/// code and the runtime: the order is entities, then the relations between them, and each content makes one graph.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GraphContent
{
    private readonly List<Entity> _entities = [];
    private readonly List<Relation> _relations = [];
    private readonly List<RolePlay> _roles = [];
    private readonly List<RolePlayer> _players = [];
    private readonly Dictionary<Entity, IReadOnlyList<Entity>> _soleSources = new(ReferenceEqualityComparer.Instance);
    private readonly Graph? _basis;

    // The ids, UTF-8, one after another: entity i's id ends at _idEnds[i]. An open-addressing table of entity indexes
    // over them, at most half full.
    private byte[] _ids = new byte[4096];
    private int[] _idEnds = new int[256];
    private int[] _slots = new int[512]; // entity index + 1; 0 for an empty slot
    private int _idLength;
    private int _nextIdLength = -1; // the id an entity row read, kept at _ids[_idLength ..] for the row's entity; -1 when none
    private bool _taken;

    /// <summary>Starts an empty graph.</summary>
    public GraphContent()
    {
    }

    /// <summary>
    /// Starts from copies of the entities and relations of <paramref name="basis"/>, in its order: the graph never
    /// changes, and an entity or a fact belongs to one graph.
    /// </summary>
    public GraphContent(Graph basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        _basis = basis;
        var store = basis.Store;
        foreach (var entity in store.Entities)
        {
            AddEntity(entity.Copy());
        }

        foreach (var relation in store.Relations)
        {
            AddRelation(relation.CopyWith(Map, _soleSources));
        }
    }

    /// <summary>The rows of the table being read, counted from 1 in each table, for messages.</summary>
    internal int Row { get; set; }

    /// <summary>The names read so far (type names, enum values): one string instance each.</summary>
    internal List<(byte[] Utf8, string Text)> Symbols { get; } = [];

    /// <summary>The sources of the fact being read.</summary>
    internal List<Entity> Sources { get; } = [];

    /// <summary>The last list of several sources read: the next fact often cites the same ones.</summary>
    internal IReadOnlyList<Entity>? LastSources { get; set; }

    /// <summary>One list of sources per entity cited alone, shared by the facts that cite it so.</summary>
    internal Dictionary<Entity, IReadOnlyList<Entity>> SoleSources => _soleSources;

    /// <summary>Adds an entity, which must be in no graph and have an id new to this content.</summary>
    /// <exception cref="ArgumentException">The entity is in a graph or in this content already, or its id is taken.</exception>
    public TEntity AddEntity<TEntity>(TEntity entity) where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(entity);
        EnsureOpen();
        if (entity.Owner is not null || entity.Ordinal >= 0)
        {
            throw new ArgumentException($"The entity '{entity.Id}' already belongs to a graph.", nameof(entity));
        }

        var id = Encoding.UTF8.GetBytes(entity.Id);
        if (Find(id) is not null)
        {
            throw new ArgumentException($"The graph already has an entity with the id '{entity.Id}'.", nameof(entity));
        }

        SetNextId(id);
        Add(entity);
        return entity;
    }

    /// <summary>Adds a relation between entities of this content, citing sources of this content.</summary>
    /// <exception cref="ArgumentException">
    /// An endpoint, a source or a role player is not an entity of this content, or the relation is in a graph already.
    /// </exception>
    public TRelation AddRelation<TRelation>(TRelation relation) where TRelation : Relation
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

        var players = _players;
        players.Clear();
        relation.CollectRoles(players);
        foreach (var player in players)
        {
            EnsureMember(player.Player, nameof(relation));
        }

        // Parallel edges are allowed, so the same instance would be stored twice and every navigation would then
        // report the fact twice.
        if (relation.Owner is not null || (relation.Ordinal >= 0 && relation.Ordinal < _relations.Count && ReferenceEquals(_relations[relation.Ordinal], relation)))
        {
            throw new ArgumentException($"The relation '{relation}' is already in the graph.", nameof(relation));
        }

        if (sources.Count == 1)
        {
            // Every kind of list a relation stores is read-only, so facts citing one entity can share one list.
            relation.StoredSources = SoleSource(sources[0]);
        }

        relation.Join(_relations.Count);
        _relations.Add(relation);
        foreach (var player in players)
        {
            _roles.Add(new RolePlay(relation, player.Role, player.Player));
        }

        return relation;
    }

    /// <summary>Adds the entities of a table of rows (compiled in, or written at run time in the same format).</summary>
    /// <param name="table">The rows, as <see cref="FactReader"/> describes them.</param>
    /// <param name="read">Reads one row into a new entity: the generated <c>CompiledFacts.ReadEntity</c>.</param>
    /// <exception cref="System.IO.InvalidDataException">A row does not match <paramref name="read"/>.</exception>
    /// <exception cref="ArgumentException">A row's id is taken.</exception>
    public void AddEntities(ReadOnlySpan<byte> table, FactRowReader<Entity> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        EnsureOpen();
        var reader = new FactReader(table, this);
        while (reader.NextRow())
        {
            var entity = read(ref reader);
            reader.EndRow();
            if (_nextIdLength < 0)
            {
                throw new InvalidOperationException("An entity row must read its id with FactReader.Id().");
            }

            if (Find(_ids.AsSpan(_idLength, _nextIdLength)) is not null)
            {
                throw new ArgumentException($"The graph already has an entity with the id '{entity.Id}'.", nameof(table));
            }

            Add(entity);
        }
    }

    /// <summary>Adds the relations of a table of rows between entities added before.</summary>
    /// <param name="table">The rows, as <see cref="FactReader"/> describes them.</param>
    /// <param name="read">Reads one row into a new relation: the generated <c>CompiledFacts.ReadRelation</c>.</param>
    /// <exception cref="System.IO.InvalidDataException">A row does not match <paramref name="read"/>.</exception>
    public void AddRelations(ReadOnlySpan<byte> table, FactRowReader<Relation> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        EnsureOpen();
        var reader = new FactReader(table, this);
        while (reader.NextRow())
        {
            var relation = read(ref reader);
            reader.EndRow();
            AddRelation(relation);
        }
    }

    /// <summary>
    /// This content's entity for <paramref name="entity"/>: the copy of an entity of the basis graph (or of a view
    /// of it), or the entity itself when it was added here.
    /// </summary>
    internal Entity Map(Entity entity) =>
        _basis is not null && ReferenceEquals(entity.Owner?.Root, _basis) ? _entities[entity.Ordinal] : entity;

    /// <summary>
    /// Gives the relation added <paramref name="index"/>th (from 0) these sources, by id: a fact that files loaded on top
    /// state again from other sources is one fact with the sources of both.
    /// </summary>
    internal void SetSources(int index, IReadOnlyList<string> ids)
    {
        var sources = new Entity[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            sources[i] = Find(Encoding.UTF8.GetBytes(ids[i])) ?? throw new InvalidOperationException($"The source '{ids[i]}' is not an entity of the graph.");
        }

        _relations[index].StoredSources = ImmutableArray.Create(sources);
    }

    /// <summary>The one list of sources that every fact citing only <paramref name="source"/> shares.</summary>
    internal IReadOnlyList<Entity> SoleSource(Entity source)
    {
        if (!_soleSources.TryGetValue(source, out var shared))
        {
            shared = ImmutableArray.Create(source);
            _soleSources.Add(source, shared);
        }

        return shared;
    }

    /// <summary>Hands the content to the graph it makes, once; the entities become the graph's.</summary>
    internal (Entity[] Entities, Relation[] Relations, List<RolePlay> Roles) Take(GraphView graph)
    {
        EnsureOpen();
        _taken = true;
        var entities = _entities.ToArray();
        foreach (var entity in entities)
        {
            entity.Owner = graph;
        }

        return (entities, _relations.ToArray(), _roles);
    }

    /// <summary>Keeps the id an entity row read, after the ids of the entities added before, for the row's entity.</summary>
    internal void SetNextId(ReadOnlySpan<byte> id)
    {
        if (_idLength + id.Length > _ids.Length)
        {
            Array.Resize(ref _ids, Math.Max(_ids.Length * 2, _idLength + id.Length));
        }

        id.CopyTo(_ids.AsSpan(_idLength));
        _nextIdLength = id.Length;
    }

    /// <summary>The entity with the UTF-8 id, or null when none was added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Entity? Find(ReadOnlySpan<byte> id)
    {
        var mask = _slots.Length - 1;
        for (var slot = Hash(id) & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var index = _slots[slot] - 1;
            if (IdOf(index).SequenceEqual(id))
            {
                return _entities[index];
            }
        }

        return null;
    }

    // Records the entity under the id kept by SetNextId.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(Entity entity)
    {
        var index = _entities.Count;
        entity.Ordinal = index;
        _entities.Add(entity);
        _idLength += _nextIdLength;
        _nextIdLength = -1;
        if (index == _idEnds.Length)
        {
            Array.Resize(ref _idEnds, _idEnds.Length * 2);
        }

        _idEnds[index] = _idLength;
        if ((index + 1) * 2 > _slots.Length)
        {
            Rehash();
        }
        else
        {
            Insert(index, IdOf(index));
        }
    }

    // Whether the entity was added here: its ordinal is its place in this content.
    private bool Holds(Entity entity) =>
        (uint)entity.Ordinal < (uint)_entities.Count && ReferenceEquals(_entities[entity.Ordinal], entity);

    private void EnsureMember(Entity entity, string parameterName)
    {
        if (entity is null || entity.Owner is not null || !Holds(entity))
        {
            ArgumentNullException.ThrowIfNull(entity, parameterName);
            throw new ArgumentException($"The entity '{entity.Id}' does not belong to this graph.", parameterName);
        }
    }

    private void EnsureOpen()
    {
        if (_taken)
        {
            throw new InvalidOperationException("The content has made its graph: a built graph never changes.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> IdOf(int index)
    {
        var start = index == 0 ? 0 : _idEnds[index - 1];
        return _ids.AsSpan(start, _idEnds[index] - start);
    }

    // Linear probing in a power-of-two table at most half full.
    private void Insert(int index, ReadOnlySpan<byte> id)
    {
        var mask = _slots.Length - 1;
        var slot = Hash(id) & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = index + 1;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        for (var index = 0; index < _entities.Count; index++)
        {
            Insert(index, IdOf(index));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> id)
    {
        var hash = default(HashCode);
        hash.AddBytes(id);
        return hash.ToHashCode() & int.MaxValue;
    }
}
