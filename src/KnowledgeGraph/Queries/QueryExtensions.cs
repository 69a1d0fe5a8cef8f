using System;
using System.Collections.Generic;
using System.Linq;

namespace KnowledgeGraph;

/// <summary>
/// LINQ operators for typed graphs: edge steps that keep the relation, steps back to typed entities, query
/// expressions over single-valued navigation, multi-hop steps and closures, and provenance filters.
/// </summary>
/// <remarks>
/// Steps on sequences are lazy and keep repeats, as LINQ's <c>SelectMany</c> does (add <c>Distinct()</c> for a
/// set); <see cref="Repeat{T}(IEnumerable{T}, Func{T, IEnumerable{T}}, int)"/> and
/// <see cref="Closure{T}(IEnumerable{T}, Func{T, IEnumerable{T}}, int)"/> give each entity once. They read the
/// whole graph, as entity navigation does.
/// </remarks>
public static class QueryExtensions
{
    /// <summary>
    /// The relations of type <typeparamref name="TRelation"/> starting at the entities of <paramref name="source"/>,
    /// in order: an edge step that keeps each fact and its properties, such as
    /// <c>people.Outgoing&lt;Called&gt;().Where(c =&gt; c.On &lt; day).To()</c>.
    /// </summary>
    public static IEnumerable<TRelation> Outgoing<TRelation>(this IEnumerable<Entity> source) where TRelation : Relation
    {
        ArgumentNullException.ThrowIfNull(source);
        return EdgeStep<TRelation>(source, forward: true);
    }

    /// <summary>
    /// The relations of type <typeparamref name="TRelation"/> ending at the entities of <paramref name="source"/>,
    /// in order: the edge step backwards.
    /// </summary>
    public static IEnumerable<TRelation> Incoming<TRelation>(this IEnumerable<Entity> source) where TRelation : Relation
    {
        ArgumentNullException.ThrowIfNull(source);
        return EdgeStep<TRelation>(source, forward: false);
    }

    /// <summary>The entity each relation ends at, typed: <c>IEnumerable&lt;Called&gt;</c> gives <c>IEnumerable&lt;Person&gt;</c>.</summary>
    public static IEnumerable<TTo> To<TFrom, TTo>(this IEnumerable<Relation<TFrom, TTo>> relations)
        where TFrom : Entity
        where TTo : Entity
    {
        ArgumentNullException.ThrowIfNull(relations);
        return relations.Select(relation => relation.To);
    }

    /// <summary>
    /// The entity each relation ends at, for relations of any type: <c>g.Outgoing&lt;Relation&gt;(e).To()</c>. Relations of
    /// one type give their typed ends (<see cref="To{TFrom, TTo}"/>).
    /// </summary>
    public static IEnumerable<Entity> To(this IEnumerable<Relation> relations)
    {
        ArgumentNullException.ThrowIfNull(relations);
        return relations.Select(relation => relation.To);
    }

    /// <summary>The entity each relation starts at, for relations of any type: <c>g.Incoming&lt;Relation&gt;(e).From()</c>.</summary>
    public static IEnumerable<Entity> From(this IEnumerable<Relation> relations)
    {
        ArgumentNullException.ThrowIfNull(relations);
        return relations.Select(relation => relation.From);
    }

    /// <summary>The entity each relation starts at, typed: <c>IEnumerable&lt;Leads&gt;</c> gives <c>IEnumerable&lt;Person&gt;</c>.</summary>
    public static IEnumerable<TFrom> From<TFrom, TTo>(this IEnumerable<Relation<TFrom, TTo>> relations)
        where TFrom : Entity
        where TTo : Entity
    {
        ArgumentNullException.ThrowIfNull(relations);
        return relations.Select(relation => relation.From);
    }

