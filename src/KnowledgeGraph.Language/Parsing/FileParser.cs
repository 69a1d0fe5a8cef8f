using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph.Language.Parsing;

/// <summary>
/// Reads one <c>.kg.json</c> file into a <see cref="ParsedFile"/>: the shape of the format is checked here,
/// names and values are checked once all files of a graph are known (<see cref="Validation.GraphChecker"/>).
/// </summary>
internal sealed class FileParser
{
    private static readonly string[] TopLevelKeys = ["$schema", "namespace", "graph", "baseIri", "enums", "entityTypes", "relationTypes", "entities", "relations"];
    private static readonly string[] EnumKeys = ["description", "values"];
    private static readonly string[] EntityTypeKeys = ["abstract", "extends", "description", "properties"];
    private static readonly string[] RelationTypeKeys =
        ["abstract", "extends", "from", "to", "inverse", "cardinality", "symmetric", "description", "properties", "roles"];
    private static readonly string[] PropertyKeys = ["type", "description", "unique", "key", "pattern", "min", "max", "minItems"];
    private static readonly string[] RoleKeys = ["type", "inverse", "description"];

    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<JsonField> _fields = [];
    private readonly List<ValueDeclaration> _values = []; // an entity's or a fact's, copied to an array of their number
    private readonly JsonSource _source;
    private readonly IDeclarationSink _sink;
    private readonly CancellationToken _cancellationToken;

    // False once part of the file could not be read (invalid JSON, no graph, a section or a name of the wrong
    // shape): what it would have declared is unknown, so other files' names are not reported as unknown.
    private bool _isComplete = true;

    private FileParser(JsonSource source, IDeclarationSink sink, CancellationToken cancellationToken)
    {
        _source = source;
        _sink = sink;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses a whole file: what the generator reads.</summary>
    public static ParsedFile Parse(string path, string text, CancellationToken cancellationToken) =>
        Parse(path, Encoding.UTF8.GetBytes(text), text, cancellationToken);

    /// <summary>Parses a whole file from its text in UTF-8 (valid, and without a byte order mark), as the text itself is parsed.</summary>
    public static ParsedFile Parse(string path, byte[] utf8, CancellationToken cancellationToken) =>
        Parse(path, utf8, null, cancellationToken);

    /// <param name="text">The file's text, when the caller has it: the bytes are decoded only when the file cannot be read whole.</param>
    private static ParsedFile Parse(string path, byte[] utf8, string? text, CancellationToken cancellationToken)
    {
        var declarations = new DeclarationList();
        var file = Parse(JsonSource.FromBytes(path, utf8, cancellationToken), path, declarations, cancellationToken);
        return file with
        {
            Entities = declarations.Entities.ToEquatableArray(),
            Relations = declarations.Relations.ToEquatableArray(),
            IncompleteText = file.IncompleteText is null ? null : text ?? Encoding.UTF8.GetString(utf8),
        };
    }

    /// <summary>
    /// Parses a file from its source, handing each entity and fact to <paramref name="sink"/> as soon as it is read.
    /// </summary>
    /// <returns>
    /// The file's header, schema and diagnostics, without its entities and facts; when the file is not valid JSON,
    /// only the diagnostic of where it stops and a non-null <see cref="ParsedFile.IncompleteText"/> (empty: the caller
    /// has the text, if anyone does).
    /// </returns>
    public static ParsedFile Parse(JsonSource source, string path, IDeclarationSink sink, CancellationToken cancellationToken)
    {
        var parser = new FileParser(source, sink, cancellationToken);
        try
        {
            var file = parser.ParseRoot(path);
            return parser._isComplete ? file : file with { IncompleteText = "" };
        }
        catch (JsonSyntaxException exception)
        {
            // As a file that cannot be read at all: only where it stops is reported, whatever was read before.
            return new ParsedFile(
                path,
                source.FileStart,
                null,
                null,
                null,
                EquatableArray<EnumDeclaration>.Empty,
                EquatableArray<EntityTypeDeclaration>.Empty,
                EquatableArray<RelationTypeDeclaration>.Empty,
                EquatableArray<EntityDeclaration>.Empty,
                EquatableArray<RelationDeclaration>.Empty,
                new[] { exception.Diagnostic }.ToEquatableArray(),
                IncompleteText: "");
        }
    }

    private ParsedFile ParseRoot(string path)
    {
        Located? ns = null, graph = null, baseIri = null;
        var graphGiven = false;
        var enums = new List<EnumDeclaration>();
        var entityTypes = new List<EntityTypeDeclaration>();
        var relationTypes = new List<RelationTypeDeclaration>();

        if (_source.PeekToken() != JsonTokenType.StartObject)
        {
            Expect<JsonObject>(_source.ReadValue(), "the file", "an object");
        }
        else
        {
            var fileStart = _source.NextTokenLocation();
            _source.ReadToken(out _);
            var seen = new Dictionary<string, Located>(StringComparer.Ordinal);
            while (_source.ReadToken(out var key) == JsonTokenType.PropertyName)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (seen.TryGetValue(key!.Value, out var first))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(Descriptors.Duplicate, key.Location, first.Location, "The key", key.Value));
                    _source.ReadValue();
                    continue;
                }

                seen.Add(key.Value, key);
                switch (key.Value)
                {
                    case "entities" when _source.PeekToken() == JsonTokenType.StartObject:
                        // Read and handed on one entity at a time: a file may hold millions.
                        _source.ReadToken(out _);
                        while (_source.ReadToken(out var id) == JsonTokenType.PropertyName)
                        {
                            var value = _source.ReadFields(_fields);
                            if (IsName(id!) || ExpectName($"a key of '{key.Value}'", id) is not null)
                            {
                                ParseEntity(id!, value);
                            }
                            else
                            {
                                _isComplete = false;
                            }
                        }

                        break;
                    case "relations" when _source.PeekToken() == JsonTokenType.StartArray:
                        _source.ReadToken(out _);
                        while (_source.PeekToken() != JsonTokenType.EndArray)
                        {
                            ParseRelation(_source.ReadFields(_fields));
                        }

                        _source.ReadToken(out _);
                        break;
                    default:
                        ParseMember(new JsonMember(key, _source.ReadValue()), ref ns, ref graph, ref baseIri, ref graphGiven, enums, entityTypes, relationTypes);
                        break;
                }
            }

