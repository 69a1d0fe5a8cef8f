using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph.Language.Validation;

// The schema's types, enums, properties and roles as the resolver links and checks them (mutable while it does),
// and what the fact checker reads of them; each turns into its equatable model for the emitter.

/// <summary>A declared type that may extend another of its kind (an entity type, a relation type).</summary>
internal interface IExtendingType<TSelf>
    where TSelf : class, IExtendingType<TSelf>
{
    string Name { get; }

    /// <summary>The place of the type in declaration order.</summary>
    int Order { get; }

    Located DeclaredName { get; }

    Located? Extends { get; }

    TSelf? Base { get; set; }

    /// <summary>How many types this one extends, one through another: set once the types are linked and their cycles broken.</summary>
    int Depth { get; set; }

    /// <summary>
    /// The types this one extends, nearest first: set with <see cref="Depth"/> (empty before). A type deeper than
    /// the limit is left out unchecked (KG0027) and keeps none.
    /// </summary>
    IReadOnlyList<TSelf> Ancestors { get; set; }

    bool IsBroken { get; set; }
}

internal sealed class EnumInfo(EnumDeclaration declaration, int order)
{
    public EnumDeclaration Declaration { get; } = declaration;

    public int Order { get; } = order;

    public string Name => Declaration.Name.Value;

    public string ClassName { get; set; } = "";

    public bool IsBroken { get; set; }

    /// <summary>Each value as written and its C# member name.</summary>
    public List<EnumValueModel> Values { get; } = [];

    public EnumModel ToModel() => new(Name, ClassName, Declaration.Description, Values.ToEquatableArray());
}

internal sealed class PropertyInfo(PropertyDeclaration declaration, PropertyType type)
{
    public PropertyDeclaration Declaration { get; } = declaration;

    public string Name => Declaration.Name.Value;

    public PropertyType Type { get; } = type;

    public string MemberName { get; set; } = "";

    public bool IsUnique { get; set; }

    public Regex? Pattern { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public int? MinItems { get; set; }

    /// <summary>A bound as the shortest invariant number: "-37" for -37.0, "150" for 1.5E+2.</summary>
    public static string Bound(decimal value) => value.ToString("G29", System.Globalization.CultureInfo.InvariantCulture);

    public PropertyModel ToModel() => new(
        Name,
        MemberName,
        Type,
        Declaration.Description,
        IsUnique,
        Pattern?.ToString(),
        Min is { } min ? Bound(min) : null,
        Max is { } max ? Bound(max) : null,
        MinItems);
}

internal sealed class RoleInfo(RoleDeclaration declaration, EntityTypeInfo type, bool isList, bool isOptional)
{
    public RoleDeclaration Declaration { get; } = declaration;

    public string Name => Declaration.Name.Value;

    public EntityTypeInfo Type { get; } = type;

    public bool IsList { get; } = isList;

    public bool IsOptional { get; } = isOptional;

    public bool IsRequired => !IsList && !IsOptional;

    public string MemberName { get; set; } = "";

    public RoleModel ToModel() => new(Name, MemberName, Type.ClassName, IsList, IsOptional, Declaration.Description);
}

internal sealed class EntityTypeInfo(EntityTypeDeclaration declaration, int order) : IExtendingType<EntityTypeInfo>
{
    public EntityTypeDeclaration Declaration { get; } = declaration;

    public int Order { get; } = order;

    public string Name => Declaration.Name.Value;

    public Located DeclaredName => Declaration.Name;

    public Located? Extends => Declaration.Extends;

    public string ClassName { get; set; } = "";

    public EntityTypeInfo? Base { get; set; }

    public int Depth { get; set; }

    public IReadOnlyList<EntityTypeInfo> Ancestors { get; set; } = [];

    public bool IsBroken { get; set; }

    public List<PropertyInfo> Properties { get; } = [];

    /// <summary>Properties left out after a reported mistake: values given for them are skipped silently.</summary>
    public HashSet<string> Ignored { get; } = new(System.StringComparer.Ordinal);

    public List<NavigationModel> Navigations { get; } = [];

    /// <summary>The members named on this type, and where.</summary>
    public Dictionary<string, LocationInfo> MemberLocations { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Each member name of this type and of the types that extend it, with the first of them, in declaration order, to have it.</summary>
    public Dictionary<string, EntityTypeInfo> ClaimsBelow { get; } = new(System.StringComparer.Ordinal);

    public bool Is(EntityTypeInfo other) => this == other || Ancestors.Contains(other);

    /// <summary>The properties of the type and of every type it extends, the base type's first.</summary>
    public IEnumerable<PropertyInfo> AllProperties() => Ancestors.Reverse().Append(this).SelectMany(type => type.Properties);

    public EntityTypeModel ToModel() => new(
        Name,
        ClassName,
        Base?.ClassName,
        Declaration.IsAbstract,
        Declaration.Description,
        Properties.Any(p => p.Name == "name" && p.Type is { Kind: ScalarKind.String, IsList: false, IsOptional: false }),
        Ancestors.Reverse().SelectMany(type => type.Properties).Select(p => p.ToModel()).ToEquatableArray(),
        Properties.Select(p => p.ToModel()).ToEquatableArray(),
        Navigations.ToEquatableArray());
}

internal sealed class RelationTypeInfo(RelationTypeDeclaration declaration, int order) : IExtendingType<RelationTypeInfo>
{
    public RelationTypeDeclaration Declaration { get; } = declaration;

