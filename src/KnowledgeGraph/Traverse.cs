using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace KnowledgeGraph;

/// <summary>
/// The traversal steps over a sequence of entities; generated step methods such as <c>people.Leads()</c> are one line
/// each on top of these: a step to entities named as the navigation member whose step it is, and <see cref="Many"/>
/// for the relations in which entities play a role.
/// </summary>
/// <remarks>Steps are lazy and keep repeats, like LINQ's <c>SelectMany</c>; add <c>Distinct()</c> for a set.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Traverse
{
    /// <summary>Every target that <paramref name="step"/> gives for every entity of <paramref name="source"/>, in order.</summary>
    public static IEnumerable<TTarget> Many<TSource, TTarget>(IEnumerable<TSource> source, Func<TSource, GraphSet<TTarget>> step)
        where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(step);
        return ManyIterator(source, step);
    }

    /// <summary>The targets of the <typeparamref name="TRelation"/> relations of the entities of <paramref name="source"/>: the step of a navigation member made with <c>Targets</c>.</summary>
    public static Traversal<TTarget> Targets<TRelation, TTarget>(IEnumerable<Entity> source)
        where TRelation : Relation
        where TTarget : Entity =>
        Step<TTarget>(source, TraversalStep.Of<TRelation>(outgoing: true, incoming: false, single: false));

    /// <summary>The target of the first <typeparamref name="TRelation"/> relation of each entity of <paramref name="source"/> that has one.</summary>
    public static Traversal<TTarget> Target<TRelation, TTarget>(IEnumerable<Entity> source)
        where TRelation : Relation
        where TTarget : Entity =>
        Step<TTarget>(source, TraversalStep.Of<TRelation>(outgoing: true, incoming: false, single: true));

    /// <summary>The starts of the <typeparamref name="TRelation"/> relations that end at the entities of <paramref name="source"/>.</summary>
    public static Traversal<TOrigin> Origins<TRelation, TOrigin>(IEnumerable<Entity> source)
        where TRelation : Relation
        where TOrigin : Entity =>
        Step<TOrigin>(source, TraversalStep.Of<TRelation>(outgoing: false, incoming: true, single: false));

    /// <summary>The start of the first <typeparamref name="TRelation"/> relation that ends at each entity of <paramref name="source"/>, where there is one.</summary>
    public static Traversal<TOrigin> Origin<TRelation, TOrigin>(IEnumerable<Entity> source)
        where TRelation : Relation
        where TOrigin : Entity =>
        Step<TOrigin>(source, TraversalStep.Of<TRelation>(outgoing: false, incoming: true, single: true));

    /// <summary>The entities at the other end of the <typeparamref name="TRelation"/> relations of the entities of <paramref name="source"/>, whichever end they are at.</summary>
    public static Traversal<TOther> Neighbors<TRelation, TOther>(IEnumerable<Entity> source)
        where TRelation : Relation
        where TOther : Entity =>
        Step<TOther>(source, TraversalStep.Of<TRelation>(outgoing: true, incoming: true, single: false));

    /// <summary>The entity at the other end of the first <typeparamref name="TRelation"/> relation of each entity of <paramref name="source"/>, whichever end it is at.</summary>
    public static Traversal<TOther> Neighbor<TRelation, TOther>(IEnumerable<Entity> source)
        where TRelation : Relation
        where TOther : Entity =>
        Step<TOther>(source, TraversalStep.Of<TRelation>(outgoing: true, incoming: true, single: true));

    // A step on a traversal extends it, so that the whole walk runs in one loop over entity numbers.
    private static Traversal<TEnd> Step<TEnd>(IEnumerable<Entity> source, TraversalStep step)
        where TEnd : Entity
    {
        ArgumentNullException.ThrowIfNull(source);
        return source is ITraversal previous ? new(previous.Starts, [.. previous.Steps, step]) : new(source, [step]);
    }

    private static IEnumerable<TTarget> ManyIterator<TSource, TTarget>(IEnumerable<TSource> source, Func<TSource, GraphSet<TTarget>> step)
        where TTarget : class
    {
        foreach (var item in source)
        {
            foreach (var target in step(item))
            {
                yield return target;
            }
        }
    }
}
