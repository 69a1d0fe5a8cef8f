using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Validation;

namespace KnowledgeGraph;

/// <summary>
/// Writes the CSV files <c>neo4j-admin database import</c> reads: a node file per concrete entity type and a
/// relationship file per concrete relation type (<see cref="GraphView.ExportNeo4jCsv"/>).
/// </summary>
internal static class Neo4jCsvExporter
{
    /// <summary>What separates the items of a list in a field: the importer's default.</summary>
    public const char ArrayDelimiter = ';';

    private const int MaxNameLength = 80; // of a type's part of a file name, before its hash

    // What makes a field need quotes (RFC 4180).
    private static readonly SearchValues<char> s_quoted = SearchValues.Create(",\"\r\n");

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(ExportedGraph graph, string directory)
    {
        var target = Directory.CreateDirectory(directory).FullName;
        var (entities, relations) = Group(graph);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var written = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var type in graph.EntityTypes.Where(type => !type.Declaration.IsAbstract))
            {
                var file = Reserve(written, names, target, "nodes-", type.Name);
                WriteFile(file, writer => Nodes(writer, graph, type, entities.GetValueOrDefault(type) ?? []));
            }

            foreach (var type in graph.RelationTypes.Where(type => !type.Declaration.IsAbstract))
            {
                var file = Reserve(written, names, target, "relationships-", type.Name);
                WriteFile(file, writer => Relationships(writer, graph, type, relations.GetValueOrDefault(type) ?? []));
            }