    /// <summary>The relations that cite <paramref name="source"/>, such as <c>g.Relations&lt;Stated&gt;().CitedBy(g.ReutersIstanbul)</c>.</summary>
    public static IEnumerable<TRelation> CitedBy<TRelation>(this IEnumerable<TRelation> relations, Entity source) where TRelation : Relation
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(source);
        return relations.Where(relation => relation.Sources.Contains(source));
    }

    /// <summary>
    /// A single-valued step as a sequence step: the value of <paramref name="selector"/> for each item that has one.
    /// It lets query expressions step along one-to-one and many-to-one navigation
    /// (<c>from p in people from d in p.Leads select d</c>): a missing value is no value.
    /// </summary>
    public static IEnumerable<TNext> SelectMany<TSource, TNext>(this IEnumerable<TSource> source, Func<TSource, TNext?> selector)
        where TNext : Entity
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selector);
        return Present(source, selector);

        static IEnumerable<TNext> Present(IEnumerable<TSource> source, Func<TSource, TNext?> selector)
        {
            foreach (var item in source)
            {
                if (selector(item) is { } next)
                {
                    yield return next;
                }
            }
        }
    }

    /// <summary>
    /// The query-expression form of <see cref="SelectMany{TSource, TNext}(IEnumerable{TSource}, Func{TSource, TNext})"/>:
    /// <c>from p in people from d in p.Leads select (p, d)</c> pairs each person with the delegation they lead, and
    /// leaves out the people who lead none.
    /// </summary>
    public static IEnumerable<TResult> SelectMany<TSource, TNext, TResult>(
        this IEnumerable<TSource> source, Func<TSource, TNext?> selector, Func<TSource, TNext, TResult> resultSelector)
        where TNext : Entity
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(resultSelector);
        return SelectManyIterator(source, selector, resultSelector);
    }

    /// <summary>
    /// The entities exactly <paramref name="times"/> steps away from <paramref name="start"/> (by some walk of that
    /// length), each once, in the order first reached; <c>times = 0</c> gives the start entities.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is negative.</exception>
    public static IEnumerable<T> Repeat<T>(this IEnumerable<T> start, Func<T, IEnumerable<T>> step, int times) where T : Entity
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        return RepeatIterator(start, step, times);
    }

    /// <summary>As <see cref="Repeat{T}(IEnumerable{T}, Func{T, IEnumerable{T}}, int)"/>, with a single-valued step (null: none).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is negative.</exception>
    public static IEnumerable<T> Repeat<T>(this IEnumerable<T> start, Func<T, T?> step, int times) where T : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return start.Repeat(One(step), times);
    }

    /// <summary>As <see cref="Repeat{T}(IEnumerable{T}, Func{T, IEnumerable{T}}, int)"/>, from one entity.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is negative.</exception>
    public static IEnumerable<T> Repeat<T>(this T start, Func<T, IEnumerable<T>> step, int times) where T : Entity
    {
        ArgumentNullException.ThrowIfNull(start);
        return new[] { start }.Repeat(step, times);
    }

    /// <summary>As <see cref="Repeat{T}(IEnumerable{T}, Func{T, IEnumerable{T}}, int)"/>, from one entity with a single-valued step.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is negative.</exception>
    public static IEnumerable<T> Repeat<T>(this T start, Func<T, T?> step, int times) where T : Entity
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(step);
        return new[] { start }.Repeat(One(step), times);
    }

    /// <summary>
    /// Every entity reachable from <paramref name="start"/> in one to <paramref name="maxDepth"/> steps, each once,
    /// nearest first (then in the order reached): the transitive closure, such as every place a venue lies in.
    /// </summary>
    /// <param name="start">Where to start. A start entity is in the result only when a walk of one step or more leads back to it (or to it from another start).</param>
    /// <param name="step">The step, usually a navigation member: <c>p =&gt; p.LocatedIn</c>.</param>
    /// <param name="maxDepth">The most steps to take; by default, until nothing new is reached. Cycles are safe: each entity is stepped from once.</param>
    /// <remarks>
    /// When the start type is narrower than the step's (a venue, stepping along a place's <c>LocatedIn</c>), name
    /// the step's type: <c>venue.Closure((Place p) =&gt; p.LocatedIn)</c>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    public static IEnumerable<T> Closure<T>(this IEnumerable<T> start, Func<T, IEnumerable<T>> step, int maxDepth = int.MaxValue) where T : Entity
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        return ClosureIterator(start, step, maxDepth);
    }

    /// <summary>As <see cref="Closure{T}(IEnumerable{T}, Func{T, IEnumerable{T}}, int)"/>, with a single-valued step (null: none).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    public static IEnumerable<T> Closure<T>(this IEnumerable<T> start, Func<T, T?> step, int maxDepth = int.MaxValue) where T : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return start.Closure(One(step), maxDepth);
    }

    /// <summary>As <see cref="Closure{T}(IEnumerable{T}, Func{T, IEnumerable{T}}, int)"/>, from one entity.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    public static IEnumerable<T> Closure<T>(this T start, Func<T, IEnumerable<T>> step, int maxDepth = int.MaxValue) where T : Entity
    {
        ArgumentNullException.ThrowIfNull(start);
        return new[] { start }.Closure(step, maxDepth);
    }

    /// <summary>
    /// As <see cref="Closure{T}(IEnumerable{T}, Func{T, IEnumerable{T}}, int)"/>, from one entity, with a step over
    /// entities of any type: <c>g.Armstrong.Closure(e =&gt; g.Outgoing&lt;Relation&gt;(e).To())</c> compiles from an
    /// entity of any type, where the step's results need not be of the start's type.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    public static IEnumerable<Entity> Closure(this Entity start, Func<Entity, IEnumerable<Entity>> step, int maxDepth = int.MaxValue) =>
        Closure<Entity>(start, step, maxDepth);

    /// <summary>
    /// As <see cref="Closure{T}(IEnumerable{T}, Func{T, IEnumerable{T}}, int)"/>, from one entity with a single-valued
    /// step: <c>g.ConsulGeneralResidence.Closure((Place p) =&gt; p.LocatedIn)</c> gives Istanbul, then Türkiye.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    public static IEnumerable<T> Closure<T>(this T start, Func<T, T?> step, int maxDepth = int.MaxValue) where T : Entity
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(step);
        return new[] { start }.Closure(One(step), maxDepth);
    }

    /// <summary>
    /// A path that follows a relation of <paramref name="first"/>, then one of <paramref name="next"/>: the entities two
    /// hops from a start, such as the countries of the delegations a person leads (<c>leads.Then(represents)</c>).
    /// </summary>
    /// <remarks>
    /// The next index may start at the first one's target type or at any type it extends: an index ending at
    /// <c>Country</c> chains into one starting at <c>Place</c> (<c>represents.Then(locatedIn)</c>).
    /// </remarks>
    /// <param name="first">The index of the first hop.</param>
    /// <param name="next">The index of the next hop.</param>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> or <paramref name="next"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="next"/> is an index of another graph.</exception>
    public static RelationPath<TFrom, TNext> Then<TRelation, TFrom, TTo, TNextRelation, TVia, TNext>(
        this RelationIndex<TRelation, TFrom, TTo> first,
        RelationIndex<TNextRelation, TVia, TNext> next)
        where TRelation : Relation<TFrom, TTo>
        where TFrom : Entity
        where TTo : TVia
        where TNextRelation : Relation<TVia, TNext>
        where TVia : Entity
        where TNext : Entity
    {
        ArgumentNullException.ThrowIfNull(first);
        return RelationPath<TFrom, TNext>.Through(first.Root, [first.Hop], next);
    }

    /// <summary>A path, then a relation of <paramref name="next"/>, which may start at the path's end type or any type it extends.</summary>
    /// <param name="path">The path so far.</param>
    /// <param name="next">The index of the next hop.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="next"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="next"/> is an index of another graph.</exception>
    /// <exception cref="InvalidOperationException">The path would have more than <see cref="RelationPath{TFrom, TTo}.MaxHops"/> hops.</exception>
    public static RelationPath<TFrom, TNext> Then<TFrom, TTo, TNextRelation, TVia, TNext>(
        this RelationPath<TFrom, TTo> path,
        RelationIndex<TNextRelation, TVia, TNext> next)
        where TFrom : Entity
        where TTo : TVia
        where TNextRelation : Relation<TVia, TNext>
        where TVia : Entity
        where TNext : Entity
    {
        ArgumentNullException.ThrowIfNull(path);
        return RelationPath<TFrom, TNext>.Through(path.Root, path.HopList, next);
    }

    // Reads each entity's relations straight from its graph's store: one iterator for the whole step, not one an entity.
    private static IEnumerable<TRelation> EdgeStep<TRelation>(IEnumerable<Entity> source, bool forward) where TRelation : Relation
    {
        foreach (var entity in source)
        {
            if (entity.Owner is not { } graph)
            {
                continue;
            }

            var adjacency = graph.Store.Adjacency;
            var (relations, start, end) = forward ? adjacency.OutRange(entity.Ordinal) : adjacency.InRange(entity.Ordinal);
            for (var k = start; k < end; k++)
            {
                if (relations[k] is TRelation relation)
                {
                    yield return relation;
                }
            }
        }
    }

    private static Func<T, IEnumerable<T>> One<T>(Func<T, T?> step) where T : Entity =>
        item => step(item) is { } next ? [next] : [];

    private static IEnumerable<TResult> SelectManyIterator<TSource, TNext, TResult>(
        IEnumerable<TSource> source, Func<TSource, TNext?> selector, Func<TSource, TNext, TResult> resultSelector)
        where TNext : Entity
    {
        foreach (var item in source)
        {
            if (selector(item) is { } next)
            {
                yield return resultSelector(item, next);
            }
        }
    }

    private static IEnumerable<T> RepeatIterator<T>(IEnumerable<T> start, Func<T, IEnumerable<T>> step, int times) where T : Entity
    {
        // Level by level, each level a set: the walks of every length stay bounded by the graph, not exponential.
        var level = Distinct(start);
        for (var i = 0; i < times && level.Count > 0; i++)
        {
            level = Distinct(level.SelectMany(at => step(at) ?? []));
        }

        foreach (var entity in level)
        {
            yield return entity;
        }
    }

    private static IEnumerable<T> ClosureIterator<T>(IEnumerable<T> start, Func<T, IEnumerable<T>> step, int maxDepth) where T : Entity
    {
        // Breadth first, so each entity comes at its least depth; an entity is stepped from once (cycles end),
        // and a start entity is reported only when reached again.
        var steppedFrom = new HashSet<T>(ReferenceEqualityComparer.Instance);
        var reported = new HashSet<T>(ReferenceEqualityComparer.Instance);
        var level = new List<T>();
        foreach (var entity in start)
        {
            if (entity is not null && steppedFrom.Add(entity))
            {
                level.Add(entity);
            }
        }

        for (var depth = 1; depth <= maxDepth && level.Count > 0; depth++)
        {
            var next = new List<T>();
            foreach (var at in level)
            {
                foreach (var reached in step(at) ?? [])
                {
                    if (reached is null)
                    {
                        continue;
                    }

                    if (reported.Add(reached))
                    {
                        yield return reached;
                    }

                    if (steppedFrom.Add(reached))
                    {
                        next.Add(reached);
                    }
                }
            }

            level = next;
        }
    }

    private static List<T> Distinct<T>(IEnumerable<T> items) where T : Entity
    {
        var seen = new HashSet<T>(ReferenceEqualityComparer.Instance);
        var distinct = new List<T>();
        foreach (var item in items)
        {
            if (item is not null && seen.Add(item))
            {
                distinct.Add(item);
            }
        }

        return distinct;
    }
}
