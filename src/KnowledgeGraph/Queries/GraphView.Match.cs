namespace KnowledgeGraph;

public abstract partial class GraphView
{
    /// <summary>
    /// Starts a pattern: a small subgraph to find, one typed variable at a time, without strings. Each
    /// <c>Via</c> adds a variable reached by a step, each <c>Where</c> filters, and the matches are tuples:
    /// <code>
    /// g.Match&lt;Person&gt;()
    ///  .Via(p =&gt; p.Leads)                            // the delegation the person leads
    ///  .Via(d =&gt; d.Attended)                         // a meeting it attended
    ///  .Where((p, d, m) =&gt; m.HeldIn == g.Istanbul)
    ///  .Select((p, d, m) =&gt; p.Name);
    /// </code>
    /// </summary>
    /// <remarks>
    /// A pattern is the nested query <c>from p in … from d in p.Leads from m in d.Attended where … select …</c>
    /// written variable by variable: the same matches in the same order, repeats included. Every variable is bound
    /// only to entities of this view.
    /// </remarks>
    /// <typeparam name="T">The type of the first variable: it ranges over <see cref="Entities{TEntity}"/>.</typeparam>
    public Pattern<T> Match<T>() where T : Entity => new(this, Entities<T>());
}
