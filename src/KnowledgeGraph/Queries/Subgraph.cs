using System;

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
        foreach (var entity in parent.Entities<Entity>())
        {
            if (keepEntity(entity))
            {
                EntityList.Add(entity);
                Store.AddVertex(entity);
            }
        }

        foreach (var relation in parent.Relations<Relation>())
        {
            // A fact needs both its ends: a relation to an entity the view leaves out would dangle.
            if (Store.ContainsVertex(relation.From) && Store.ContainsVertex(relation.To) && keepRelation(relation))
            {
                RelationList.Add(relation);
                Store.AddEdge(relation);
            }
        }
    }

    internal override Graph Root { get; }
}
