using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace KnowledgeGraph;

/// <summary>
/// Writes a graph as a canonical <c>.kg.json</c> file, for <see cref="GraphView.Save(Stream)"/>: the values generated
/// classes hand a <see cref="FactWriter"/> are written as JSON, an entity or a relation a line.
/// </summary>
/// <remarks>
/// <para>
/// An absent value (null, or an empty list) is left out, as a file may leave it out. Dates are written
/// <c>yyyy-MM-dd</c>, partial dates as precise as they are, date-times in ISO 8601 with their offset, numbers in
/// their shortest form that reads back to the same value, and strings in UTF-8 with JSON's escapes for quotes,
/// backslashes, control characters and invisible formatting characters.
/// </para>
/// <para>
/// Each line is made in a buffer and the buffer goes to the stream once it holds about 64 KB, so memory does not
/// grow with the graph.
/// </para>
/// </remarks>
internal sealed class KgJsonWriter : FactWriter
{
    /// <summary>Where the editor finds the file format's JSON Schema.</summary>
    internal const string SchemaUrl = "https://raw.githubusercontent.com/knowledgegraph-dotnet/knowledgegraph/main/nuget/kg.schema.json";

    private const int FlushSize = 64 * 1024;

    // Printable ASCII but the quote and the backslash: what a JSON string holds as it is.
    private static readonly SearchValues<char> s_plainAscii =
        SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly CompactStore? _view; // the view's store when a view is saved: what it holds; null for a graph
    private readonly Buffer _file = new(FlushSize * 2);
    private readonly Buffer _line = new(256); // the members of the entity or relation being written
    private int _lines; // lines written in the current section
    private bool _dropped;

    internal KgJsonWriter(CompactStore? view) => _view = view;

    private protected override string Target => "a .kg.json file";

    /// <summary>Writes the start of the file: the <c>$schema</c> pointer, then the graph's namespace and name as its files give them.</summary>
    internal void Header(CompiledSchema schema)
    {
        _file.Append("{\n  ");
        Member(_file, "$schema", SchemaUrl);
        if (schema.DeclaredNamespace is { } declared)
        {
            _file.Append(",\n  ");
            Member(_file, "namespace", declared);
        }

        _file.Append(",\n  ");
        Member(_file, "graph", schema.GraphName);
    }

    /// <summary>Writes an entity's type, the first of its values.</summary>
    public override void Type(string name) => String("type", name);

    /// <summary>Writes a string; null is left out.</summary>
    public override void String(string name, string? value)
    {
        if (value is not null)
        {
            Name(name);
            Text(_line, value);
        }
    }

    /// <summary>Writes an <see cref="int"/>.</summary>
    public override void Int32(string name, int value) => Number(name, value);

    /// <summary>Writes a <see cref="long"/>.</summary>
    public override void Int64(string name, long value) => Number(name, value);

    /// <summary>Writes a <see cref="double"/> in its shortest form that reads back to the same value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a finite number, which JSON cannot hold.</exception>
    public override void Double(string name, double value)
    {
        Name(name);
        Value(_line, value);
    }

    /// <summary>Writes a <see cref="decimal"/>, with the digits it holds (<c>1.50</c> stays <c>1.50</c>).</summary>
    public override void Decimal(string name, decimal value) => Number(name, value);

