using System;
using System.Globalization;
using System.Linq;

namespace KnowledgeGraph;

/// <summary>How much of a <see cref="PartialDate"/> is known.</summary>
public enum DatePrecision
{
    /// <summary>Only the year, as in <c>2025</c>.</summary>
    Year,

    /// <summary>The year and month, as in <c>2025-02</c>.</summary>
    Month,

    /// <summary>The exact day, as in <c>2025-02-12</c>.</summary>
    Day,
}

/// <summary>
/// A date known to the day, the month or only the year, as texts often give it (<c>"last month"</c> in a
/// February article is <c>2025-01</c>).
/// </summary>
/// <remarks>
/// A vague date stands for every day of its period: <c>2025-02</c> may be any day from
/// <see cref="Earliest"/> (1 February) to <see cref="Latest"/> (28 February). Time queries read it as wide as
/// it is: a fact from <c>2025-02</c> may hold on 10 February, so <c>AsOf(2025-02-10)</c> includes it. Sorting
/// puts dates in order of their earliest day, and a vaguer date before a more exact one on the same day
/// (<c>2025</c>, <c>2025-01</c>, <c>2025-01-01</c>, <c>2025-01-02</c>).
/// </remarks>
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>
{
    /// <summary>A date of the given precision: a year, a month of a year, or a day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The parts do not make a date, or a day is given without a month.</exception>
    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (day is not null && month is null)
        {
            throw new ArgumentOutOfRangeException(nameof(day), "A day needs a month.");
        }

        // DateOnly checks every part: the year's range, the month, and the day within that month.
        Earliest = new DateOnly(year, month ?? 1, day ?? 1);
        Precision = day is not null ? DatePrecision.Day : month is not null ? DatePrecision.Month : DatePrecision.Year;
    }

    // The day and the precision as they are, for Unpack (they were checked when the date was first made).
    private PartialDate(DateOnly earliest, DatePrecision precision)
    {
        Earliest = earliest;
        Precision = precision;
    }

    /// <summary>How much of the date is known.</summary>
    public DatePrecision Precision { get; }

    /// <summary>The first day the date may stand for.</summary>
    public DateOnly Earliest { get; }

    /// <summary>The last day the date may stand for.</summary>
    public DateOnly Latest => Precision switch
    {
        DatePrecision.Day => Earliest,
        DatePrecision.Month => Earliest.AddMonths(1).AddDays(-1),
        _ => Earliest.AddYears(1).AddDays(-1),
    };

    /// <summary>The year.</summary>
    public int Year => Earliest.Year;

    /// <summary>The month, or null when only the year is known.</summary>
    public int? Month => Precision == DatePrecision.Year ? null : Earliest.Month;

    /// <summary>The day, or null when it is not known.</summary>
    public int? Day => Precision == DatePrecision.Day ? Earliest.Day : null;

    /// <summary>Whether <paramref name="date"/> is one of the days this date may stand for.</summary>
    public bool MayBe(DateOnly date) => Earliest <= date && date <= Latest;

    /// <summary>Reads <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    /// <exception cref="FormatException">The text is none of those, or not a real date.</exception>
    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date written yyyy, yyyy-MM or yyyy-MM-dd.");

    /// <summary>Reads <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>; false when the text is none of those.</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (text is null)
        {
            return false;
        }

        var parts = text.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(part => part.Length != 2))
        {
            return false;
        }

        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        int? month = numbers.Length > 1 ? numbers[1] : null;
        int? day = numbers.Length > 2 ? numbers[2] : null;
        if (numbers[0] < 1 || month is < 1 or > 12 || day is < 1 || (day is { } d && d > DateTime.DaysInMonth(numbers[0], month!.Value)))
        {
            return false;
        }

        date = new PartialDate(numbers[0], month, day);
        return true;
    }

    /// <summary>A date or none in one int, for facts that store many: 0 for none, else 4 × its first day number + precision + 1.</summary>
    internal static int Pack(PartialDate? date) =>
        date is { } value ? (value.Earliest.DayNumber << 2) + (int)value.Precision + 1 : 0;

    /// <summary>The date <see cref="Pack"/> gave.</summary>
    internal static PartialDate? Unpack(int packed) =>
        packed == 0 ? null : new PartialDate(DateOnly.FromDayNumber((packed - 1) >> 2), (DatePrecision)((packed - 1) & 3));

    /// <summary>An exact day.</summary>
    public static implicit operator PartialDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <inheritdoc />
    public bool Equals(PartialDate other) => Earliest == other.Earliest && Precision == other.Precision;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Earliest, Precision);

    /// <inheritdoc />
    public int CompareTo(PartialDate other)
    {
        var byDay = Earliest.CompareTo(other.Earliest);
        return byDay != 0 ? byDay : Precision.CompareTo(other.Precision);
    }

    /// <summary>The date as written in a file: <c>2025</c>, <c>2025-02</c> or <c>2025-02-12</c>.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Month => Earliest.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Earliest.ToString("yyyy", CultureInfo.InvariantCulture),
    };

#pragma warning disable CS1591 // The operators say what CompareTo says.
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
#pragma warning restore CS1591
}
