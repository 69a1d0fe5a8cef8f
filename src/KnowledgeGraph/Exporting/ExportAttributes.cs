using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Validation;

namespace KnowledgeGraph;

/// <summary>What an exported attribute holds, as the formats with typed attributes type it.</summary>
internal enum ValueKind
{
    String,
    Int,
    Long,
    Double,
    Boolean,
    Decimal,
}

/// <summary>One attribute of nodes or of edges: a GraphML key, a GEXF attribute.</summary>
/// <param name="Index">Its place among every attribute of the export, node attributes first: what its id is made of.</param>
/// <param name="Name">Its name, unique among the attributes of its class (nodes or edges).</param>
/// <param name="Kind">What its values are (of each item, for a list).</param>
/// <param name="IsList">A list, written as a JSON array in a string.</param>
/// <param name="Description">The <c>description</c> of the first property it holds that has one.</param>
internal sealed record ExportAttribute(int Index, string Name, ValueKind Kind, bool IsList, string? Description);

/// <summary>A value an element of a type may have (a property, or a role of an n-ary relation) and its attribute.</summary>
internal readonly record struct AttributeSlot(string Property, bool IsRole, ExportAttribute Attribute);

/// <summary>
/// The attributes an export with typed attributes declares (GraphML, GEXF): the fixed ones, then every property of
/// every entity type for nodes, every property and role of every relation type for edges, united by name.
/// </summary>
/// <remarks>
/// A name the types give one kind of value is one attribute; <c>int</c> and <c>long</c> make a <c>long</c>, which holds
/// both. When types give one name different kinds, each kind gets its own attribute named <c>name:kind</c>
/// (<c>count:int</c>, <c>count:string</c>, <c>tags:string[]</c>), so that one name never holds two kinds. A name a fixed
/// attribute takes (a node property named <c>label</c>) is suffixed in the same way, and a name still taken gets
/// <c>:2</c>, <c>:3</c>, ….
/// </remarks>
internal sealed class ExportAttributes
{
    private readonly Dictionary<EntityTypeInfo, AttributeSlot[]> _entitySlots = [];
    private readonly Dictionary<RelationTypeInfo, AttributeSlot[]> _relationSlots = [];
    private readonly List<ExportAttribute> _nodes = [];
    private readonly List<ExportAttribute> _edges = [];

    // A generated class is one type: its type is looked up once, not by name for every element.
    private readonly Dictionary<object, EntityTypeInfo> _entityClasses = [];
    private readonly Dictionary<object, RelationTypeInfo> _relationClasses = [];

    public ExportAttributes(ExportedGraph graph)
    {
        var nodeNames = new HashSet<string>(StringComparer.Ordinal);
        NodeType = Fixed(_nodes, nodeNames, "type");
        NodeLabel = Fixed(_nodes, nodeNames, "label");
        var entityValues = graph.EntityTypes.SelectMany(type => type.AllProperties().Select(Declared.Of));
        var nodeAttributes = Unite(_nodes, nodeNames, entityValues);
        foreach (var type in graph.EntityTypes)
        {
            _entitySlots[type] = [.. type.AllProperties().Select(property => Slot(nodeAttributes, Declared.Of(property)))];
        }

        var edgeNames = new HashSet<string>(StringComparer.Ordinal);
        EdgeType = Fixed(_edges, edgeNames, "type");
        EdgeSources = Fixed(_edges, edgeNames, "sources", isList: true);
        EdgeValidFrom = Fixed(_edges, edgeNames, "validFrom");
        EdgeValidTo = Fixed(_edges, edgeNames, "validTo");
        var relationValues = graph.RelationTypes.SelectMany(ValuesOf);
        var edgeAttributes = Unite(_edges, edgeNames, relationValues);
        foreach (var type in graph.RelationTypes)
        {
            _relationSlots[type] = [.. ValuesOf(type).Select(value => Slot(edgeAttributes, value))];
        }
    }

    /// <summary>The attributes of nodes, in order: <c>type</c>, <c>label</c>, then the properties.</summary>
    public IReadOnlyList<ExportAttribute> Nodes => _nodes;

    /// <summary>The attributes of edges, in order: <c>type</c>, <c>sources</c>, <c>validFrom</c>, <c>validTo</c>, then the properties and roles.</summary>
    public IReadOnlyList<ExportAttribute> Edges => _edges;

    /// <summary>The entity's type.</summary>
    public ExportAttribute NodeType { get; }

    /// <summary>What shows the entity: its name, or its id.</summary>
    public ExportAttribute NodeLabel { get; }

    /// <summary>The relation's type.</summary>
    public ExportAttribute EdgeType { get; }

    /// <summary>The ids of the fact's sources.</summary>
    public ExportAttribute EdgeSources { get; }

    public ExportAttribute EdgeValidFrom { get; }

    public ExportAttribute EdgeValidTo { get; }

    /// <summary>The type of <paramref name="entity"/>, whose values <paramref name="graph"/> read last.</summary>
    public EntityTypeInfo TypeOf(Entity entity, ExportedGraph graph)
    {
        if (!_entityClasses.TryGetValue(entity.TypeKey, out var type))
        {
            _entityClasses.Add(entity.TypeKey, type = graph.Schema.EntityTypes[graph.Values.TypeName]);
        }

        return type;
    }

