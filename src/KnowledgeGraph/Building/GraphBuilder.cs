using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace KnowledgeGraph;

/// <summary>
/// Makes a new graph from an existing one and entities and facts added in code. The existing graph never
/// changes; <see cref="Build"/> gives a new immutable graph of the same generated type.
/// </summary>
/// <remarks>
/// The compiler checks what types allow (a relation's constructor takes only entities of its endpoint
/// types); the builder checks the rest as the generator does for files, and throws without changing
/// anything when an addition is wrong: an id used twice, a unique (key) value used twice, a value that breaks
/// its property's pattern, range or least number of items (or that its pattern takes more than the build's 1 s
/// to match), an entity, source or role player that is in neither the existing graph nor this builder, or a
/// fact that breaks the cardinality of its relation type or of a type it extends (KG0016's rule and words). Files add
/// through <see cref="AddFile"/>, checked as the build checks them.
/// A builder is not thread-safe; the graphs it builds are.
/// </remarks>
/// <typeparam name="TGraph">The generated graph class.</typeparam>
public abstract class GraphBuilder<TGraph>
    where TGraph : Graph
{
    private readonly GraphFiles<TGraph> _files;
    private readonly List<Entity> _entities = [];
    private readonly Dictionary<string, Entity> _entitiesById = new(StringComparer.Ordinal);
    private readonly HashSet<Entity> _added = new(ReferenceEqualityComparer.Instance);
    private readonly List<Relation> _relations = [];
    private readonly HashSet<Relation> _addedRelations = new(ReferenceEqualityComparer.Instance);
    private Dictionary<UniqueValue, Entity>? _keys;

    // Where the facts of the graph and of this builder count for a cardinality, gathered on first need.
    private HashSet<(string Relation, bool Forward, Entity Entity)>? _singleEnds;

    // The graph the builder adds to: the existing graph, or the one AddFiles made of it.
    private TGraph _basis;

    /// <summary>Starts from the entities and relations of <paramref name="basis"/>.</summary>
    /// <param name="basis">The existing graph.</param>
    /// <param name="files">The generated graph class's loader of files, which holds its compiled schema.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected GraphBuilder(TGraph basis, GraphFiles<TGraph> files)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(files);
        _basis = basis;
        _files = files;
    }

    /// <summary>Adds an entity; its id must be new to the existing graph and to this builder.</summary>
    /// <returns>The entity, to use in the relations added next.</returns>
    /// <exception cref="ArgumentException">The id is taken, or the entity is already in a graph or in this builder.</exception>
    public TEntity AddEntity<TEntity>(TEntity entity) where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Owner is not null || entity.Ordinal >= 0 || _added.Contains(entity))
        {
            throw new ArgumentException($"The entity '{entity.Id}' is already in a graph or in this builder; add a new entity.", nameof(entity));
        }

        if (_basis.FindEntity(entity.Id) is not null || _entitiesById.ContainsKey(entity.Id))
        {
            throw new ArgumentException($"The id '{entity.Id}' is already taken.", nameof(entity));
        }

        ThrowOnBreaches(entity.CheckConstraints, entity.Id, nameof(entity));
        var keys = new List<UniqueValue>();
        entity.CollectKeys(keys);
        foreach (var key in keys)
        {
            if (Keys().TryGetValue(key, out var holder))
            {
                throw new ArgumentException(
                    $"The entity '{entity.Id}' has the same '{key.Property}' ({key.Value}) as '{holder.Id}', but '{key.Property}' is unique among entities of type '{key.Scope.Name}'.",
                    nameof(entity));
            }
        }

        foreach (var key in keys)
        {
            _keys![key] = entity;
        }

        _entities.Add(entity);
        _entitiesById.Add(entity.Id, entity);
        _added.Add(entity);
        return entity;
    }

    /// <summary>
    /// Adds a fact between entities of the existing graph or of this builder, citing sources from either.
    /// </summary>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentException">
    /// An endpoint or a source is in neither the existing graph nor this builder, the relation was added
    /// already, or it breaks its cardinality (a second target where one is allowed, or a second start).
    /// </exception>
    public TRelation AddRelation<TRelation>(TRelation relation) where TRelation : Relation
    {
        ArgumentNullException.ThrowIfNull(relation);
        if (relation.Owner is not null || _addedRelations.Contains(relation))
        {
            throw new ArgumentException($"The relation '{relation}' is already in a graph or in this builder.", nameof(relation));
        }

        ThrowOnBreaches(relation.CheckConstraints, relation.ToString(), nameof(relation));
        var roles = new List<RolePlayer>();
        relation.CollectRoles(roles);
        foreach (var entity in relation.Sources.Concat(roles.Select(role => role.Player)).Prepend(relation.To).Prepend(relation.From))
        {
            if (!Knows(entity))
            {
                throw new ArgumentException($"The entity '{entity?.Id}' is in neither the graph nor this builder; add it first.", nameof(relation));
            }
        }

        var ends = _files.Schema.SingleEnds(relation).ToList();
        var singleEnds = SingleEnds();
        foreach (var end in ends)
        {
            if (singleEnds.Contains(end))
            {
                throw new ArgumentException($"The relation '{relation}' breaks a cardinality: {_files.Schema.CardinalityBreach(end)}", nameof(relation));
            }
        }

        singleEnds.UnionWith(ends);
        _relations.Add(relation);
        _addedRelations.Add(relation);
        return relation;
    }

    /// <summary>
    /// Adds the entities and facts of a <c>.kg.json</c> file, checked as the build checks the project's files, against the
    /// existing graph and what this builder holds: <c>DiplomacyGraph.Default.ToBuilder().AddFile("today.kg.json").Build()</c>.
    /// </summary>
    /// <param name="path">The file, which may repeat the compiled schema but not change it.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GraphLoadException">The file holds a mistake: its diagnostics list every one, and the builder is as it was.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public GraphBuilder<TGraph> AddFile(string path) => AddFiles([path]);

    /// <summary>Adds the entities and facts of <c>.kg.json</c> files, read in this order, as <see cref="AddFile"/> adds one.</summary>
    /// <param name="paths">The files: a fact may name an entity of any of them, of the existing graph or of this builder.</param>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// A fact that the graph or this builder holds already, stated again from other sources, is one fact with the sources
    /// of both, as in the build. The files are read into a graph at once, which this builder then adds to: the entities
    /// added before belong to it, so after <see cref="Build"/> find the built graph's with its queries.
    /// </remarks>
    /// <exception cref="GraphLoadException">The files hold a mistake: its diagnostics list every one, and the builder is as it was.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or one of them is null.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public GraphBuilder<TGraph> AddFiles(IEnumerable<string> paths)
    {
        var rows = _files.Check(_basis, _entities, _relations, paths);
        var content = Content();
        _files.Add(rows, content);
        _basis = Create(content);
        _entities.Clear();
        _entitiesById.Clear();
        _added.Clear();
        _relations.Clear();
        _addedRelations.Clear();
        _keys = null;
        _singleEnds = null;
        return this;
    }

    /// <summary>
    /// A new graph: the existing graph's entities and relations (copied: the existing graph never changes), then the
    /// added ones. The entities added here become the new graph's own, so the objects <see cref="AddEntity{TEntity}"/> returned
    /// navigate it; a second <see cref="Build"/> copies them, as they then belong to the first graph built. The
    /// relations added are copied, since their ends may be the existing graph's: find the new graph's with its queries.
    /// </summary>
    public TGraph Build() => Create(Content());

    // The existing graph's entities and relations, then those added here.
    private GraphContent Content()
    {
        var content = new GraphContent(_basis);
        var added = new Dictionary<Entity, Entity>(ReferenceEqualityComparer.Instance);
        foreach (var entity in _entities)
        {
            added.Add(entity, content.AddEntity(entity.Ordinal < 0 ? entity : entity.Copy()));
        }

        Entity Map(Entity entity) => added.TryGetValue(entity, out var own) ? own : content.Map(entity);
        foreach (var relation in _relations)
        {
            content.AddRelation(relation.CopyWith(Map, content.SoleSources));
        }

        return content;
    }

    /// <summary>Creates the generated graph from the content: the generated class's constructor that takes it.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract TGraph Create(GraphContent content);

    // The unique values of the existing graph, gathered on first need, then of every entity added.
    private Dictionary<UniqueValue, Entity> Keys()
    {
        if (_keys is null)
        {
            _keys = [];
            var keys = new List<UniqueValue>();
            foreach (var entity in _basis.Entities<Entity>())
            {
                keys.Clear();
                entity.CollectKeys(keys);
                foreach (var key in keys)
                {
                    _keys[key] = entity;
                }
            }
        }

        return _keys;
    }

    private bool Knows(Entity? entity) =>
        entity is not null && (ReferenceEquals(entity.Owner?.Root, _basis) || _added.Contains(entity));

    private HashSet<(string Relation, bool Forward, Entity Entity)> SingleEnds()
    {
        if (_singleEnds is null)
        {
            _singleEnds = [];
            foreach (var relation in _basis.Relations<Relation>().Concat(_relations))
            {
                _singleEnds.UnionWith(_files.Schema.SingleEnds(relation));
            }
        }

        return _singleEnds;
    }

    private static void ThrowOnBreaches(Action<ICollection<string>> check, string name, string parameter)
    {
        var breaches = new List<string>();
        RegexMatchTimeoutException? timeout = null;
        try
        {
            check(breaches);
        }
        catch (RegexMatchTimeoutException exception)
        {
            // Generated checks match patterns with the build's timeout: a value that takes longer is refused as a
            // breach, as the generator reports it for a file (KG0028); the checks after it are not made.
            timeout = exception;
            var seconds = exception.MatchTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            breaches.Add($"the pattern '{exception.Pattern}' took more than {seconds} s to match {Shorten(exception.Input)}; simplify the pattern, e.g. with no nested quantifiers such as '(a+)+'");
        }

        if (breaches.Count > 0)
        {
            throw new ArgumentException($"'{name}' breaks its constraints: {string.Join("; ", breaches)}.", parameter, timeout);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..37]}…'";

}
