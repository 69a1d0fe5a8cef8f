using System;
using System.Globalization;
using KnowledgeGraph.Generators.Model;

namespace KnowledgeGraph.Generators.Validation;

/// <summary>Reads property types (<c>string?</c>, <c>date[]</c>) and checks fact values against them.</summary>
internal static class PropertyTypes
{
    public static PropertyType? Parse(string text)
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
        return kind is null ? null : new PropertyType(kind.Value, isList, isOptional);
    }

    /// <summary>What a value of the type looks like, for messages.</summary>
    public static string Describe(ScalarKind kind) => kind switch
    {
        ScalarKind.String => "a string",
        ScalarKind.Int => "a whole number (int)",
        ScalarKind.Long => "a whole number (long)",
        ScalarKind.Double => "a number",
        ScalarKind.Decimal => "a decimal number",
        ScalarKind.Bool => "true or false",
        ScalarKind.Date => "a date written \"yyyy-MM-dd\"",
        ScalarKind.DateTime => "a date and time written in ISO 8601, such as \"2025-02-12T14:30:00+03:00\"",
        _ => "an absolute URI",
    };

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
                return value.Kind == FactValueKind.String
                    && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : null;
            case ScalarKind.DateTime:
                return value.Kind == FactValueKind.String
                    && text.Length >= 10
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
                    ? moment.ToString("O", CultureInfo.InvariantCulture)
                    : null;
            default:
                return value.Kind == FactValueKind.String && Uri.TryCreate(text, UriKind.Absolute, out var uri)
                    ? uri.OriginalString
                    : null;
        }
    }
}
