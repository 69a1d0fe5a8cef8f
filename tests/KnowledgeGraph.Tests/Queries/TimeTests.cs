using System;
using System.Linq;
using KnowledgeGraph.Tests.Runtime;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>
/// AsOf, Between and Timeline on hand-written graphs. The rule: a thing holds from its validFrom (or, without one,
/// its earliest other date) to its validTo (open without one); vague dates are read as wide as they are; undated
/// things always hold; a relation needs both ends.
/// </summary>
public sealed class TimeTests
{
    private static readonly DateOnly Feb15 = new(2025, 2, 15);

    private readonly QueryWorld _g = new();

    [Fact]
    public void AsOf_keeps_what_had_happened_by_that_day_and_what_still_held()
    {
        var view = _g.AsOf(Feb15);

        // Meetings of 18 Feb, 27 Feb and March had not happened; reuters (28 Feb) was not out; tass (2025-02) may have been.
        Assert.Equal(
            [_g.Trump, _g.Putin, _g.Darchiyev, _g.Coulter, _g.Witkoff, _g.Russia, _g.Usa, _g.RussianDelegation, _g.UsDelegation,
             _g.Observers, _g.Residence, _g.Istanbul, _g.Turkiye, _g.Riyadh, _g.SaudiArabia, _g.Greece, _g.Bulgaria, _g.Tass],
            view.Entities<Entity>());

        // R0 (12 Feb) yes; R1 (18 Mar), R2 (20 Feb) not yet; R3 valid from 2025-02; R7–R13 touch a missing meeting.
        Assert.Equal(
            [_g.R0, _g.R3, _g.R4, _g.R5, _g.R6, _g.R14, _g.R15, _g.R16, _g.R17, _g.R18, _g.R19],
            view.Relations<Relation>());
        Assert.Equal(18, view.EntityCount);
        Assert.Equal(11, view.RelationCount);
    }

    [Fact]
    public void A_dated_thing_is_kept_from_its_day_on()
    {
        Assert.DoesNotContain(_g.R0, _g.AsOf(new DateOnly(2025, 2, 11)).Relations<Called>());
        Assert.Contains(_g.R0, _g.AsOf(new DateOnly(2025, 2, 12)).Relations<Called>());
        Assert.Contains(_g.R0, _g.AsOf(new DateOnly(2030, 1, 1)).Relations<Called>()); // no validTo: open
        Assert.False(_g.AsOf(new DateOnly(2025, 2, 26)).Contains(_g.Talks));
        Assert.True(_g.AsOf(new DateOnly(2025, 2, 27)).Contains(_g.Talks));
    }

