using System;
using System.Net;

namespace KnowledgeGraph.Sparql;

/// <summary>
/// A SPARQL store could not be reached, refused a request, or answered with something other than what was asked for.
/// The message says which, with the server's own message when it gave one; it never holds credentials.
/// </summary>
public sealed class SparqlException : Exception
{
    /// <summary>Creates an exception with a message alone.</summary>
    public SparqlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public SparqlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about one query or update, and the status the store answered it with.</summary>
    public SparqlException(string message, string? query, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Query = query;
        StatusCode = statusCode;
    }

    /// <summary>The query or update the store was sent, or null when the request was not one (a batch of triples).</summary>
    public string? Query { get; }

    /// <summary>The HTTP status the store answered with, or null when it gave no answer.</summary>
    public HttpStatusCode? StatusCode { get; }
}
