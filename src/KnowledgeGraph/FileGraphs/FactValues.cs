using System;
using System.Collections.Generic;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph;

/// <summary>
/// The property values of a <see cref="FileGraph"/>'s entity or relation, read, written and dated as the generated
/// classes do (the generator's <c>Emitter.Facts</c>): the same CLR types, the same <see cref="FactWriter"/> calls.
/// </summary>
internal static class FactValues
{
    /// <summary>Reads each property's value from <paramref name="row"/>: null when absent, a list (maybe empty) for a list.</summary>
    public static object?[] Read(ref FactReader row, PropertyModel[] properties)
    {
        var values = new object?[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var type = properties[i].Type;
            values[i] = type.IsList ? ReadList(ref row, type.Kind) : type.IsOptional && row.IsNull() ? null : ReadScalar(ref row, type.Kind);
        }

        return values;
    }

    /// <summary>Writes each value by the property's name, with the writer's method for its type; an enum value by its name.</summary>
    public static void Write(FactWriter writer, PropertyModel[] properties, object?[] values)
    {
        for (var i = 0; i < properties.Length; i++)
        {
            var name = properties[i].SchemaName;
            switch (values[i])
            {
                case null:
                    break; // absent: the writer leaves a null out
                case string text:
                    writer.String(name, text);
                    break;
                case int number:
                    writer.Int32(name, number);
                    break;
                case long number:
                    writer.Int64(name, number);
                    break;
                case double number:
                    writer.Double(name, number);
                    break;
                case decimal number:
                    writer.Decimal(name, number);
                    break;
                case bool flag:
                    writer.Boolean(name, flag);
                    break;
                case DateOnly date:
                    writer.Date(name, date);
                    break;
                case DateTimeOffset time:
                    writer.DateTime(name, time);
                    break;
                case Uri uri:
                    writer.Uri(name, uri);
                    break;
                case IReadOnlyList<string> list:
                    writer.List(name, list);
                    break;
                case IReadOnlyList<int> list:
                    writer.List(name, list);
                    break;
                case IReadOnlyList<long> list:
                    writer.List(name, list);
                    break;
                case IReadOnlyList<double> list:
                    writer.List(name, list);
                    break;
                case IReadOnlyList<decimal> list:
                    writer.List(name, list);
                    break;
                case IReadOnlyList<bool> list:
                    writer.List(name, list);
                    break;
                case IReadOnlyList<DateOnly> list:
                    writer.List(name, list);
                    break;
                case IReadOnlyList<DateTimeOffset> list:
                    writer.List(name, list);
                    break;
                case IReadOnlyList<Uri> list:
                    writer.List(name, list);
                    break;
                default:
                    throw new InvalidOperationException($"The property '{name}' holds a {values[i]!.GetType().Name}, which no property type reads.");
            }
        }
    }

    /// <summary>Adds the values of the date properties, in the order the generated classes add them.</summary>
    public static void CollectDates(ICollection<DatedValue> dates, PropertyModel[] properties, object?[] values)
    {
        for (var i = 0; i < properties.Length; i++)
        {
            if (values[i] is DateOnly date)
            {
                dates.Add(new DatedValue(properties[i].SchemaName, date));
            }
            else if (values[i] is IReadOnlyList<DateOnly> list)
            {
                foreach (var item in list)
                {
                    dates.Add(new DatedValue(properties[i].SchemaName, item));
                }
            }
        }
    }

    // An enum value is kept as its name in the files: what the generated writer turns the generated enum back into.
    private static object ReadScalar(ref FactReader row, ScalarKind kind) => kind switch
    {
        ScalarKind.String => row.String(),
        ScalarKind.Int => row.Int32(),
        ScalarKind.Long => row.Int64(),
        ScalarKind.Double => row.Double(),
        ScalarKind.Decimal => row.Decimal(),
        ScalarKind.Bool => row.Boolean(),
        ScalarKind.Date => row.Date(),
        ScalarKind.DateTime => row.DateTime(),
        ScalarKind.Uri => row.Uri(),
        _ => row.Symbol(),
    };

    private static object ReadList(ref FactReader row, ScalarKind kind) => kind switch
    {
        ScalarKind.String => row.List(static (ref FactReader item) => item.String()),
        ScalarKind.Int => row.List(static (ref FactReader item) => item.Int32()),
        ScalarKind.Long => row.List(static (ref FactReader item) => item.Int64()),
        ScalarKind.Double => row.List(static (ref FactReader item) => item.Double()),
        ScalarKind.Decimal => row.List(static (ref FactReader item) => item.Decimal()),
        ScalarKind.Bool => row.List(static (ref FactReader item) => item.Boolean()),
        ScalarKind.Date => row.List(static (ref FactReader item) => item.Date()),
        ScalarKind.DateTime => row.List(static (ref FactReader item) => item.DateTime()),
        ScalarKind.Uri => row.List(static (ref FactReader item) => item.Uri()),
        _ => row.List(static (ref FactReader item) => item.Symbol()),
    };
}
