using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace KnowledgeGraph;

/// <summary>
/// The two shapes of a traversal step over a sequence of entities; generated step methods such as
/// <c>people.Leads()</c> are one line each on top of these.
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

    /// <summary>The target that <paramref name="step"/> gives for each entity of <paramref name="source"/> that has one, in order.</summary>
    public static IEnumerable<TTarget> One<TSource, TTarget>(IEnumerable<TSource> source, Func<TSource, TTarget?> step)
        where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(step);
        return OneIterator(source, step);
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

    private static IEnumerable<TTarget> OneIterator<TSource, TTarget>(IEnumerable<TSource> source, Func<TSource, TTarget?> step)
        where TTarget : class
    {
        foreach (var item in source)
        {
            if (step(item) is { } target)
            {
                yield return target;
            }
        }
    }
}
