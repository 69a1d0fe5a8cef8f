using System.Collections.Generic;
using System.ComponentModel;

namespace KnowledgeGraph;

/// <summary>
/// The entities and relations of a graph about to be built: what a <see cref="GraphBuilder{TGraph}"/> hands to
/// the constructor of a generated graph class. Every entity and relation in it is new and in no graph yet.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GraphContent
{
    internal GraphContent(IReadOnlyList<Entity> entities, IReadOnlyList<Relation> relations)
    {
        Entities = entities;
        Relations = relations;
    }

    internal IReadOnlyList<Entity> Entities { get; }

    internal IReadOnlyList<Relation> Relations { get; }
}
