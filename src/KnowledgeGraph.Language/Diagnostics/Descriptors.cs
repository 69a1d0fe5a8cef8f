namespace KnowledgeGraph.Language.Diagnostics;

/// <summary>Every mistake a <c>.kg.json</c> file can hold, one ID each. Documented in docs/diagnostics.md.</summary>
/// <remarks>
/// The generator reports them as Roslyn's <c>DiagnosticDescriptor</c>s (its release tracking reads this list); the
/// runtime, which cannot load Roslyn, compiles the same list against a stand-in of the same shape.
/// </remarks>
internal static class Descriptors
{
    private const string Category = "KnowledgeGraph";
    private const string HelpBase = "https://github.com/knowledgegraph-dotnet/knowledgegraph/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidJson = Error(
        "KG0001", "The file is not valid JSON", "The file is not valid JSON: {0}");

    public static readonly DiagnosticDescriptor UnexpectedValue = Error(
        "KG0002", "A value has the wrong shape", "{0} must be {1}, not {2}");

    public static readonly DiagnosticDescriptor UnknownKey = Error(
        "KG0003", "Unknown key", "'{0}' is not a key of {1}; use one of: {2}");

    public static readonly DiagnosticDescriptor MissingKey = Error(
        "KG0004", "A required key is missing", "{0} has no '{1}'; add it: {2}");

    public static readonly DiagnosticDescriptor UnknownEntityType = Error(
        "KG0005", "Unknown entity type", "'{0}' is not an entity type of graph '{1}'; declare it under 'entityTypes' or correct the name");

    public static readonly DiagnosticDescriptor UnknownRelationType = Error(
        "KG0006", "Unknown relation type", "'{0}' is not a relation type of graph '{1}'; declare it under 'relationTypes' or correct the name");

    public static readonly DiagnosticDescriptor UnknownEntity = Error(
        "KG0007", "Unknown entity", "'{0}' is not an entity of graph '{1}'; declare it under 'entities' or correct the id");

    public static readonly DiagnosticDescriptor WrongEndpointType = Error(
        "KG0008", "Relation endpoint of the wrong type", "'{0}' is of type '{1}', but the '{2}' end of '{3}' must be of type '{4}'; use another entity or widen the relation type");

    public static readonly DiagnosticDescriptor Duplicate = Error(
        "KG0009", "Declared twice", "{0} '{1}' is declared twice; remove or rename one of them");

    public static readonly DiagnosticDescriptor MissingRequiredProperty = Error(
        "KG0010", "A required property has no value", "{0} has no value for '{1}' ({2}), which is required; give it one, or make it optional with '?'");

    public static readonly DiagnosticDescriptor WrongValueType = Error(
        "KG0011", "A value of the wrong type", "The value of '{0}' must be {1}, not {2}");

    public static readonly DiagnosticDescriptor UnknownProperty = Error(
        "KG0012", "Unknown property", "'{0}' is not a property of {1}; declare it under the type's 'properties' or correct the name");

    public static readonly DiagnosticDescriptor InvalidPropertyType = Error(
        "KG0013", "Unknown property type", "'{0}' is not a property type; use string, int, long, double, decimal, bool, date, datetime, uri or an enum of the graph, with '[]' for a list and '?' for an optional value");

    public static readonly DiagnosticDescriptor AbstractEntityType = Error(
        "KG0014", "A fact of an abstract type", "{0} cannot be of the abstract type '{1}'; use one of the types that extend '{1}'");

    public static readonly DiagnosticDescriptor InheritanceCycle = Error(
        "KG0015", "A type extends itself", "{0} extends itself ({1}); break the cycle");

    public static readonly DiagnosticDescriptor CardinalityBreach = Error(
        "KG0016", "A fact breaks its relation's cardinality", "'{0}' is {1}, so {2}; an earlier fact already gives one: remove one of the facts or change the cardinality");

    public static readonly DiagnosticDescriptor NameClash = Error(
        "KG0017", "Two names make one C# name", "{0} becomes the C# name '{1}', which {2} already takes; rename one of them");

    public static readonly DiagnosticDescriptor ConflictingNamespace = Error(
        "KG0018", "The files of a graph name different namespaces", "Graph '{0}' is in namespace '{1}' in another file, not '{2}'; the files of one graph must agree on 'namespace'");

    public static readonly DiagnosticDescriptor ReservedName = Error(
        "KG0019", "A reserved name", "'{0}' is reserved on {1}; rename it");

    public static readonly DiagnosticDescriptor InvalidSchemaOption = Error(
        "KG0021", "A schema option that cannot apply", "{0}: {1}");

    public static readonly DiagnosticDescriptor ConstraintBreach = Error(
        "KG0022", "A value breaks its property's constraint", "The value {0} of '{1}' breaks its constraint: {2}");

    public static readonly DiagnosticDescriptor DuplicateKey = Error(
        "KG0023", "A unique value given twice", "{0} has the same '{1}' ({2}) as '{3}', but '{1}' is unique among entities of type '{4}'; give each its own value");

    public static readonly DiagnosticDescriptor RelationNarrowing = Error(
        "KG0024", "A relation type widens the type it extends", "'{0}' extends '{1}', so its '{2}' end must be '{3}' or a type that extends it, not '{4}'");

    public static readonly DiagnosticDescriptor NameTooLong = Error(
        "KG0026", "A name too long for .NET", "{0} makes the name '{1}' in the compiled code, {2} bytes of UTF-8 where .NET allows at most {3}; shorten {4}");

    public static readonly DiagnosticDescriptor InheritanceTooDeep = Error(
        "KG0027", "An inheritance chain too deep to load", "{0} extends {1} types, one through another, up to '{2}'; at most {3} are allowed, as .NET cannot load deeper class hierarchies safely: extend a type nearer '{2}', or merge types");

    public static readonly DiagnosticDescriptor CostlyPattern = Error(
        "KG0028", "A pattern too costly to check", "The pattern '{0}' of '{1}' {2}; simplify the pattern, e.g. with no nested quantifiers such as '(a+)+'");

    public static readonly DiagnosticDescriptor ReservedNamespace = Error(
        "KG0029", "A reserved namespace", "{0} is reserved: {1}; choose another namespace");

    public static readonly DiagnosticDescriptor OtherGraph = Error(
        "KG0030", "A file of another graph", "The file is of graph '{0}', but graph '{1}' is loading it; load it into its own graph, or correct 'graph'");

    public static readonly DiagnosticDescriptor SchemaChanged = Error(
        "KG0031", "A schema change at run time", "{0} {1} the schema of graph '{2}' as the project compiled it, and a schema is fixed when its project is built; change it in the project's files and build again, or leave it out of this file");

    public static readonly DiagnosticDescriptor InvalidBaseIri = Error(
        "KG0032", "A base IRI that cannot be one", "'{0}' cannot be a base IRI: {1}; give an absolute IRI that ends in '/', '#' or ':', such as \"https://example.org/diplomacy/\"");

    public static readonly DiagnosticDescriptor ConflictingBaseIri = Error(
        "KG0033", "The files of a graph name different base IRIs", "Graph '{0}' has the base IRI '{1}' in another file, not '{2}'; the files of one graph must agree on 'baseIri'");

    public static readonly DiagnosticDescriptor UnusedEntity = new(
        "KG0025",
        "An entity that no fact mentions",
        "Entity '{0}' is in no relation, source or role; link it to the graph or remove it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "kg0025");

    public static readonly DiagnosticDescriptor DuplicateFact = new(
        "KG0020",
        "The same fact twice",
        "The '{0}' relation from '{1}' to '{2}' with these properties is stated twice from the same sources; remove the repeat, or give it its own source",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "kg0020");

    private static DiagnosticDescriptor Error(string id, string title, string message) => new(
        id,
        title,
        message,
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + id.ToLowerInvariant());
}
