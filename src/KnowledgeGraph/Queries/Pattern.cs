using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace KnowledgeGraph;

/// <summary>A pattern of 1 variable (see <see cref="GraphView.Match{T}"/>): its matches, each an entity, in the order of the equivalent nested query.</summary>
/// <typeparam name="T1">The type of the first variable.</typeparam>
public sealed class Pattern<T1> : IEnumerable<T1>
    where T1 : Entity
{
    private readonly GraphView _view;
    private readonly IEnumerable<T1> _matches;

    internal Pattern(GraphView view, IEnumerable<T1> matches)
    {
        _view = view;
        _matches = matches;
    }

    /// <summary>Keeps the matches that <paramref name="predicate"/> accepts.</summary>
    public Pattern<T1> Where(Func<T1, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(_view, _matches.Where(row => predicate(row)));
    }

    /// <summary>Projects each match, such as <c>Select((t1) =&gt; …)</c>.</summary>
    /// <typeparam name="TResult">The type of a projected match.</typeparam>
    public IEnumerable<TResult> Select<TResult>(Func<T1, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return _matches.Select(row => selector(row));
    }

    /// <summary>Adds a variable: the entity a single-valued step (null: none) gives from the last variable, such as <c>Via(p =&gt; p.Leads)</c>.</summary>
    /// <typeparam name="T2">The type of the new variable.</typeparam>
    public Pattern<T1, T2> Via<T2>(Func<T1, T2?> step)
        where T2 : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(_view, _matches.SelectMany(row => Bind(step(row), next => (row, next))));
    }

    /// <summary>Adds a variable: each entity a list-valued step gives from the last variable, such as <c>Via(d =&gt; d.Attended)</c>.</summary>
    /// <typeparam name="T2">The type of the new variable.</typeparam>
    public Pattern<T1, T2> Via<T2>(Func<T1, IEnumerable<T2>> step)
        where T2 : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(_view, _matches.SelectMany(row => Bind(step(row), next => (row, next))));
    }

    /// <inheritdoc />
    public IEnumerator<T1> GetEnumerator() => _matches.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // A variable binds only entities of the view: a step may reach one the view leaves out.
    private IEnumerable<TRow> Bind<TNext, TRow>(TNext? next, Func<TNext, TRow> row)
        where TNext : Entity
    {
        if (next is not null && _view.Contains(next))
        {
            yield return row(next);
        }
    }

    private IEnumerable<TRow> Bind<TNext, TRow>(IEnumerable<TNext> next, Func<TNext, TRow> row)
        where TNext : Entity
    {
        foreach (var entity in next)
        {
            if (entity is not null && _view.Contains(entity))
            {
                yield return row(entity);
            }
        }
    }
}

