namespace KnowledgeGraph;

/// <summary>The namespaces an IRI of the RDF mapping is written in: each writer names them its own way.</summary>
internal enum RdfSpace : byte
{
    /// <summary>Not an IRI: a literal.</summary>
    None,
    Rdf,
    Rdfs,
    Xsd,
    DcTerms,
    SchemaOrg,

    /// <summary>The graph's base IRI: its entities.</summary>
    Graph,

    /// <summary><c>{base}schema/</c>: the graph's types, properties, roles and enum values.</summary>
    Schema,

    /// <summary><c>{base}fact/</c>: the nodes of facts.</summary>
    Fact,
}

/// <summary>
/// A node of a triple: an IRI, as its namespace and what follows it (already an IRI's text), or a literal, as its
/// lexical text and its datatype's name after <c>xsd:</c> (null for a plain string).
/// </summary>
internal readonly record struct RdfTerm(RdfSpace Space, string Text, string? Datatype = null)
{
    public bool IsLiteral => Space == RdfSpace.None;

    public static RdfTerm Iri(RdfSpace space, string local) => new(space, local);

    public static RdfTerm Literal(string text, string? datatype = null) => new(RdfSpace.None, text, datatype);
}
