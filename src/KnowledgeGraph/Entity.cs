using System;
using System.Collections.Generic;

namespace KnowledgeGraph;

/// <summary>
/// The base of every generated entity class: a node of a <see cref="Graph"/>, identified by its <see cref="Id"/>.
/// </summary>
/// <remarks>
/// Entities are immutable. An entity belongs to at most one graph; its navigation members read the
/// relations of that graph.
/// </remarks>
public abstract class Entity
{
    /// <summary>Creates an entity with the id it has in its <c>.kg.json</c> file.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    protected Entity(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An entity id must be a non-empty string.", nameof(id));
        }

        Id = id;
    }

    /// <summary>The id of the entity, as written in its <c>.kg.json</c> file.</summary>
    public string Id { get; }

    internal Graph? Owner { get; set; }

    /// <summary>The relations of type <typeparamref name="TRelation"/> that start at this entity.</summary>
    public IEnumerable<TRelation> Outgoing<TRelation>() where TRelation : Relation =>
        Owner is null ? Array.Empty<TRelation>() : Owner.OutgoingOf<TRelation>(this);

    /// <summary>The relations of type <typeparamref name="TRelation"/> that end at this entity.</summary>
    public IEnumerable<TRelation> Incoming<TRelation>() where TRelation : Relation =>
        Owner is null ? Array.Empty<TRelation>() : Owner.IncomingOf<TRelation>(this);

    /// <summary>The targets of this entity's <typeparamref name="TRelation"/> relations, in fact order.</summary>
    protected IReadOnlyList<TTarget> Targets<TRelation, TTarget>()
        where TRelation : Relation
        where TTarget : Entity
    {
        var targets = new List<TTarget>();
        foreach (var relation in Outgoing<TRelation>())
        {
            targets.Add((TTarget)relation.To);
        }

        return targets;
    }

    /// <summary>The target of this entity's <typeparamref name="TRelation"/> relation, or null when there is none.</summary>
    protected TTarget? Target<TRelation, TTarget>()
        where TRelation : Relation
        where TTarget : Entity
    {
        foreach (var relation in Outgoing<TRelation>())
        {
            return (TTarget)relation.To;
        }

        return null;
    }

    /// <summary>The entities whose <typeparamref name="TRelation"/> relations end at this entity, in fact order.</summary>
    protected IReadOnlyList<TOrigin> Origins<TRelation, TOrigin>()
        where TRelation : Relation
        where TOrigin : Entity
    {
        var origins = new List<TOrigin>();
        foreach (var relation in Incoming<TRelation>())
        {
            origins.Add((TOrigin)relation.From);
        }

        return origins;
    }

    /// <summary>The entity whose <typeparamref name="TRelation"/> relation ends at this entity, or null when there is none.</summary>
    protected TOrigin? Origin<TRelation, TOrigin>()
        where TRelation : Relation
        where TOrigin : Entity
    {
        foreach (var relation in Incoming<TRelation>())
        {
            return (TOrigin)relation.From;
        }

        return null;
    }

    /// <summary>
    /// The entities at the other end of this entity's <typeparamref name="TRelation"/> relations, whichever end
    /// this entity is at: the navigation of a symmetric relation such as <c>metWith</c>.
    /// </summary>
    protected IReadOnlyList<TOther> Neighbors<TRelation, TOther>()
        where TRelation : Relation
        where TOther : Entity
    {
        var neighbors = new List<TOther>();
        foreach (var relation in Outgoing<TRelation>())
        {
            neighbors.Add((TOther)relation.To);
        }

        foreach (var relation in Incoming<TRelation>())
        {
            // A fact of an entity with itself is met once, not once at each end.
            if (!ReferenceEquals(relation.From, relation.To))
            {
                neighbors.Add((TOther)relation.From);
            }
        }

        return neighbors;
    }

    /// <summary>The entity at the other end of this entity's <typeparamref name="TRelation"/> relation, or null when there is none.</summary>
    protected TOther? Neighbor<TRelation, TOther>()
        where TRelation : Relation
        where TOther : Entity
    {
        var neighbors = Neighbors<TRelation, TOther>();
        return neighbors.Count == 0 ? null : neighbors[0];
    }

    /// <summary>The <typeparamref name="TRelation"/> relations in which this entity plays the role <paramref name="role"/>.</summary>
    protected IReadOnlyList<TRelation> RelationsWithRole<TRelation>(string role)
        where TRelation : Relation
    {
        var relations = new List<TRelation>();
        if (Owner is null)
        {
            return relations;
        }

        var players = new List<RolePlayer>();
        foreach (var relation in Owner.Relations<TRelation>())
        {
            players.Clear();
            relation.CollectRoles(players);
            if (players.Exists(player => player.Role == role && ReferenceEquals(player.Player, this)))
            {
                relations.Add(relation);
            }
        }

        return relations;
    }

    /// <summary>Adds the values of this entity's unique properties; generated classes add theirs.</summary>
    protected internal virtual void CollectKeys(ICollection<UniqueValue> keys)
    {
    }

    /// <summary>
    /// Adds how the values break the patterns, ranges and least numbers of items their properties declare; a
    /// graph built at run time refuses a fact with any breach, as the generator refuses it in a file.
    /// </summary>
    protected internal virtual void CheckConstraints(ICollection<string> breaches)
    {
    }

    /// <summary>Adds the dates this entity carries; generated classes add their date properties.</summary>
    protected internal virtual void CollectDates(ICollection<DatedValue> dates)
    {
    }

    /// <summary>
    /// An entity of the same type, id and properties that belongs to no graph yet: a graph built from another
    /// one copies its entities, since an entity belongs to one graph.
    /// </summary>
    protected internal abstract Entity Copy();

    /// <summary>The entity's id; generated classes with a <c>name</c> property show the name instead.</summary>
    public override string ToString() => Id;
}
