namespace KnowledgeGraph;

/// <summary>One date of a <see cref="GraphView.Timeline"/>: a dated property of an entity or a relation.</summary>
public sealed record TimelineEntry
{
    internal TimelineEntry(PartialDate date, string property, GraphElement fact)
    {
        Date = date;
        Property = property;
        Fact = fact;
    }

    /// <summary>The date, as exact as the file gives it.</summary>
    public PartialDate Date { get; }

    /// <summary>The name of the dated property in the <c>.kg.json</c> file, such as <c>date</c>, <c>on</c> or <c>validFrom</c>.</summary>
    public string Property { get; }

    /// <summary>The entity or the relation that carries the date.</summary>
    public GraphElement Fact { get; }

    /// <summary>The entity that carries the date, or null when a relation does.</summary>
    public Entity? Entity => Fact as Entity;

    /// <summary>The relation that carries the date, or null when an entity does.</summary>
    public Relation? Relation => Fact as Relation;

    /// <summary>The entry as a line: <c>2025-02-12 on: Donald Trump —called→ Vladimir Putin</c>.</summary>
    public override string ToString() => $"{Date} {Property}: {Fact}";
}