    public int Order { get; } = order;

    public string Name => Declaration.Name.Value;

    public Located DeclaredName => Declaration.Name;

    public Located? Extends => Declaration.Extends;

    public string ClassName { get; set; } = "";

    public RelationTypeInfo? Base { get; set; }

    public int Depth { get; set; }

    public IReadOnlyList<RelationTypeInfo> Ancestors { get; set; } = [];

    public bool HasSubtypes { get; set; }

    public EntityTypeInfo? From { get; set; }

    public EntityTypeInfo? To { get; set; }

    public string Cardinality { get; set; } = "many-to-many";

    public bool IsSymmetric { get; set; }

    /// <summary>Each start has one target at most (for a symmetric relation: each entity has one partner at most).</summary>
    public bool IsSingleForward => Cardinality is "many-to-one" or "one-to-one";

    /// <summary>Each end has one relation to it at most.</summary>
    public bool IsSingleInverse => Cardinality is "one-to-many" or "one-to-one";

    public bool IsBroken { get; set; }

    public List<PropertyInfo> Properties { get; } = [];

    public List<RoleInfo> Roles { get; } = [];

    public HashSet<string> Ignored { get; } = new(System.StringComparer.Ordinal);

    public IEnumerable<RelationTypeInfo> SelfAndAncestors() => Ancestors.Prepend(this);

    public IEnumerable<PropertyInfo> AllProperties() => Ancestors.Reverse().Append(this).SelectMany(type => type.Properties);

    public IEnumerable<RoleInfo> AllRoles() => Ancestors.Reverse().Append(this).SelectMany(type => type.Roles);

    public IEnumerable<string> AllIgnored() => SelfAndAncestors().SelectMany(type => type.Ignored);

    public RelationTypeModel ToModel() => new(
        Name,
        ClassName,
        Base?.ClassName,
        Declaration.IsAbstract,
        !HasSubtypes,
        From!.ClassName,
        To!.ClassName,
        Base is not null && Base.From != From,
        Base is not null && Base.To != To,
        Cardinality,
        Cardinality != (Base?.Cardinality ?? "many-to-many"),
        IsSymmetric,
        IsSymmetric && !(Base?.IsSymmetric ?? false),
        Declaration.Description,
        Ancestors.Reverse().SelectMany(type => type.Properties).Select(p => p.ToModel()).ToEquatableArray(),
        Properties.Select(p => p.ToModel()).ToEquatableArray(),
        Ancestors.Reverse().SelectMany(type => type.Roles).Select(r => r.ToModel()).ToEquatableArray(),
        Roles.Select(r => r.ToModel()).ToEquatableArray());
}

internal sealed class EntityInfo(EntityDeclaration declaration, EntityTypeInfo type, EntityModel model)
{
    public EntityDeclaration Declaration { get; } = declaration;

    public EntityTypeInfo Type { get; } = type;

    public EntityModel Model { get; } = model;
}

/// <summary>
/// What the facts of one entity or relation type are checked against, worked out once per type when the schema is
/// resolved (<see cref="Schema"/>).
/// </summary>
internal sealed class FactShape(
    string description,
    IReadOnlyList<PropertyInfo> properties,
    HashSet<string> ignored,
    bool ignoresUnknown,
    ImmutableArray<RoleInfo> roles,
    HashSet<string> notProperties,
    ImmutableArray<(RelationTypeInfo Counted, bool Forward, bool AtTarget)> singleEnds,
    ImmutableArray<(EntityTypeInfo Owner, PropertyInfo Property)> uniqueProperties)
{
    /// <summary>The type, for messages: "entity type 'Person'".</summary>
    public string Description { get; } = description;

    /// <summary>The properties of the type and of every type it extends, the base type's first.</summary>
    public IReadOnlyList<PropertyInfo> Properties { get; } = properties;

    /// <summary>Properties and roles left out after a reported mistake: values given for them are skipped silently.</summary>
    public HashSet<string> Ignored { get; } = ignored;

    /// <summary>The type or a type it extends has keys the generator does not know: unknown names are not reported.</summary>
    public bool IgnoresUnknown { get; } = ignoresUnknown;

    /// <summary>The roles of a relation type and of every type it extends, the base type's first.</summary>
    public ImmutableArray<RoleInfo> Roles { get; } = roles;

    /// <summary>The names in a fact that are not property values: a relation's reserved keys and its roles.</summary>
    public HashSet<string> NotProperties { get; } = notProperties;

    /// <summary>
    /// The ends a fact of a relation type counts at, for the cardinality of the type and of every type it extends:
    /// at its start or its target (<c>AtTarget</c>), forward or inverse.
    /// </summary>
    public ImmutableArray<(RelationTypeInfo Counted, bool Forward, bool AtTarget)> SingleEnds { get; } = singleEnds;

    /// <summary>The unique properties of an entity type and of every type it extends, the type's own first, each with the type that declares it.</summary>
    public ImmutableArray<(EntityTypeInfo Owner, PropertyInfo Property)> UniqueProperties { get; } = uniqueProperties;

    /// <summary>What a cardinality allows an entity at one of its single ends, for KG0016's message.</summary>
    public static string OneAtMost(RelationTypeInfo counted, bool forward, string entityId) =>
        counted.IsSymmetric ? $"'{entityId}' can have one partner at most"
            : forward ? $"'{entityId}' can have one target at most"
            : $"'{entityId}' can have one '{counted.Name}' relation to it at most";
}
