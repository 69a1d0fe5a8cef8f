using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KnowledgeGraph.Generators.Diagnostics;
using KnowledgeGraph.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Generators.Parsing;

/// <summary>
/// Reads one <c>.kg.json</c> file into a <see cref="ParsedFile"/>: the shape of the format is checked here,
/// names and values are checked once all files of a graph are known (<see cref="Validation.GraphBuilder"/>).
/// </summary>
internal sealed class FileParser
{
    private static readonly string[] TopLevelKeys = ["$schema", "namespace", "graph", "entityTypes", "relationTypes", "entities", "relations"];
    private static readonly string[] EntityTypeKeys = ["abstract", "extends", "description", "properties"];
    private static readonly string[] RelationTypeKeys = ["from", "to", "inverse", "cardinality", "description", "properties"];
    private static readonly string[] PropertyKeys = ["type", "description"];

    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly CancellationToken _cancellationToken;

    private FileParser(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    public static ParsedFile Parse(string path, SourceText text, CancellationToken cancellationToken)
    {
        var parser = new FileParser(cancellationToken);
        var start = new LocationInfo(path, new TextSpan(0, 0), new LinePositionSpan(default, default));
        var root = JsonTreeReader.Read(path, text, cancellationToken, out var error);
        if (error is not null)
        {
            parser._diagnostics.Add(error);
        }

        return parser.ParseRoot(path, start, root);
    }

    private ParsedFile ParseRoot(string path, LocationInfo start, JsonNode? root)
    {
        Located? ns = null, graph = null;
        var graphGiven = false;
        var entityTypes = new List<EntityTypeDeclaration>();
        var relationTypes = new List<RelationTypeDeclaration>();
        var entities = new List<EntityDeclaration>();
        var relations = new List<RelationDeclaration>();

        if (root is not null && Expect<JsonObject>(root, "the file", "an object") is { } file)
        {
            foreach (var member in file.Members)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                switch (member.Key.Value)
                {
                    case "$schema":
                        break;
                    case "namespace":
                        ns = ExpectName(member.Key.Value, ExpectString(member));
                        break;
                    case "graph":
                        graph = ExpectName(member.Key.Value, ExpectString(member));
                        graphGiven = true;
                        break;
                    case "entityTypes":
                        ForEachMember(member, (key, value) => ParseEntityType(key, value, entityTypes));
                        break;
                    case "relationTypes":
                        ForEachMember(member, (key, value) => ParseRelationType(key, value, relationTypes));
                        break;
                    case "entities":
                        ForEachMember(member, (key, value) => ParseEntity(key, value, entities));
                        break;
                    case "relations":
                        if (Expect<JsonArray>(member.Value, member.Key.Value, "an array") is { } facts)
                        {
                            foreach (var fact in facts.Items)
                            {
                                _cancellationToken.ThrowIfCancellationRequested();
                                ParseRelation(fact, relations);
                            }
                        }

                        break;
                    default:
                        UnknownKey(member.Key, "the file", TopLevelKeys);
                        break;
                }
            }

            if (!graphGiven)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    Descriptors.MissingKey,
                    file.Location.StartOnly(),
                    "The file",
                    "graph",
                    "the name of the graph class its facts belong to, such as \"DiplomacyGraph\""));
            }
        }

        return new ParsedFile(
            path,
            start,
            ns,
            graph,
            entityTypes.ToEquatableArray(),
            relationTypes.ToEquatableArray(),
            entities.ToEquatableArray(),
            relations.ToEquatableArray(),
            _diagnostics.ToEquatableArray());
    }

    private void ParseEntityType(Located name, JsonNode value, List<EntityTypeDeclaration> declarations)
    {
        if (Expect<JsonObject>(value, name.Value, "an object") is not { } type)
        {
            return;
        }

        var isAbstract = false;
        Located? extends = null;
        string? description = null;
        var properties = EquatableArray<PropertyDeclaration>.Empty;
        foreach (var member in type.Members)
        {
            switch (member.Key.Value)
            {
                case "abstract":
                    isAbstract = ExpectBoolean(member);
                    break;
                case "extends":
                    extends = ExpectString(member);
                    break;
                case "description":
                    description = ExpectString(member)?.Value;
                    break;
                case "properties":
                    properties = ParseProperties(member);
                    break;
                default:
                    UnknownKey(member.Key, $"entity type '{name.Value}'", EntityTypeKeys);
                    break;
            }
        }

        declarations.Add(new EntityTypeDeclaration(name, isAbstract, extends, description, properties));
    }

    private void ParseRelationType(Located name, JsonNode value, List<RelationTypeDeclaration> declarations)
    {
        if (Expect<JsonObject>(value, name.Value, "an object") is not { } type)
        {
            return;
        }

        Located? from = null, to = null, inverse = null, cardinality = null;
        string? description = null;
        var properties = EquatableArray<PropertyDeclaration>.Empty;
        foreach (var member in type.Members)
        {
            switch (member.Key.Value)
            {
                case "from":
                    from = ExpectString(member);
                    break;
                case "to":
                    to = ExpectString(member);
                    break;
                case "inverse":
                    inverse = ExpectString(member);
                    break;
                case "cardinality":
                    cardinality = ExpectString(member);
                    break;
                case "description":
                    description = ExpectString(member)?.Value;
                    break;
                case "properties":
                    properties = ParseProperties(member);
                    break;
                default:
                    UnknownKey(member.Key, $"relation type '{name.Value}'", RelationTypeKeys);
                    break;
            }
        }

        foreach (var (key, part) in new[] { ("from", from), ("to", to) })
        {
            if (part is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    Descriptors.MissingKey,
                    name.Location,
                    $"Relation type '{name.Value}'",
                    key,
                    $"the entity type its relations {(key == "from" ? "start" : "end")} at"));
            }
        }

        declarations.Add(new RelationTypeDeclaration(name, from, to, inverse, cardinality, description, properties));
    }

    private EquatableArray<PropertyDeclaration> ParseProperties(JsonMember member)
    {
        var properties = new List<PropertyDeclaration>();
        ForEachMember(member, (name, value) =>
        {
            switch (value)
            {
                case JsonScalar { Kind: JsonScalarKind.String } scalar:
                    properties.Add(new PropertyDeclaration(name, new Located(scalar.Text, scalar.Location), null));
                    break;
                case JsonObject property:
                    Located? type = null;
                    string? description = null;
                    foreach (var part in property.Members)
                    {
                        switch (part.Key.Value)
                        {
                            case "type":
                                type = ExpectString(part);
                                break;
                            case "description":
                                description = ExpectString(part)?.Value;
                                break;
                            default:
                                UnknownKey(part.Key, $"property '{name.Value}'", PropertyKeys);
                                break;
                        }
                    }

                    if (type is null)
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(
                            Descriptors.MissingKey, name.Location, $"Property '{name.Value}'", "type", "its type, such as \"string\""));
                    }
                    else
                    {
                        properties.Add(new PropertyDeclaration(name, type, description));
                    }

                    break;
                default:
                    Unexpected(value, name.Value, "a type name such as \"string\", or an object with 'type' and 'description'");
                    break;
            }
        });
        return properties.ToEquatableArray();
    }

    private void ParseEntity(Located id, JsonNode value, List<EntityDeclaration> declarations)
    {
        if (Expect<JsonObject>(value, id.Value, "an object") is not { } entity)
        {
            return;
        }

        Located? type = null;
        string? description = null;
        var values = new List<ValueDeclaration>();
        foreach (var member in entity.Members)
        {
            switch (member.Key.Value)
            {
                case "type":
                    type = ExpectString(member);
                    break;
                case "description":
                    description = ExpectString(member)?.Value;
                    break;
                default:
                    AddValue(member, values);
                    break;
            }
        }

        if (type is null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                Descriptors.MissingKey, id.Location, $"Entity '{id.Value}'", "type", "the name of its entity type, such as \"Person\""));
        }

        declarations.Add(new EntityDeclaration(id, type, description, values.ToEquatableArray()));
    }

    private void ParseRelation(JsonNode fact, List<RelationDeclaration> declarations)
    {
        switch (fact)
        {
            case JsonArray triple:
                if (triple.Items.Count != 3)
                {
                    Unexpected(triple, "a relation", "[from, type, to]", $"an array of {triple.Items.Count}");
                    return;
                }

                var parts = triple.Items.Select(item => Expect<JsonScalar>(item, "a part of [from, type, to]", "a string")).ToArray();
                if (parts.Any(part => part is null || part.Kind != JsonScalarKind.String))
                {
                    foreach (var part in parts)
                    {
                        if (part is not null && part.Kind != JsonScalarKind.String)
                        {
                            Unexpected(part, "a part of [from, type, to]", "a string");
                        }
                    }

                    return;
                }

                declarations.Add(new RelationDeclaration(
                    triple.Location,
                    Locate(parts[0]!),
                    Locate(parts[1]!),
                    Locate(parts[2]!),
                    EquatableArray<ValueDeclaration>.Empty));
                break;

            case JsonObject relation:
                Located? from = null, type = null, to = null;
                var values = new List<ValueDeclaration>();
                foreach (var member in relation.Members)
                {
                    switch (member.Key.Value)
                    {
                        case "from":
                            from = ExpectString(member);
                            break;
                        case "type":
                            type = ExpectString(member);
                            break;
                        case "to":
                            to = ExpectString(member);
                            break;
                        default:
                            AddValue(member, values);
                            break;
                    }
                }

                var missing = new[] { ("from", from), ("type", type), ("to", to) }.Where(part => part.Item2 is null).ToArray();
                foreach (var (key, _) in missing)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(
                        Descriptors.MissingKey, relation.Location.StartOnly(), "The relation", key, "every relation names 'from', 'type' and 'to'"));
                }

                if (missing.Length == 0)
                {
                    declarations.Add(new RelationDeclaration(relation.Location, from, type, to, values.ToEquatableArray()));
                }

                break;

            default:
                Unexpected(fact, "a relation", "an object {\"from\", \"type\", \"to\", …} or an array [from, type, to]");
                break;
        }
    }

    private void AddValue(JsonMember member, List<ValueDeclaration> values)
    {
        var earlier = values.FirstOrDefault(value => value.Name.Value == member.Key.Value);
        if (earlier is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                Descriptors.Duplicate, member.Key.Location, earlier.Name.Location, "The value", member.Key.Value));
            return;
        }

        values.Add(new ValueDeclaration(member.Key, ToFactValue(member.Value)));
    }

    private static FactValue ToFactValue(JsonNode node) => node switch
    {
        JsonScalar scalar => new FactValue(
            scalar.Kind switch
            {
                JsonScalarKind.String => FactValueKind.String,
                JsonScalarKind.Number => FactValueKind.Number,
                JsonScalarKind.Null => FactValueKind.Null,
                _ => FactValueKind.Boolean,
            },
            scalar.Text,
            scalar.Location,
            EquatableArray<FactValue>.Empty),
        JsonArray array => new FactValue(FactValueKind.List, "", array.Location, array.Items.Select(ToFactValue).ToEquatableArray()),
        _ => new FactValue(FactValueKind.Object, "", node.Location, EquatableArray<FactValue>.Empty),
    };

    private void ForEachMember(JsonMember member, Action<Located, JsonNode> parse)
    {
        if (Expect<JsonObject>(member.Value, member.Key.Value, "an object") is not { } container)
        {
            return;
        }

        foreach (var item in container.Members)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (ExpectName($"a key of '{member.Key.Value}'", item.Key) is not null)
            {
                parse(item.Key, item.Value);
            }
        }
    }

    private T? Expect<T>(JsonNode node, string what, string expected)
        where T : JsonNode
    {
        if (node is T typed)
        {
            return typed;
        }

        Unexpected(node, what, expected);
        return null;
    }

    private Located? ExpectString(JsonMember member) =>
        Expect<JsonScalar>(member.Value, member.Key.Value, "a string") is { } scalar && scalar.Kind == JsonScalarKind.String
            ? Locate(scalar)
            : UnexpectedString(member.Value, member.Key.Value);

    /// <summary>Names become C# identifiers and ids, so they must hold more than white space.</summary>
    private Located? ExpectName(string what, Located? name)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name.Value))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnexpectedValue, name.Location, what, "a name", "an empty string"));
            return null;
        }

        return name;
    }

    private Located? UnexpectedString(JsonNode node, string what)
    {
        if (node is JsonScalar)
        {
            Unexpected(node, what, "a string");
        }

        return null;
    }

    private bool ExpectBoolean(JsonMember member)
    {
        if (member.Value is JsonScalar { Kind: JsonScalarKind.True or JsonScalarKind.False } scalar)
        {
            return scalar.Kind == JsonScalarKind.True;
        }

        Unexpected(member.Value, member.Key.Value, "true or false");
        return false;
    }

    private void Unexpected(JsonNode node, string what, string expected, string? actual = null) =>
        _diagnostics.Add(DiagnosticInfo.Create(
            Descriptors.UnexpectedValue, node.Location.StartOnly(), what, expected, actual ?? node.KindDescription));

    private void UnknownKey(Located key, string owner, string[] knownKeys) =>
        _diagnostics.Add(DiagnosticInfo.Create(
            Descriptors.UnknownKey, key.Location, key.Value, owner, string.Join(", ", knownKeys)));

    private static Located Locate(JsonScalar scalar) => new(scalar.Text, scalar.Location);
}
