using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace KnowledgeGraph;

/// <summary>
/// A view of a graph: the entities of its parent that pass one test, and the relations of its parent that pass
/// another and join two kept entities. Everything is decided once, when the view is made.
/// </summary>
internal sealed class Subgraph : GraphView
{
    public Subgraph(GraphView parent, Func<Entity, bool> keepEntity, Func<Relation, bool> keepRelation)
    {
        Root = parent.Root;
        var root = Root.Store;
        var from = parent.Store;
        var entityMembers = CompactStore.NewMemberSet(root.Entities.Length);
        var relationMembers = CompactStore.NewMemberSet(root.Relations.Length);
        var entities = new List<Entity>();
        foreach (var entity in from.Entities)
        {
            if (keepEntity(entity))
            {
                entities.Add(entity);
                CompactStore.Mark(entityMembers, entity.Ordinal);
            }
        }

        var relations = new List<Relation>();
        foreach (var relation in from.Relations)
        {
            // A fact needs both its ends: a relation to an entity the view leaves out would dangle.
            if (CompactStore.IsMarked(entityMembers, relation.From.Ordinal)
                && CompactStore.IsMarked(entityMembers, relation.To.Ordinal)
                && keepRelation(relation))
            {
                relations.Add(relation);
                CompactStore.Mark(relationMembers, relation.Ordinal);
            }
        }

        SetStore(CompactStore.ForView([.. entities], [.. relations], root.Entities.Length, entityMembers, relationMembers));
        IsFrozen = true;
    }

    internal override Graph Root { get; }

    // The store is set when the view is made.
    private protected override CompactStore BuildStore() => throw new UnreachableException();
}