    /// <summary>Writes a <see cref="bool"/>.</summary>
    public override void Boolean(string name, bool value)
    {
        Name(name);
        _line.Append(value ? "true" : "false");
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>.</summary>
    public override void Date(string name, DateOnly value)
    {
        Name(name);
        Value(_line, value);
    }

    /// <summary>Writes a date and time with its offset in ISO 8601, with as many digits of the second as it needs.</summary>
    public override void DateTime(string name, DateTimeOffset value)
    {
        Name(name);
        Value(_line, value);
    }

    /// <summary>Writes a URI as it was given; null is left out.</summary>
    public override void Uri(string name, Uri? value)
    {
        if (value is not null)
        {
            Name(name);
            Text(_line, value.OriginalString);
        }
    }

    /// <summary>Writes a list of strings; an empty list is left out.</summary>
    public override void List(string name, IReadOnlyList<string> values) => Items(name, values, static (writer, value) => writer.Text(writer._line, value));

    /// <summary>Writes a list of <see cref="int"/>s; an empty list is left out.</summary>
    public override void List(string name, IReadOnlyList<int> values) => Items(name, values, static (writer, value) => writer._line.Format(value));

    /// <summary>Writes a list of <see cref="long"/>s; an empty list is left out.</summary>
    public override void List(string name, IReadOnlyList<long> values) => Items(name, values, static (writer, value) => writer._line.Format(value));

    /// <summary>Writes a list of <see cref="double"/>s; an empty list is left out.</summary>
    public override void List(string name, IReadOnlyList<double> values) => Items(name, values, static (writer, value) => writer.Value(writer._line, value));

    /// <summary>Writes a list of <see cref="decimal"/>s; an empty list is left out.</summary>
    public override void List(string name, IReadOnlyList<decimal> values) => Items(name, values, static (writer, value) => writer._line.Format(value));

    /// <summary>Writes a list of <see cref="bool"/>s; an empty list is left out.</summary>
    public override void List(string name, IReadOnlyList<bool> values) => Items(name, values, static (writer, value) => writer._line.Append(value ? "true" : "false"));

    /// <summary>Writes a list of dates; an empty list is left out.</summary>
    public override void List(string name, IReadOnlyList<DateOnly> values) => Items(name, values, static (writer, value) => Value(writer._line, value));

    /// <summary>Writes a list of dates and times; an empty list is left out.</summary>
    public override void List(string name, IReadOnlyList<DateTimeOffset> values) => Items(name, values, static (writer, value) => Value(writer._line, value));

    /// <summary>Writes a list of URIs; an empty list is left out.</summary>
    public override void List(string name, IReadOnlyList<Uri> values) => Items(name, values, static (writer, value) => writer.Text(writer._line, value.OriginalString));

    /// <summary>Writes the id of the entity that plays a role of an n-ary relation; null is left out.</summary>
    /// <remarks>A view leaves out a fact whose role player it leaves out, as it leaves out a fact whose end it leaves out.</remarks>
    public override void Role(string name, Entity? player)
    {
        if (player is null)
        {
            return;
        }

        _dropped |= !Holds(player);
        Name(name);
        Text(_line, player.Id);
    }

    /// <summary>Writes the ids of the entities that play a role of an n-ary relation; an empty list is left out.</summary>
    public override void Roles(string name, IReadOnlyList<Entity> players)
    {
        ArgumentNullException.ThrowIfNull(players);
        for (var i = 0; i < players.Count; i++)
        {
            _dropped |= !Holds(players[i]);
        }

        Items(name, players, static (writer, player) => writer.Text(writer._line, player.Id));
    }

    /// <summary>Starts the entities, after the header.</summary>
    internal void StartEntities()
    {
        _file.Append(",\n  \"entities\": {");
        _lines = 0;
    }

    internal void WriteEntity(Entity entity)
    {
        Start(entity);
        entity.WriteValues(this);
        NewLine();
        _file.Append("    ");
        Text(_file, entity.Id);
        _file.Append(": { ");
        _file.Append(_line);
        _file.Append(" }");
    }

    internal void StartRelations()
    {
        _file.Append(_lines == 0 ? "},\n  \"relations\": [" : "\n  },\n  \"relations\": [");
        _lines = 0;
    }

    /// <summary>Writes a relation: <c>[from, type, to]</c> when it has nothing else, else an object; nothing when a view leaves out a role player.</summary>
    internal void WriteRelation(Relation relation)
    {
        Start(relation);
        relation.WriteValues(this);
        Sources(relation.Sources);
        if (relation.ValidFrom is { } validFrom)
        {
            Name("validFrom");
            Value(_line, validFrom);
        }

        if (relation.ValidTo is { } validTo)
        {
            Name("validTo");
            Value(_line, validTo);
        }

        if (_dropped)
        {
            return;
        }

        NewLine();
        if (_line.Length == 0)
        {
            _file.Append("    [");
            Text(_file, relation.From.Id);
            _file.Append(", ");
            Text(_file, relation.TypeName);
            _file.Append(", ");
            Text(_file, relation.To.Id);
            _file.Append("]");
            return;
        }

        _file.Append("    { ");
        Member(_file, "from", relation.From.Id);
        _file.Append(", ");
        Member(_file, "type", relation.TypeName);
        _file.Append(", ");
        Member(_file, "to", relation.To.Id);
        _file.Append(", ");
        _file.Append(_line);
        _file.Append(" }");
    }

    internal void End() => _file.Append(_lines == 0 ? "]\n}\n" : "\n  ]\n}\n");

    /// <summary>Whether enough is buffered to send it to the stream.</summary>
    internal bool IsFull => _file.Length >= FlushSize;

    internal void Flush(Stream stream) => _file.MoveTo(stream);

    internal Task FlushAsync(Stream stream, CancellationToken cancellationToken) => _file.MoveToAsync(stream, cancellationToken);

    private void Start(GraphElement element)
    {
        Element = element;
        _line.Clear();
        _dropped = false;
    }

    private void NewLine() => _file.Append(_lines++ == 0 ? "\n" : ",\n");

    /// <summary>The sources a fact cites; those a view leaves out are not cited, since the file does not hold them.</summary>
    private void Sources(IReadOnlyList<Entity> sources)
    {
        var count = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            count += Holds(sources[i]) ? 1 : 0;
        }

        if (count == 0)
        {
            return;
        }

        Name("source");
        if (count > 1)
        {
            _line.Append("[");
        }

        var first = true;
        for (var i = 0; i < sources.Count; i++)
        {
            if (Holds(sources[i]))
            {
                _line.Append(first ? "" : ", ");
                Text(_line, sources[i].Id);
                first = false;
            }
        }

        if (count > 1)
        {
            _line.Append("]");
        }
    }

