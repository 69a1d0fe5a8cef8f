using System;
using System.Text;

namespace KnowledgeGraph.Generators.Parsing;

/// <summary>
/// The short strings of one file, each made once from its UTF-8 bytes: keys, ids and type names repeat on every
/// fact, and a string per occurrence was most of what reading a large file allocated.
/// </summary>
internal sealed class StringPool
{
    // Longer strings (descriptions, quotes) rarely repeat: they are made each time and not kept.
    private const int MaxPooledLength = 64;

    private readonly byte[] _utf8;
    private Entry[] _entries = new Entry[256];
    private int _count;

    public StringPool(byte[] utf8) => _utf8 = utf8;

    /// <summary>The string of the UTF-8 bytes at <paramref name="start"/>.</summary>
    public string Get(int start, int length)
    {
        if (length > MaxPooledLength)
        {
            return Encoding.UTF8.GetString(_utf8, start, length);
        }

        var bytes = new ReadOnlySpan<byte>(_utf8, start, length);
        var mask = _entries.Length - 1;
        var slot = Hash(bytes) & mask;
        for (; _entries[slot].Text is { } text; slot = (slot + 1) & mask)
        {
            if (new ReadOnlySpan<byte>(_utf8, _entries[slot].Start, _entries[slot].Length).SequenceEqual(bytes))
            {
                return text;
            }
        }

        var made = Encoding.UTF8.GetString(_utf8, start, length);
        _entries[slot] = new Entry(start, length, made);
        if (++_count * 2 > _entries.Length)
        {
            Grow();
        }

        return made;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Text is null)
            {
                continue;
            }

            var slot = Hash(new ReadOnlySpan<byte>(_utf8, entry.Start, entry.Length)) & mask;
            while (_entries[slot].Text is not null)
            {
                slot = (slot + 1) & mask;
            }

            _entries[slot] = entry;
        }
    }

    // FNV-1a: short keys, and fast enough that hashing costs less than the string it saves.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }

    private readonly struct Entry(int start, int length, string text)
    {
        public int Start { get; } = start;

        public int Length { get; } = length;

        public string? Text { get; } = text;
    }
}
