namespace KnowledgeGraph.Generators.Model;

// What one .kg.json file declares, as written: names are not resolved and values not checked yet.
// Declarations missing a required part stay in the model with that part null, so that the checks that
// follow know the name and report nothing more about it.

internal sealed record ParsedFile(
    string Path,
    LocationInfo Start,
    Located? Namespace,
    Located? Graph,
    EquatableArray<EntityTypeDeclaration> EntityTypes,
    EquatableArray<RelationTypeDeclaration> RelationTypes,
    EquatableArray<EntityDeclaration> Entities,
    EquatableArray<RelationDeclaration> Relations,
    EquatableArray<DiagnosticInfo> Diagnostics);

internal sealed record PropertyDeclaration(Located Name, Located Type, string? Description);

internal sealed record EntityTypeDeclaration(
    Located Name,
    bool IsAbstract,
    Located? Extends,
    string? Description,
    EquatableArray<PropertyDeclaration> Properties);

internal sealed record RelationTypeDeclaration(
    Located Name,
    Located? From,
    Located? To,
    Located? Inverse,
    Located? Cardinality,
    string? Description,
    EquatableArray<PropertyDeclaration> Properties);

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
