using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
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
/// fact that breaks its relation's cardinality.
/// A builder is not thread-safe; the graphs it builds are.
/// </remarks>
/// <typeparam name="TGraph">The generated graph class.</typeparam>
public abstract class GraphBuilder<TGraph>
    where TGraph : Graph
{
    private readonly TGraph _basis;
    private readonly List<Entity> _entities = [];
    private readonly Dictionary<string, Entity> _entitiesById = new(StringComparer.Ordinal);
    private readonly HashSet<Entity> _added = new(ReferenceEqualityComparer.Instance);
    private readonly List<Relation> _relations = [];
    private readonly HashSet<Relation> _addedRelations = new(ReferenceEqualityComparer.Instance);
    private Dictionary<UniqueValue, Entity>? _keys;

    /// <summary>Starts from the entities and relations of <paramref name="basis"/>.</summary>
    protected GraphBuilder(TGraph basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        _basis = basis;
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

        CheckCardinality(relation);
        _relations.Add(relation);
        _addedRelations.Add(relation);
        return relation;
    }

    /// <summary>
    /// A new graph: the existing graph's entities and relations (copied: the existing graph never changes), then the
    /// added ones. The entities added here become the new graph's own, so the objects <see cref="AddEntity{TEntity}"/> returned
    /// navigate it; a second <see cref="Build"/> copies them, as they then belong to the first graph built. The
    /// relations added are copied, since their ends may be the existing graph's: find the new graph's with its queries.
    /// </summary>
    public TGraph Build()
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

        return Create(content);
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

    private void CheckCardinality(Relation relation)
    {
        var type = relation.GetType();
        var oneTarget = relation.Cardinality is Cardinality.ManyToOne or Cardinality.OneToOne;
        var oneStart = relation.Cardinality is Cardinality.OneToMany or Cardinality.OneToOne;
        if (!oneTarget && !oneStart)
        {
            return;
        }

        foreach (var other in _basis.Relations<Relation>().Concat(_relations))
        {
            if (other.GetType() != type)
            {
                continue;
            }

            if (relation.IsSymmetric && oneTarget && (Touches(other, relation.From) || Touches(other, relation.To)))
            {
                throw new ArgumentException(
                    $"'{relation.TypeName}' is symmetric and one-to-one: '{relation.From.Id}' or '{relation.To.Id}' has one already ({other}).", nameof(relation));
            }

            if (oneTarget && other.From.Equals(relation.From))
            {
                throw new ArgumentException(
                    $"'{relation.TypeName}' is {Describe(relation.Cardinality)}: '{relation.From.Id}' has one already ({other}).", nameof(relation));
            }

            if (oneStart && other.To.Equals(relation.To))
            {
                throw new ArgumentException(
                    $"'{relation.TypeName}' is {Describe(relation.Cardinality)}: '{relation.To.Id}' is the target of one already ({other}).", nameof(relation));
            }
        }
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

    private static bool Touches(Relation relation, Entity entity) => relation.From.Equals(entity) || relation.To.Equals(entity);

    private static string Describe(Cardinality cardinality) => cardinality switch
    {
        Cardinality.ManyToOne => "many-to-one",
        Cardinality.OneToMany => "one-to-many",
        Cardinality.OneToOne => "one-to-one",
        _ => "many-to-many",
    };
}
