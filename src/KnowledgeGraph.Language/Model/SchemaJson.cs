using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Language.Model;

/// <summary>
/// A graph's schema in one canonical <c>.kg.json</c> form: every type as declared, properties as objects, keys in one
/// order, no comments. The generator compiles it into the graph class, so that files loaded at run time are checked
/// against the very declarations the build checked; and a type a loaded file declares again must read the same.
/// </summary>
internal static class SchemaJson
{
    /// <summary>
    /// The schema of the files of one graph: its namespace as the files give it (none when they leave it to the project),
    /// its name, its base IRI as the files give it (none for the default), and every enum and type in file order, one a line.
    /// Only ASCII is written (the rest escaped), so the text reads the same in a C# literal as in a file.
    /// </summary>
    public static string Of(string graphName, string? declaredNamespace, string? declaredBaseIri, IEnumerable<ParsedFile> files)
    {
        var parsed = files.ToList();
        var text = new StringBuilder("{\n");
        if (declaredNamespace is not null)
        {
            text.Append("\"namespace\": ").Append(Write(writer => writer.WriteStringValue(declaredNamespace))).Append(",\n");
        }

        text.Append("\"graph\": ").Append(Write(writer => writer.WriteStringValue(graphName)));
        if (declaredBaseIri is not null)
        {
            text.Append(",\n\"baseIri\": ").Append(Write(writer => writer.WriteStringValue(declaredBaseIri)));
        }

        Section(text, "enums", parsed.SelectMany(file => file.Enums).Select(e => (e.Name.Value, Of(e))));
        Section(text, "entityTypes", parsed.SelectMany(file => file.EntityTypes).Select(t => (t.Name.Value, Of(t))));
        Section(text, "relationTypes", parsed.SelectMany(file => file.RelationTypes).Select(t => (t.Name.Value, Of(t))));
        return text.Append("\n}").ToString();
    }

    public static string Of(EnumDeclaration declaration) => Write(writer => Write(writer, declaration));

    public static string Of(EntityTypeDeclaration declaration) => Write(writer => Write(writer, declaration));

    public static string Of(RelationTypeDeclaration declaration) => Write(writer => Write(writer, declaration));

    private static string Write(System.Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Section(StringBuilder text, string name, IEnumerable<(string Name, string Json)> declarations)
    {
        var first = true;
        foreach (var (declared, json) in declarations)
        {
            text.Append(first ? $",\n\"{name}\": {{\n" : ",\n");
            text.Append(Write(writer => writer.WriteStringValue(declared))).Append(": ").Append(json);
            first = false;
        }

        if (!first)
        {
            text.Append("\n}");
        }
    }

    private static void Write(Utf8JsonWriter writer, EnumDeclaration declaration)
    {
        writer.WriteStartObject();
        Text(writer, "description", declaration.Description);
        writer.WriteStartArray("values");
        foreach (var value in declaration.Values)
        {
            writer.WriteStringValue(value.Value);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, EntityTypeDeclaration declaration)
    {
        writer.WriteStartObject();
        Flag(writer, "abstract", declaration.IsAbstract);
        Text(writer, "extends", declaration.Extends?.Value);
        Text(writer, "description", declaration.Description);
        Properties(writer, declaration.Properties);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, RelationTypeDeclaration declaration)
    {
        writer.WriteStartObject();
        Flag(writer, "abstract", declaration.IsAbstract);
        Text(writer, "extends", declaration.Extends?.Value);
        Text(writer, "from", declaration.From?.Value);
        Text(writer, "to", declaration.To?.Value);
        Text(writer, "inverse", declaration.Inverse?.Value);
        Text(writer, "cardinality", declaration.Cardinality?.Value);
        Flag(writer, "symmetric", declaration.Symmetric is not null);
        Text(writer, "description", declaration.Description);
        Properties(writer, declaration.Properties);
        if (declaration.Roles.Count > 0)
        {
            writer.WriteStartObject("roles");
            foreach (var role in declaration.Roles)
            {
                writer.WriteStartObject(role.Name.Value);
                Text(writer, "type", role.Type?.Value);
                Text(writer, "inverse", role.Inverse?.Value);
                Text(writer, "description", role.Description);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void Properties(Utf8JsonWriter writer, EquatableArray<PropertyDeclaration> properties)
    {
        if (properties.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("properties");
        foreach (var property in properties)
        {
            var constraints = property.Constraints;
            writer.WriteStartObject(property.Name.Value);
            Text(writer, "type", property.Type?.Value);
            Text(writer, "description", property.Description);
            Flag(writer, "unique", constraints.Unique is not null);
            Flag(writer, "key", constraints.Key is not null);
            Text(writer, "pattern", constraints.Pattern?.Value);
            Value(writer, "min", constraints.Min);
            Value(writer, "max", constraints.Max);
            Value(writer, "minItems", constraints.MinItems);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Flag(Utf8JsonWriter writer, string name, bool value)
    {
        if (value)
        {
            writer.WriteBoolean(name, true);
        }
    }

    // A bound as written: a number stays a number, anything else (reported when the schema was checked) a string.
    private static void Value(Utf8JsonWriter writer, string name, FactValue? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Kind == FactValueKind.Number)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(value.Text, skipInputValidation: true);
        }
        else
        {
            writer.WriteString(name, value.Text);
        }
    }
}
