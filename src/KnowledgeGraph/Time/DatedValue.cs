using System.ComponentModel;

namespace KnowledgeGraph;

/// <summary>A date a fact carries: a date property such as a meeting's <c>date</c>, or a relation's validity.</summary>
/// <param name="Property">The name of the property in the <c>.kg.json</c> file, such as <c>date</c> or <c>validFrom</c>.</param>
/// <param name="Date">The date.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct DatedValue(string Property, PartialDate Date);
