using System;
using System.IO;

namespace KnowledgeGraph;

/// <summary>A <c>.kg.json</c> file to load from a stream, with the name its diagnostics give as its path.</summary>
public sealed class GraphSource
{
    /// <summary>Names a stream of <c>.kg.json</c> text in UTF-8.</summary>
    /// <param name="name">What diagnostics call the file, such as its path or its URL.</param>
    /// <param name="stream">The text, read from its current position to its end; the caller disposes of it.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GraphSource(string name, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(stream);
        Name = name;
        Stream = stream;
    }

    /// <summary>What diagnostics call the file.</summary>
    public string Name { get; }

    /// <summary>The text of the file.</summary>
    public Stream Stream { get; }
}
