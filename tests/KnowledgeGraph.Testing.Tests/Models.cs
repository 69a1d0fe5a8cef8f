namespace KnowledgeGraph.Testing.Tests;

/// <summary>A small model in two files, a schema and its facts, as users keep them.</summary>
internal static class Models
{
    public const string Schema = """
        {
          "graph": "LibraryGraph",
          "entityTypes": {
            "Author": { "properties": { "name": "string" } },
            "Book": { "properties": { "title": "string" } }
          },
          "relationTypes": {
            "wrote": { "from": "Author", "to": "Book", "inverse": "writtenBy" }
          }
        }
        """;

    public const string Facts = """
        {
          "graph": "LibraryGraph",
          "entities": {
            "tolstoy": { "type": "Author", "name": "Leo Tolstoy" },
            "warAndPeace": { "type": "Book", "title": "War and Peace" }
          },
          "relations": [
            ["tolstoy", "wrote", "warAndPeace"]
          ]
        }
        """;

    /// <summary>The facts with a relation to an entity nobody declared (KG0007 on line 9).</summary>
    public const string FactsWithUnknownEntity = """
        {
          "graph": "LibraryGraph",
          "entities": {
            "tolstoy": { "type": "Author", "name": "Leo Tolstoy" },
            "warAndPeace": { "type": "Book", "title": "War and Peace" }
          },
          "relations": [
            ["tolstoy", "wrote", "warAndPeace"],
            ["tolstoy", "wrote", "annaKarenina"]
          ]
        }
        """;
}
