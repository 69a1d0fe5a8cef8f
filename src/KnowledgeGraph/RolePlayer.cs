using System.ComponentModel;

namespace KnowledgeGraph;

/// <summary>An entity that plays a role of an n-ary relation beyond its two ends, such as the place of a meeting.</summary>
/// <param name="Role">The name of the role in the <c>.kg.json</c> file.</param>
/// <param name="Player">The entity.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct RolePlayer(string Role, Entity Player);
