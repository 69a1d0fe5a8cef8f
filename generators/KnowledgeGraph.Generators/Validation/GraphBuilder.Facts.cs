using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Generators.Diagnostics;
using KnowledgeGraph.Generators.Model;
using KnowledgeGraph.Generators.Naming;

namespace KnowledgeGraph.Generators.Validation;

internal sealed partial class GraphBuilder
{
    private List<EntityModel> CollectEntities(string graphClassName)
    {
        var members = new NameScope(this, "the graph class");
        members.Reserve(graphClassName, $"the graph class '{graphClassName}' itself");
        foreach (var reserved in ReservedMembers.Graph)
        {
            members.Reserve(reserved, $"the graph class's member '{reserved}'");
        }

        var models = new List<EntityModel>();
        foreach (var declaration in _files.SelectMany(file => file.Entities))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var id = declaration.Id;
            if (_declaredEntities.TryGetValue(id.Value, out var earlier))
            {
                Report(Descriptors.Duplicate, id.Location, earlier.Id.Location, "Entity", id.Value);
                continue;
            }

            _declaredEntities.Add(id.Value, declaration);
            var entity = CheckEntity(declaration, members, out var type);
            if (entity is null)
            {
                _brokenEntities.Add(id.Value, type);
                continue;
            }

            _entities.Add(id.Value, entity);
            models.Add(entity.Model);
        }

