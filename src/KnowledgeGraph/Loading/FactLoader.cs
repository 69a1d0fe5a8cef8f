using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph;

/// <summary>
/// What the <see cref="FactReader"/>s of one graph share while it loads its tables: the names read so far, and
/// the entities by the UTF-8 bytes of their ids, so that a row naming an entity finds it without a string.
/// </summary>
internal sealed class FactLoader
{
    private readonly List<Entity> _entities = [];
    private byte[] _ids = new byte[4096];
    private int[] _idEnds = new int[256];
    private int[] _slots = new int[512]; // index into _entities + 1; 0 for an empty slot
    private int _idLength;
    private int _nextIdLength = -1; // the id read for the next Add, kept at _ids[_idLength ..]; -1 when none

    public List<(byte[] Utf8, string Text)> Symbols { get; } = [];

    public List<Entity> Sources { get; } = [];

    public IReadOnlyList<Entity>? LastSources { get; set; }

    /// <summary>The row being read, counted from 1 in each table, for messages.</summary>
    public int Row { get; set; }

    /// <summary>Keeps the id an entity row read, after the ids of the entities added before, for <see cref="Add"/>.</summary>
    public void SetNextId(ReadOnlySpan<byte> id)
    {
        if (_idLength + id.Length > _ids.Length)
        {
            Array.Resize(ref _ids, Math.Max(_ids.Length * 2, _idLength + id.Length));
        }

        id.CopyTo(_ids.AsSpan(_idLength));
        _nextIdLength = id.Length;
    }

    /// <summary>Records the entity the last row read under its id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(Entity entity)
    {
        if (_nextIdLength < 0)
        {
            throw new InvalidOperationException("An entity row must read its id with FactReader.Id().");
        }

        var index = _entities.Count;
        _entities.Add(entity);
        _idLength += _nextIdLength;
        _nextIdLength = -1;
        if (index == _idEnds.Length)
        {
            Array.Resize(ref _idEnds, _idEnds.Length * 2);
        }

        _idEnds[index] = _idLength;
        if ((index + 1) * 2 > _slots.Length)
        {
            Rehash();
        }
        else
        {
            Insert(index, IdOf(index));
        }
    }

    /// <summary>The entity with the UTF-8 id, or null when no row added one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Entity? Find(ReadOnlySpan<byte> id)
    {
        var mask = _slots.Length - 1;
        for (var slot = Hash(id) & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var index = _slots[slot] - 1;
            if (IdOf(index).SequenceEqual(id))
            {
                return _entities[index];
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> IdOf(int index)
    {
        var start = index == 0 ? 0 : _idEnds[index - 1];
        return _ids.AsSpan(start, _idEnds[index] - start);
    }

    // Linear probing in a power-of-two table at most half full.
    private void Insert(int index, ReadOnlySpan<byte> id)
    {
        var mask = _slots.Length - 1;
        var slot = Hash(id) & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = index + 1;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        for (var index = 0; index < _entities.Count; index++)
        {
            Insert(index, IdOf(index));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> id)
    {
        var hash = default(HashCode);
        hash.AddBytes(id);
        return hash.ToHashCode() & int.MaxValue;
    }
}
