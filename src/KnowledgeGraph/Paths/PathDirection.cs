namespace KnowledgeGraph;

/// <summary>Which way a path may follow relations.</summary>
public enum PathDirection
{
    /// <summary>Relations are followed either way, from their start to their end or back.</summary>
    Any,

    /// <summary>
    /// Relations are followed only from their start (<see cref="Relation.From"/>) to their end, except symmetric
    /// ones (<see cref="Relation.IsSymmetric"/>), which read the same both ways.
    /// </summary>
    Forward,
}
