namespace KnowledgeGraph.Language.Naming;

/// <summary>
/// The names of generated members and classes that no schema name gives: the checks claim them, so that no type or
/// member of the schema takes one, and the emitter writes them.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The class of a graph's typed traversal steps (<c>people.Leads()</c>).</summary>
    public static string TraversalClass(string graphClassName) => graphClassName.TrimStart('@') + "Traversal";

    /// <summary>The class in each graph class that holds the IRIs of its RDF mapping (<c>DiplomacyGraph.Rdf.Person</c>).</summary>
    public const string RdfClass = "Rdf";

    /// <summary>The class in <see cref="RdfClass"/> that holds a class per type for the IRIs of its members (<c>Rdf.Members.Person.Title</c>).</summary>
    public const string RdfMembersClass = "Members";

    /// <summary>The generated method that reads a value of an enum from a row of facts.</summary>
    public static string EnumReader(string enumClassName) => "Read" + enumClassName.TrimStart('@') + "Value";
}
