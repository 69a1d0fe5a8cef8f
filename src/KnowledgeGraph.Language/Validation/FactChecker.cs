using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Naming;
using KnowledgeGraph.Language.Parsing;

namespace KnowledgeGraph.Language.Validation;

/// <summary>
/// Checks the entities and facts of one graph against its resolved <see cref="Schema"/>: their types, values,
/// ends, roles, sources, keys and cardinalities. What passes comes out in the terms of the tables the emitter
/// writes: ids and the names of the files.
/// </summary>
internal sealed class FactChecker : IDeclarationSink
{
    private readonly Schema _schema;
    private readonly string _graphName;
    private readonly Reporter _reporter;
    private readonly NameScope? _members;
    private readonly CancellationToken _cancellationToken;

    private readonly IReadOnlyDictionary<string, EnumInfo> _enums;
    private readonly IReadOnlyDictionary<string, EntityTypeInfo> _entityTypes;
    private readonly IReadOnlyDictionary<string, RelationTypeInfo> _relationTypes;

    private readonly Dictionary<string, EntityInfo> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityDeclaration> _declaredEntities = new(StringComparer.Ordinal);

    // Entities left out after a reported mistake, with their type where it was known, so that the facts that
    // name them are still checked (and then left out) instead of being reported as naming unknown entities.
    private readonly Dictionary<string, EntityTypeInfo?> _brokenEntities = new(StringComparer.Ordinal);

    // Values of unique properties seen so far: (declaring type, property, value) → the entity that has it.
    private readonly Dictionary<(string Type, string Property, string Value), (string Id, FactValue Value)> _uniqueValues = new();

    // The graph's pattern checks, within their timeout and budget.
    private readonly PatternChecks _patterns = new();

    private readonly List<EntityModel> _entityModels = [];
    private readonly List<RelationModel> _relationModels = [];
    private readonly Dictionary<(string Relation, bool Forward, string Entity), LocationInfo> _singleEnds = new();

    // A fact is its type, ends, properties and validity; where it was read is not part of it.
    // The value is the fact's index in _relationModels and _factLocations.
    private readonly Dictionary<RelationModel, int> _facts = new();
    private readonly List<LocationInfo> _factLocations = [];

    // The ids every fact names, kept or not, for the warning about entities in no fact.
    private readonly HashSet<string> _named = new(StringComparer.Ordinal);

    // Facts read before an entity they name: checked once every entity is read.
    private readonly List<RelationDeclaration> _waiting = [];

    // The sources of the fact being checked, copied to an array of their number when it passes.
    private readonly List<string> _sources = [];
    private bool _allEntitiesRead;

    /// <param name="members">
    /// The graph class's member names, which the entities claim: only in generated code does an entity become a member.
    /// </param>
    public FactChecker(Schema schema, Reporter reporter, NameScope? members, CancellationToken cancellationToken)
    {
        _schema = schema;
        _graphName = schema.GraphName;
        _reporter = reporter;
        _members = members;
        _cancellationToken = cancellationToken;
        _enums = schema.Enums;
        _entityTypes = schema.EntityTypes;
        _relationTypes = schema.RelationTypes;
    }

    /// <summary>Checks every entity and fact of the files: what the generator compiles in.</summary>
    /// <param name="graphClassName">The graph class, whose members the entities claim.</param>
    public static (List<EntityModel> Entities, List<RelationModel> Relations) Check(
        Schema schema,
        IReadOnlyList<ParsedFile> files,
        string graphClassName,
        Reporter reporter,
        CancellationToken cancellationToken)
    {
        var members = new NameScope(reporter, "the graph class", MetadataName.Getter);
        members.Reserve(graphClassName, $"the graph class '{graphClassName}' itself");
        foreach (var reserved in ReservedMembers.Graph)
        {
            members.Reserve(reserved, $"the member '{reserved}' of every graph class");
        }

        var checker = new FactChecker(schema, reporter, members, cancellationToken);
        foreach (var entity in files.SelectMany(file => file.Entities))
        {
            checker.Add(entity);
        }

        checker.EndOfEntities();
        foreach (var relation in files.SelectMany(file => file.Relations))
        {
            checker.Add(relation);
        }

        return checker.Finish();
    }

