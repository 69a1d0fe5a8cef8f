using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
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

    // The columns of each type, worked out once: a table has a row per entity and fact. Weak, so that a type's columns
    // go when its model does (the generator makes new models as the files change).
    private static readonly ConditionalWeakTable<EntityTypeModel, Column[]> s_entityColumns = new();
    private static readonly ConditionalWeakTable<RelationTypeModel, Column[]> s_relationColumns = new();

    /// <summary>The columns of an entity type's rows: each property, inherited ones first.</summary>
    public static IReadOnlyList<Column> Columns(EntityTypeModel type) =>
        s_entityColumns.GetValue(type, static type => [.. type.InheritedProperties.Concat(type.Properties).Select(property => new Column(ColumnKind.Property, property))]);

    /// <summary>The columns of a relation type's rows: each property, each role (inherited ones first), the sources, then the validity.</summary>
    public static IReadOnlyList<Column> Columns(RelationTypeModel type) =>
        s_relationColumns.GetValue(type, static type => [..
            type.InheritedProperties.Concat(type.Properties).Select(property => new Column(ColumnKind.Property, property))
                .Concat(type.InheritedRoles.Concat(type.Roles).Select(role => new Column(ColumnKind.Role, Role: role)))
                .Concat([new Column(ColumnKind.Sources), new Column(ColumnKind.ValidFrom), new Column(ColumnKind.ValidTo)])]);

    /// <summary>An entity's row: the type's name, the id, then each property's value.</summary>
    public static string EntityRow(EntityTypeModel type, EntityModel entity)
    {
        var row = RowText.Start();
        row.String(type.SchemaName);
        row.String(entity.Id);
        var columns = Columns(type);
        for (var i = 0; i < columns.Count; i++) // by index: an enumerator would be an object a row
        {
            row.Property(columns[i].Property!, entity.Values);
        }

        return row.End();
    }

    /// <summary>A fact's row: the type's name, the ids of its ends, then each property, role, the sources and the validity.</summary>
    public static string RelationRow(RelationTypeModel type, RelationModel relation)
    {
        var row = RowText.Start();
        row.String(type.SchemaName);
        row.String(relation.From);
        row.String(relation.To);
        var columns = Columns(type);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            switch (column.Kind)
            {
                case ColumnKind.Property:
                    row.Property(column.Property!, relation.Values);
                    break;
                case ColumnKind.Role:
                    row.Role(column.Role!, relation.Roles);
                    break;
                case ColumnKind.Sources:
                    row.Strings(relation.Sources);
                    break;
                case ColumnKind.ValidFrom:
                    row.StringOrNull(relation.ValidFrom);
                    break;
                default:
                    row.StringOrNull(relation.ValidTo);
                    break;
            }
        }

        return row.End();
    }

    // Every row of a thread is written in one builder: a table has a row per entity and fact.
    [ThreadStatic]
    private static StringBuilder? t_row;

    /// <summary>A row being written: its values in brackets, separated by ", ".</summary>
    private struct RowText
    {
        private readonly StringBuilder _text;
        private int _kept; // the length up to the end of the last value that is not null

        private RowText(StringBuilder text)
        {
            _text = text;
            _kept = text.Length;
        }

        public static RowText Start() => new((t_row ??= new StringBuilder()).Clear().Append('['));

        /// <summary>The row; nulls at its end are left out, as the reader reads them as absent.</summary>
        public readonly string End()
        {
            _text.Length = _kept;
            return _text.Append(']').ToString();
        }

        public void String(string value)
        {
            Separate();
            AppendJson(_text, value);
            _kept = _text.Length;
        }

        public void StringOrNull(string? value)
        {
            if (value is null)
            {
                Null();
            }
            else
            {
                String(value);
            }
        }

        public void Strings(EquatableArray<string> values)
        {
            Separate();
            _text.Append('[');
            for (var i = 0; i < values.Count; i++)
            {
                AppendJson(_text.Append(i == 0 ? "" : ", "), values[i]);
            }

            _kept = _text.Append(']').Length;
        }

        public void Property(PropertyModel property, EquatableArray<ValueModel> values)
        {
            foreach (var value in values)
            {
                if (value.Property == property.SchemaName)
                {
                    Separate();
                    if (value.Type.IsList)
                    {
                        _text.Append('[');
                        for (var i = 0; i < value.Items.Count; i++)
                        {
                            AppendScalar(_text.Append(i == 0 ? "" : ", "), value.Type, value.Items[i]);
                        }

                        _text.Append(']');
                    }
                    else
                    {
                        AppendScalar(_text, value.Type, value.Items[0]);
                    }

                    _kept = _text.Length;
                    return;
                }
            }

            Absent(property.Type.IsList);
        }

        public void Role(RoleModel role, EquatableArray<RoleValueModel> roles)
        {
            foreach (var played in roles)
            {
                if (played.Role == role.SchemaName)
                {
                    if (role.IsList)
                    {
                        Strings(played.Players);
                    }
                    else
                    {
                        String(played.Players[0]);
                    }

                    return;
                }
            }

            Absent(role.IsList);
        }

        private void Absent(bool isList)
        {
            if (isList)
            {
                Separate();
                _kept = _text.Append("[]").Length;
            }
            else
            {
                Null();
            }
        }

        private readonly void Null()
        {
            Separate();
            _text.Append("null");
        }

        private readonly void Separate()
        {
            if (_text.Length > 1)
            {
                _text.Append(", ");
            }
        }

        private static void AppendScalar(StringBuilder text, PropertyType type, string value)
        {
            if (type.Kind is ScalarKind.Int or ScalarKind.Long or ScalarKind.Double or ScalarKind.Decimal or ScalarKind.Bool)
            {
                text.Append(value);
            }
            else
            {
                AppendJson(text, value);
            }
        }
    }

    /// <summary>
    /// A JSON string that reads well in a C# raw string literal: quotes, backslashes, control characters, line
    /// and paragraph separators (which end a line in C#) and invisible formatting characters are escaped.
    /// </summary>
    private static void AppendJson(StringBuilder json, string text)
    {
        json.Append('"');
        if (!NeedsEscape(text))
        {
            json.Append(text).Append('"');
            return;
        }

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

        json.Append('"');
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
