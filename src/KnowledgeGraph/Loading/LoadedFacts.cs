using System;
using System.ComponentModel;

namespace KnowledgeGraph;

/// <summary>
/// The checked entities and facts of files loaded at run time, as tables of rows of the format the generated readers
/// read (<see cref="FactReader"/>): what a generated graph class builds itself from.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LoadedFacts
{
    private readonly byte[] _entities;
    private readonly byte[] _relations;

    internal LoadedFacts(byte[] entities, byte[] relations)
    {
        _entities = entities;
        _relations = relations;
    }

    /// <summary>The table of entities.</summary>
    public ReadOnlySpan<byte> Entities => _entities;

    /// <summary>The table of relations.</summary>
    public ReadOnlySpan<byte> Relations => _relations;
}
