using System;
using System.Text;

namespace KnowledgeGraph.Language.Parsing;

/// <summary>
/// The short strings of one file, or of the files of one load, each made once from its UTF-8 bytes: keys, ids and type
/// names repeat on every fact, and a string per occurrence was most of what reading a large file allocated.
/// </summary>
internal sealed class StringPool
{
    // Longer strings (descriptions, quotes) rarely repeat: they are made each time and not kept.
    private const int MaxPooledLength = 64;

    private const int MaxInitialSlots = 1 << 20;

    // The bytes of every pooled string, one after another: a file read in blocks lets go of its own bytes.
    private byte[] _bytes = new byte[4096];
    private int _length;
    private Entry[] _entries;
    private int _count;

    /// <param name="fileLength">The file's length in bytes when it is known, 0 when not.</param>
    public StringPool(int fileLength)
    {
        // A file of facts holds a new string in about every 40 bytes: a table of a slot per 16 bytes (a power of two,
        // at most half full) then never grows on the way, each growth allocating and filling a table twice as large.
        // Up to a million slots (16 MB): a larger file grows its table only if its strings need it.
        var slots = 256;
        while (slots < fileLength / 16 && slots < MaxInitialSlots)
        {
            slots *= 2;
        }

        _entries = new Entry[slots];
    }

    /// <summary>The string of the UTF-8 bytes at <paramref name="start"/> in <paramref name="buffer"/>.</summary>
    public string Get(byte[] buffer, int start, int length)
    {
        if (length > MaxPooledLength)
        {
            return Encoding.UTF8.GetString(buffer, start, length);
        }

        var utf8 = new ReadOnlySpan<byte>(buffer, start, length);
        var mask = _entries.Length - 1;
        var slot = Hash(utf8) & mask;
        for (; _entries[slot].Text is { } text; slot = (slot + 1) & mask)
        {
            if (Bytes(_entries[slot]).SequenceEqual(utf8))
            {
                return text;
            }
        }

        if (_length + utf8.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + utf8.Length));
        }

        utf8.CopyTo(_bytes.AsSpan(_length));
        var made = Encoding.UTF8.GetString(buffer, start, length);
        _entries[slot] = new Entry(_length, utf8.Length, made);
        _length += utf8.Length;
        if (++_count * 2 > _entries.Length)
        {
            Grow();
        }

        return made;
    }

    private ReadOnlySpan<byte> Bytes(Entry entry) => new(_bytes, entry.Start, entry.Length);

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

            var slot = Hash(Bytes(entry)) & mask;
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
