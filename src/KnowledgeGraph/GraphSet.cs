using System;
using System.Collections;
using System.Collections.Generic;

namespace KnowledgeGraph;

/// <summary>
/// Entities or relations of a graph in file order, such as those of one type or an entity's navigation: a read-only
/// list whose <c>foreach</c> allocates nothing, and whose items are also a span (<see cref="AsSpan"/>) for the
/// tightest loops.
/// </summary>
/// <remarks>
/// A graph and a view filter their set once per type and keep it. A navigation's list keeps a
/// target once per fact, so two facts to one entity list it twice. It is also a read-only
/// <see cref="ICollection{T}"/>, so that LINQ's <c>ToArray</c>, <c>ToList</c>, <c>Count</c> and <c>Contains</c> copy or
/// count it at once instead of enumerating it.
/// </remarks>
/// <typeparam name="T">The entity or relation type.</typeparam>
public sealed class GraphSet<T> : IReadOnlyList<T>, ICollection<T>, IGraphSet
    where T : class
{
    private readonly T[] _items;

    internal GraphSet(T[] items) => _items = items;

    /// <summary>The empty list, shared.</summary>
    internal static GraphSet<T> Empty { get; } = new([]);

    /// <summary>The number of items.</summary>
    public int Count => Items.Length;

    private T[] Items => _items;

    object[] IGraphSet.Items => _items;

    /// <summary>The item at <paramref name="index"/>, in file order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public T this[int index] => (uint)index < (uint)Items.Length ? Items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The items as a span, in file order.</summary>
    public ReadOnlySpan<T> AsSpan() => Items;

    /// <summary>Enumerates the items without allocating.</summary>
    public Enumerator GetEnumerator() => new(Items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

    bool ICollection<T>.IsReadOnly => true;

    bool ICollection<T>.Contains(T item) => Array.IndexOf(Items, item) >= 0;

    void ICollection<T>.CopyTo(T[] array, int arrayIndex) => Items.CopyTo(array, arrayIndex);

    void ICollection<T>.Add(T item) => throw ReadOnly();

    bool ICollection<T>.Remove(T item) => throw ReadOnly();

    void ICollection<T>.Clear() => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The list is read-only: a graph never changes once it is built.");

    /// <summary>Enumerates a <see cref="GraphSet{T}"/>.</summary>
    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The current item.</summary>
        public readonly T Current => _items[_index];

        /// <summary>Moves to the next item.</summary>
        public bool MoveNext() => ++_index < _items.Length;
    }
}

/// <summary>A <see cref="GraphSet{T}"/> of any type, for code that reads its array: a set of entities is an <see cref="Entity"/> array.</summary>
internal interface IGraphSet
{
    object[] Items { get; }
}