    private bool Holds(Entity entity) => _view is null || _view.Holds(entity);

    private void Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_line.Length > 0)
        {
            _line.Append(", ");
        }

        Text(_line, name);
        _line.Append(": ");
    }

    private void Number<T>(string name, T value) where T : IUtf8SpanFormattable
    {
        Name(name);
        _line.Format(value);
    }

    // The item writers are static lambdas, made once: a list costs no allocation.
    private void Items<T>(string name, IReadOnlyList<T> values, Action<KgJsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return;
        }

        Name(name);
        for (var i = 0; i < values.Count; i++)
        {
            _line.Append(i == 0 ? "[" : ", ");
            write(this, values[i]);
        }

        _line.Append("]");
    }

    private void Member(Buffer buffer, string name, string value)
    {
        Text(buffer, name);
        buffer.Append(": ");
        Text(buffer, value);
    }

    private void Value(Buffer buffer, double value)
    {
        if (!double.IsFinite(value))
        {
            throw Unwritable($"the number {value.ToString(CultureInfo.InvariantCulture)}, which JSON cannot hold");
        }

        buffer.Format(value);
    }

    private static void Value(Buffer buffer, DateOnly value) => Date(buffer, value, DatePrecision.Day);

    /// <summary>A date as precise as it is: <c>2025</c>, <c>2025-02</c> or <c>2025-02-12</c>.</summary>
    private static void Value(Buffer buffer, PartialDate value) => Date(buffer, value.Earliest, value.Precision);

    // Digit by digit: a custom format string costs more than the rest of a fact.
    private static void Date(Buffer buffer, DateOnly date, DatePrecision precision)
    {
        buffer.Append("\"");
        buffer.Digits(date.Year, 4);
        if (precision != DatePrecision.Year)
        {
            buffer.Append("-");
            buffer.Digits(date.Month, 2);
        }

        if (precision == DatePrecision.Day)
        {
            buffer.Append("-");
            buffer.Digits(date.Day, 2);
        }

        buffer.Append("\"");
    }

    private static void Value(Buffer buffer, DateTimeOffset value)
    {
        // ISO 8601 as the files write it: seconds always, a fraction only when there is one, and the offset.
        buffer.Append("\"");
        buffer.Format(value, value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz");
        buffer.Append("\"");
    }

    /// <summary>
    /// A JSON string in UTF-8. Quotes, backslashes, control characters, line and paragraph separators and invisible
    /// formatting characters are escaped, so that what the file says is what it shows; every other character is
    /// written as it is.
    /// </summary>
    private void Text(Buffer buffer, string text)
    {
        buffer.Append("\"");
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // Most text is plain ASCII: skip it at once.
            var plain = text.AsSpan(i).IndexOfAnyExcept(s_plainAscii);
            if (plain < 0)
            {
                break;
            }

            i += plain;
            var c = text[i];

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw Unwritable("a string with half of a surrogate pair, which is not Unicode text and no file can hold");
            }

            if (c >= '\x80' && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                continue;
            }

            buffer.Utf8(text.AsSpan(start, i - start));
            buffer.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
            start = i + 1;
        }

        buffer.Utf8(text.AsSpan(start));
        buffer.Append("\"");
    }

    /// <summary>A growable buffer of UTF-8 bytes.</summary>
    private sealed class Buffer(int capacity)
    {
        private byte[] _bytes = new byte[capacity];

        public int Length { get; private set; }

        public void Clear() => Length = 0;

        public void Append(string ascii)
        {
            Reserve(ascii.Length);
            for (var i = 0; i < ascii.Length; i++)
            {
                _bytes[Length + i] = (byte)ascii[i];
            }

            Length += ascii.Length;
        }

        public void Append(Buffer other)
        {
            Reserve(other.Length);
            other._bytes.AsSpan(0, other.Length).CopyTo(_bytes.AsSpan(Length));
            Length += other.Length;
        }

        public void Utf8(ReadOnlySpan<char> text)
        {
            Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
            Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
        }

        public void Format<T>(T value, string? format = null) where T : IUtf8SpanFormattable
        {
            int written;
            while (!value.TryFormat(_bytes.AsSpan(Length), out written, format, CultureInfo.InvariantCulture))
            {
                Reserve(_bytes.Length - Length + 64);
            }

            Length += written;
        }

        /// <summary>A number of 0 or more as exactly <paramref name="count"/> digits.</summary>
        public void Digits(int value, int count)
        {
            Reserve(count);
            for (var i = count - 1; i >= 0; i--)
            {
                _bytes[Length + i] = (byte)('0' + (value % 10));
                value /= 10;
            }

            Length += count;
        }

        public void MoveTo(Stream stream)
        {
            stream.Write(_bytes, 0, Length);
            Length = 0;
        }

        public async Task MoveToAsync(Stream stream, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, Length), cancellationToken).ConfigureAwait(false);
            Length = 0;
        }

        private void Reserve(int count)
        {
            if (Length + count > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
            }
        }
    }
}
