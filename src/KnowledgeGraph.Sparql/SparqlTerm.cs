namespace KnowledgeGraph.Sparql;

/// <summary>What a term of a SPARQL result is.</summary>
public enum SparqlTermKind
{
    /// <summary>An IRI: <see cref="SparqlTerm.Value"/> is the IRI.</summary>
    Iri,

    /// <summary>A literal: <see cref="SparqlTerm.Value"/> is its lexical form.</summary>
    Literal,

    /// <summary>A blank node: <see cref="SparqlTerm.Value"/> is its label in this result.</summary>
    BlankNode,
}

/// <summary>A value bound to a variable in a row of SPARQL results: an IRI, a literal or a blank node.</summary>
/// <param name="Kind">What the term is.</param>
/// <param name="Value">The IRI, the literal's lexical form, or the blank node's label.</param>
/// <param name="Datatype">The IRI of a literal's datatype, or null for a plain string or a literal with a language.</param>
/// <param name="Language">The language tag of a literal, or null.</param>
public sealed record SparqlTerm(SparqlTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    /// <summary>The term as SPARQL writes it (<c>&lt;iri&gt;</c>, <c>"text"^^&lt;datatype&gt;</c>, <c>_:label</c>), for messages.</summary>
    public override string ToString() => Kind switch
    {
        SparqlTermKind.Iri => $"<{Value}>",
        SparqlTermKind.BlankNode => $"_:{Value}",
        _ when Language is not null => $"\"{Value}\"@{Language}",
        _ when Datatype is not null => $"\"{Value}\"^^<{Datatype}>",
        _ => $"\"{Value}\"",
    };
}
