using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph;

/// <summary>
/// What generated entity and relation classes hand their values to, by their names in the files and in the order
/// their rows are read (<see cref="FactReader"/>): saving writes them as <c>.kg.json</c>, exporting in its format.
/// </summary>
/// <remarks>An absent value (null, or an empty list) is left out, as a file may leave it out.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class FactWriter
{
    private protected FactWriter()
    {
    }

    /// <summary>The entity or relation whose values are being written, for messages.</summary>
    private protected GraphElement? Element { get; set; }

    /// <summary>Writes an entity's type, the first of its values.</summary>
    public abstract void Type(string name);

    /// <summary>Writes a string; null is left out.</summary>
    public abstract void String(string name, string? value);

    /// <summary>Writes an <see cref="int"/>.</summary>
    public abstract void Int32(string name, int value);

    /// <summary>Writes an <see cref="int"/>; null is left out.</summary>
    public void Int32(string name, int? value)
    {
        if (value is { } number)
        {
            Int32(name, number);
        }
    }

    /// <summary>Writes a <see cref="long"/>.</summary>
    public abstract void Int64(string name, long value);

    /// <summary>Writes a <see cref="long"/>; null is left out.</summary>
    public void Int64(string name, long? value)
    {
        if (value is { } number)
        {
            Int64(name, number);
        }
    }

    /// <summary>Writes a <see cref="double"/>.</summary>
    public abstract void Double(string name, double value);

    /// <summary>Writes a <see cref="double"/>; null is left out.</summary>
    public void Double(string name, double? value)
    {
        if (value is { } number)
        {
            Double(name, number);
        }
    }

    /// <summary>Writes a <see cref="decimal"/>, with the digits it holds (<c>1.50</c> stays <c>1.50</c>).</summary>
    public abstract void Decimal(string name, decimal value);

    /// <summary>Writes a <see cref="decimal"/>; null is left out.</summary>
    public void Decimal(string name, decimal? value)
    {
        if (value is { } number)
        {
            Decimal(name, number);
        }
    }

    /// <summary>Writes a <see cref="bool"/>.</summary>
    public abstract void Boolean(string name, bool value);

    /// <summary>Writes a <see cref="bool"/>; null is left out.</summary>
    public void Boolean(string name, bool? value)
    {
        if (value is { } flag)
        {
            Boolean(name, flag);
        }
    }

    /// <summary>Writes a date.</summary>
    public abstract void Date(string name, DateOnly value);

    /// <summary>Writes a date; null is left out.</summary>
    public void Date(string name, DateOnly? value)
    {
        if (value is { } date)
        {
            Date(name, date);
        }
    }

    /// <summary>Writes a date and time with its offset.</summary>
    public abstract void DateTime(string name, DateTimeOffset value);

    /// <summary>Writes a date and time with its offset; null is left out.</summary>
    public void DateTime(string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            DateTime(name, time);
        }
    }

    /// <summary>Writes a URI as it was given; null is left out.</summary>
    public abstract void Uri(string name, Uri? value);

    /// <summary>Writes a value of a generated enum by its name in the files.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="names">The enum's names in the files, in the order of its members (the generator numbers them from 0).</param>
    /// <exception cref="InvalidOperationException">The enum does not declare the value (possible only in code).</exception>
    public void Enum<TEnum>(string name, TEnum value, string[] names) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(names);
        String(name, NameOf(value, names));
    }

    /// <summary>Writes a value of a generated enum by its name in the files; null is left out.</summary>
    public void Enum<TEnum>(string name, TEnum? value, string[] names) where TEnum : struct, Enum
    {
        if (value is { } member)
        {
            Enum(name, member, names);
        }
    }

    /// <summary>Writes a list of strings; an empty list is left out.</summary>
    public abstract void List(string name, IReadOnlyList<string> values);

    /// <summary>Writes a list of <see cref="int"/>s; an empty list is left out.</summary>
    public abstract void List(string name, IReadOnlyList<int> values);

    /// <summary>Writes a list of <see cref="long"/>s; an empty list is left out.</summary>
    public abstract void List(string name, IReadOnlyList<long> values);

    /// <summary>Writes a list of <see cref="double"/>s; an empty list is left out.</summary>
    public abstract void List(string name, IReadOnlyList<double> values);

    /// <summary>Writes a list of <see cref="decimal"/>s; an empty list is left out.</summary>
    public abstract void List(string name, IReadOnlyList<decimal> values);

    /// <summary>Writes a list of <see cref="bool"/>s; an empty list is left out.</summary>
    public abstract void List(string name, IReadOnlyList<bool> values);

    /// <summary>Writes a list of dates; an empty list is left out.</summary>
    public abstract void List(string name, IReadOnlyList<DateOnly> values);

    /// <summary>Writes a list of dates and times; an empty list is left out.</summary>
    public abstract void List(string name, IReadOnlyList<DateTimeOffset> values);

    /// <summary>Writes a list of URIs; an empty list is left out.</summary>
    public abstract void List(string name, IReadOnlyList<Uri> values);

    /// <summary>Writes a list of values of a generated enum by their names in the files; an empty list is left out.</summary>
    /// <exception cref="InvalidOperationException">The enum does not declare a value (possible only in code).</exception>
    public void List<TEnum>(string name, IReadOnlyList<TEnum> values, string[] names) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(names);
        var written = new string[values.Count];
        for (var i = 0; i < written.Length; i++)
        {
            written[i] = NameOf(values[i], names);
        }

        List(name, written);
    }

    /// <summary>Writes the entity that plays a role of an n-ary relation; null is left out.</summary>
    public abstract void Role(string name, Entity? player);

    /// <summary>Writes the entities that play a role of an n-ary relation; an empty list is left out.</summary>
    public abstract void Roles(string name, IReadOnlyList<Entity> players);

    /// <summary>What is being written, for messages: "a .kg.json file", "a GraphML file", ….</summary>
    private protected abstract string Target { get; }

    /// <summary>An exception saying that the element being written holds <paramref name="what"/>, which the target cannot hold.</summary>
    private protected InvalidOperationException Unwritable(string what) => new(
        $"The {(Element is Entity entity ? $"entity '{entity.Id}'" : $"relation '{Element}'")} holds {what}: {Target} cannot hold it.");

    private string NameOf<TEnum>(TEnum value, string[] names) where TEnum : struct, Enum
    {
        // Generated enums are ints numbered from 0 in the order of their names.
        var index = Unsafe.SizeOf<TEnum>() == sizeof(int) ? Unsafe.As<TEnum, int>(ref value) : -1;
        return (uint)index < (uint)names.Length
            ? names[index]
            : throw Unwritable($"the {typeof(TEnum).Name} value {value}, which its enum does not declare");
    }
}
