using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Language.Validation;

/// <summary>How one value fared against its property's pattern.</summary>
internal enum PatternCheck
{
    Matches,
    Breaks,

    /// <summary>The pattern took longer than <see cref="PatternChecks.Timeout"/>: it is not used again.</summary>
    TimedOut,

    /// <summary>Not checked: the pattern timed out before, or the graph's budget is spent.</summary>
    Skipped,
}

/// <summary>
/// Checks the values of one graph against their properties' patterns within bounds. Patterns come from files,
/// and one that backtracks without end must cost a build a few seconds, not a timeout for every value.
/// </summary>
/// <remarks>
/// A pattern that takes longer than <see cref="Timeout"/> on a value is given up for the rest of the build; once
/// the checks took <see cref="Budget"/> in all, no more are made. A graph thus spends on patterns at most the
/// budget and the one timeout of the check that spends it.
/// </remarks>
internal sealed class PatternChecks
{
    /// <summary>How long one value may take to match: in the build, and in the generated run-time check.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>How long the pattern checks of one graph may take in all.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2.5);

    private static readonly long BudgetTicks = (long)(Budget.TotalSeconds * Stopwatch.Frequency);

    // What each pattern cost so far, found with one lookup per value.
    private readonly Dictionary<PropertyInfo, Cost> _costs = [];
    private long _totalTicks;

    /// <summary>Whether the checks took the whole budget: every later check is skipped.</summary>
    public bool IsSpent => _totalTicks >= BudgetTicks;

    /// <summary>The property whose pattern took the longest so far; null before any check.</summary>
    public PropertyInfo? Costliest
    {
        get
        {
            PropertyInfo? costliest = null;
            var most = -1L;
            foreach (var pair in _costs)
            {
                if (pair.Value.Ticks > most)
                {
                    (costliest, most) = (pair.Key, pair.Value.Ticks);
                }
            }

            return costliest;
        }
    }

    /// <summary>"1 s", "2.5 s": a duration as messages give it.</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";

    public PatternCheck Check(PropertyInfo property, Regex pattern, string value)
    {
        if (IsSpent)
        {
            return PatternCheck.Skipped;
        }

        if (!_costs.TryGetValue(property, out var cost))
        {
            _costs.Add(property, cost = new Cost());
        }
        else if (cost.IsGivenUp)
        {
            return PatternCheck.Skipped;
        }

        var start = Stopwatch.GetTimestamp();
        PatternCheck check;
        try
        {
            check = pattern.IsMatch(value) ? PatternCheck.Matches : PatternCheck.Breaks;
        }
        catch (RegexMatchTimeoutException)
        {
            cost.IsGivenUp = true;
            check = PatternCheck.TimedOut;
        }

        var ticks = Stopwatch.GetTimestamp() - start;
        cost.Ticks += ticks;
        _totalTicks += ticks;
        return check;
    }

    private sealed class Cost
    {
        public long Ticks { get; set; }

        public bool IsGivenUp { get; set; }
    }
}
