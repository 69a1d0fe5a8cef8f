namespace KnowledgeGraph.Language.Model;

// One graph, merged from all its files, checked, and named in C#: exactly what the emitter writes.

/// <summary>
/// What checking one graph gives: the code to write and the mistakes to report. The pipeline splits the two, so
/// that a diagnostic that only moves in its file writes no code again.
/// </summary>
internal sealed record BuiltGraph(GraphModel Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <param name="IsEmitted">False when the graph's class name is taken in its namespace: only its diagnostics are reported.</param>
/// <param name="RdfTerms">The members of the graph class's <c>Rdf</c> class: the IRIs of its schema's terms.</param>
/// <param name="Schema">The schema in its canonical <c>.kg.json</c> form (<see cref="SchemaJson"/>), compiled in for files loaded at run time.</param>
internal sealed record GraphModel(
    string Namespace,
    string ClassName,
    bool IsEmitted,
    EquatableArray<EnumModel> Enums,
    EquatableArray<EntityTypeModel> EntityTypes,
    EquatableArray<RelationTypeModel> RelationTypes,
    EquatableArray<EntityModel> Entities,
    EquatableArray<RelationModel> Relations,
    EquatableArray<RdfTermModel> RdfTerms,
    string Schema);

internal enum RdfTermKind
{
    Enum,
    EntityType,
    RelationType,
    EnumValue,
    Property,
    Role,
}

/// <summary>
/// A type's IRI in a graph class's <c>Rdf</c> class, as the exporters write it (<c>Rdf.Person</c>), and the IRIs of the
/// members it declares in its own class in <c>Rdf.Members</c> (<c>Rdf.Members.Person.Title</c>).
/// </summary>
/// <param name="MemberName">The type's class name: the name of its IRI's constant, and of the class of its members'.</param>
/// <param name="Name">The type's name in the files.</param>
internal sealed record RdfTermModel(string MemberName, string Iri, RdfTermKind Kind, string Name, EquatableArray<RdfMemberModel> Members);

/// <summary>The IRI of a property, role or enum value, named by its member's name in the generated class.</summary>
/// <param name="Name">Its name in the files.</param>
internal sealed record RdfMemberModel(string MemberName, string Iri, RdfTermKind Kind, string Name);

internal enum ScalarKind
{
    String,
    Int,
    Long,
    Double,
    Decimal,
    Bool,
    Date,
    DateTime,
    Uri,
    Enum,
}

/// <summary>A property type such as <c>string?</c>, <c>date[]</c> or an enum of the schema.</summary>
/// <param name="EnumName">The enum's name in the files: two enums may make one C# name (one of them is then reported).</param>
internal sealed record PropertyType(ScalarKind Kind, bool IsList, bool IsOptional, string? EnumName = null, string? EnumClassName = null)
{
    /// <summary>Lists may always be left out (they are then empty); other properties unless optional may not.</summary>
    public bool IsRequired => !IsList && !IsOptional;

    public bool IsNumeric => Kind is ScalarKind.Int or ScalarKind.Long or ScalarKind.Double or ScalarKind.Decimal;

    public override string ToString() => Kind switch
    {
        ScalarKind.DateTime => "datetime",
        ScalarKind.Enum => EnumName!,
        _ => Kind.ToString().ToLowerInvariant(),
    } + (IsList ? "[]" : "") + (IsOptional ? "?" : "");
}

internal sealed record EnumValueModel(string SchemaName, string MemberName);

internal sealed record EnumModel(string SchemaName, string ClassName, string? Description, EquatableArray<EnumValueModel> Values);

/// <param name="Min">The least value allowed, as a number in invariant form, or null.</param>
/// <param name="Max">The greatest value allowed, as a number in invariant form, or null.</param>
internal sealed record PropertyModel(
    string SchemaName,
    string MemberName,
    PropertyType Type,
    string? Description,
    bool IsUnique,
    string? Pattern = null,
    string? Min = null,
    string? Max = null,
    int? MinItems = null)
{
    public bool HasConstraints => Pattern is not null || Min is not null || Max is not null || MinItems is not null;
}

/// <summary>A role of an n-ary relation: a property whose value is an entity, or a list of entities.</summary>
internal sealed record RoleModel(string SchemaName, string MemberName, string TypeClassName, bool IsList, bool IsOptional, string? Description);

internal enum NavigationKind
{
    /// <summary>The targets of the entity's relations.</summary>
    Forward,

    /// <summary>The starts of the relations that end at the entity (a declared inverse).</summary>
    Inverse,

    /// <summary>The entities at the other end of a symmetric relation, whichever end the entity is at.</summary>
    Symmetric,

    /// <summary>The relations in which the entity plays a role.</summary>
    Role,
}

internal sealed record NavigationModel(
    string MemberName,
    NavigationKind Kind,
    string RelationSchemaName,
    string RelationClassName,
    string TargetClassName,
    bool IsSingle,
    string? RoleName = null);

internal sealed record EntityTypeModel(
    string SchemaName,
    string ClassName,
    string? BaseClassName,
    bool IsAbstract,
    string? Description,
    bool HasNameProperty,
    EquatableArray<PropertyModel> InheritedProperties,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<NavigationModel> Navigations);

internal sealed record RelationTypeModel(
    string SchemaName,
    string ClassName,
    string? BaseClassName,
    bool IsAbstract,
    bool IsSealed,
    string FromClassName,
    string ToClassName,
    bool NarrowsFrom,
    bool NarrowsTo,
    string Cardinality,
    bool DeclaresCardinality,
    bool IsSymmetric,
    bool DeclaresSymmetric,
    string? Description,
    EquatableArray<PropertyModel> InheritedProperties,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<RoleModel> InheritedRoles,
    EquatableArray<RoleModel> Roles);

// Checked facts are in the terms of the files and of the tables the emitter writes: types, properties and roles by
// their names in the files, entities by their ids. Only the schema and the graph's entity members have C# names.

/// <summary>
/// A checked value of the property named <paramref name="Property"/> in the files: its text is normalized (a date as
/// yyyy-MM-dd, a number as written, an enum value as the files name it).
/// </summary>
internal sealed record ValueModel(string Property, PropertyType Type, EquatableArray<string> Items);

/// <summary>The ids of the entities playing the role named <paramref name="Role"/> in a fact.</summary>
internal sealed record RoleValueModel(string Role, EquatableArray<string> Players);

/// <param name="MemberName">The entity's member on the graph class.</param>
/// <param name="Type">The name of the entity's type in the files.</param>
internal sealed record EntityModel(
    string Id,
    string MemberName,
    string Type,
    string? Description,
    EquatableArray<ValueModel> Values);

/// <param name="Type">The name of the relation's type in the files.</param>
/// <param name="From">The id of the entity the fact starts at.</param>
/// <param name="To">The id of the entity the fact ends at.</param>
/// <param name="Sources">The ids of the entities the fact was taken from.</param>
internal sealed record RelationModel(
    string Type,
    string From,
    string To,
    EquatableArray<string> Sources,
    string? ValidFrom,
    string? ValidTo,
    EquatableArray<ValueModel> Values,
    EquatableArray<RoleValueModel> Roles);
