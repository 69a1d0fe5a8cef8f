using System.Collections.Generic;

namespace KnowledgeGraph.Language.Validation;

/// <summary>Members of the runtime's base classes, which generated members must not hide, and the runtime's types.</summary>
internal static class ReservedMembers
{
    /// <summary>
    /// The runtime's types that generated code names without type arguments (<c>global::KnowledgeGraph.Entity</c>):
    /// a namespace of that name would hide them.
    /// </summary>
    public static readonly HashSet<string> RuntimeTypes = new(
        ["Cardinality", "DatedValue", "Entity", "FactReader", "FactWriter", "Graph", "GraphContent", "GraphDiagnostic", "GraphSource", "Relation", "RolePlayer", "Traverse", "UniqueValue"],
        System.StringComparer.Ordinal);

    /// <summary>The members every class inherits from <c>object</c>.</summary>
    public static readonly IReadOnlyList<string> Object = ["Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString", "Finalize"];

    public static readonly HashSet<string> Entity = With(
        "Id", "Outgoing", "Incoming", "Targets", "Target", "Origins", "Origin", "Neighbors", "Neighbor", "RelationsWithRole",
        "CollectKeys", "CollectDates", "CheckConstraints", "Copy", "WriteValues");

    public static readonly HashSet<string> Relation = With(
        "From", "To", "TypeName", "Sources", "ValidFrom", "ValidTo", "Cardinality", "IsSymmetric", "CollectRoles", "CollectDates", "CheckConstraints", "Copy", "WriteValues");

    public static readonly HashSet<string> Graph = With(
        "Default", "Entities", "Relations", "EntityCount", "RelationCount", "FindEntity", "FactsFrom", "ShortestPath",
        "AsQuikGraph", "AddEntity", "AddRelation", "AddEntities", "AddRelations", "Seal", "Load", "LoadAsync", "TryLoad", "EntityAt", "ToBuilder", "Builder", "CompiledFacts", "CompiledContent", "AllSimplePaths", "AsOf", "Between",
        "ConnectedComponents", "Contains", "Degree", "DegreeCentrality", "FactsBySource", "Incoming", "Index", "Match", "Outgoing",
        "PageRank", "Project", "Save", "SaveAsync", "Sources", "Timeline", "Where", "WhereEntities", "Around", "Distances", "Export", "ExportNeo4jCsv", "Rdf");

    private static HashSet<string> With(params string[] members)
    {
        var set = new HashSet<string>(Object, System.StringComparer.Ordinal);
        set.UnionWith(members);
        return set;
    }
}
