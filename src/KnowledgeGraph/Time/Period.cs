using System.Collections.Generic;

namespace KnowledgeGraph;

/// <summary>When a thing held: from <see cref="Start"/> to <see cref="End"/>, either unknown (open) when null.</summary>
internal readonly record struct Period(PartialDate? Start, PartialDate? End)
{
    public static Period Of(Entity entity)
    {
        var dates = new List<DatedValue>();
        entity.CollectDates(dates);
        return new Period(Earliest(dates), null);
    }

    public static Period Of(Relation relation)
    {
        if (relation.ValidFrom is { } validFrom)
        {
            return new Period(validFrom, relation.ValidTo);
        }

        var dates = new List<DatedValue>();
        relation.CollectDates(dates);
        return new Period(Earliest(dates), relation.ValidTo);
    }

    // The earliest date that may start the period; validTo ends one and never starts it.
    private static PartialDate? Earliest(List<DatedValue> dates)
    {
        PartialDate? earliest = null;
        foreach (var dated in dates)
        {
            if (dated.Property != "validTo" && (earliest is not { } known || dated.Date.Earliest < known.Earliest))
            {
                earliest = dated.Date;
            }
        }

        return earliest;
    }
}