    public RelationTypeInfo TypeOf(Relation relation, ExportedGraph graph)
    {
        if (!_relationClasses.TryGetValue(relation.TypeKey, out var type))
        {
            _relationClasses.Add(relation.TypeKey, type = graph.TypeOf(relation));
        }

        return type;
    }

    /// <summary>The properties of <paramref name="type"/> (its ancestors' first), each with its attribute.</summary>
    public IReadOnlyList<AttributeSlot> SlotsOf(EntityTypeInfo type) => _entitySlots[type];

    /// <summary>The properties, then the roles, of <paramref name="type"/> (its ancestors' first), each with its attribute.</summary>
    public IReadOnlyList<AttributeSlot> SlotsOf(RelationTypeInfo type) => _relationSlots[type];

    /// <summary>The kind an export gives a property's values: dates, date-times, URIs and enum values are strings.</summary>
    private static ValueKind KindOf(PropertyType type) => type.Kind switch
    {
        ScalarKind.Int => ValueKind.Int,
        ScalarKind.Long => ValueKind.Long,
        ScalarKind.Double => ValueKind.Double,
        ScalarKind.Bool => ValueKind.Boolean,
        ScalarKind.Decimal => ValueKind.Decimal,
        _ => ValueKind.String,
    };

    /// <summary>The kind as a suffix of a name: <c>int</c>, <c>string[]</c>.</summary>
    private static string Describe(ValueKind kind, bool isList) =>
        kind.ToString().ToLowerInvariant() + (isList ? "[]" : "");

    private static IEnumerable<Declared> ValuesOf(RelationTypeInfo type) =>
        type.AllProperties().Select(Declared.Of)
            .Concat(type.AllRoles().Select(role => new Declared(role.Name, ValueKind.String, role.IsList, role.Declaration.Description, IsRole: true)));

    private ExportAttribute Fixed(List<ExportAttribute> attributes, HashSet<string> names, string name, bool isList = false)
    {
        names.Add(name);
        var attribute = new ExportAttribute(_nodes.Count + _edges.Count, name, ValueKind.String, isList, null);
        attributes.Add(attribute);
        return attribute;
    }

    /// <summary>Makes the attributes of the declared values, and says which holds each name and kind.</summary>
    private Dictionary<(string Name, ValueKind Kind, bool IsList), ExportAttribute> Unite(
        List<ExportAttribute> attributes, HashSet<string> names, IEnumerable<Declared> declared)
    {
        var byName = new Dictionary<string, List<Declared>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var value in declared)
        {
            if (!byName.TryGetValue(value.Name, out var all))
            {
                byName.Add(value.Name, all = []);
                order.Add(value.Name);
            }

            all.Add(value);
        }

        var held = new Dictionary<(string, ValueKind, bool), ExportAttribute>();
        foreach (var name in order)
        {
            var all = byName[name];
            var shapes = all.Select(value => (value.Kind, value.IsList)).Distinct().ToList();
            if (shapes.All(shape => shape.Kind is ValueKind.Int or ValueKind.Long && shape.IsList == shapes[0].IsList))
            {
                // An int is a long too: one attribute holds both.
                var kind = shapes.Any(shape => shape.Kind == ValueKind.Long) ? ValueKind.Long : ValueKind.Int;
                shapes = [(kind, shapes[0].IsList)];
            }

            foreach (var (kind, isList) in shapes)
            {
                var suffix = Describe(kind, isList);
                var attributeName = Claim(names, shapes.Count == 1 ? name : $"{name}:{suffix}", $"{name}:{suffix}");
                var description = all.Select(value => value.Description).FirstOrDefault(text => text is not null);
                var attribute = new ExportAttribute(_nodes.Count + _edges.Count, attributeName, kind, isList, description);
                attributes.Add(attribute);
                foreach (var value in all)
                {
                    if (shapes.Count == 1 || (value.Kind, value.IsList) == (kind, isList))
                    {
                        held[(name, value.Kind, value.IsList)] = attribute;
                    }
                }
            }
        }

        return held;
    }

    private static string Claim(HashSet<string> names, string wanted, string suffixed)
    {
        if (names.Add(wanted))
        {
            return wanted;
        }

        if (names.Add(suffixed))
        {
            return suffixed;
        }

        for (var n = 2; ; n++)
        {
            var numbered = $"{suffixed}:{n}";
            if (names.Add(numbered))
            {
                return numbered;
            }
        }
    }

    private static AttributeSlot Slot(Dictionary<(string, ValueKind, bool), ExportAttribute> attributes, Declared value) =>
        new(value.Name, value.IsRole, attributes[(value.Name, value.Kind, value.IsList)]);

    private readonly record struct Declared(string Name, ValueKind Kind, bool IsList, string? Description, bool IsRole = false)
    {
        public static Declared Of(PropertyInfo property) =>
            new(property.Name, KindOf(property.Type), property.Type.IsList, property.Declaration.Description);
    }
}
