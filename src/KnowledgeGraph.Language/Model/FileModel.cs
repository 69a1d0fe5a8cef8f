namespace KnowledgeGraph.Language.Model;

// What one .kg.json file declares, as written: names are not resolved and values not checked yet.
// Declarations missing a required part stay in the model with that part null, so that the checks that
// follow know the name and report nothing more about it.

/// <param name="BaseIri">The base IRI of the graph's RDF mapping, when the file gives one that can be (KG0032).</param>
/// <param name="IncompleteText">
/// The file's text when part of it could not be read, else null: a name it holds anywhere may be declared in the
/// part that was lost, so another file's use of that name is not reported as unknown.
/// </param>
internal sealed record ParsedFile(
    string Path,
    LocationInfo Start,
    Located? Namespace,
    Located? Graph,
    Located? BaseIri,
    EquatableArray<EnumDeclaration> Enums,
    EquatableArray<EntityTypeDeclaration> EntityTypes,
    EquatableArray<RelationTypeDeclaration> RelationTypes,
    EquatableArray<EntityDeclaration> Entities,
    EquatableArray<RelationDeclaration> Relations,
    EquatableArray<DiagnosticInfo> Diagnostics,
    string? IncompleteText);

internal sealed record EnumDeclaration(Located Name, string? Description, EquatableArray<Located> Values);

/// <summary>The checks a property declares beyond its type.</summary>
internal sealed record PropertyConstraints(
    Located? Unique,
    Located? Key,
    Located? Pattern,
    FactValue? Min,
    FactValue? Max,
    FactValue? MinItems)
{
    public static readonly PropertyConstraints None = new(null, null, null, null, null, null);
}

/// <param name="Type">The type as written; null when it was missing or of the wrong shape (reported): values for it are then skipped.</param>
internal sealed record PropertyDeclaration(Located Name, Located? Type, string? Description, PropertyConstraints Constraints);

/// <summary>A role of an n-ary relation beyond its two ends: an entity type, optional or a list, and its inverse name.</summary>
/// <param name="Type">The type as written; null when it was missing or of the wrong shape (reported): values for it are then skipped.</param>
internal sealed record RoleDeclaration(Located Name, Located? Type, Located? Inverse, string? Description);

/// <param name="IsValid">False for a declaration of the wrong shape (reported): whatever names the type is skipped.</param>
/// <param name="HasUnknownKeys">
/// A misspelt key or a part of the wrong shape (reported) may hide properties: values the type lacks are then
/// skipped, not reported.
/// </param>
internal sealed record EntityTypeDeclaration(
    Located Name,
    bool IsAbstract,
    Located? Extends,
    string? Description,
    EquatableArray<PropertyDeclaration> Properties,
    bool IsValid = true,
    bool HasUnknownKeys = false);

internal sealed record RelationTypeDeclaration(
    Located Name,
    bool IsAbstract,
    Located? Extends,
    Located? From,
    Located? To,
    Located? Inverse,
    Located? Cardinality,
    Located? Symmetric,
    string? Description,
    EquatableArray<PropertyDeclaration> Properties,
    EquatableArray<RoleDeclaration> Roles,
    bool IsValid = true,
    bool HasUnknownKeys = false);

internal sealed record EntityDeclaration(
    Located Id,
    Located? Type,
    string? Description,
    EquatableArray<ValueDeclaration> Values);

internal sealed record RelationDeclaration(
    LocationInfo Location,
    Located? From,
    Located? Type,
    Located? To,
    EquatableArray<ValueDeclaration> Values);

internal sealed record ValueDeclaration(Located Name, FactValue Value);

internal enum FactValueKind
{
    String,
    Number,
    Boolean,
    Null,
    List,
    Object,
}

/// <summary>A value of a fact as written: its JSON kind, its text, and the items of a list.</summary>
internal sealed record FactValue(FactValueKind Kind, string Text, LocationInfo Location, EquatableArray<FactValue> Items)
{
    public string KindDescription => Kind switch
    {
        FactValueKind.String => "a string",
        FactValueKind.Number => "a number",
        FactValueKind.Boolean => "a boolean",
        FactValueKind.Null => "null",
        FactValueKind.List => "a list",
        _ => "an object",
    };
}
