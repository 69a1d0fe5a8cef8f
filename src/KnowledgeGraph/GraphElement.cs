using System.Collections.Generic;
using System.ComponentModel;

namespace KnowledgeGraph;

/// <summary>What a graph holds: an <see cref="Entity"/> or a <see cref="Relation"/>, each a fact of its files.</summary>
public abstract class GraphElement
{
    // Entities and relations are the only kinds: the runtime's checks and the generated classes know no other.
    private protected GraphElement()
    {
    }

    /// <summary>
    /// What stands for the element's type where exporters keep what they read of a type once: its class, as a generated
    /// class is one type; a graph made from files without generated classes gives its type instead.
    /// </summary>
    internal virtual object TypeKey => GetType();

    /// <summary>
    /// Adds how the values break the patterns, ranges and least numbers of items their properties declare; a
    /// graph built at run time refuses a fact with any breach, as the generator refuses it in a file.
    /// </summary>
    /// <remarks>For generated classes, which add their properties' checks.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual void CheckConstraints(ICollection<string> breaches)
    {
    }

    /// <summary>Adds the dates this entity or relation carries.</summary>
    /// <remarks>For generated classes, which add their date properties.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual void CollectDates(ICollection<DatedValue> dates)
    {
    }
}
