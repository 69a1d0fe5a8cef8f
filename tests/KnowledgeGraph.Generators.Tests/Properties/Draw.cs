using System.Collections.Generic;
using CsCheck;

namespace KnowledgeGraph.Generators.Tests.Properties;

/// <summary>The random choices of one model, all taken from CsCheck's PCG so that a seed reproduces the model.</summary>
internal sealed class Draw(PCG pcg)
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Int(int min, int max) => max <= min ? min : min + (int)pcg.Next((uint)(max - min + 1));

    public long Long(long min, long max) => max <= min ? min : min + (long)pcg.Next64((ulong)(max - min + 1));

    /// <summary>True with the given chance in percent.</summary>
    public bool Chance(int percent) => pcg.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Int(0, i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
