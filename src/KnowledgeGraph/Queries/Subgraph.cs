using System;
using System.Collections.Generic;

namespace KnowledgeGraph;

/// <summary>
/// A view of a graph: the entities of its parent that pass one test, and the relations of its parent that pass
/// another and join two kept entities. Everything is decided once, when the view is made.
/// </summary>
/// <remarks>
/// The view holds its own copy of each entity and relation it keeps, at the same ordinal as in the root graph, so
/// that everything reached through the view answers within it: <c>person.Leads</c> of the view's person reads the
/// view. A copy equals its original (<see cref="Entity.Equals(object?)"/>). A relation's source or role player
/// that the view leaves out stays the parent's entity.
/// </remarks>
internal sealed class Subgraph : GraphView
{
    public Subgraph(GraphView parent, Func<Entity, bool> keepEntity, Func<Relation, bool> keepRelation)
        : base(parent.Root)
    {
        var from = parent.Store;
        var entitySlots = new Entity?[from.RootEntityCount];
        var relationSlots = new Relation?[Root.RelationCount];
        var entities = new List<Entity>();
        foreach (var entity in from.Entities)
        {
            if (keepEntity(entity))
            {
                var copy = entity.Copy();
                copy.Ordinal = entity.Ordinal;
                copy.Owner = this;
                entities.Add(copy);
                entitySlots[entity.Ordinal] = copy;
            }
        }

        var relations = new List<Relation>();
        var roles = new List<RolePlay>();
        var players = new List<RolePlayer>();
        var soleSources = new Dictionary<Entity, IReadOnlyList<Entity>>(ReferenceEqualityComparer.Instance);
        Entity Own(Entity entity) => entitySlots[entity.Ordinal] ?? entity;
        foreach (var relation in from.Relations)
        {
            // A fact needs both its ends: a relation to an entity the view leaves out would dangle.
            if (entitySlots[relation.From.Ordinal] is null || entitySlots[relation.To.Ordinal] is null || !keepRelation(relation))
            {
                continue;
            }

            var copy = relation.CopyWith(Own, soleSources);
            copy.Join(relation.Ordinal);
            relations.Add(copy);
            relationSlots[relation.Ordinal] = copy;
            players.Clear();
            copy.CollectRoles(players);
            foreach (var player in players)
            {
                roles.Add(new RolePlay(copy, player.Role, player.Player));
            }
        }

        Store = CompactStore.ForView([.. entities], [.. relations], entitySlots, relationSlots, roles);
    }
}