/// <summary>A pattern of 2 variables (see <see cref="GraphView.Match{T}"/>): its matches, each a tuple of entities, one for each variable, in the order of the equivalent nested query.</summary>
/// <typeparam name="T1">The type of the first variable.</typeparam>
/// <typeparam name="T2">The type of the second variable.</typeparam>
public sealed class Pattern<T1, T2> : IEnumerable<(T1, T2)>
    where T1 : Entity
    where T2 : Entity
{
    private readonly GraphView _view;
    private readonly IEnumerable<(T1, T2)> _matches;

    internal Pattern(GraphView view, IEnumerable<(T1, T2)> matches)
    {
        _view = view;
        _matches = matches;
    }

    /// <summary>Keeps the matches that <paramref name="predicate"/> accepts.</summary>
    public Pattern<T1, T2> Where(Func<T1, T2, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(_view, _matches.Where(row => predicate(row.Item1, row.Item2)));
    }

    /// <summary>Projects each match, such as <c>Select((t1, t2) =&gt; …)</c>.</summary>
    /// <typeparam name="TResult">The type of a projected match.</typeparam>
    public IEnumerable<TResult> Select<TResult>(Func<T1, T2, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return _matches.Select(row => selector(row.Item1, row.Item2));
    }

    /// <summary>Adds a variable: the entity a single-valued step (null: none) gives from the last variable, such as <c>Via(p =&gt; p.Leads)</c>.</summary>
    /// <typeparam name="T3">The type of the new variable.</typeparam>
    public Pattern<T1, T2, T3> Via<T3>(Func<T2, T3?> step)
        where T3 : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(_view, _matches.SelectMany(row => Bind(step(row.Item2), next => (row.Item1, row.Item2, next))));
    }

    /// <summary>Adds a variable: each entity a list-valued step gives from the last variable, such as <c>Via(d =&gt; d.Attended)</c>.</summary>
    /// <typeparam name="T3">The type of the new variable.</typeparam>
    public Pattern<T1, T2, T3> Via<T3>(Func<T2, IEnumerable<T3>> step)
        where T3 : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(_view, _matches.SelectMany(row => Bind(step(row.Item2), next => (row.Item1, row.Item2, next))));
    }

    /// <summary>Adds a variable reached from any of the variables: the entity a single-valued step (null: none) gives, such as <c>Via((t1, t2) =&gt; t1.Leads)</c>.</summary>
    /// <typeparam name="T3">The type of the new variable.</typeparam>
    public Pattern<T1, T2, T3> Via<T3>(Func<T1, T2, T3?> step)
        where T3 : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(_view, _matches.SelectMany(row => Bind(step(row.Item1, row.Item2), next => (row.Item1, row.Item2, next))));
    }

    /// <summary>Adds a variable reached from any of the variables: each entity a list-valued step gives.</summary>
    /// <typeparam name="T3">The type of the new variable.</typeparam>
    public Pattern<T1, T2, T3> Via<T3>(Func<T1, T2, IEnumerable<T3>> step)
        where T3 : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(_view, _matches.SelectMany(row => Bind(step(row.Item1, row.Item2), next => (row.Item1, row.Item2, next))));
    }

    /// <inheritdoc />
    public IEnumerator<(T1, T2)> GetEnumerator() => _matches.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // A variable binds only entities of the view: a step may reach one the view leaves out.
    private IEnumerable<TRow> Bind<TNext, TRow>(TNext? next, Func<TNext, TRow> row)
        where TNext : Entity
    {
        if (next is not null && _view.Contains(next))
        {
            yield return row(next);
        }
    }

    private IEnumerable<TRow> Bind<TNext, TRow>(IEnumerable<TNext> next, Func<TNext, TRow> row)
        where TNext : Entity
    {
        foreach (var entity in next)
        {
            if (entity is not null && _view.Contains(entity))
            {
                yield return row(entity);
            }
        }
    }
}

