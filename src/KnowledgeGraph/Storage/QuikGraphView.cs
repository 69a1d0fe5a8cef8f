using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using QuikGraph;

namespace KnowledgeGraph;

/// <summary>
/// A graph or view as a read-only QuikGraph <see cref="IBidirectionalGraph{TVertex, TEdge}"/> over its compact
/// store, so QuikGraph's algorithms run on it without a second copy of the graph. It answers as the
/// <see cref="BidirectionalGraph{TVertex, TEdge}"/> it replaces did: vertices in file order, each vertex's edges in
/// file order, <see cref="Edges"/> vertex by vertex, <see cref="VertexNotFoundException"/> for a vertex it lacks.
/// </summary>
/// <remarks>The vertices and edges are the view's own objects; a vertex of the graph or of another of its views stands for the same entity.</remarks>
internal sealed class QuikGraphView : IBidirectionalGraph<Entity, Relation>
{
    private readonly GraphView _view;

    public QuikGraphView(GraphView view) => _view = view;

    public bool IsDirected => true;

    public bool AllowParallelEdges => true;

    public bool IsVerticesEmpty => _view.Store.Entities.Length == 0;

    public int VertexCount => _view.Store.Entities.Length;

    public IEnumerable<Entity> Vertices => _view.Store.EntitiesOf<Entity>();

    public bool IsEdgesEmpty => _view.Store.Relations.Length == 0;

    public int EdgeCount => _view.Store.Relations.Length;

    public IEnumerable<Relation> Edges
    {
        get
        {
            var edges = _view.Store.Adjacency.ByStart;
            return new Slice<Relation>(edges, 0, edges.Length);
        }
    }

    public bool ContainsVertex(Entity vertex)
    {
        ArgumentNullException.ThrowIfNull(vertex);
        return _view.Contains(vertex);
    }

    public bool ContainsEdge(Relation edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return _view.Contains(edge);
    }

    public bool ContainsEdge(Entity source, Entity target) => TryGetEdge(source, target, out _);

    public bool TryGetEdge(Entity source, Entity target, out Relation edge)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (_view.Contains(source))
        {
            foreach (var relation in _view.Store.Adjacency.Out(source.Ordinal))
            {
                if (EqualityComparer<Entity>.Default.Equals(relation.To, target))
                {
                    edge = relation;
                    return true;
                }
            }
        }

        edge = null!; // as QuikGraph's graphs do: default when there is none
        return false;
    }

    public bool TryGetEdges(Entity source, Entity target, [NotNullWhen(true)] out IEnumerable<Relation>? edges)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (!_view.Contains(source))
        {
            edges = null;
            return false;
        }

        var found = new List<Relation>();
        foreach (var relation in _view.Store.Adjacency.Out(source.Ordinal))
        {
            if (EqualityComparer<Entity>.Default.Equals(relation.To, target))
            {
                found.Add(relation);
            }
        }

        edges = found.AsReadOnly();
        return true;
    }

    public bool IsOutEdgesEmpty(Entity vertex) => OutDegree(vertex) == 0;

    public int OutDegree(Entity vertex) => OutSlice(vertex).Count;

    public IEnumerable<Relation> OutEdges(Entity vertex) => OutSlice(vertex);

    public bool TryGetOutEdges(Entity vertex, [NotNullWhen(true)] out IEnumerable<Relation>? edges)
    {
        ArgumentNullException.ThrowIfNull(vertex);
        edges = _view.Contains(vertex) ? OutSlice(vertex) : null;
        return edges is not null;
    }

    public Relation OutEdge(Entity vertex, int index) => OutSlice(vertex)[index];

    public bool IsInEdgesEmpty(Entity vertex) => InDegree(vertex) == 0;

    public int InDegree(Entity vertex) => InSlice(vertex).Count;

    public IEnumerable<Relation> InEdges(Entity vertex) => InSlice(vertex);

    public bool TryGetInEdges(Entity vertex, [NotNullWhen(true)] out IEnumerable<Relation>? edges)
    {
        ArgumentNullException.ThrowIfNull(vertex);
        edges = _view.Contains(vertex) ? InSlice(vertex) : null;
        return edges is not null;
    }

    public Relation InEdge(Entity vertex, int index) => InSlice(vertex)[index];

    public int Degree(Entity vertex) => OutDegree(vertex) + InDegree(vertex);

    private Slice<Relation> OutSlice(Entity vertex)
    {
        EnsureVertex(vertex);
        var (relations, start, end) = _view.Store.Adjacency.OutRange(vertex.Ordinal);
        return new Slice<Relation>(relations, start, end - start);
    }

    private Slice<Relation> InSlice(Entity vertex)
    {
        EnsureVertex(vertex);
        var (relations, start, end) = _view.Store.Adjacency.InRange(vertex.Ordinal);
        return new Slice<Relation>(relations, start, end - start);
    }

    private void EnsureVertex(Entity vertex)
    {
        ArgumentNullException.ThrowIfNull(vertex);
        if (!_view.Contains(vertex))
        {
            throw new VertexNotFoundException();
        }
    }
}

/// <summary>A read-only window on part of an array, enumerated without copying it.</summary>
internal sealed class Slice<T> : IReadOnlyList<T>, IList<T>
{
    private readonly T[] _items;
    private readonly int _start;

    public Slice(T[] items, int start, int count)
    {
        _items = items;
        _start = start;
        Count = count;
    }

    public int Count { get; }

    public bool IsReadOnly => true;

    public T this[int index]
    {
        get => (uint)index < (uint)Count ? _items[_start + index] : throw new ArgumentOutOfRangeException(nameof(index));
        set => throw ReadOnly();
    }

    public IEnumerator<T> GetEnumerator() => new Enumerator(_items, _start, _start + Count);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(T item)
    {
        var at = Array.IndexOf(_items, item, _start, Count);
        return at < 0 ? -1 : at - _start;
    }

    public bool Contains(T item) => IndexOf(item) >= 0;

    public void CopyTo(T[] array, int arrayIndex) => Array.Copy(_items, _start, array, arrayIndex, Count);

    public void Add(T item) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    public void Insert(int index, T item) => throw ReadOnly();

    public bool Remove(T item) => throw ReadOnly();

    public void RemoveAt(int index) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The collection is read-only.");

    private sealed class Enumerator(T[] items, int start, int end) : IEnumerator<T>
    {
        private int _at = start - 1;

        public T Current => items[_at];

        object? IEnumerator.Current => Current;

        public bool MoveNext() => ++_at < end;

        public void Reset() => _at = start - 1;

        public void Dispose()
        {
        }
    }
}
