using System;
using System.Collections.Generic;
using System.Globalization;

namespace KnowledgeGraph;

/// <summary>
/// The values of one entity or relation as its generated class hands them over, each as its text in the invariant
/// forms XML Schema defines (<c>2025-02-12</c>, <c>1.5E+20</c>, <c>INF</c>, <c>true</c>): what every exporter writes.
/// </summary>
/// <remarks>
/// One instance is reused for every element of an export. A list's items follow each other under the list's name;
/// an enum value is its name in the files.
/// </remarks>
internal sealed class ElementValues : FactWriter
{
    private readonly List<(string Name, string Text)> _values = [];
    private readonly List<(string Role, Entity Player)> _roles = [];
    private readonly string _target;

    /// <param name="target">What the export writes, for messages: "a GraphML file".</param>
    public ElementValues(string target) => _target = target;

    /// <summary>The entity's type, as its files name it; empty for a relation (<see cref="Relation.TypeName"/>).</summary>
    public string TypeName { get; private set; } = "";

    /// <summary>The values in the order the class wrote them, lists item by item.</summary>
    public IReadOnlyList<(string Name, string Text)> Values => _values;

    /// <summary>The role players of an n-ary relation, a list role item by item.</summary>
    public IReadOnlyList<(string Role, Entity Player)> Players => _roles;

    private protected override string Target => _target;

    /// <summary>Reads the values of <paramref name="element"/>, replacing those read before.</summary>
    public ElementValues Of(GraphElement element)
    {
        Element = element;
        TypeName = "";
        _values.Clear();
        _roles.Clear();
        switch (element)
        {
            case Entity entity:
                entity.WriteValues(this);
                break;
            case Relation relation:
                relation.WriteValues(this);
                break;
        }

        return this;
    }

    /// <summary>The texts of the property <paramref name="name"/>: none when absent, one for a value, each item of a list.</summary>
    public IEnumerable<string> Texts(string name)
    {
        foreach (var (valueName, text) in _values)
        {
            if (valueName == name)
            {
                yield return text;
            }
        }
    }

    /// <summary>The single text of the property <paramref name="name"/>, or null when absent.</summary>
    public string? Text(string name)
    {
        foreach (var (valueName, text) in _values)
        {
            if (valueName == name)
            {
                return text;
            }
        }

        return null;
    }

    public override void Type(string name) => TypeName = name;

    public override void String(string name, string? value)
    {
        if (value is not null)
        {
            _values.Add((name, value));
        }
    }

    public override void Int32(string name, int value) => _values.Add((name, value.ToString(CultureInfo.InvariantCulture)));

    public override void Int64(string name, long value) => _values.Add((name, value.ToString(CultureInfo.InvariantCulture)));

    public override void Double(string name, double value) => _values.Add((name, Lexical(value)));

    public override void Decimal(string name, decimal value) => _values.Add((name, value.ToString(CultureInfo.InvariantCulture)));

    public override void Boolean(string name, bool value) => _values.Add((name, value ? "true" : "false"));

    public override void Date(string name, DateOnly value) => _values.Add((name, Lexical(value)));

    public override void DateTime(string name, DateTimeOffset value) => _values.Add((name, Lexical(value)));

    public override void Uri(string name, Uri? value)
    {
        if (value is not null)
        {
            _values.Add((name, value.OriginalString));
        }
    }

    public override void List(string name, IReadOnlyList<string> values) => Items(name, values, static value => value);

    public override void List(string name, IReadOnlyList<int> values) => Items(name, values, static value => value.ToString(CultureInfo.InvariantCulture));

    public override void List(string name, IReadOnlyList<long> values) => Items(name, values, static value => value.ToString(CultureInfo.InvariantCulture));

    public override void List(string name, IReadOnlyList<double> values) => Items(name, values, Lexical);

    public override void List(string name, IReadOnlyList<decimal> values) => Items(name, values, static value => value.ToString(CultureInfo.InvariantCulture));

    public override void List(string name, IReadOnlyList<bool> values) => Items(name, values, static value => value ? "true" : "false");

    public override void List(string name, IReadOnlyList<DateOnly> values) => Items(name, values, Lexical);

    public override void List(string name, IReadOnlyList<DateTimeOffset> values) => Items(name, values, Lexical);

    public override void List(string name, IReadOnlyList<Uri> values) => Items(name, values, static value => value.OriginalString);

    public override void Role(string name, Entity? player)
    {
        if (player is not null)
        {
            _roles.Add((name, player));
        }
    }

    public override void Roles(string name, IReadOnlyList<Entity> players)
    {
        ArgumentNullException.ThrowIfNull(players);
        foreach (var player in players)
        {
            _roles.Add((name, player));
        }
    }

    /// <summary>A double as XML Schema writes it: the shortest text that reads back to it, <c>INF</c>, <c>-INF</c> or <c>NaN</c>.</summary>
    public static string Lexical(double value) => value switch
    {
        double.PositiveInfinity => "INF",
        double.NegativeInfinity => "-INF",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string Lexical(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 as the files write it: seconds always, a fraction only when there is one, and the offset.</summary>
    public static string Lexical(DateTimeOffset value) => value.ToString(
        value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        CultureInfo.InvariantCulture);

    /// <summary>A date as precise as it is: <c>2025</c>, <c>2025-02</c> or <c>2025-02-12</c>.</summary>
    public static string Lexical(PartialDate value) => value.Precision switch
    {
        DatePrecision.Year => value.Earliest.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => value.Earliest.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Lexical(value.Earliest),
    };

    private void Items<T>(string name, IReadOnlyList<T> values, Func<T, string> text)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            _values.Add((name, text(value)));
        }
    }
}
