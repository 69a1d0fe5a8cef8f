using System;
using System.Globalization;

namespace KnowledgeGraph;

/// <summary>An entity and its score in a ranking, such as <see cref="GraphView.PageRank"/>.</summary>
/// <param name="Entity">The entity.</param>
/// <param name="Score">Its score; higher ranks first.</param>
public readonly record struct EntityScore(Entity Entity, double Score)
{
    /// <summary>The score as a line, the same in every culture: <c>Istanbul talks: 0.0712</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Entity}: {Score:0.####}");
}