/// <summary>A pattern of 3 variables (see <see cref="GraphView.Match{T}"/>): its matches, each a tuple of entities, one for each variable, in the order of the equivalent nested query.</summary>
/// <typeparam name="T1">The type of the first variable.</typeparam>
/// <typeparam name="T2">The type of the second variable.</typeparam>
/// <typeparam name="T3">The type of the third variable.</typeparam>
public sealed class Pattern<T1, T2, T3> : IEnumerable<(T1, T2, T3)>
    where T1 : Entity
    where T2 : Entity
    where T3 : Entity
{
    private readonly GraphView _view;
    private readonly IEnumerable<(T1, T2, T3)> _matches;

    internal Pattern(GraphView view, IEnumerable<(T1, T2, T3)> matches)
    {
        _view = view;
        _matches = matches;
    }

    /// <summary>Keeps the matches that <paramref name="predicate"/> accepts.</summary>
    public Pattern<T1, T2, T3> Where(Func<T1, T2, T3, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(_view, _matches.Where(row => predicate(row.Item1, row.Item2, row.Item3)));
    }

    /// <summary>Projects each match, such as <c>Select((t1, t2, t3) =&gt; …)</c>.</summary>
    /// <typeparam name="TResult">The type of a projected match.</typeparam>
    public IEnumerable<TResult> Select<TResult>(Func<T1, T2, T3, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return _matches.Select(row => selector(row.Item1, row.Item2, row.Item3));
    }

    /// <summary>Adds a variable: the entity a single-valued step (null: none) gives from the last variable, such as <c>Via(p =&gt; p.Leads)</c>.</summary>
    /// <typeparam name="T4">The type of the new variable.</typeparam>
    public Pattern<T1, T2, T3, T4> Via<T4>(Func<T3, T4?> step)
        where T4 : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(_view, _matches.SelectMany(row => Bind(step(row.Item3), next => (row.Item1, row.Item2, row.Item3, next))));
    }

    /// <summary>Adds a variable: each entity a list-valued step gives from the last variable, such as <c>Via(d =&gt; d.Attended)</c>.</summary>
    /// <typeparam name="T4">The type of the new variable.</typeparam>
    public Pattern<T1, T2, T3, T4> Via<T4>(Func<T3, IEnumerable<T4>> step)
        where T4 : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(_view, _matches.SelectMany(row => Bind(step(row.Item3), next => (row.Item1, row.Item2, row.Item3, next))));
    }

    /// <summary>Adds a variable reached from any of the variables: the entity a single-valued step (null: none) gives, such as <c>Via((t1, t2, t3) =&gt; t1.Leads)</c>.</summary>
    /// <typeparam name="T4">The type of the new variable.</typeparam>
    public Pattern<T1, T2, T3, T4> Via<T4>(Func<T1, T2, T3, T4?> step)
        where T4 : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(_view, _matches.SelectMany(row => Bind(step(row.Item1, row.Item2, row.Item3), next => (row.Item1, row.Item2, row.Item3, next))));
    }

    /// <summary>Adds a variable reached from any of the variables: each entity a list-valued step gives.</summary>
    /// <typeparam name="T4">The type of the new variable.</typeparam>
    public Pattern<T1, T2, T3, T4> Via<T4>(Func<T1, T2, T3, IEnumerable<T4>> step)
        where T4 : Entity
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(_view, _matches.SelectMany(row => Bind(step(row.Item1, row.Item2, row.Item3), next => (row.Item1, row.Item2, row.Item3, next))));
    }

    /// <inheritdoc />
    public IEnumerator<(T1, T2, T3)> GetEnumerator() => _matches.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // A variable binds only entities of the view: a step may reach one the view leaves out.
    private IEnumerable<TRow> Bind<TNext, TRow>(TNext? next, Func<TNext, TRow> row)
        where TNext : Entity
    {
        if (next is not null && _view.Contains(next))
        {
            yield return row(next);
        }
    }

    private IEnumerable<TRow> Bind<TNext, TRow>(IEnumerable<TNext> next, Func<TNext, TRow> row)
        where TNext : Entity
    {
        foreach (var entity in next)
        {
            if (entity is not null && _view.Contains(entity))
            {
                yield return row(entity);
            }
        }
    }
}

/// <summary>A pattern of 4 variables (see <see cref="GraphView.Match{T}"/>): its matches, each a tuple of entities, one for each variable, in the order of the equivalent nested query.</summary>
/// <typeparam name="T1">The type of the first variable.</typeparam>
/// <typeparam name="T2">The type of the second variable.</typeparam>
/// <typeparam name="T3">The type of the third variable.</typeparam>
/// <typeparam name="T4">The type of the fourth variable.</typeparam>
public sealed class Pattern<T1, T2, T3, T4> : IEnumerable<(T1, T2, T3, T4)>
    where T1 : Entity
    where T2 : Entity
    where T3 : Entity
    where T4 : Entity
{
    private readonly GraphView _view;
    private readonly IEnumerable<(T1, T2, T3, T4)> _matches;

    internal Pattern(GraphView view, IEnumerable<(T1, T2, T3, T4)> matches)
    {
        _view = view;
        _matches = matches;
    }

    /// <summary>Keeps the matches that <paramref name="predicate"/> accepts.</summary>
    public Pattern<T1, T2, T3, T4> Where(Func<T1, T2, T3, T4, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(_view, _matches.Where(row => predicate(row.Item1, row.Item2, row.Item3, row.Item4)));
    }

    /// <summary>Projects each match, such as <c>Select((t1, t2, t3, t4) =&gt; …)</c>.</summary>
    /// <typeparam name="TResult">The type of a projected match.</typeparam>
    public IEnumerable<TResult> Select<TResult>(Func<T1, T2, T3, T4, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return _matches.Select(row => selector(row.Item1, row.Item2, row.Item3, row.Item4));
    }

    /// <inheritdoc />
    public IEnumerator<(T1, T2, T3, T4)> GetEnumerator() => _matches.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