            foreach (var (temporary, final) in written)
            {
                File.Move(temporary, final, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temporary, _) in written)
            {
                File.Delete(temporary); // nothing to delete once moved
            }
        }
    }

    /// <summary>
    /// The file name of a type: <paramref name="prefix"/>, the type's name with every character but ASCII letters,
    /// digits and <c>-</c> written <c>_XXXX</c> (its UTF-16 code in hex), and <c>.csv</c>. A long name keeps its first
    /// 80 characters and a hash of the whole; a name another type's takes, ignoring case, gets <c>_2</c>, <c>_3</c>, ….
    /// </summary>
    private static string FileName(HashSet<string> taken, string prefix, string typeName)
    {
        var safe = new StringBuilder();
        foreach (var c in typeName)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                safe.Append(c);
            }
            else
            {
                safe.Append('_').Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (safe.Length > MaxNameLength)
        {
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(typeName)))[..16];
            safe.Length = MaxNameLength;
            safe.Append('_').Append(hash);
        }

        var name = $"{prefix}{safe}.csv";
        for (var n = 2; !taken.Add(name); n++)
        {
            name = $"{prefix}{safe}_{n}.csv";
        }

        return name;
    }

    private static string Reserve(List<(string, string)> written, HashSet<string> names, string directory, string prefix, string typeName)
    {
        var final = Path.Combine(directory, FileName(names, prefix, typeName));
        // Next to its place, so that the move is a rename; hidden and marked, should a crash leave it behind.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(final)}.{Guid.NewGuid():N}.tmp");
        written.Add((temporary, final));
        return temporary;
    }

    private static void WriteFile(string path, Action<StreamWriter> write)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        using (var writer = new StreamWriter(stream, s_utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" })
        {
            write(writer);
        }

        stream.Flush(flushToDisk: true);
    }

    /// <summary>The entities and facts of each type, in graph order.</summary>
    private static (Dictionary<EntityTypeInfo, List<Entity>>, Dictionary<RelationTypeInfo, List<Relation>>) Group(ExportedGraph graph)
    {
        // A generated class is one entity type (TypeKey): its values are read once per type, not per entity.
        var typeOfClass = new Dictionary<object, EntityTypeInfo>();
        var entities = new Dictionary<EntityTypeInfo, List<Entity>>();
        foreach (var entity in graph.Entities)
        {
            if (!typeOfClass.TryGetValue(entity.TypeKey, out var type))
            {
                typeOfClass.Add(entity.TypeKey, type = graph.TypeOf(entity));
            }

            Add(entities, type, entity);
        }

        var relations = new Dictionary<RelationTypeInfo, List<Relation>>();
        foreach (var relation in graph.Relations)
        {
            Add(relations, graph.TypeOf(relation), relation);
        }

        return (entities, relations);
    }

    private static void Add<TType, TElement>(Dictionary<TType, List<TElement>> groups, TType type, TElement element)
        where TType : notnull
    {
        if (!groups.TryGetValue(type, out var group))
        {
            groups.Add(type, group = []);
        }

        group.Add(element);
    }

    private static void Nodes(StreamWriter writer, ExportedGraph graph, EntityTypeInfo type, List<Entity> entities)
    {
        var properties = type.AllProperties().ToList();
        var header = new List<string> { "id:ID", ":LABEL" };
        header.AddRange(properties.Select(property => $"{property.Name}:{TypeOf(property.Type)}"));
        Row(writer, header);

        var labels = string.Join(ArrayDelimiter, type.Ancestors.Prepend(type).Select(t => t.Name));
        var row = new List<string?>();
        foreach (var entity in entities)
        {
            var values = graph.Values.Of(entity);
            row.Clear();
            row.Add(entity.Id);
            row.Add(labels);
            row.AddRange(properties.Select(property => Value(values, property)));
            Row(writer, row);
        }
    }

    private static void Relationships(StreamWriter writer, ExportedGraph graph, RelationTypeInfo type, List<Relation> relations)
    {
        var properties = type.AllProperties().ToList();
        var roles = type.AllRoles().ToList();

        // No property or role is named sources, validFrom or validTo: those are every relation's own members.
        var header = new List<string> { ":START_ID", ":END_ID", ":TYPE" };
        header.AddRange(properties.Select(property => $"{property.Name}:{TypeOf(property.Type)}"));
        header.AddRange(roles.Select(role => $"{role.Name}:string{(role.IsList ? "[]" : "")}"));
        header.AddRange(["sources:string[]", "validFrom:string", "validTo:string"]);
        Row(writer, header);

        var row = new List<string?>();
        foreach (var relation in relations)
        {
            var values = graph.Values.Of(relation);
            row.Clear();
            row.Add(relation.From.Id);
            row.Add(relation.To.Id);
            row.Add(type.Name);
            row.AddRange(properties.Select(property => Value(values, property)));
            row.AddRange(roles.Select(role => Items(values.Players.Where(player => player.Role == role.Name).Select(player => player.Player.Id))));
            row.Add(Items(graph.SourcesOf(relation).Select(source => source.Id)));
            row.Add(relation.ValidFrom is { } validFrom ? ElementValues.Lexical(validFrom) : null);
            row.Add(relation.ValidTo is { } validTo ? ElementValues.Lexical(validTo) : null);
            Row(writer, row);
        }
    }

    // Neo4j has no decimal: a string keeps all its digits. URIs and enum values are strings.
    private static string TypeOf(PropertyType type) => type.Kind switch
    {
        ScalarKind.Int => "int",
        ScalarKind.Long => "long",
        ScalarKind.Double => "double",
        ScalarKind.Bool => "boolean",
        ScalarKind.Date => "date",
        ScalarKind.DateTime => "datetime",
        _ => "string",
    } + (type.IsList ? "[]" : "");

    private static string? Value(ElementValues values, PropertyInfo property)
    {
        var isDouble = property.Type.Kind == ScalarKind.Double;
        return property.Type.IsList
            ? Items(values.Texts(property.Name).Select(text => isDouble ? AttributeValues.JavaDouble(text) : text))
            : values.Text(property.Name) is { } text ? (isDouble ? AttributeValues.JavaDouble(text) : text) : null;
    }

    /// <summary>The items of a list in one field, or null (an empty field) when there are none.</summary>
    private static string? Items(IEnumerable<string> items)
    {
        var joined = string.Join(ArrayDelimiter, items);
        return joined.Length == 0 && !items.Any() ? null : joined;
    }

    /// <summary>
    /// Writes a row: an absent value as an empty field, an empty string as <c>""</c> (which the importer reads as an
    /// empty string, not as no value), and a field holding a comma, a quote or a line break in quotes, its quotes doubled.
    /// </summary>
    private static void Row(StreamWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            if (fields[i] is not { } field)
            {
                continue;
            }

            if (field.Length == 0 || field.AsSpan().IndexOfAny(s_quoted) >= 0)
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(field);
            }
        }

        writer.WriteLine();
    }
}