    [Fact]
    public void Month_precision_is_read_as_wide_as_it_is()
    {
        // R3: validFrom 2025-02, validTo 2025-04: from 1 February to 30 April, both included.
        Assert.False(_g.AsOf(new DateOnly(2025, 1, 31)).Contains(_g.R3));
        Assert.True(_g.AsOf(new DateOnly(2025, 2, 1)).Contains(_g.R3));
        Assert.True(_g.AsOf(new DateOnly(2025, 4, 30)).Contains(_g.R3));
        Assert.False(_g.AsOf(new DateOnly(2025, 5, 1)).Contains(_g.R3));

        // The spring talks (2025-03) may be any day of March.
        Assert.False(_g.AsOf(new DateOnly(2025, 2, 28)).Contains(_g.SpringTalks));
        Assert.True(_g.AsOf(new DateOnly(2025, 3, 1)).Contains(_g.SpringTalks));
        Assert.True(_g.Between(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1)).Contains(_g.SpringTalks));
        Assert.False(_g.Between(new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28)).Contains(_g.SpringTalks));
    }

    [Fact]
    public void Year_precision_and_leap_days()
    {
        var open = new OpenGraph();
        var a = open.AddEntity(new Person("a") { Name = "A" });
        var b = open.AddEntity(new Person("b") { Name = "B" });
        var year = open.AddRelation(new MetWith(a, b) { ValidFrom = new PartialDate(2025) });
        var ended = open.AddRelation(new MetWith(a, b) { ValidTo = new PartialDate(2024) });
        var leap = open.AddRelation(new MetWith(a, b) { ValidTo = new PartialDate(2024, 2) });
        var g = open.Seal();

        Assert.Equal([ended, leap], g.AsOf(new DateOnly(2024, 2, 29)).Relations<MetWith>());
        Assert.Equal([ended], g.AsOf(new DateOnly(2024, 3, 1)).Relations<MetWith>());
        Assert.Equal([ended], g.AsOf(new DateOnly(2024, 12, 31)).Relations<MetWith>());
        Assert.Equal([year], g.AsOf(new DateOnly(2025, 1, 1)).Relations<MetWith>());
        Assert.Equal([year], g.AsOf(new DateOnly(2025, 12, 31)).Relations<MetWith>());
        Assert.Equal([year, ended, leap], g.Between(new DateOnly(2024, 2, 1), new DateOnly(2025, 1, 1)).Relations<MetWith>());
    }

    [Fact]
    public void ValidFrom_comes_before_other_dates_and_validTo_never_starts_a_period()
    {
        var open = new OpenGraph();
        var a = open.AddEntity(new Person("a") { Name = "A" });
        var b = open.AddEntity(new Person("b") { Name = "B" });
        // Called on 12 Feb, but said to hold only from March: validFrom decides.
        var late = open.AddRelation(new Called(a, b) { On = new DateOnly(2025, 2, 12), ValidFrom = new DateOnly(2025, 3, 1) });
        // Only an end: open at the start.
        var ending = open.AddRelation(new MetWith(a, b) { ValidTo = new DateOnly(2025, 2, 20) });
        var g = open.Seal();

        Assert.Equal([ending], g.AsOf(new DateOnly(2025, 2, 15)).Relations<Relation>());
        Assert.Equal([ending], g.AsOf(new DateOnly(1900, 1, 1)).Relations<Relation>());
        Assert.Equal([late], g.AsOf(new DateOnly(2025, 3, 1)).Relations<Relation>());
    }

    [Fact]
    public void A_relation_is_kept_only_with_both_of_its_ends()
    {
        // R9 (russianDelegation attended springTalks) is undated, but the spring talks are not there in February.
        var feb = _g.AsOf(new DateOnly(2025, 2, 28));
        Assert.False(feb.Contains(_g.R9));
        Assert.True(feb.Contains(_g.R7));
        Assert.Equal([_g.R5, _g.R7], feb.Outgoing<Relation>(_g.RussianDelegation));
        Assert.Equal([_g.R3], feb.Incoming<Relation>(_g.RussianDelegation));
        Assert.Equal([_g.R5, _g.R7, _g.R9], _g.Outgoing<Relation>(_g.RussianDelegation));
    }

    [Fact]
    public void Between_keeps_what_may_hold_on_some_day_of_the_period()
    {
        var view = _g.Between(new DateOnly(2025, 2, 16), new DateOnly(2025, 2, 19));

        // The Riyadh session (18 Feb) is in; the Istanbul talks (27 Feb), spring talks and reuters (28 Feb) are not.
        Assert.True(view.Contains(_g.Session));
        Assert.False(view.Contains(_g.Talks));
        Assert.False(view.Contains(_g.SpringTalks));
        Assert.False(view.Contains(_g.Reuters));
        Assert.True(view.Contains(_g.Tass));
        // R0 (12 Feb) still holds; R2 (20 Feb) and R1 (March) come after; R10 and R13 are the session's.
        Assert.Equal(
            [_g.R0, _g.R3, _g.R4, _g.R5, _g.R6, _g.R10, _g.R13, _g.R14, _g.R15, _g.R16, _g.R17, _g.R18, _g.R19],
            view.Relations<Relation>());

        // A one-day period is AsOf that day.
        Assert.Equal(_g.AsOf(Feb15).Relations<Relation>(), _g.Between(Feb15, Feb15).Relations<Relation>());
        Assert.Equal(_g.AsOf(Feb15).Entities<Entity>(), _g.Between(Feb15, Feb15).Entities<Entity>());
        Assert.Throws<ArgumentException>("to", () => _g.Between(Feb15, Feb15.AddDays(-1)));
    }

    [Fact]
    public void Views_narrow_views()
    {
        var calls = _g.AsOf(new DateOnly(2025, 2, 20)).Where(r => r is Called);

        Assert.Equal([_g.R0, _g.R2], calls.Relations<Relation>());
        Assert.Equal([_g.R0], calls.AsOf(Feb15).Relations<Relation>());
        Assert.Equal([_g.R0], _g.Between(Feb15, new DateOnly(2025, 3, 1)).AsOf(Feb15).Relations<Called>());
    }

    [Fact]
    public void Timeline_orders_dates_by_day_vaguer_first_then_file_order()
    {
        var timeline = _g.Timeline();

        Assert.Equal(
            [
                "2025-02 published: tass", // an entity before a relation on the same date
                "2025-02 validFrom: Alexander Darchiyev —leads→ Russian delegation",
                "2025-02-12 on: Donald Trump —called→ Vladimir Putin",
                "2025-02-18 date: Riyadh session",
                "2025-02-20 on: Donald Trump —called→ Steve Witkoff",
                "2025-02-27 date: Istanbul talks",
                "2025-02-28 published: reuters",
                "2025-03 date: Spring talks",
                "2025-03-18 on: Vladimir Putin —called→ Donald Trump",
                "2025-04 validTo: Alexander Darchiyev —leads→ Russian delegation",
            ],
            timeline.Select(entry => entry.ToString()));
        Assert.Same(_g.Tass, timeline[0].Entity);
        Assert.Null(timeline[0].Relation);
        Assert.Same(_g.Tass, timeline[0].Fact);
        Assert.Same(_g.R3, timeline[1].Relation);
        Assert.Null(timeline[1].Entity);
        GraphElement fact = timeline[1].Fact;
        Assert.Same(_g.R3, fact);
        Assert.Equal(new PartialDate(2025, 2), timeline[1].Date);
        Assert.Equal("validFrom", timeline[1].Property);
    }

    [Fact]
    public void Timeline_puts_a_year_before_its_months_and_a_month_before_its_days()
    {
        var open = new OpenGraph();
        var day = open.AddEntity(new Meeting("day") { Name = "Day", Date = new DateOnly(2025, 1, 1) });
        var month = open.AddEntity(new Meeting("month") { Name = "Month", Date = new PartialDate(2025, 1) });
        var year = open.AddEntity(new Meeting("year") { Name = "Year", Date = new PartialDate(2025) });
        var later = open.AddEntity(new Meeting("later") { Name = "Later", Date = new DateOnly(2025, 1, 2) });
        var earlier = open.AddEntity(new Meeting("earlier") { Name = "Earlier", Date = new DateOnly(2024, 12, 31) });
        var sameDay = open.AddEntity(new Meeting("sameDay") { Name = "Same day", Date = new DateOnly(2025, 1, 1) });
        var g = open.Seal();

        Assert.Equal([earlier, year, month, day, sameDay, later], g.Timeline().Select(entry => entry.Entity));
    }

    [Fact]
    public void A_view_s_timeline_has_the_dates_of_the_things_it_keeps()
    {
        // On 15 Feb: tass, R3 (both its dates, though it ends in April) and R0.
        Assert.Equal(
            ["2025-02 published: tass", "2025-02 validFrom: Alexander Darchiyev —leads→ Russian delegation",
             "2025-02-12 on: Donald Trump —called→ Vladimir Putin", "2025-04 validTo: Alexander Darchiyev —leads→ Russian delegation"],
            _g.AsOf(Feb15).Timeline().Select(entry => entry.ToString()));
        Assert.Empty(new OpenGraph().Seal().Timeline());
    }

    [Fact]
    public void Timeline_entries_compare_by_value()
    {
        Assert.Equal(_g.Timeline(), _g.Timeline());
        Assert.NotEqual(_g.Timeline()[0], _g.Timeline()[1]);
        Assert.NotEqual(_g.Timeline()[0], new QueryWorld().Timeline()[0]); // another graph's tass
    }
}
