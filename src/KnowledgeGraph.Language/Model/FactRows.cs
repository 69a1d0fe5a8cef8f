using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace KnowledgeGraph.Language.Model;

/// <summary>
/// The facts of a graph as rows of JSON values, the format the runtime's <c>FactReader</c> reads (described there):
/// the generator compiles tables of them in, and the run-time loader writes them for the facts of files, so that
/// both are read by the same generated readers. The rows and the readers follow one column order, defined here once.
/// </summary>
internal static class FactRows
{
    /// <summary>What a row holds after its leading columns (the type's name, then the id or the ids of the two ends).</summary>
    public enum ColumnKind
    {
        Property,
        Role,
        Sources,
        ValidFrom,
        ValidTo,
    }

    /// <summary>
    /// A column of a table: the one layout that both the rows and their generated reader follow. A property or a role
    /// is in its column whether a fact gives it or not.
    /// </summary>
    public readonly record struct Column(ColumnKind Kind, PropertyModel? Property = null, RoleModel? Role = null);

    /// <summary>The columns of an entity type's rows: each property, inherited ones first.</summary>
    public static IEnumerable<Column> Columns(EntityTypeModel type) =>
        type.InheritedProperties.Concat(type.Properties).Select(property => new Column(ColumnKind.Property, property));

    /// <summary>The columns of a relation type's rows: each property, each role (inherited ones first), the sources, then the validity.</summary>
    public static IEnumerable<Column> Columns(RelationTypeModel type) =>
        type.InheritedProperties.Concat(type.Properties).Select(property => new Column(ColumnKind.Property, property))
            .Concat(type.InheritedRoles.Concat(type.Roles).Select(role => new Column(ColumnKind.Role, Role: role)))
            .Concat([new Column(ColumnKind.Sources), new Column(ColumnKind.ValidFrom), new Column(ColumnKind.ValidTo)]);

    /// <summary>An entity's row: the type's name, the id, then each property's value.</summary>
    public static string EntityRow(EntityTypeModel type, EntityModel entity)
    {
        var values = new List<string> { Json(type.SchemaName), Json(entity.Id) };
        values.AddRange(Columns(type).Select(column => WriteProperty(column.Property!, entity.Values)));
        return Row(values);
    }

    /// <summary>A fact's row: the type's name, the ids of its ends, then each property, role, the sources and the validity.</summary>
    public static string RelationRow(RelationTypeModel type, RelationModel relation)
    {
        var values = new List<string> { Json(type.SchemaName), Json(relation.From), Json(relation.To) };
        foreach (var column in Columns(type))
        {
            values.Add(column.Kind switch
            {
                ColumnKind.Property => WriteProperty(column.Property!, relation.Values),
                ColumnKind.Role => relation.Roles.FirstOrDefault(r => r.Role == column.Role!.SchemaName) is { } players
                    ? column.Role!.IsList ? Array(players.Players.Select(Json)) : Json(players.Players[0])
                    : Absent(column.Role!.IsList),
                ColumnKind.Sources => Array(relation.Sources.Select(Json)),
                ColumnKind.ValidFrom => relation.ValidFrom is { } validFrom ? Json(validFrom) : "null",
                _ => relation.ValidTo is { } validTo ? Json(validTo) : "null",
            });
        }

        return Row(values);
    }

    private static string WriteProperty(PropertyModel property, EquatableArray<ValueModel> values) =>
        values.FirstOrDefault(v => v.Property == property.SchemaName) is { } value ? JsonValue(value) : Absent(property.Type.IsList);

    // Nulls at the end of a row are left out: the reader reads them as absent.
    private static string Row(List<string> values)
    {
        var count = values.Count;
        while (values[count - 1] == "null")
        {
            count--;
        }

        return Array(values.Take(count));
    }

    private static string Array(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static string Absent(bool isList) => isList ? "[]" : "null";

    private static string JsonValue(ValueModel value) => value.Type.IsList
        ? Array(value.Items.Select(item => JsonScalar(value.Type, item)))
        : JsonScalar(value.Type, value.Items[0]);

    private static string JsonScalar(PropertyType type, string text) => type.Kind switch
    {
        ScalarKind.Int or ScalarKind.Long or ScalarKind.Double or ScalarKind.Decimal or ScalarKind.Bool => text,
        _ => Json(text),
    };

    /// <summary>
    /// A JSON string that reads well in a C# raw string literal: quotes, backslashes, control characters, line
    /// and paragraph separators (which end a line in C#) and invisible formatting characters are escaped.
    /// </summary>
    private static string Json(string text)
    {
        if (!NeedsEscape(text))
        {
            return "\"" + text + "\"";
        }

        var json = new StringBuilder(text.Length + 8).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                default:
                    if (IsInvisible(text, i))
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        return json.Append('"').ToString();
    }

    private static bool NeedsEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\\' || (c < 128 ? c < ' ' || c == '\x7f' : IsInvisible(text, i)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInvisible(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 == text.Length || !char.IsLowSurrogate(text[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(text[index - 1]);
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

}
