using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace KnowledgeGraph;

/// <summary>Reads one value for a generated graph: a row, an item of a list, or one value of a row.</summary>
/// <typeparam name="T">What is read.</typeparam>
/// <param name="reader">The reader, positioned before the value.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T FactRowReader<T>(ref FactReader reader);

/// <summary>
/// Reads the facts a generated graph class has compiled in: the generator writes them as UTF-8 rows of JSON
/// values, and generated code reads each row through this reader into an entity or a relation.
/// </summary>
/// <remarks>
/// <para>
/// A table is a JSON array of rows; a row is a JSON array: the type's name, then its values in the order the
/// generated reader asks for them. An entity row continues with the id and then every property, inherited ones
/// first; a relation row with the ids of its ends, every property, every role, the ids of its sources, and its
/// validity dates. An absent value is <c>null</c>, and nulls at the end of a row are left out. Lists (also of
/// role players and sources) are arrays, empty when absent.
/// </para>
/// <para>
/// Data is compiled in, rather than one statement per fact, so that a large graph compiles and starts fast:
/// it costs the compiler and the JIT next to nothing, whatever its size. It was checked when the
/// <c>.kg.json</c> files were read, so a row that does not match its reader means the generated code and the
/// runtime come from different versions of the package: that throws <see cref="InvalidDataException"/>.
/// </para>
/// <para>
/// The reader reads the JSON the generator writes, not any JSON: it runs once per graph over every fact, so it
/// is made for that (no allocation for ids, names and numbers; optimized from its first call).
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct FactReader
{
    private readonly ReadOnlySpan<byte> _table;
    private readonly GraphContent _loader;
    private int _position;

    internal FactReader(ReadOnlySpan<byte> table, GraphContent loader)
    {
        _table = table;
        _loader = loader;
        _loader.Row = 0;
        Open('[', "a table");
    }

    /// <summary>Whether the next value is absent (<c>null</c>, or the row has ended); an absent value is skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsNull()
    {
        var next = Next();
        if (next == ']')
        {
            return true; // left for the end of the row: every later value of the row is absent too
        }

        if (next != 'n')
        {
            return false;
        }

        Word("null"u8);
        return true;
    }

    /// <summary>A name from a small set, such as a type name or an enum value: the same string instance every time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Symbol()
    {
        var utf8 = StringBytes();
        foreach (var (bytes, text) in _loader.Symbols)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return text;
            }
        }

        var symbol = Encoding.UTF8.GetString(utf8);
        _loader.Symbols.Add((utf8.ToArray(), symbol));
        return symbol;
    }

    /// <summary>The id of the entity the row is about; the graph finds the entity by it when later rows name it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Id()
    {
        var utf8 = StringBytes();
        _loader.SetNextId(utf8);
        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>A string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string String() => Encoding.UTF8.GetString(StringBytes());

    /// <summary>An <see cref="int"/>.</summary>
    public int Int32()
    {
        var number = Number();
        return Utf8Parser.TryParse(number, out int value, out var length) && length == number.Length ? value : throw Mismatch("an int");
    }

    /// <summary>A <see cref="long"/>.</summary>
    public long Int64()
    {
        var number = Number();
        return Utf8Parser.TryParse(number, out long value, out var length) && length == number.Length ? value : throw Mismatch("a long");
    }

    /// <summary>A <see cref="double"/>.</summary>
    public double Double()
    {
        var number = Number();
        return Utf8Parser.TryParse(number, out double value, out var length) && length == number.Length ? value : throw Mismatch("a double");
    }

    /// <summary>A <see cref="decimal"/>.</summary>
    public decimal Decimal()
    {
        var number = Number();
        return Utf8Parser.TryParse(number, out decimal value, out var length) && length == number.Length ? value : throw Mismatch("a decimal");
    }

    /// <summary>A <see cref="bool"/>.</summary>
    public bool Boolean()
    {
        switch (Next())
        {
            case (byte)'t':
                Word("true"u8);
                return true;
            case (byte)'f':
                Word("false"u8);
                return false;
            default:
                throw Mismatch("true or false");
        }
    }

    /// <summary>A date written <c>yyyy-MM-dd</c>.</summary>
    public DateOnly Date()
    {
        var date = PartialDate();
        return date.Day is { } day ? new DateOnly(date.Year, date.Month!.Value, day) : throw Mismatch("a date");
    }

    /// <summary>A date as precise as it is written: <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PartialDate PartialDate()
    {
        var text = StringBytes();
        if (text.Length is not (4 or 7 or 10) || (text.Length > 4 && text[4] != '-') || (text.Length > 7 && text[7] != '-'))
        {
            throw Mismatch("a date");
        }

        var year = Digits(text.Slice(0, 4));
        var month = text.Length >= 7 ? Digits(text.Slice(5, 2)) : (int?)null;
        var day = text.Length == 10 ? Digits(text.Slice(8, 2)) : (int?)null;
        return new PartialDate(year, month, day);
    }

    /// <summary>A date and time with its offset, in ISO 8601.</summary>
    public DateTimeOffset DateTime() => DateTimeOffset.Parse(String(), CultureInfo.InvariantCulture);

    /// <summary>An absolute URI.</summary>
    public Uri Uri() => new(String(), UriKind.Absolute);

    /// <summary>The entity of the graph with the id the value gives.</summary>
    /// <typeparam name="TEntity">The entity's type.</typeparam>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TEntity Entity<TEntity>() where TEntity : Entity
    {
        var entity = AnyEntity();
        // Most ends are of exactly the declared type: that test is a compare, where a cast from shared generic
        // code goes through the runtime's cast cache, a large part of loading otherwise.
        if (entity.GetType() == typeof(TEntity))
        {
            return Unsafe.As<TEntity>(entity);
        }

        return entity as TEntity ?? throw Mismatch($"the id of a {typeof(TEntity).Name}, not of the {entity.GetType().Name} '{entity.Id}'");
    }

    /// <summary>A list: a JSON array whose items <paramref name="item"/> reads.</summary>
    public IReadOnlyList<T> List<T>(FactRowReader<T> item)
    {
        Open('[', "a list");
        if (Close())
        {
            return ImmutableArray<T>.Empty;
        }

        var items = ImmutableArray.CreateBuilder<T>();
        do
        {
            items.Add(item(ref this));
        }
        while (!Close());

        return items.ToImmutable();
    }

    /// <summary>The sources of a fact: a list of entity ids. Facts with the same sources share one list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<Entity> Sources()
    {
        Open('[', "a list of sources");
        if (Close())
        {
            return ImmutableArray<Entity>.Empty;
        }

        var first = AnyEntity();
        if (Close())
        {
            return _loader.SoleSource(first);
        }

        var buffer = _loader.Sources;
        buffer.Clear();
        buffer.Add(first);
        do
        {
            buffer.Add(AnyEntity());
        }
        while (!Close());

        if (_loader.LastSources is { } last && Same(last, buffer))
        {
            return last;
        }

        IReadOnlyList<Entity> sources = buffer.ToImmutableArray();
        _loader.LastSources = sources;
        return sources;
    }

    /// <summary>The exception for a symbol the generated reader does not know, such as an unknown type name.</summary>
    public readonly InvalidDataException UnknownSymbol(string symbol) => Mismatch($"a known name, not '{symbol}'");

    /// <summary>Moves into the next row; false at the end of the table.</summary>
    internal bool NextRow()
    {
        _loader.Row++;
        if (Close())
        {
            return false;
        }

        Open('[', "a row");
        return true;
    }

    /// <summary>Checks that the row has been read to its end.</summary>
    internal void EndRow()
    {
        if (!Close())
        {
            throw Mismatch("the end of the row");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Entity AnyEntity()
    {
        var id = StringBytes();
        return _loader.Find(id)
            ?? throw Mismatch($"the id of an entity added before, not '{Encoding.UTF8.GetString(id)}'");
    }

    /// <summary>The first byte of the next value, past white space and the comma before it; ']' at the end of a list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte Next()
    {
        var table = _table;
        var position = _position;
        while (position < table.Length)
        {
            var c = table[position];
            if (c is (byte)' ' or (byte)',' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                position++;
                continue;
            }

            _position = position;
            return c;
        }

        _position = position;
        throw Mismatch("more data");
    }

    private void Open(char bracket, string what)
    {
        if (Next() != bracket)
        {
            throw Mismatch(what);
        }

        _position++;
    }

    /// <summary>Reads the end of a list or row if it comes next.</summary>
    private bool Close()
    {
        if (Next() != ']')
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Word(ReadOnlySpan<byte> word)
    {
        if (!_table.Slice(_position).StartsWith(word))
        {
            throw Mismatch("true, false or null");
        }

        _position += word.Length;
    }

    private ReadOnlySpan<byte> Number()
    {
        if (Next() is not ((byte)'-' or (>= (byte)'0' and <= (byte)'9')))
        {
            throw Mismatch("a number");
        }

        var start = _position;
        var position = start;
        while (position < _table.Length && _table[position] is (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E' or (>= (byte)'0' and <= (byte)'9'))
        {
            position++;
        }

        _position = position;
        return _table.Slice(start, position - start);
    }

    /// <summary>The UTF-8 text of a string value, unescaped: a slice of the table unless it has escapes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> StringBytes()
    {
        if (Next() != '"')
        {
            throw Mismatch("a string");
        }

        var start = _position + 1;
        var rest = _table.Slice(start);
        var end = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0)
        {
            throw Mismatch("the end of a string");
        }

        if (rest[end] == '"')
        {
            _position = start + end + 1;
            return rest.Slice(0, end);
        }

        return Unescape(start);
    }

    private ReadOnlySpan<byte> Unescape(int start)
    {
        var text = new StringBuilder();
        var position = start;
        while (true)
        {
            var rest = _table.Slice(position);
            var end = rest.IndexOfAny((byte)'"', (byte)'\\');
            if (end < 0 || end + 1 >= rest.Length)
            {
                throw Mismatch("the end of a string");
            }

            text.Append(Encoding.UTF8.GetString(rest.Slice(0, end)));
            position += end + 1;
            if (rest[end] == '"')
            {
                _position = position;
                return Encoding.UTF8.GetBytes(text.ToString());
            }

            var escape = (char)rest[end + 1];
            position++;
            switch (escape)
            {
                case '"' or '\\' or '/':
                    text.Append(escape);
                    break;
                case 'b':
                    text.Append('\b');
                    break;
                case 'f':
                    text.Append('\f');
                    break;
                case 'n':
                    text.Append('\n');
                    break;
                case 'r':
                    text.Append('\r');
                    break;
                case 't':
                    text.Append('\t');
                    break;
                case 'u' when position + 4 <= _table.Length
                    && Utf8Parser.TryParse(_table.Slice(position, 4), out ushort code, out var length, 'x') && length == 4:
                    text.Append((char)code);
                    position += 4;
                    break;
                default:
                    throw Mismatch("a JSON escape");
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int Digits(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                throw Mismatch("a date");
            }

            value = (value * 10) + c - '0';
        }

        return value;
    }

    private readonly InvalidDataException Mismatch(string expected)
    {
        var found = _position < _table.Length
            ? Encoding.UTF8.GetString(_table.Slice(_position, Math.Min(20, _table.Length - _position)))
            : "the end of the table";
        return new InvalidDataException(
            $"The facts compiled into the graph do not match its reader at row {_loader.Row} of a table " +
            $"(expected {expected}; found '{found}' at byte {_position}). " +
            "The generated code and the KnowledgeGraph runtime must come from the same version of the package: rebuild the project.");
    }

    private static bool Same(IReadOnlyList<Entity> list, List<Entity> buffer)
    {
        if (list.Count != buffer.Count)
        {
            return false;
        }

        for (var i = 0; i < buffer.Count; i++)
        {
            if (!ReferenceEquals(list[i], buffer[i]))
            {
                return false;
            }
        }

        return true;
    }
}
