using System;
using System.Globalization;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph.Language.Validation;

/// <summary>Reads property types (<c>string?</c>, <c>date[]</c>) and checks fact values against them.</summary>
internal static class PropertyTypes
{
    /// <param name="text">The type as written: <c>string</c>, <c>date[]</c>, <c>Role?</c>.</param>
    /// <param name="findEnum">The C# name of the graph's enum of that name, or null when there is none.</param>
    public static PropertyType? Parse(string text, Func<string, string?> findEnum)
    {
        var rest = text.Trim();
        var isOptional = rest.EndsWith("?", StringComparison.Ordinal);
        if (isOptional)
        {
            rest = rest.Substring(0, rest.Length - 1);
        }

        var isList = rest.EndsWith("[]", StringComparison.Ordinal);
        if (isList)
        {
            rest = rest.Substring(0, rest.Length - 2);
        }

        ScalarKind? kind = rest switch
        {
            "string" => ScalarKind.String,
            "int" => ScalarKind.Int,
            "long" => ScalarKind.Long,
            "double" => ScalarKind.Double,
            "decimal" => ScalarKind.Decimal,
            "bool" => ScalarKind.Bool,
            "date" => ScalarKind.Date,
            "datetime" => ScalarKind.DateTime,
            "uri" => ScalarKind.Uri,
            _ => null,
        };
        if (kind is null && findEnum(rest) is { } enumClassName)
        {
            return new PropertyType(ScalarKind.Enum, isList, isOptional, rest, enumClassName);
        }

        return kind is null ? null : new PropertyType(kind.Value, isList, isOptional);
    }

    /// <summary>What a value of the type looks like, for messages.</summary>
    public static string Describe(ScalarKind kind) => kind switch
    {
        ScalarKind.String => "a string",
        ScalarKind.Int => "a whole number from -2147483648 to 2147483647 (int)",
        ScalarKind.Long => "a whole number from -9223372036854775808 to 9223372036854775807 (long)",
        ScalarKind.Double => "a finite number (double)",
        ScalarKind.Decimal => "a number with at most 28 significant digits (decimal)",
        ScalarKind.Bool => "true or false",
        ScalarKind.Date => "a date written \"yyyy-MM-dd\"",
        ScalarKind.DateTime => "a date and time written in ISO 8601, such as \"2025-02-12T14:30:00+03:00\"",
        ScalarKind.Uri => "an absolute URI",
        _ => "one of the enum's values",
    };

    /// <summary>
    /// Reads a bound (<c>min</c>, <c>max</c>) of a number property: a value of the property's type that a decimal holds
    /// exactly, so that the checks at build time (in decimal) and at run time (in the type) agree with the file.
    /// </summary>
    /// <param name="text">A JSON number as written.</param>
    public static bool TryParseBound(ScalarKind kind, string text, out decimal value)
    {
        // decimal.TryParse rounds what it cannot hold ("1e-400" and "1e-30" both read as 0): read back, it must be the same number.
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            || Significand(text) is not { } written
            || Significand(value.ToString(CultureInfo.InvariantCulture)) != written)
        {
            return false;
        }

