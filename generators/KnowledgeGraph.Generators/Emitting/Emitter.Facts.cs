using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Naming;

namespace KnowledgeGraph.Generators.Emitting;

/// <summary>
/// The facts of a graph as compiled-in data: tables of rows of JSON values in UTF-8 string literals, and the
/// generated readers that turn each row into an entity or a relation (the format is described on the runtime's
/// <c>FactReader</c>); and the writers through which each entity and relation saves its values to a file (the
/// runtime's <c>FactWriter</c>). The rows, the readers and the writers follow one column order, defined here once.
/// </summary>
/// <remarks>
/// A statement per fact made the compiler bind, analyse and emit, and the JIT compile, code in proportion to the
/// facts; data in a literal costs the compiler a copy and the JIT nothing, so a graph of a million facts builds
/// and its first use reads it in one loop. Rows name entities by id, so adding one fact changes one row.
/// </remarks>
internal sealed partial class Emitter
{
    /// <summary>The graph's nested class that holds the tables and their readers (a reserved member name).</summary>
    public const string FactsClassName = "CompiledFacts";

    /// <summary>
    /// Rows per table, a file each: editors and the compiler handle many moderate files better than one huge one,
    /// and each file also holds the graph's members for the entities of its table.
    /// </summary>
    internal const int ChunkSize = 500;

    /// <summary>
    /// The most entities that get a member of the graph class each. The runtime allows at most 65,535 methods in
    /// a class, a getter included; this leaves room for the class's other members and a user's own.
    /// </summary>
    internal const int MaxEntityMembers = 60_000;

    private const string Reader = Runtime + ".FactReader";

    private const string Writer = Runtime + ".FactWriter";

    private bool HasEntityMembers => _graph.Entities.Count <= MaxEntityMembers;

    // The types by their names in the files, made once: a row per fact would otherwise search them.
    private Dictionary<string, EntityTypeModel>? _entityTypesByName;
    private Dictionary<string, RelationTypeModel>? _relationTypesByName;

    private EntityTypeModel EntityType(string name) =>
        (_entityTypesByName ??= _graph.EntityTypes.ToDictionary(type => type.SchemaName, StringComparer.Ordinal))[name];

    private RelationTypeModel RelationType(string name) =>
        (_relationTypesByName ??= _graph.RelationTypes.ToDictionary(type => type.SchemaName, StringComparer.Ordinal))[name];

    private static int ChunkCount(int count) => (count + ChunkSize - 1) / ChunkSize;

    // By index: Skip would walk every earlier item again for each chunk.
    private static List<T> Chunk<T>(EquatableArray<T> items, int chunk) where T : System.IEquatable<T>
    {
        var end = System.Math.Min(items.Count, (chunk + 1) * ChunkSize);
        var list = new List<T>(ChunkSize);
        for (var i = chunk * ChunkSize; i < end; i++)
        {
            list.Add(items[i]);
        }

        return list;
    }

