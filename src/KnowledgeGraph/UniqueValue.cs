using System;
using System.ComponentModel;

namespace KnowledgeGraph;

/// <summary>The value of a unique property (a key) of an entity: no two entities of <paramref name="Scope"/> share it.</summary>
/// <param name="Scope">The entity type that declares the property; the value is unique among it and its subtypes.</param>
/// <param name="Property">The name of the property in the <c>.kg.json</c> file.</param>
/// <param name="Value">The value.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct UniqueValue(Type Scope, string Property, object Value);