            if (graph is null)
            {
                _isComplete = false;
            }

            if (!graphGiven)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    Descriptors.MissingKey,
                    fileStart,
                    "The file",
                    "graph",
                    "the name of the graph class its facts belong to, such as \"DiplomacyGraph\""));
            }
        }

        if (_source.PeekToken() != JsonTokenType.None)
        {
            throw new JsonSyntaxException(DiagnosticInfo.Create(Descriptors.InvalidJson, _source.NextTokenLocation(), "the file holds more than one JSON value"));
        }

        return new ParsedFile(
            path,
            _source.FileStart,
            ns,
            graph,
            baseIri,
            enums.ToEquatableArray(),
            entityTypes.ToEquatableArray(),
            relationTypes.ToEquatableArray(),
            EquatableArray<EntityDeclaration>.Empty,
            EquatableArray<RelationDeclaration>.Empty,
            _diagnostics.ToEquatableArray(),
            IncompleteText: null);
    }

    private void ParseMember(
        JsonMember member,
        ref Located? ns,
        ref Located? graph,
        ref Located? baseIri,
        ref bool graphGiven,
        List<EnumDeclaration> enums,
        List<EntityTypeDeclaration> entityTypes,
        List<RelationTypeDeclaration> relationTypes)
    {
        switch (member.Key.Value)
        {
            case "$schema":
                break;
            case "namespace":
                ns = ExpectName(Quote(member.Key.Value), ExpectString(member));
                break;
            case "graph":
                graph = ExpectName(Quote(member.Key.Value), ExpectString(member));
                graphGiven = true;
                break;
            case "baseIri":
                baseIri = ExpectBaseIri(ExpectString(member));
                break;
            case "enums":
                ForEachMember(member, (key, value) => ParseEnum(key, value, enums), declaresNames: true);
                break;
            case "entityTypes":
                ForEachMember(member, (key, value) => ParseEntityType(key, value, entityTypes), declaresNames: true);
                break;
            case "relationTypes":
                ForEachMember(member, (key, value) => ParseRelationType(key, value, relationTypes), declaresNames: true);
                break;
            case "entities":
                // Only when not an object (an object is read entity by entity): reported as such.
                _isComplete &= Expect<JsonObject>(member.Value, Quote(member.Key.Value), "an object") is not null;
                break;
            case "relations":
                // Only when not an array (an array is read fact by fact): reported as such.
                _isComplete &= Expect<JsonArray>(member.Value, Quote(member.Key.Value), "an array") is not null;
                break;
            default:
                UnknownKey(member.Key, "the file", TopLevelKeys);
                break;
        }
    }

    private void ParseEnum(Located name, JsonNode value, List<EnumDeclaration> declarations)
    {
        string? description = null;
        JsonNode? values = value;
        if (value is JsonObject described)
        {
            values = null;
            foreach (var member in Keys(described))
            {
                switch (member.Key.Value)
                {
                    case "description":
                        description = ExpectString(member)?.Value;
                        break;
                    case "values":
                        values = member.Value;
                        break;
                    default:
                        UnknownKey(member.Key, $"enum '{name.Value}'", EnumKeys);
                        break;
                }
            }

            if (values is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.MissingKey, name.Location, $"Enum '{name.Value}'", "values", "the list of its values"));
                declarations.Add(new EnumDeclaration(name, description, EquatableArray<Located>.Empty));
                return;
            }
        }

        // An enum of the wrong shape stays declared without values, so the properties of its type are not reported too.
        if (Expect<JsonArray>(values, Quote(name.Value), "a list of value names, or an object with 'values' and 'description'") is not { } list)
        {
            declarations.Add(new EnumDeclaration(name, description, EquatableArray<Located>.Empty));
            return;
        }

        var names = new List<Located>();
        foreach (var item in list.Items)
        {
            if (Expect<JsonScalar>(item, $"a value of enum '{name.Value}'", "a string") is { Kind: JsonKind.String } scalar)
            {
                if (ExpectName($"a value of enum '{name.Value}'", Locate(scalar)) is { } valueName)
                {
                    names.Add(valueName);
                }
            }
            else if (item is JsonScalar other)
            {
                Unexpected(other, $"a value of enum '{name.Value}'", "a string");
            }
        }

        if (names.Count == 0 && list.Items.Count == 0)
        {
            Unexpected(list, Quote(name.Value), "a list of at least one value", "an empty list");
        }

        declarations.Add(new EnumDeclaration(name, description, names.ToEquatableArray()));
    }

    private void ParseEntityType(Located name, JsonNode value, List<EntityTypeDeclaration> declarations)
    {
        if (Expect<JsonObject>(value, Quote(name.Value), "an object") is not { } type)
        {
            declarations.Add(new EntityTypeDeclaration(name, false, null, null, EquatableArray<PropertyDeclaration>.Empty, IsValid: false));
            return;
        }

        var hasUnknownKeys = false;
        var isAbstract = false;
        Located? extends = null;
        string? description = null;
        var properties = EquatableArray<PropertyDeclaration>.Empty;
        foreach (var member in Keys(type))
        {
            switch (member.Key.Value)
            {
                case "abstract":
                    isAbstract = ExpectBoolean(member);
                    break;
                case "extends":
                    extends = ExpectString(member);
                    hasUnknownKeys |= extends is null;
                    break;
                case "description":
                    description = ExpectString(member)?.Value;
                    break;
                case "properties":
                    properties = ParseProperties(member);
                    hasUnknownKeys |= member.Value is not JsonObject;
                    break;
                default:
                    UnknownKey(member.Key, $"entity type '{name.Value}'", EntityTypeKeys);
                    hasUnknownKeys = true;
                    break;
            }
        }

        declarations.Add(new EntityTypeDeclaration(name, isAbstract, extends, description, properties, HasUnknownKeys: hasUnknownKeys));
    }

    private void ParseRelationType(Located name, JsonNode value, List<RelationTypeDeclaration> declarations)
    {
        if (Expect<JsonObject>(value, Quote(name.Value), "an object") is not { } type)
        {
            declarations.Add(new RelationTypeDeclaration(
                name, false, null, null, null, null, null, null, null, EquatableArray<PropertyDeclaration>.Empty, EquatableArray<RoleDeclaration>.Empty, IsValid: false));
            return;
        }

        var hasUnknownKeys = false;
        var isValid = true;
        Located? extends = null, from = null, to = null, inverse = null, cardinality = null, symmetric = null;
        var isAbstract = false;
        string? description = null;
        var properties = EquatableArray<PropertyDeclaration>.Empty;
        var roles = new List<RoleDeclaration>();
        foreach (var member in Keys(type))
        {
            switch (member.Key.Value)
            {
                case "abstract":
                    isAbstract = ExpectBoolean(member);
                    break;
                case "extends":
                    extends = ExpectString(member);
                    isValid &= extends is not null;
                    break;
                case "from":
                    from = ExpectString(member);
                    isValid &= from is not null;
                    break;
                case "to":
                    to = ExpectString(member);
                    isValid &= to is not null;
                    break;
                case "inverse":
                    inverse = ExpectName(Quote(member.Key.Value), ExpectString(member));
                    break;
                case "cardinality":
                    cardinality = ExpectString(member);
                    break;
                case "symmetric":
                    symmetric = ExpectBoolean(member) ? member.Key : null;
                    break;
                case "description":
                    description = ExpectString(member)?.Value;
                    break;
                case "properties":
                    properties = ParseProperties(member);
                    hasUnknownKeys |= member.Value is not JsonObject;
                    break;
                case "roles":
                    ForEachMember(member, (role, roleValue) => ParseRole(name, role, roleValue, roles));
                    hasUnknownKeys |= member.Value is not JsonObject;
                    break;
                default:
                    UnknownKey(member.Key, $"relation type '{name.Value}'", RelationTypeKeys);
                    hasUnknownKeys = true;
                    break;
            }
        }

        declarations.Add(new RelationTypeDeclaration(
            name, isAbstract, extends, from, to, inverse, cardinality, symmetric, description, properties, roles.ToEquatableArray(), isValid, hasUnknownKeys));
    }

    private void ParseRole(Located relation, Located name, JsonNode value, List<RoleDeclaration> roles)
    {
        switch (value)
        {
            case JsonScalar { Kind: JsonKind.String } scalar:
                roles.Add(new RoleDeclaration(name, Locate(scalar), null, null));
                break;
            case JsonObject role:
                Located? type = null, inverse = null;
                string? description = null;
                foreach (var part in Keys(role))
                {
                    switch (part.Key.Value)
                    {
                        case "type":
                            type = ExpectString(part);
                            break;
                        case "inverse":
                            inverse = ExpectName(Quote(part.Key.Value), ExpectString(part));
                            break;
                        case "description":
                            description = ExpectString(part)?.Value;
                            break;
                        default:
                            UnknownKey(part.Key, $"role '{name.Value}' of relation type '{relation.Value}'", RoleKeys);
                            break;
                    }
                }

                RequireType(role, name, $"Role '{name.Value}'", "the entity type that plays it, such as \"City\" or \"Delegation[]\"");

                roles.Add(new RoleDeclaration(name, type, inverse, description));
                break;
            default:
                Unexpected(value, Quote(name.Value), "an entity type such as \"City\", or an object with 'type', 'inverse' and 'description'");
                roles.Add(new RoleDeclaration(name, null, null, null));
                break;
        }
    }

    /// <summary>Reports a declaration written as an object without a 'type' (one given with a wrong value was reported already).</summary>
    private void RequireType(JsonObject declaration, Located name, string what, string hint)
    {
        if (!declaration.Members.Any(part => part.Key.Value == "type"))
        {
            _diagnostics.Add(DiagnosticInfo.Create(Descriptors.MissingKey, name.Location, what, "type", hint));
        }
    }

    private EquatableArray<PropertyDeclaration> ParseProperties(JsonMember member)
    {
        var properties = new List<PropertyDeclaration>();
        ForEachMember(member, (name, value) =>
        {
            if (properties.FirstOrDefault(p => p.Name.Value == name.Value) is { } earlier)
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.Duplicate, name.Location, earlier.Name.Location, "Property", name.Value));
                return;
            }

            switch (value)
            {
                case JsonScalar { Kind: JsonKind.String } scalar:
                    properties.Add(new PropertyDeclaration(name, Locate(scalar), null, PropertyConstraints.None));
                    break;
                case JsonObject property:
                    Located? type = null, unique = null, key = null, pattern = null;
                    FactValue? min = null, max = null, minItems = null;
                    string? description = null;
                    foreach (var part in Keys(property))
                    {
                        switch (part.Key.Value)
                        {
                            case "type":
                                type = ExpectString(part);
                                break;
                            case "description":
                                description = ExpectString(part)?.Value;
                                break;
                            case "unique":
                                unique = ExpectBoolean(part) ? part.Key : null;
                                break;
                            case "key":
                                key = ExpectBoolean(part) ? part.Key : null;
                                break;
                            case "pattern":
                                pattern = ExpectString(part);
                                break;
                            case "min":
                                min = ToFactValue(part.Value);
                                break;
                            case "max":
                                max = ToFactValue(part.Value);
                                break;
                            case "minItems":
                                minItems = ToFactValue(part.Value);
                                break;
                            default:
                                UnknownKey(part.Key, $"property '{name.Value}'", PropertyKeys);
                                break;
                        }
                    }

                    RequireType(property, name, $"Property '{name.Value}'", "its type, such as \"string\"");

                    properties.Add(new PropertyDeclaration(name, type, description, new PropertyConstraints(unique, key, pattern, min, max, minItems)));
                    break;
                default:
                    Unexpected(value, Quote(name.Value), "a type name such as \"string\", or an object with 'type' and 'description'");
                    properties.Add(new PropertyDeclaration(name, null, null, PropertyConstraints.None));
                    break;
            }
        });
        return properties.ToEquatableArray();
    }

    // The entity's members are in _fields.
    private void ParseEntity(Located id, JsonField value)
    {
        // An entity of the wrong shape is still declared, so that the facts naming it are not reported too.
        if (value.Kind != JsonKind.Object)
        {
            Unexpected(value.Location, value.KindDescription, Quote(id.Value), "an object");
            _sink.Entity(new EntityDeclaration(id, null, null, EquatableArray<ValueDeclaration>.Empty));
            return;
        }

        Located? type = null;
        var typeGiven = false;
        string? description = null;
        _values.Clear();
        var hasRepeatedKey = HasRepeatedKey(_fields);
        for (var i = 0; i < _fields.Count; i++)
        {
            var field = _fields[i];
            if (hasRepeatedKey && IsRepeated(i))
            {
                continue;
            }

            switch (field.Key)
            {
                case "type":
                    type = ExpectString(field);
                    typeGiven = true;
                    break;
                case "description":
                    description = ExpectString(field)?.Value;
                    break;
                default:
                    AddValue(field);
                    break;
            }
        }

        if (!typeGiven)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                Descriptors.MissingKey, id.Location, $"Entity '{id.Value}'", "type", "the name of its entity type, such as \"Person\""));
        }

        _sink.Entity(new EntityDeclaration(id, type, description, _values.ToEquatableArray()));
    }

    // The fact's members or items are in _fields.
    private void ParseRelation(JsonField fact)
    {
        switch (fact.Kind)
        {
            case JsonKind.Array:
                if (_fields.Count != 3)
                {
                    Unexpected(fact.Location, fact.KindDescription, "a relation", "[from, type, to]", $"an array of {_fields.Count}");
                    return;
                }

                var partsAreStrings = true;
                foreach (var part in _fields)
                {
                    if (part.Kind != JsonKind.String)
                    {
                        Unexpected(part.Location, part.KindDescription, "a part of [from, type, to]", "a string");
                        partsAreStrings = false;
                    }
                }

                if (partsAreStrings)
                {
                    _sink.Relation(new RelationDeclaration(
                        fact.Location,
                        _fields[0].LocatedText,
                        _fields[1].LocatedText,
                        _fields[2].LocatedText,
                        EquatableArray<ValueDeclaration>.Empty));
                }

                break;

            case JsonKind.Object:
                Located? from = null, type = null, to = null;
                bool fromGiven = false, typeGiven = false, toGiven = false;
                _values.Clear();
                var hasRepeatedKey = HasRepeatedKey(_fields);
                for (var i = 0; i < _fields.Count; i++)
                {
                    var field = _fields[i];
                    if (hasRepeatedKey && IsRepeated(i))
                    {
                        continue;
                    }

                    switch (field.Key)
                    {
                        case "from":
                            from = ExpectString(field);
                            fromGiven = true;
                            break;
                        case "type":
                            type = ExpectString(field);
                            typeGiven = true;
                            break;
                        case "to":
                            to = ExpectString(field);
                            toGiven = true;
                            break;
                        default:
                            AddValue(field);
                            break;
                    }
                }

                // A key given with a wrong value was reported already; only an absent one is missing.
                Missing(fromGiven, "from");
                Missing(typeGiven, "type");
                Missing(toGiven, "to");

                if (from is not null && type is not null && to is not null)
                {
                    _sink.Relation(new RelationDeclaration(fact.Location, from, type, to, _values.ToEquatableArray()));
                }

                void Missing(bool given, string key)
                {
                    if (!given)
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(
                            Descriptors.MissingKey, fact.Location.StartOnly(), "The relation", key, "every relation names 'from', 'type' and 'to'"));
                    }
                }

                break;

            default:
                Unexpected(fact.Location, fact.KindDescription, "a relation", "an object {\"from\", \"type\", \"to\", …} or an array [from, type, to]");
                break;
        }
    }

    private void AddValue(JsonField field) =>
        _values.Add(new ValueDeclaration(field.LocatedKey, field.Node is { } node ? ToFactValue(node) : ToFactValue(field.Kind, field.Text, field.Location)));

    private static FactValue ToFactValue(JsonNode node) => node switch
    {
        JsonScalar scalar => ToFactValue(scalar.Kind, scalar.Text, scalar.Location),
        JsonArray array => new FactValue(FactValueKind.List, "", array.Location, array.Items.Select(ToFactValue).ToEquatableArray()),
        _ => new FactValue(FactValueKind.Object, "", node.Location, EquatableArray<FactValue>.Empty),
    };

    private static FactValue ToFactValue(JsonKind scalar, string text, LocationInfo location) => new(
        scalar switch
        {
            JsonKind.String => FactValueKind.String,
            JsonKind.Number => FactValueKind.Number,
            JsonKind.Null => FactValueKind.Null,
            _ => FactValueKind.Boolean,
        },
        text,
        location,
        EquatableArray<FactValue>.Empty);

    /// <param name="declaresNames">A section that declares names others refer to: if it cannot be read, the file is incomplete.</param>
    private void ForEachMember(JsonMember member, Action<Located, JsonNode> parse, bool declaresNames = false)
    {
        if (Expect<JsonObject>(member.Value, Quote(member.Key.Value), "an object") is not { } container)
        {
            _isComplete &= !declaresNames;
            return;
        }

        foreach (var item in container.Members)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (ExpectName($"a key of '{member.Key.Value}'", item.Key) is not null)
            {
                parse(item.Key, item.Value);
            }
            else
            {
                _isComplete &= !declaresNames;
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
        member.Value is JsonScalar { Kind: JsonKind.String } scalar
            ? Locate(scalar)
            : UnexpectedString(member.Value, Quote(member.Key.Value));

    // The quoted key is made only for a mistake: a string is expected of every fact's from, type and to.
    private Located? ExpectString(JsonField field)
    {
        if (field.Kind == JsonKind.String)
        {
            return field.LocatedText;
        }

        Unexpected(field.Location, field.KindDescription, Quote(field.Key!), "a string");
        return null;
    }

    /// <summary>A base IRI is written before every IRI of the graph's RDF mapping, so it must be one that every reader takes as it is.</summary>
    private Located? ExpectBaseIri(Located? iri)
    {
        if (iri is not null && Rdf.RdfNames.BaseIriProblem(iri.Value) is { } problem)
        {
            _diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidBaseIri, iri.Location, iri.Value, problem));
            return null;
        }

        return iri;
    }

    /// <summary>Names become C# identifiers and ids, so they must hold more than white space.</summary>
    private static bool IsName(Located name) => !string.IsNullOrWhiteSpace(name.Value);

    /// <summary>Reports a name that is not one (<see cref="IsName"/>).</summary>
    private Located? ExpectName(string what, Located? name)
    {
        if (name is not null && !IsName(name))
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                Descriptors.UnexpectedValue, name.Location, Capitalize(what), "a name", name.Value.Length == 0 ? "an empty string" : "blank"));
            return null;
        }

        return name;
    }

    private Located? UnexpectedString(JsonNode node, string what)
    {
        Unexpected(node, what, "a string");
        return null;
    }

    private bool ExpectBoolean(JsonMember member)
    {
        if (member.Value is JsonScalar { Kind: JsonKind.True or JsonKind.False } scalar)
        {
            return scalar.Kind == JsonKind.True;
        }

        Unexpected(member.Value, Quote(member.Key.Value), "true or false");
        return false;
    }

    /// <summary>The keys of an object of the format, each once: a repeated key is reported and its value skipped.</summary>
    /// <remarks>Reported as it is reached, so that the diagnostics of a file come in the order of its text.</remarks>
    private IEnumerable<JsonMember> Keys(JsonObject node)
    {
        var seen = new Dictionary<string, Located>(StringComparer.Ordinal);
        foreach (var member in node.Members)
        {
            if (seen.TryGetValue(member.Key.Value, out var first))
            {
                _diagnostics.Add(DiagnosticInfo.Create(Descriptors.Duplicate, member.Key.Location, first.Location, "The key", member.Key.Value));
                continue;
            }

            seen.Add(member.Key.Value, member.Key);
            yield return member;
        }
    }

    // Whether an entity's or a fact's members repeat a key: without a set for the few keys of most, as there is one
    // object per entity and fact. Only then is each member's key looked for before it (IsRepeated).
    private static bool HasRepeatedKey(List<JsonField> fields)
    {
        if (fields.Count > 16)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return !fields.All(field => seen.Add(field.Key!));
        }

        for (var i = 1; i < fields.Count; i++)
        {
            if (FirstWithKey(fields, i) < i)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports the key of the member <paramref name="index"/> of <c>_fields</c> if an earlier member has it.</summary>
    private bool IsRepeated(int index)
    {
        var first = FirstWithKey(_fields, index);
        if (first == index)
        {
            return false;
        }

        var field = _fields[index];
        _diagnostics.Add(DiagnosticInfo.Create(Descriptors.Duplicate, field.KeyLocation, _fields[first].KeyLocation, "The key", field.Key!));
        return true;
    }

    private static int FirstWithKey(List<JsonField> fields, int index)
    {
        var first = 0;
        while (!string.Equals(fields[first].Key, fields[index].Key, StringComparison.Ordinal))
        {
            first++;
        }

        return first;
    }

    /// <param name="what">What must have another shape: a quoted name (<see cref="Quote"/>) or a phrase ("a relation").</param>
    private void Unexpected(JsonNode node, string what, string expected, string? actual = null) =>
        Unexpected(node.Location, node.KindDescription, what, expected, actual);

    /// <param name="location">Where the value stands: the mistake is shown at its first character.</param>
    /// <param name="kind">What the value is: "an object", "a string", … (<see cref="JsonNode.Describe"/>).</param>
    private void Unexpected(LocationInfo location, string kind, string what, string expected, string? actual = null) =>
        _diagnostics.Add(DiagnosticInfo.Create(
            Descriptors.UnexpectedValue, location.StartOnly(), Capitalize(what), expected, actual ?? kind));

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string Quote(string name) => $"'{name}'";

    private void UnknownKey(Located key, string owner, string[] knownKeys) =>
        _diagnostics.Add(DiagnosticInfo.Create(
            Descriptors.UnknownKey, key.Location, key.Value, owner, string.Join(", ", knownKeys)));

    private static Located Locate(JsonScalar scalar) => new(scalar.Text, scalar.Location);
}

/// <summary>Takes the entities and facts of a file as they are read.</summary>
internal interface IDeclarationSink
{
    void Entity(EntityDeclaration entity);

    void Relation(RelationDeclaration relation);
}

/// <summary>Keeps the entities and facts of a file, for the generator, which checks them once every file is read.</summary>
internal sealed class DeclarationList : IDeclarationSink
{
    public List<EntityDeclaration> Entities { get; } = [];

    public List<RelationDeclaration> Relations { get; } = [];

    public void Entity(EntityDeclaration entity) => Entities.Add(entity);

    public void Relation(RelationDeclaration relation) => Relations.Add(relation);
}