    private string FactReaders()
    {
        var writer = Header();
        writer.Line($"partial class {_graph.ClassName}");
        writer.OpenBlock();
        writer.Summary(
            $"The entities and relations of the <c>.kg.json</c> files as tables of rows of JSON values, and the readers of the rows: see <see cref=\"{Reader}\"/>.",
            isMarkup: true);
        writer.Line($"private static partial class {FactsClassName}");
        writer.OpenBlock();

        var entityTypes = _graph.EntityTypes.Where(type => !type.IsAbstract).ToList();
        writer.Line("/// <summary>Reads an entity row: the type's name, the id, then each property, inherited ones first.</summary>");
        writer.Line($"public static {Runtime}.Entity ReadEntity(ref {Reader} row) => row.Symbol() switch");
        writer.OpenBlock();
        foreach (var type in entityTypes)
        {
            Statement(writer, $"{Literal(type.SchemaName)} => new {Qualified(type.ClassName)}(row.Id()", FactRows.Columns(type).Select(ReadColumn).ToList(), ",");
        }

        writer.Line("var type => throw row.UnknownSymbol(type),");
        writer.CloseBlock(";");

        // Read for the facts of the files, and for those of files loaded at run time, which may state any type's.
        var relationTypes = _graph.RelationTypes.Where(type => !type.IsAbstract).ToList();
        writer.Line();
        writer.Line("/// <summary>Reads a relation row: the type's name, the ids of its ends, each property, each role, the ids of its sources, then its validity.</summary>");
        writer.Line($"public static {Runtime}.Relation ReadRelation(ref {Reader} row) => row.Symbol() switch");
        writer.OpenBlock();
        foreach (var type in relationTypes)
        {
            var members = FactRows.Columns(type).Select(ReadColumn).ToList();
            var from = $"row.Entity<{Qualified(type.FromClassName)}>()";
            var to = $"row.Entity<{Qualified(type.ToClassName)}>()";
            Statement(writer, $"{Literal(type.SchemaName)} => new {Qualified(type.ClassName)}({from}, {to}", members, ",");
        }

        writer.Line("var type => throw row.UnknownSymbol(type),");
        writer.CloseBlock(";");

        var enumsRead = new HashSet<string>(
            entityTypes.SelectMany(type => type.InheritedProperties.Concat(type.Properties))
                .Concat(relationTypes.SelectMany(type => type.InheritedProperties.Concat(type.Properties)))
                .Where(p => p.Type.Kind == ScalarKind.Enum)
                .Select(p => p.Type.EnumClassName!));
        foreach (var type in _graph.Enums.Where(type => enumsRead.Contains(type.ClassName)))
        {
            writer.Line();
            writer.Summary($"Reads a value of <see cref=\"{Qualified(type.ClassName)}\"/> by its name in the <c>.kg.json</c> files.", isMarkup: true);
            writer.Line($"public static {Qualified(type.ClassName)} {GeneratedNames.EnumReader(type.ClassName)}(ref {Reader} row) => row.Symbol() switch");
            writer.OpenBlock();
            foreach (var value in type.Values)
            {
                writer.Line($"{Literal(value.SchemaName)} => {Qualified(type.ClassName)}.{value.MemberName},");
            }

            writer.Line("var value => throw row.UnknownSymbol(value),");
            writer.CloseBlock(";");
        }

        writer.Line();
        writer.Line("/// <summary>The schema of the <c>.kg.json</c> files, against which files loaded at run time are checked.</summary>");
        writer.Line("public static global::System.ReadOnlySpan<byte> Schema => \"\"\"");
        writer.Indent();
        foreach (var line in _graph.Schema.Split('\n'))
        {
            writer.Line(line);
        }

        writer.Line("\"\"\"u8;");
        writer.Outdent();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>One table of entities, and the graph's member for each: it reads its entity by position.</summary>
    private string EntityChunk(int chunk)
    {
        var first = chunk * ChunkSize;
        var entities = Chunk(_graph.Entities, chunk);
        var writer = Header();
        writer.Line($"partial class {_graph.ClassName}");
        writer.OpenBlock();
        Table(writer, $"Entities{chunk}", $"Entities {first + 1} to {first + entities.Count}", entities.Select(entity => FactRows.EntityRow(EntityType(entity.Type), entity)));
        for (var i = 0; i < entities.Count && HasEntityMembers; i++)
        {
            var entity = entities[i];
            var type = Qualified(EntityType(entity.Type).ClassName);
            writer.Line();
            writer.Summary(entity.Description ?? DefaultSummary(entity), isMarkup: entity.Description is null);
            writer.Line($"public {type} {entity.MemberName} => EntityAt<{type}>({(first + i).ToString(CultureInfo.InvariantCulture)}, {Literal(entity.Id)});");
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    private string RelationChunk(int chunk)
    {
        var first = chunk * ChunkSize;
        var relations = Chunk(_graph.Relations, chunk);
        var writer = Header();
        writer.Line($"partial class {_graph.ClassName}");
        writer.OpenBlock();
        Table(writer, $"Relations{chunk}", $"Relations {first + 1} to {first + relations.Count}", relations.Select(relation => FactRows.RelationRow(RelationType(relation.Type), relation)));
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>A table as a UTF-8 raw string literal, a row a line (JSON escapes every quote and line break in a value).</summary>
    private static void Table(SourceWriter writer, string name, string what, IEnumerable<string> rows)
    {
        writer.Line($"private static partial class {FactsClassName}");
        writer.OpenBlock();
        writer.Line($"/// <summary>{what}, in file order.</summary>");
        writer.Line($"public static global::System.ReadOnlySpan<byte> {name} => \"\"\"");
        writer.Indent();
        writer.Line("[");
        string? previous = null;
        foreach (var row in rows)
        {
            if (previous is not null)
            {
                writer.Line(previous + ",");
            }

            previous = row;
        }

        writer.Line(previous!);
        writer.Line("]");
        writer.Line("\"\"\"u8;");
        writer.Outdent();
        writer.CloseBlock();
    }

    /// <summary>The reader's assignment of one column to the member it fills.</summary>
    private string ReadColumn(FactRows.Column column) => column.Kind switch
    {
        FactRows.ColumnKind.Property => $"{column.Property!.MemberName} = {ReadValue(column.Property.Type)},",
        FactRows.ColumnKind.Role => $"{column.Role!.MemberName} = {ReadRole(column.Role)},",
        FactRows.ColumnKind.Sources => "Sources = row.Sources(),",
        FactRows.ColumnKind.ValidFrom => "ValidFrom = row.IsNull() ? null : row.PartialDate(),",
        _ => "ValidTo = row.IsNull() ? null : row.PartialDate(),",
    };

    /// <summary>The expression that reads a value of the type from <c>row</c>.</summary>
    private string ReadValue(PropertyType type)
    {
        if (type.IsList)
        {
            return type.Kind == ScalarKind.Enum
                ? $"row.List({GeneratedNames.EnumReader(type.EnumClassName!)})"
                : $"row.List(static (ref {Reader} item) => {ReadScalar(type, "item")})";
        }

        var read = ReadScalar(type, "row");
        return type.IsOptional ? $"row.IsNull() ? null : {read}" : read;
    }

    private static string ReadScalar(PropertyType type, string reader) => type.Kind switch
    {
        ScalarKind.String => $"{reader}.String()",
        ScalarKind.Int => $"{reader}.Int32()",
        ScalarKind.Long => $"{reader}.Int64()",
        ScalarKind.Double => $"{reader}.Double()",
        ScalarKind.Decimal => $"{reader}.Decimal()",
        ScalarKind.Bool => $"{reader}.Boolean()",
        ScalarKind.Date => $"{reader}.Date()",
        ScalarKind.DateTime => $"{reader}.DateTime()",
        ScalarKind.Uri => $"{reader}.Uri()",
        _ => $"{GeneratedNames.EnumReader(type.EnumClassName!)}(ref {reader})",
    };

    private string ReadRole(RoleModel role)
    {
        var entity = $"Entity<{Qualified(role.TypeClassName)}>()";
        return role.IsList
            ? $"row.List(static (ref {Reader} item) => item.{entity})"
            : role.IsOptional ? $"row.IsNull() ? null : row.{entity}" : $"row.{entity}";
    }

    /// <summary>
    /// A concrete entity type's writer: its type's name, then every column as the row reader reads it, so a saved file
    /// lists the values in the order of the rows.
    /// </summary>
    private void WriteValues(SourceWriter writer, EntityTypeModel type) =>
        WriteValues(writer, FactRows.Columns(type).ToList(), $"writer.Type({Literal(type.SchemaName)});");

    /// <summary>A concrete relation type's writer of its properties and roles, when it has any (the runtime writes the rest).</summary>
    private void WriteValues(SourceWriter writer, RelationTypeModel type)
    {
        var columns = FactRows.Columns(type).Where(column => column.Kind is FactRows.ColumnKind.Property or FactRows.ColumnKind.Role).ToList();
        if (columns.Count > 0)
        {
            WriteValues(writer, columns, first: null);
        }
    }

    private void WriteValues(SourceWriter writer, List<FactRows.Column> columns, string? first)
    {
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"protected override void WriteValues({Writer} writer)");
        writer.OpenBlock();
        if (first is not null)
        {
            writer.Line(first);
        }

        foreach (var column in columns)
        {
            writer.Line(WriteColumn(column));
        }

        writer.CloseBlock();

        // The names of the enums written, a field each: the writer finds a value's name by its number.
        var written = new HashSet<string>(
            columns.Select(column => column.Property?.Type).Where(type => type?.Kind == ScalarKind.Enum).Select(type => type!.EnumName!),
            StringComparer.Ordinal);
        foreach (var type in _graph.Enums.Where(type => written.Contains(type.SchemaName)))
        {
            writer.Line();
            writer.Line($"private static readonly string[] {EnumNamesField(type.ClassName)} = {{ {string.Join(", ", type.Values.Select(value => Literal(value.SchemaName)))} }};");
        }
    }

    /// <summary>The writer's call that writes one column by its name in the files.</summary>
    private static string WriteColumn(FactRows.Column column)
    {
        if (column.Role is { } role)
        {
            return $"writer.{(role.IsList ? "Roles" : "Role")}({Literal(role.SchemaName)}, {role.MemberName});";
        }

        var property = column.Property!;
        var name = Literal(property.SchemaName);
        var type = property.Type;
        var names = type.Kind == ScalarKind.Enum ? ", " + EnumNamesField(type.EnumClassName!) : "";
        var method = type.IsList ? "List" : type.Kind switch
        {
            ScalarKind.String => "String",
            ScalarKind.Int => "Int32",
            ScalarKind.Long => "Int64",
            ScalarKind.Double => "Double",
            ScalarKind.Decimal => "Decimal",
            ScalarKind.Bool => "Boolean",
            ScalarKind.Date => "Date",
            ScalarKind.DateTime => "DateTime",
            ScalarKind.Uri => "Uri",
            _ => "Enum",
        };
        return $"writer.{method}({name}, {property.MemberName}{names});";
    }

    // The static field of an enum's names in the files: "Role" → "s_roleNames".
    private static string EnumNamesField(string enumClassName) => Field("s_", enumClassName, "Names");

    /// <summary>The method of the facts class that reads a value of the enum.</summary>
    public static string EnumReader(string enumClassName) => "Read" + enumClassName.TrimStart('@') + "Value";
}
