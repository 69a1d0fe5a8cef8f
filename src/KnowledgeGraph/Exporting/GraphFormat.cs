namespace KnowledgeGraph;

/// <summary>The file formats <see cref="GraphView.Export(System.IO.Stream, GraphFormat)"/> writes.</summary>
public enum GraphFormat
{
    /// <summary>Graphviz DOT: a <c>digraph</c> for <c>dot</c>, <c>neato</c>, … to draw.</summary>
    Dot,

    /// <summary>A Mermaid <c>flowchart</c>, which Markdown on GitHub renders.</summary>
    Mermaid,

    /// <summary>GraphML, with a typed key for every property: for networkx, Gephi, yEd and Cytoscape.</summary>
    GraphMl,

    /// <summary>GEXF 1.3, with each fact's time interval for Gephi's timeline.</summary>
    Gexf,

    /// <summary>RDF as N-Triples: one triple a line.</summary>
    NTriples,

    /// <summary>RDF as Turtle.</summary>
    Turtle,

    /// <summary>RDF as JSON-LD, with a generated <c>@context</c>.</summary>
    JsonLd,
}
