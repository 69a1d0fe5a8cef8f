using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Diagnostics;

/// <summary>Every mistake a <c>.kg.json</c> file can hold, one ID each. Documented in docs/diagnostics.md.</summary>
internal static class Descriptors
{
    private const string Category = "KnowledgeGraph";
    private const string HelpBase = "https://github.com/knowledgegraph-dotnet/knowledgegraph/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidJson = Error(
        "KG0001", "The file is not valid JSON", "The file is not valid JSON: {0}");

    public static readonly DiagnosticDescriptor UnexpectedValue = Error(
        "KG0002", "A value has the wrong shape", "'{0}' must be {1}, not {2}");

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
        "KG0008", "Relation endpoint of the wrong type", "'{0}' is a {1}, but the '{2}' end of '{3}' must be a {4}; use another entity or widen the relation type");

    public static readonly DiagnosticDescriptor Duplicate = Error(
        "KG0009", "Declared twice", "{0} '{1}' is declared twice; remove or rename one of them");

    public static readonly DiagnosticDescriptor MissingRequiredProperty = Error(
        "KG0010", "A required property has no value", "{0} has no value for the required property '{1}' ({2}); give it one, or make the property optional with '?'");

    public static readonly DiagnosticDescriptor WrongValueType = Error(
        "KG0011", "A value of the wrong type", "The value of '{0}' must be {1}, not {2}");

    public static readonly DiagnosticDescriptor UnknownProperty = Error(
        "KG0012", "Unknown property", "'{0}' is not a property of {1}; declare it under the type's 'properties' or correct the name");

    public static readonly DiagnosticDescriptor InvalidPropertyType = Error(
        "KG0013", "Unknown property type", "'{0}' is not a property type; use string, int, long, double, decimal, bool, date, datetime or uri, with '[]' for a list and '?' for an optional value");

    public static readonly DiagnosticDescriptor AbstractEntityType = Error(
        "KG0014", "An entity of an abstract type", "Entity '{0}' cannot be of the abstract type '{1}'; give it one of the types that extend '{1}'");

    public static readonly DiagnosticDescriptor InheritanceCycle = Error(
        "KG0015", "An entity type extends itself", "Entity type '{0}' extends itself ({1}); break the cycle");

    public static readonly DiagnosticDescriptor CardinalityBreach = Error(
        "KG0016", "A fact breaks its relation's cardinality", "'{0}' is {1}, so {2}; an earlier fact already gives one: remove one of the facts or change the cardinality");

    public static readonly DiagnosticDescriptor NameClash = Error(
        "KG0017", "Two names make one C# name", "{0} becomes the C# name '{1}', which {2} already takes; rename one of them");

    public static readonly DiagnosticDescriptor ConflictingNamespace = Error(
        "KG0018", "The files of a graph name different namespaces", "Graph '{0}' is in namespace '{1}' in another file, not '{2}'; the files of one graph must agree on 'namespace'");

    public static readonly DiagnosticDescriptor ReservedName = Error(
        "KG0019", "A reserved name", "'{0}' is reserved on {1}; rename the property");

    private static DiagnosticDescriptor Error(string id, string title, string message) => new(
        id,
        title,
        message,
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + id.ToLowerInvariant());
}
