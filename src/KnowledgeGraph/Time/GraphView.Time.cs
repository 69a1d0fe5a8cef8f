using System;
using System.Collections.Generic;
using System.Linq;

namespace KnowledgeGraph;

// Time: one rule decides what a view of a day or a period keeps.
//
// An entity or relation holds over a period [start, end]: start is its validFrom or, without one, the earliest
// of its other dates (a meeting's date, a call's "on"); end is its validTo, and without one the period stays
// open. A vague date is read as wide as it is: "2025-02" may be any day of February, so a period starting
// "2025-02" may include 1 February and one ending "2025-02" may include 28 February. Undated things are
// timeless and always kept.
public abstract partial class GraphView
{
    /// <summary>
    /// The graph as it stood on <paramref name="date"/>: the entities and relations whose period may include that
    /// day, and the relations between the kept entities.
    /// </summary>
    /// <remarks>
    /// A thing's period starts at its <c>validFrom</c>, or without one at the earliest of its other dates (a
    /// meeting's <c>date</c>, a call's <c>on</c>: what happened later is not yet part of the story), and ends at
    /// its <c>validTo</c> (open without one). A vague date is read as wide as it is: a fact valid from
    /// <c>2025-02</c> is kept on 1 February; one valid to <c>2025-02</c> is kept on 28 February. Undated things are
    /// always kept.
    /// </remarks>
    public GraphView AsOf(DateOnly date) =>
        new Subgraph(this, entity => MayHold(Period.Of(entity), date, date), relation => MayHold(Period.Of(relation), date, date));

    /// <summary>
    /// The graph during the days from <paramref name="from"/> to <paramref name="to"/> (both included): the entities
    /// and relations whose period may overlap those days, and the relations between the kept entities.
    /// </summary>
    /// <remarks>Periods are read as <see cref="AsOf"/> reads them.</remarks>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public GraphView Between(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        return new Subgraph(this, entity => MayHold(Period.Of(entity), from, to), relation => MayHold(Period.Of(relation), from, to));
    }

    /// <summary>
    /// Every date the entities and relations of the view carry (dated properties, <c>validFrom</c>, <c>validTo</c>),
    /// in time order.
    /// </summary>
    /// <remarks>
    /// Dates are ordered as <see cref="PartialDate"/> orders them: by their first day, and a vaguer date before a
    /// more exact one starting the same day (<c>2025-02</c> before <c>2025-02-01</c>). Equal dates keep file order:
    /// entities before relations, each in the order of the files, and the dates of one thing in the order it lists
    /// them (<c>validFrom</c> and <c>validTo</c> first). A view's timeline shows every date of the things it keeps,
    /// even one outside its period (the end of a fact that still held on the view's day).
    /// </remarks>
    public IReadOnlyList<TimelineEntry> Timeline()
    {
        var entries = new List<TimelineEntry>();
        var dates = new List<DatedValue>();
        foreach (var fact in Store.Entities.Concat<GraphElement>(Store.Relations))
        {
            dates.Clear();
            fact.CollectDates(dates);
            entries.AddRange(dates.Select(dated => new TimelineEntry(dated.Date, dated.Property, fact)));
        }

        // OrderBy is stable: equal dates keep the file order in which they were collected.
        return entries.OrderBy(entry => entry.Date).ToArray();
    }

    // Whether a period may overlap the days [from, to].
    private static bool MayHold(Period period, DateOnly from, DateOnly to) =>
        (period.Start is not { } start || start.Earliest <= to) && (period.End is not { } end || end.Latest >= from);
}