        return kind switch
        {
            ScalarKind.Int => decimal.Truncate(value) == value && value is >= int.MinValue and <= int.MaxValue,
            ScalarKind.Long => decimal.Truncate(value) == value && value is >= long.MinValue and <= long.MaxValue,
            _ => true,
        };
    }

    /// <summary>
    /// A JSON number as its sign, its digits without leading or trailing zeros, and the power of ten of the last
    /// digit: "-1.50e2" and "-150" are (true, "15", 1); zero is (false, "", 0). Null when the exponent is beyond int.
    /// </summary>
    private static (bool Negative, string Digits, long Exponent)? Significand(string text)
    {
        var negative = text.StartsWith("-", StringComparison.Ordinal);
        var number = negative ? text.Substring(1) : text;
        long exponent = 0;
        var e = number.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(number.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var written))
            {
                return null;
            }

            exponent = written;
            number = number.Substring(0, e);
        }

        var point = number.IndexOf('.');
        if (point >= 0)
        {
            exponent -= number.Length - point - 1;
            number = number.Remove(point, 1);
        }

        var digits = number.TrimStart('0');
        var significant = digits.TrimEnd('0');
        return significant.Length == 0 ? (false, "", 0) : (negative, significant, exponent + digits.Length - significant.Length);
    }

    /// <summary>A date as precise as the text is: <c>2025</c>, <c>2025-02</c> or <c>2025-02-12</c>; null when it is none.</summary>
    public static string? NormalizePartialDate(FactValue value)
    {
        if (value.Kind != FactValueKind.String)
        {
            return null;
        }

        return IsDate(value.Text, partial: true) ? value.Text : null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a day written <c>yyyy-MM-dd</c> (or, when <paramref name="partial"/>, a
    /// year <c>yyyy</c> or month <c>yyyy-MM</c>) as <c>DateTime.TryParseExact</c> with the invariant culture reads
    /// it: exactly so many ASCII digits, a year from 1 to 9999 and a day its month has. Such a text is already in the
    /// one form the emitter writes. Read here by hand, as most facts hold a date and the parser's general path costs
    /// more than the rest of their checks.
    /// </summary>
    private static bool IsDate(string text, bool partial)
    {
        if (text.Length != 10 && !(partial && text.Length is 4 or 7))
        {
            return false;
        }

        var year = Digits(text, 0, 4);
        if (year < 1 || text.Length == 4)
        {
            return year >= 1;
        }

        var month = text[4] == '-' ? Digits(text, 5, 2) : -1;
        if (month is < 1 or > 12 || text.Length == 7)
        {
            return month is >= 1 and <= 12;
        }

        var day = text[7] == '-' ? Digits(text, 8, 2) : -1;
        return day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    // The number the ASCII digits at start write, or -1 when one is not a digit.
    private static int Digits(string text, int start, int count)
    {
        var number = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return -1;
            }

            number = (number * 10) + digit;
        }

        return number;
    }

    /// <summary>The value in the one form the emitter writes, or null when it is not a value of the kind.</summary>
    public static string? Normalize(ScalarKind kind, FactValue value)
    {
        var text = value.Text;
        switch (kind)
        {
            case ScalarKind.String:
                return value.Kind == FactValueKind.String ? text : null;
            case ScalarKind.Bool:
                return value.Kind == FactValueKind.Boolean ? text : null;
            case ScalarKind.Int:
                return value.Kind == FactValueKind.Number && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                    ? i.ToString(CultureInfo.InvariantCulture)
                    : null;
            case ScalarKind.Long:
                return value.Kind == FactValueKind.Number && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? l.ToString(CultureInfo.InvariantCulture)
                    : null;
            case ScalarKind.Double:
                return value.Kind == FactValueKind.Number
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    && !double.IsInfinity(d)
                    ? d.ToString("R", CultureInfo.InvariantCulture)
                    : null;
            case ScalarKind.Decimal:
                return value.Kind == FactValueKind.Number && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
                    ? m.ToString(CultureInfo.InvariantCulture)
                    : null;
            case ScalarKind.Date:
                return value.Kind == FactValueKind.String && IsDate(text, partial: false) ? text : null;
            case ScalarKind.DateTime:
                return value.Kind == FactValueKind.String
                    && text.Length >= 10
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
                    ? moment.ToString("O", CultureInfo.InvariantCulture)
                    : null;
            default:
                // "/path" is an absolute file URI on Unix only: a URI must name its scheme to mean the same everywhere.
                return value.Kind == FactValueKind.String
                    && Uri.TryCreate(text, UriKind.Absolute, out var uri)
                    && text.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase)
                    ? uri.OriginalString
                    : null;
        }
    }
}
