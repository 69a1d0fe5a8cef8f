using System;
using System.Globalization;
using CsCheck;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Validation;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// Dates are read by hand (<see cref="PropertyTypes"/>), not by <c>DateTime.TryParseExact</c>: these tests hold the two
/// to the same answers, on the edges of the calendar and on texts made of the characters a date is written with.
/// </summary>
public sealed class DateValueTests
{
    [Theory]
    [InlineData("2025-02-12")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2000-02-29")]
    [InlineData("2025-04-31")]
    [InlineData("2025-13-01")]
    [InlineData("2025-00-10")]
    [InlineData("2025-01-00")]
    [InlineData("0000-01-01")]
    [InlineData("2025-1-012")]
    [InlineData("2025/02/12")]
    [InlineData(" 2025-02-1")]
    [InlineData("2025-02-1 ")]
    [InlineData("+025-02-12")]
    [InlineData("２０２５-02-12")]
    [InlineData("٢٠٢٥-02-12")]
    [InlineData("2025")]
    [InlineData("0000")]
    [InlineData("2025-02")]
    [InlineData("2025-2")]
    [InlineData("2025-00")]
    [InlineData("2025-12")]
    [InlineData("")]
    public void A_date_is_read_as_the_framework_reads_it(string text) => AssertReadAsTheFrameworkReadsIt(text);

    [Fact]
    public void Texts_of_digits_and_dashes_are_read_as_the_framework_reads_them() =>
        Gen.OneOf(Gen.Const(4), Gen.Const(7), Gen.Const(10))
            .SelectMany(length => Gen.Char["0123456789-"].Array[length])
            .Sample(chars => AssertReadAsTheFrameworkReadsIt(new string(chars)), iter: 20_000);

    [Fact]
    public void Every_day_of_a_leap_year_and_of_a_common_one_is_a_date()
    {
        foreach (var year in new[] { 2024, 2025 })
        {
            for (var day = new DateTime(year, 1, 1); day.Year == year; day = day.AddDays(1))
            {
                AssertReadAsTheFrameworkReadsIt(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
    }

    private static void AssertReadAsTheFrameworkReadsIt(string text)
    {
        var value = new FactValue(FactValueKind.String, text, default, EquatableArray<FactValue>.Empty);
        Assert.Equal(Framework(text, "yyyy-MM-dd"), PropertyTypes.Normalize(ScalarKind.Date, value));
        var partialFormat = text.Length switch { 4 => "yyyy", 7 => "yyyy-MM", _ => "yyyy-MM-dd" };
        Assert.Equal(Framework(text, partialFormat), PropertyTypes.NormalizePartialDate(value));
    }

    private static string? Framework(string text, string format) =>
        DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString(format, CultureInfo.InvariantCulture)
            : null;
}