        return models;
    }

    /// <param name="type">The entity's type, when it is known and usable, even if the entity is not.</param>
    private EntityInfo? CheckEntity(EntityDeclaration declaration, NameScope members, out EntityTypeInfo? type)
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
            Report(Descriptors.AbstractEntityType, typeName.Location, id.Value, type.Name);
            return null;
        }

        var values = CheckValues(
            $"entity type '{type.Name}'",
            $"Entity '{id.Value}'",
            id.Location,
            type.AllProperties().ToList(),
            type.Ancestors().Prepend(type).SelectMany(t => t.Ignored),
            declaration.Values);
        var memberName = Identifiers.ToPascalCase(id.Value);
        if (values is null || !members.Claim(memberName, $"Entity '{id.Value}'", id.Location))
        {
            return null;
        }

        return new EntityInfo(declaration, type, new EntityModel(id.Value, memberName, type.ClassName, declaration.Description, values.ToEquatableArray()));
    }

    private List<RelationModel> CollectRelations()
    {
        var models = new List<RelationModel>();
        var singleEnds = new Dictionary<(string Relation, bool Forward, string Entity), LocationInfo>();
        foreach (var declaration in _files.SelectMany(file => file.Relations))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (CheckRelation(declaration) is not { } relation)
            {
                continue;
            }

            var (type, from, to, model) = relation;
            var breach = false;
            foreach (var (forward, single, entity) in new[] { (true, type.IsSingleForward, from), (false, type.IsSingleInverse, to) })
            {
                if (!single)
                {
                    continue;
                }

                var key = (type.Name, forward, entity.Declaration.Id.Value);
                if (singleEnds.TryGetValue(key, out var earlier))
                {
                    Report(
                        Descriptors.CardinalityBreach,
                        declaration.Location.StartOnly(),
                        earlier,
                        type.Name,
                        type.Cardinality,
                        forward ? $"'{entity.Declaration.Id.Value}' can have one target at most" : $"'{entity.Declaration.Id.Value}' can have one '{type.Name}' relation to it at most");
                    breach = true;
                    break;
                }
            }

            if (breach)
            {
                continue;
            }

            if (type.IsSingleForward)
            {
                singleEnds[(type.Name, true, from.Declaration.Id.Value)] = declaration.Location.StartOnly();
            }

            if (type.IsSingleInverse)
            {
                singleEnds[(type.Name, false, to.Declaration.Id.Value)] = declaration.Location.StartOnly();
            }

            models.Add(model);
        }

        return models;
    }

    private (RelationTypeInfo Type, EntityInfo From, EntityInfo To, RelationModel Model)? CheckRelation(RelationDeclaration declaration)
    {
        var typeName = declaration.Type!;
        if (!_relationTypes.TryGetValue(typeName.Value, out var type))
        {
            Report(Descriptors.UnknownRelationType, typeName.Location, typeName.Value, _graphName);
            return null;
        }

        // Everything in a fact is checked even when the fact cannot be kept, so one build shows every mistake.
        var from = ResolveEntity(declaration.From!);
        var to = ResolveEntity(declaration.To!);
        var valid = !type.IsBroken && from is not null && to is not null;
        valid &= type.IsBroken || CheckEndpoint(declaration.From!, from?.Type, "from", type, type.From!);
        valid &= type.IsBroken || CheckEndpoint(declaration.To!, to?.Type, "to", type, type.To!);

        var reserved = declaration.Values.Where(value => value.Name.Value is "source" or "validFrom" or "validTo").ToList();
        var sources = new List<string>();
        string? validFrom = null, validTo = null;
        foreach (var value in reserved)
        {
            if (value.Name.Value == "source")
            {
                valid &= CheckSources(value.Value, sources);
                continue;
            }

            var date = PropertyTypes.Normalize(ScalarKind.Date, value.Value);
            if (date is null && value.Value.Kind != FactValueKind.Null)
            {
                Report(Descriptors.WrongValueType, value.Value.Location, value.Name.Value, PropertyTypes.Describe(ScalarKind.Date), DescribeActual(value.Value));
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

        var values = CheckValues(
            $"relation type '{type.Name}'",
            $"The '{type.Name}' relation from '{declaration.From!.Value}' to '{declaration.To!.Value}'",
            declaration.Location.StartOnly(),
            type.Properties,
            type.Ignored,
            declaration.Values.Where(value => !reserved.Contains(value)));
        if (!valid || values is null || from?.Entity is not { } fromEntity || to?.Entity is not { } toEntity)
        {
            return null;
        }

        var model = new RelationModel(
            type.ClassName,
            fromEntity.Model.MemberName,
            toEntity.Model.MemberName,
            sources.ToEquatableArray(),
            validFrom,
            validTo,
            values.ToEquatableArray());
        return (type, fromEntity, toEntity, model);
    }

    /// <returns>
    /// The entity (null when it was left out after a mistake) and its type (null when that is not known
    /// either); null after reporting an id that no entity has.
    /// </returns>
    private (EntityInfo? Entity, EntityTypeInfo? Type)? ResolveEntity(Located id)
    {
        if (_entities.TryGetValue(id.Value, out var entity))
        {
            return (entity, entity.Type);
        }

        if (_brokenEntities.TryGetValue(id.Value, out var type))
        {
            return (null, type);
        }

        Report(Descriptors.UnknownEntity, id.Location, id.Value, _graphName);
        return null;
    }

    /// <returns>False after reporting an entity of the wrong type; true when right or not known.</returns>
    private bool CheckEndpoint(Located id, EntityTypeInfo? actual, string end, RelationTypeInfo relation, EntityTypeInfo expected)
    {
        if (actual is null || actual.Ancestors().Prepend(actual).Contains(expected))
        {
            return true;
        }

        Report(Descriptors.WrongEndpointType, id.Location, id.Value, actual.Name, end, relation.Name, expected.Name);
        return false;
    }

    private bool CheckSources(FactValue value, List<string> sources)
    {
        var ids = value.Kind == FactValueKind.List ? value.Items.ToList() : [value];
        var valid = true;
        foreach (var id in ids)
        {
            if (id.Kind != FactValueKind.String)
            {
                Report(Descriptors.WrongValueType, id.Location, "source", "the id of an entity, or a list of ids", DescribeActual(id));
                valid = false;
            }
            else if (ResolveEntity(new Located(id.Text, id.Location)) is { Entity: { } source })
            {
                if (!sources.Contains(source.Model.MemberName))
                {
                    sources.Add(source.Model.MemberName);
                }
            }
            else
            {
                valid = false;
            }
        }

        return valid;
    }

    /// <returns>The checked values in the order of <paramref name="properties"/>, or null after reporting a mistake.</returns>
    private List<ValueModel>? CheckValues(
        string typeDescription,
        string ownerDescription,
        LocationInfo ownerLocation,
        IReadOnlyList<PropertyInfo> properties,
        IEnumerable<string> ignored,
        IEnumerable<ValueDeclaration> values)
    {
        var valid = true;
        var given = new Dictionary<string, ValueModel>(StringComparer.Ordinal);
        var ignoredNames = new HashSet<string>(ignored, StringComparer.Ordinal);
        foreach (var value in values)
        {
            var property = properties.FirstOrDefault(p => p.Name == value.Name.Value);
            if (property is null)
            {
                if (!ignoredNames.Contains(value.Name.Value))
                {
                    Report(Descriptors.UnknownProperty, value.Name.Location, value.Name.Value, typeDescription);
                    valid = false;
                }

                continue;
            }

            if (value.Value.Kind == FactValueKind.Null && !property.Type.IsRequired)
            {
                continue;
            }

            if (property.Type.IsList && value.Value.Kind != FactValueKind.List)
            {
                Report(Descriptors.WrongValueType, Point(value.Value), value.Name.Value, $"a list of {PropertyTypes.Describe(property.Type.Kind)} values", DescribeActual(value.Value));
                valid = false;
                continue;
            }

            var items = property.Type.IsList ? value.Value.Items.ToList() : [value.Value];
            var normalized = new List<string>();
            foreach (var item in items)
            {
                if (PropertyTypes.Normalize(property.Type.Kind, item) is { } text)
                {
                    normalized.Add(text);
                }
                else
                {
                    Report(Descriptors.WrongValueType, Point(item), value.Name.Value, PropertyTypes.Describe(property.Type.Kind), DescribeActual(item));
                    valid = false;
                }
            }

            given[property.Name] = new ValueModel(property.MemberName, property.Type, normalized.ToEquatableArray());
        }

        foreach (var property in properties.Where(p => p.Type.IsRequired && !given.ContainsKey(p.Name)))
        {
            Report(Descriptors.MissingRequiredProperty, ownerLocation, ownerDescription, property.Name, property.Type.ToString());
            valid = false;
        }

        return valid ? properties.Where(p => given.ContainsKey(p.Name)).Select(p => given[p.Name]).ToList() : null;
    }

    // A list or an object can span many lines: point at where it opens.
    private static LocationInfo Point(FactValue value) =>
        value.Kind is FactValueKind.List or FactValueKind.Object ? value.Location.StartOnly() : value.Location;

    private static string DescribeActual(FactValue value) =>
        value.Kind is FactValueKind.String or FactValueKind.Number ? $"{value.KindDescription} ({Shorten(value.Text)})" : value.KindDescription;

    private static string Shorten(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text.Substring(0, 37)}…'";
}
