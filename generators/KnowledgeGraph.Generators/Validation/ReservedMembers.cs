using System.Collections.Generic;

namespace KnowledgeGraph.Generators.Validation;

/// <summary>Members of the runtime's base classes, which generated members must not hide.</summary>
internal static class ReservedMembers
{
    private static readonly string[] Object = ["Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString", "Finalize"];

    public static readonly HashSet<string> Entity = With("Id", "Outgoing", "Incoming", "Targets", "Target", "Origins", "Origin");

    public static readonly HashSet<string> Relation = With("From", "To", "TypeName", "Sources", "ValidFrom", "ValidTo");

    public static readonly HashSet<string> Graph = With(
        "Default", "Entities", "Relations", "EntityCount", "RelationCount", "FindEntity", "FactsFrom", "ShortestPath",
        "AsQuikGraph", "AddEntity", "AddRelation", "Seal");

    private static HashSet<string> With(params string[] members)
    {
        var set = new HashSet<string>(Object, System.StringComparer.Ordinal);
        set.UnionWith(members);
        return set;
    }
}
