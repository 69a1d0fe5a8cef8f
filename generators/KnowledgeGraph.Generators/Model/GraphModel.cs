namespace KnowledgeGraph.Generators.Model;

// One graph, merged from all its files, checked, and named in C#: exactly what the emitter writes.

internal sealed record GraphModel(
    string Namespace,
    string ClassName,
    EquatableArray<EntityTypeModel> EntityTypes,
    EquatableArray<RelationTypeModel> RelationTypes,
    EquatableArray<EntityModel> Entities,
    EquatableArray<RelationModel> Relations,
    EquatableArray<DiagnosticInfo> Diagnostics);

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
}

/// <summary>A property type such as <c>string?</c> or <c>date[]</c>.</summary>
internal sealed record PropertyType(ScalarKind Kind, bool IsList, bool IsOptional)
{
    /// <summary>Lists may always be left out (they are then empty); other properties unless optional may not.</summary>
    public bool IsRequired => !IsList && !IsOptional;

    public override string ToString() => Kind switch
    {
        ScalarKind.DateTime => "datetime",
        _ => Kind.ToString().ToLowerInvariant(),
    } + (IsList ? "[]" : "") + (IsOptional ? "?" : "");
}

internal sealed record PropertyModel(string SchemaName, string MemberName, PropertyType Type, string? Description);

internal sealed record NavigationModel(
    string MemberName,
    string RelationSchemaName,
    string RelationClassName,
    string TargetClassName,
    bool IsInverse,
    bool IsSingle);

internal sealed record EntityTypeModel(
    string SchemaName,
    string ClassName,
    string? BaseClassName,
    bool IsAbstract,
    string? Description,
    bool HasNameProperty,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<NavigationModel> Navigations);

internal sealed record RelationTypeModel(
    string SchemaName,
    string ClassName,
    string FromClassName,
    string ToClassName,
    string Cardinality,
    string? Description,
    EquatableArray<PropertyModel> Properties);

/// <summary>A checked value: its text is normalized (a date as yyyy-MM-dd, a number as written).</summary>
internal sealed record ValueModel(string MemberName, PropertyType Type, EquatableArray<string> Items);

internal sealed record EntityModel(
    string Id,
    string MemberName,
    string ClassName,
    string? Description,
    EquatableArray<ValueModel> Values);

internal sealed record RelationModel(
    string ClassName,
    string FromMemberName,
    string ToMemberName,
    EquatableArray<string> SourceMemberNames,
    string? ValidFrom,
    string? ValidTo,
    EquatableArray<ValueModel> Values);