    /// <summary>The entities that passed so far, in the order they were read.</summary>
    public IReadOnlyList<EntityModel> Entities => _entityModels;

    /// <summary>The facts that passed so far, in the order they were read; a fact stated again gains its sources.</summary>
    public IReadOnlyList<RelationModel> Relations => _relationModels;

    void IDeclarationSink.Entity(EntityDeclaration entity) => Add(entity);

    void IDeclarationSink.Relation(RelationDeclaration relation) => Add(relation);

    /// <summary>Checks an entity against the schema and the entities before it.</summary>
    public void Add(EntityDeclaration declaration)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var id = declaration.Id;
        if (_declaredEntities.TryGetValue(id.Value, out var earlier))
        {
            Report(Descriptors.Duplicate, id.Location, earlier.Id.Location, "Entity", id.Value);
            return;
        }

        _declaredEntities.Add(id.Value, declaration);
        var entity = CheckEntity(declaration, out var type);
        if (entity is null)
        {
            _brokenEntities.Add(id.Value, type);
            return;
        }

        _entities.Add(id.Value, entity);
        _entityModels.Add(entity.Model);
    }

    /// <summary>No entity is read after this: a fact that names an unknown entity is reported at once.</summary>
    public void EndOfEntities()
    {
        _allEntitiesRead = true;
        foreach (var relation in _waiting)
        {
            CheckFact(relation);
        }

        _waiting.Clear();
    }

    /// <summary>Checks a fact, now or, if it names an entity not read yet, once every entity is read.</summary>
    public void Add(RelationDeclaration declaration)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _named.Add(declaration.From!.Value);
        _named.Add(declaration.To!.Value);
        foreach (var value in declaration.Values)
        {
            Name(value.Value);
            foreach (var item in value.Value.Items)
            {
                Name(item);
            }
        }

        if (!_allEntitiesRead && !NamesOnlyKnownEntities(declaration))
        {
            _waiting.Add(declaration);
            return;
        }

        CheckFact(declaration);

        void Name(FactValue value)
        {
            if (value.Kind == FactValueKind.String)
            {
                _named.Add(value.Text);
            }
        }
    }

    /// <summary>Checks the facts still waiting and warns of entities in no fact.</summary>
    public (List<EntityModel> Entities, List<RelationModel> Relations) Finish()
    {
        EndOfEntities();
        ReportUnusedEntities();
        return (_entityModels, _relationModels);
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        _reporter.Report(descriptor, location, arguments);

    private void Report(DiagnosticDescriptor descriptor, LocationInfo location, LocationInfo additionalLocation, params string[] arguments) =>
        _reporter.Report(descriptor, location, additionalLocation, arguments);

    // Whether every id the fact names, at its ends, as a source or in a role, is an entity read already.
    private bool NamesOnlyKnownEntities(RelationDeclaration declaration)
    {
        if (!IsKnown(declaration.From!.Value) || !IsKnown(declaration.To!.Value))
        {
            return false;
        }

        var roles = _relationTypes.TryGetValue(declaration.Type!.Value, out var type) && !type.IsBroken ? _schema.ShapeOf(type).Roles : ImmutableArray<RoleInfo>.Empty;
        // Loops, not LINQ: this runs for every fact.
        foreach (var value in declaration.Values)
        {
            if (value.Name.Value != "source" && !IsRole(value.Name.Value))
            {
                continue;
            }

            if (value.Value.Kind == FactValueKind.String)
            {
                if (!IsKnown(value.Value.Text))
                {
                    return false;
                }

                continue;
            }

            foreach (var item in value.Value.Items)
            {
                if (item.Kind == FactValueKind.String && !IsKnown(item.Text))
                {
                    return false;
                }
            }
        }

        return true;

        bool IsKnown(string id) => _entities.ContainsKey(id) || _brokenEntities.ContainsKey(id);

        bool IsRole(string name)
        {
            foreach (var role in roles)
            {
                if (role.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <param name="type">The entity's type, when it is known and usable, even if the entity is not.</param>
    private EntityInfo? CheckEntity(EntityDeclaration declaration, out EntityTypeInfo? type)
    {
        var id = declaration.Id;
        type = null;
        if (declaration.Type is not { } typeName)
        {
            return null;
        }

        if (!_entityTypes.TryGetValue(typeName.Value, out var declared))
        {
            Report(Descriptors.UnknownEntityType, typeName.Location, typeName.Value, _graphName);
            return null;
        }

        if (declared.IsBroken)
        {
            return null;
        }

        type = declared;

        if (type.Declaration.IsAbstract)
        {
            // Its facts are not checked against the abstract type either: the mistake is the type.
            Report(Descriptors.AbstractEntityType, typeName.Location, $"Entity '{id.Value}'", type.Name);
            type = null;
            return null;
        }

        var values = CheckValues(_schema.ShapeOf(type), declaration.Values, id.Location, declaration, Describe);
        var memberName = _members is null ? "" : Identifiers.ToPascalCase(id.Value);
        if (values is null || !CheckUniqueValues(declaration, type) || (_members is not null && !_members.Claim(memberName, $"Entity '{id.Value}'", id.Location)))
        {
            return null;
        }

        return new EntityInfo(declaration, type, new EntityModel(id.Value, memberName, type.Name, declaration.Description, values.ToEquatableArray()));
    }

    /// <summary>Checks the entity's unique properties against the entities before it; false after reporting a clash.</summary>
    private bool CheckUniqueValues(EntityDeclaration declaration, EntityTypeInfo type)
    {
        var unique = _schema.ShapeOf(type).UniqueProperties;
        var valid = true;
        foreach (var (owner, property) in unique)
        {
            if (ValueOf(declaration.Values, property.Name) is not { Value.Kind: not FactValueKind.Null } value)
            {
                continue;
            }

            var key = (owner.Name, property.Name, UniqueText(property, value.Value));
            if (_uniqueValues.TryGetValue(key, out var earlier))
            {
                Report(
                    Descriptors.DuplicateKey,
                    value.Value.Location,
                    earlier.Value.Location,
                    $"Entity '{declaration.Id.Value}'",
                    property.Name,
                    Shorten(value.Value.Text),
                    earlier.Id,
                    owner.Name);
                valid = false;
            }
        }

        if (valid)
        {
            foreach (var (owner, property) in unique)
            {
                if (ValueOf(declaration.Values, property.Name) is { Value.Kind: not FactValueKind.Null } value)
                {
                    _uniqueValues[(owner.Name, property.Name, UniqueText(property, value.Value))] = (declaration.Id.Value, value.Value);
                }
            }
        }

        return valid;
    }

    /// <summary>The value given for <paramref name="name"/>, or null.</summary>
    private static ValueDeclaration? ValueOf(EquatableArray<ValueDeclaration> values, string name)
    {
        foreach (var value in values)
        {
            if (value.Name.Value == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Warns of entities that no fact names, kept or not (a fact left out after a mistake still names its
    /// entities): often a typo in a fact, or a forgotten one. An id that a file read only in part holds is not
    /// reported: a fact there may name it.
    /// </summary>
    private void ReportUnusedEntities()
    {
        foreach (var entity in _entities.Values.Where(entity => !_named.Contains(entity.Declaration.Id.Value) && !_reporter.MayBeDeclaredInLostPart(entity.Declaration.Id.Value)))
        {
            Report(Descriptors.UnusedEntity, entity.Declaration.Id.Location, entity.Declaration.Id.Value);
        }
    }

    // Values compare as values, not as written: 1 and 1.0 are one decimal.
    private string UniqueText(PropertyInfo property, FactValue value) =>
        Normalize(property.Type, value) is { } text && property.Type.Kind == ScalarKind.Decimal
            ? decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToString("G29", System.Globalization.CultureInfo.InvariantCulture)
            : Normalize(property.Type, value) ?? value.Text;

    private void CheckFact(RelationDeclaration declaration)
    {
        if (CheckRelation(declaration) is not { } relation)
        {
            return;
        }

        var (type, from, to, model) = relation;

        // A symmetric fact reads the same both ways: "a met b" and "b met a" are one fact.
        var fact = model with { Sources = EquatableArray<string>.Empty };
        if (type.IsSymmetric && string.CompareOrdinal(fact.From, fact.To) > 0)
        {
            fact = fact with { From = fact.To, To = fact.From };
        }

        if (_facts.TryGetValue(fact, out var same))
        {
            // The same fact from other sources is one fact with more sources; from no new source it is a repeat.
            var known = _relationModels[same].Sources;
            var added = model.Sources.Where(source => !known.Contains(source)).ToList();
            if (added.Count == 0)
            {
                Report(Descriptors.DuplicateFact, declaration.Location.StartOnly(), _factLocations[same], type.Name, from.Declaration.Id.Value, to.Declaration.Id.Value);
            }
            else
            {
                _relationModels[same] = _relationModels[same] with { Sources = known.Concat(added).ToEquatableArray() };
            }

            return;
        }

        var ends = _schema.ShapeOf(type).SingleEnds;
        foreach (var (counted, forward, atTarget) in ends)
        {
            var entity = atTarget ? to : from;
            var key = (counted.Name, forward, entity.Declaration.Id.Value);
            if (_singleEnds.TryGetValue(key, out var earlier))
            {
                Report(
                    Descriptors.CardinalityBreach,
                    declaration.Location.StartOnly(),
                    earlier,
                    counted.Name,
                    counted.Cardinality,
                    FactShape.OneAtMost(counted, forward, entity.Declaration.Id.Value));
                return;
            }
        }

        foreach (var (counted, forward, atTarget) in ends)
        {
            _singleEnds[(counted.Name, forward, (atTarget ? to : from).Declaration.Id.Value)] = declaration.Location.StartOnly();
        }

        _facts.Add(fact, _relationModels.Count);
        _relationModels.Add(model);
        _factLocations.Add(declaration.Location.StartOnly());
    }

    private (RelationTypeInfo Type, EntityInfo From, EntityInfo To, RelationModel Model)? CheckRelation(RelationDeclaration declaration)
    {
        // Everything in a fact is checked even when the fact cannot be kept, so one build shows every mistake.
        var typeName = declaration.Type!;
        var from = ResolveEntity(declaration.From!);
        var to = ResolveEntity(declaration.To!);
        if (!_relationTypes.TryGetValue(typeName.Value, out var type))
        {
            Report(Descriptors.UnknownRelationType, typeName.Location, typeName.Value, _graphName);
            return null;
        }

        var valid = !type.IsBroken && from is not null && to is not null;
        valid &= type.IsBroken || CheckEndpoint(declaration.From!, from?.Type, "from", type, type.From!);
        valid &= type.IsBroken || CheckEndpoint(declaration.To!, to?.Type, "to", type, type.To!);

        if (!type.IsBroken && type.Declaration.IsAbstract)
        {
            Report(Descriptors.AbstractEntityType, typeName.Location, $"The relation from '{declaration.From!.Value}' to '{declaration.To!.Value}'", type.Name);
            valid = false;
        }

        var sources = _sources;
        sources.Clear();
        string? validFrom = null, validTo = null;
        foreach (var value in declaration.Values)
        {
            if (value.Name.Value is not ("source" or "validFrom" or "validTo"))
            {
                continue;
            }

            if (value.Name.Value == "source")
            {
                valid &= CheckSources(value.Value, sources);
                continue;
            }

            var date = PropertyTypes.NormalizePartialDate(value.Value);
            if (date is null && value.Value.Kind != FactValueKind.Null)
            {
                Report(Descriptors.WrongValueType, value.Value.Location, value.Name.Value, "a date written \"yyyy-MM-dd\", \"yyyy-MM\" or \"yyyy\"", DescribeActual(value.Value));
                valid = false;
            }
            else if (value.Name.Value == "validFrom")
            {
                validFrom = date;
            }
            else
            {
                validTo = date;
            }
        }

        if (type.IsBroken)
        {
            return null;
        }

        var shape = _schema.ShapeOf(type);
        var roleValues = CheckRoles(declaration, shape.Roles, out var rolesValid);
        var values = CheckValues(shape, declaration.Values, declaration.Location.StartOnly(), declaration, Describe);
        if (!valid || !rolesValid || values is null || from?.Entity is not { } fromEntity || to?.Entity is not { } toEntity)
        {
            return null;
        }

        var model = new RelationModel(
            type.Name,
            fromEntity.Declaration.Id.Value,
            toEntity.Declaration.Id.Value,
            sources.ToEquatableArray(),
            validFrom,
            validTo,
            values.ToEquatableArray(),
            roleValues.ToEquatableArray());
        return (type, fromEntity, toEntity, model);
    }

    /// <summary>Checks the entities a fact names for its roles: known, of the role's type, given when required.</summary>
    private List<RoleValueModel> CheckRoles(RelationDeclaration declaration, ImmutableArray<RoleInfo> roles, out bool valid)
    {
        valid = true;
        var models = new List<RoleValueModel>(roles.Length);
        foreach (var role in roles)
        {
            var value = ValueOf(declaration.Values, role.Name);
            if (value is null || (value.Value.Kind == FactValueKind.Null && !role.IsRequired))
            {
                if (role.IsRequired)
                {
                    Report(Descriptors.MissingRequiredProperty, declaration.Location.StartOnly(), Describe(declaration), role.Name, role.Type.Name);
                    valid = false;
                }

                continue;
            }

            var ids = role.IsList && value.Value.Kind == FactValueKind.List ? value.Value.Items.ToList() : [value.Value];
            if (role.IsList != (value.Value.Kind == FactValueKind.List))
            {
                Report(
                    Descriptors.WrongValueType,
                    Point(value.Value),
                    role.Name,
                    role.IsList ? $"a list of ids of {role.Type.Name} entities" : $"the id of a {role.Type.Name}",
                    DescribeActual(value.Value));
                valid = false;
                continue;
            }

            var players = new List<string>();
            foreach (var id in ids)
            {
                if (id.Kind != FactValueKind.String)
                {
                    Report(Descriptors.WrongValueType, Point(id), role.Name, $"the id of a {role.Type.Name}", DescribeActual(id));
                    valid = false;
                    continue;
                }

                var player = ResolveEntity(id.Text, id.Location);
                if (player is null)
                {
                    valid = false;
                    continue;
                }

                if (player.Value.Type is { } playerType && !playerType.Is(role.Type))
                {
                    if (!_schema.ShapeOf(playerType).IgnoresUnknown)
                    {
                        Report(Descriptors.WrongEndpointType, id.Location, id.Text, playerType.Name, role.Name, declaration.Type!.Value, role.Type.Name);
                    }

                    valid = false;
                }
                else if (player.Value.Entity is { } entity)
                {
                    players.Add(entity.Declaration.Id.Value);
                }
                else
                {
                    valid = false;
                }
            }

            models.Add(new RoleValueModel(role.Name, players.ToEquatableArray()));
        }

        return models;
    }

    /// <returns>
    /// The entity (null when it was left out after a mistake) and its type (null when that is not known
    /// either); null after reporting an id that no entity has.
    /// </returns>
    private (EntityInfo? Entity, EntityTypeInfo? Type)? ResolveEntity(Located id) => ResolveEntity(id.Value, id.Location);

    private (EntityInfo? Entity, EntityTypeInfo? Type)? ResolveEntity(string id, LocationInfo location)
    {
        if (_entities.TryGetValue(id, out var entity))
        {
            return (entity, entity.Type);
        }

        if (_brokenEntities.TryGetValue(id, out var type))
        {
            return (null, type);
        }

        Report(Descriptors.UnknownEntity, location, id, _graphName);
        return null;
    }

    /// <returns>
    /// False after reporting an entity of the wrong type, or silently when its type may have lost a base type to
    /// a reported mistake; true when right or not known.
    /// </returns>
    private bool CheckEndpoint(Located id, EntityTypeInfo? actual, string end, RelationTypeInfo relation, EntityTypeInfo expected)
    {
        if (actual is null || actual.Is(expected))
        {
            return true;
        }

        if (_schema.ShapeOf(actual).IgnoresUnknown)
        {
            return false;
        }

        Report(Descriptors.WrongEndpointType, id.Location, id.Value, actual.Name, end, relation.Name, expected.Name);
        return false;
    }

    private bool CheckSources(FactValue value, List<string> sources)
    {
        var count = value.Kind == FactValueKind.List ? value.Items.Count : 1;
        var valid = true;
        for (var i = 0; i < count; i++)
        {
            var id = value.Kind == FactValueKind.List ? value.Items[i] : value;
            if (id.Kind != FactValueKind.String)
            {
                Report(Descriptors.WrongValueType, id.Location, "source", "the id of an entity, or a list of ids", DescribeActual(id));
                valid = false;
            }
            else if (ResolveEntity(id.Text, id.Location) is { Entity: not null })
            {
                if (!sources.Contains(id.Text))
                {
                    sources.Add(id.Text);
                }
            }
            else
            {
                valid = false;
            }
        }

        return valid;
    }

    // What a message calls an entity or a fact: made only for a message, as most facts have no mistake.
    private static string Describe(EntityDeclaration entity) => $"Entity '{entity.Id.Value}'";

    private static string Describe(RelationDeclaration fact) => $"The '{fact.Type!.Value}' relation from '{fact.From!.Value}' to '{fact.To!.Value}'";

    /// <returns>The checked values in the order of the shape's properties, or null after reporting a mistake.</returns>
    private List<ValueModel>? CheckValues<TOwner>(
        FactShape shape,
        EquatableArray<ValueDeclaration> values,
        LocationInfo ownerLocation,
        TOwner owner,
        Func<TOwner, string> describe)
    {
        var valid = true;
        var properties = shape.Properties;
        var given = new ValueModel?[properties.Count];
        foreach (var value in values)
        {
            if (shape.NotProperties.Contains(value.Name.Value))
            {
                continue;
            }

            var index = IndexOf(properties, value.Name.Value);
            if (index < 0)
            {
                if (!shape.IgnoresUnknown && !shape.Ignored.Contains(value.Name.Value))
                {
                    Report(Descriptors.UnknownProperty, value.Name.Location, value.Name.Value, shape.Description);
                    valid = false;
                }

                continue;
            }

            var property = properties[index];
            if (value.Value.Kind == FactValueKind.Null && !property.Type.IsRequired)
            {
                continue;
            }

            if (property.Type.IsList && value.Value.Kind != FactValueKind.List)
            {
                Report(Descriptors.WrongValueType, Point(value.Value), value.Name.Value, $"a list, each item {Describe(property.Type)}", DescribeActual(value.Value));
                valid = false;
                continue;
            }

            var itemCount = property.Type.IsList ? value.Value.Items.Count : 1;
            var normalized = ImmutableArray.CreateBuilder<string>(itemCount);
            for (var i = 0; i < itemCount; i++)
            {
                var item = property.Type.IsList ? value.Value.Items[i] : value.Value;
                if (Normalize(property.Type, item) is not { } text)
                {
                    Report(Descriptors.WrongValueType, Point(item), value.Name.Value, Describe(property.Type), DescribeActual(item));
                    valid = false;
                }
                else if (BreachOf(property, item, text) is { } breach)
                {
                    Report(Descriptors.ConstraintBreach, Point(item), DescribeValue(item), value.Name.Value, breach);
                    valid = false;
                }
                else
                {
                    normalized.Add(text);
                }
            }

            if (property.MinItems is { } minItems && itemCount < minItems)
            {
                Report(Descriptors.ConstraintBreach, Point(value.Value), $"with {itemCount} item{(itemCount == 1 ? "" : "s")}", value.Name.Value, $"it needs {minItems} at least");
                valid = false;
            }

            given[index] = new ValueModel(property.Name, property.Type, new EquatableArray<string>(normalized.Count == itemCount ? normalized.MoveToImmutable() : normalized.ToImmutable()));
        }

        var checkedValues = new List<ValueModel>(properties.Count);
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (given[i] is { } checkedValue)
            {
                checkedValues.Add(checkedValue);
            }
            else if (property.Type.IsRequired)
            {
                Report(Descriptors.MissingRequiredProperty, ownerLocation, describe(owner), property.Name, property.Type.ToString());
                valid = false;
            }
            else if (property.MinItems > 0 && !property.Type.IsOptional)
            {
                // A list left out would be empty: with a least number of items, it must be given.
                Report(Descriptors.MissingRequiredProperty, ownerLocation, describe(owner), property.Name, $"{property.Type}, {property.MinItems} item{(property.MinItems == 1 ? "" : "s")} at least");
                valid = false;
            }
        }

        return valid ? checkedValues : null;
    }

    private static int IndexOf(IReadOnlyList<PropertyInfo> properties, string name)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The value in the one form the emitter writes, or null when it is not a value of the type.</summary>
    private string? Normalize(PropertyType type, FactValue value)
    {
        if (type.Kind != ScalarKind.Enum)
        {
            return PropertyTypes.Normalize(type.Kind, value);
        }

        if (value.Kind == FactValueKind.String)
        {
            // A loop, not LINQ: many facts hold an enum.
            foreach (var enumValue in EnumOf(type).Values)
            {
                if (enumValue.SchemaName == value.Text)
                {
                    return value.Text;
                }
            }
        }

        return null;
    }

    private string Describe(PropertyType type) => type.Kind == ScalarKind.Enum
        ? $"one of {string.Join(", ", EnumOf(type).Values.Select(v => $"'{v.SchemaName}'"))}"
        : PropertyTypes.Describe(type.Kind);

    private EnumInfo EnumOf(PropertyType type) => _enums[type.EnumName!];

    /// <returns>How the value breaks the property's pattern or range, or null when it keeps them.</returns>
    private string? BreachOf(PropertyInfo property, FactValue value, string normalized)
    {
        if (property.Pattern is { } pattern)
        {
            var check = _patterns.Check(property, pattern, value.Text);
            if (check == PatternCheck.Breaks)
            {
                return $"it must match the pattern '{pattern}'";
            }

            ReportCostlyPatterns(property, value, check);
        }

        if (property.Type.IsNumeric && decimal.TryParse(normalized, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            if (number < property.Min)
            {
                return $"it must be {PropertyInfo.Bound(property.Min.Value)} or more";
            }

            if (number > property.Max)
            {
                return $"it must be {PropertyInfo.Bound(property.Max.Value)} or less";
            }
        }

        return null;
    }

    /// <summary>
    /// Reports a pattern that timed out on the value, and the graph's pattern budget when this check spent it: each
    /// once, since neither the pattern nor, after the budget, any pattern is used again (KG0028).
    /// </summary>
    private void ReportCostlyPatterns(PropertyInfo property, FactValue value, PatternCheck check)
    {
        if (check == PatternCheck.TimedOut)
        {
            ReportPattern(property, $"took more than {PatternChecks.Seconds(PatternChecks.Timeout)} to match the value {Shorten(value.Text)}, so no later value of '{property.Name}' is checked against it");
        }

        if (check != PatternCheck.Skipped && _patterns.IsSpent)
        {
            ReportPattern(_patterns.Costliest!, $"took the most of the {PatternChecks.Seconds(PatternChecks.Budget)} that graph '{_graphName}' allows for checking patterns, so no later value is checked against any pattern");
        }

        void ReportPattern(PropertyInfo costly, string what)
        {
            var pattern = costly.Declaration.Constraints.Pattern!;
            Report(Descriptors.CostlyPattern, pattern.Location, Point(value), pattern.Value, costly.Name, what);
        }
    }

    private static string DescribeValue(FactValue value) =>
        value.Kind is FactValueKind.String or FactValueKind.Number ? Shorten(value.Text) : value.KindDescription;

    // A list or an object can span many lines: point at where it opens.
    private static LocationInfo Point(FactValue value) =>
        value.Kind is FactValueKind.List or FactValueKind.Object ? value.Location.StartOnly() : value.Location;

    private static string DescribeActual(FactValue value) =>
        value.Kind is FactValueKind.String or FactValueKind.Number ? $"{value.KindDescription} ({Shorten(value.Text)})" : value.KindDescription;

    private static string Shorten(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text.Substring(0, 37)}…'";
}
