using System;
using System.Collections.Generic;
using System.Linq;

namespace KnowledgeGraph;

// Provenance: a relation's Sources say where the fact was taken from. A fact stated by several sources is one
// relation with several sources, so these queries never list a fact twice.
public abstract partial class GraphView
{
    /// <summary>The relations that cite <paramref name="source"/> as where they were taken from, in file order.</summary>
    /// <remarks>The source need not be in the view: an article dated after a view's day still backs the facts kept.</remarks>
    public IEnumerable<Relation> FactsFrom(Entity source)
    {
        ArgumentNullException.ThrowIfNull(source);

        // A relation cites only entities of its graph, so an entity of another graph backs nothing here.
        if (!ReferenceEquals(source.Owner?.Root, Root))
        {
            return [];
        }

        var (facts, start, end) = Store.Citations.OutRange(source.Ordinal);
        return new Slice<Relation>(facts, start, end - start);
    }

    /// <summary>
    /// The relations of type <typeparamref name="TRelation"/> that cite <paramref name="source"/>, in file order,
    /// such as <c>g.FactsFrom&lt;Stated&gt;(g.ReutersIstanbul)</c>: who said what, according to that source.
    /// </summary>
    public IEnumerable<TRelation> FactsFrom<TRelation>(Entity source) where TRelation : Relation
    {
        ArgumentNullException.ThrowIfNull(source);
        return FactsFrom(source).OfType<TRelation>();
    }

    /// <summary>Every entity that a relation of the view cites as a source, once each, in file order.</summary>
    public IReadOnlyList<Entity> Sources()
    {
        // A source the view leaves out is still cited by the facts it keeps: the object the facts hold is given.
        var citations = Store.Citations;
        var cited = new List<Entity>();
        for (var ordinal = 0; ordinal < Store.RootEntityCount; ordinal++)
        {
            var facts = citations.Out(ordinal);
            if (facts.Length > 0)
            {
                cited.Add(Store.EntityAt(ordinal) ?? SourceWith(facts[0], ordinal));
            }
        }

        return cited.ToArray();
    }

    /// <summary>
    /// Each source with the facts it backs: sources in file order, their facts in file order. A fact with several
    /// sources is under each of them; a fact without a source under none.
    /// </summary>
    public ILookup<Entity, Relation> FactsBySource() =>
        Sources()
            .SelectMany(source => FactsFrom(source).Select(relation => (Source: source, Relation: relation)))
            .ToLookup<(Entity Source, Relation Relation), Entity, Relation>(pair => pair.Source, pair => pair.Relation, ReferenceEqualityComparer.Instance);

    private static Entity SourceWith(Relation fact, int ordinal)
    {
        foreach (var source in fact.Sources)
        {
            if (source.Ordinal == ordinal)
            {
                return source;
            }
        }

        throw new InvalidOperationException("A citation index names a source its fact does not cite.");
    }
}
