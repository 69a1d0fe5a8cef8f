using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace KnowledgeGraph;

/// <summary>One relation of a <see cref="GraphPath"/>, with the way the path crosses it.</summary>
/// <param name="Relation">The relation crossed.</param>
/// <param name="IsForward">True when the path goes from the relation's start to its end; false when it goes back.</param>
public readonly record struct PathStep(Relation Relation, bool IsForward)
{
    /// <summary>The entity the step leaves.</summary>
    public Entity Start => IsForward ? Relation.From : Relation.To;

    /// <summary>The entity the step reaches.</summary>
    public Entity End => IsForward ? Relation.To : Relation.From;
}

/// <summary>A chain of relations from one entity to another, such as a shortest path.</summary>
public sealed class GraphPath : IReadOnlyList<PathStep>
{
    private readonly PathStep[] _steps;

    internal GraphPath(Entity start, PathStep[] steps)
        : this(start, steps, steps.Length)
    {
    }

    internal GraphPath(Entity start, PathStep[] steps, double weight)
    {
        Start = start;
        _steps = steps;
        Weight = weight;
    }

    /// <summary>The entity the path starts at.</summary>
    public Entity Start { get; }

    /// <summary>The entity the path ends at.</summary>
    public Entity End => _steps.Length == 0 ? Start : _steps[^1].End;

    /// <summary>The number of relations on the path.</summary>
    public int Count => _steps.Length;

    /// <summary>
    /// The path's total weight: for a path found by weight (<see cref="GraphView.ShortestPath(Entity, Entity, Func{Relation, double}, PathDirection)"/>),
    /// the sum of its relations' weights; for any other path, its number of relations, each weighing 1.
    /// </summary>
    public double Weight { get; }

    /// <summary>The step at <paramref name="index"/>.</summary>
    public PathStep this[int index] => _steps[index];

    /// <summary>The entities along the path, from <see cref="Start"/> to <see cref="End"/>.</summary>
    public IReadOnlyList<Entity> Entities
    {
        get
        {
            var entities = new Entity[_steps.Length + 1];
            entities[0] = Start;
            for (var i = 0; i < _steps.Length; i++)
            {
                entities[i + 1] = _steps[i].End;
            }

            return entities;
        }
    }

    /// <inheritdoc />
    public IEnumerator<PathStep> GetEnumerator() => ((IEnumerable<PathStep>)_steps).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The path as a sentence: <c>Donald Trump —called→ Vladimir Putin ←leads— …</c>; an arrow pointing back
    /// marks a relation the path crosses from its end to its start.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(Start.ToString());
        foreach (var step in _steps)
        {
            text.Append(step.IsForward ? " —" : " ←")
                .Append(step.Relation.TypeName)
                .Append(step.IsForward ? "→ " : "— ")
                .Append(step.End);
        }

        return text.ToString();
    }

    internal static GraphPath Walk(Entity start, IEnumerable<Relation> relations)
    {
        var steps = new List<PathStep>();
        var at = start;
        foreach (var relation in relations)
        {
            var forward = ReferenceEquals(relation.From, at);
            if (!forward && !ReferenceEquals(relation.To, at))
            {
                throw new InvalidOperationException($"The relation '{relation}' does not continue the path at '{at}'.");
            }

            steps.Add(new PathStep(relation, forward));
            at = forward ? relation.To : relation.From;
        }

        return new GraphPath(start, steps.ToArray());
    }
}
