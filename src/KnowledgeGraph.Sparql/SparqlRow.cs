using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using KnowledgeGraph.Language.Naming;
using KnowledgeGraph.Language.Rdf;

namespace KnowledgeGraph.Sparql;

/// <summary>
/// One row of SPARQL SELECT results: the terms bound to its variables (a variable may be left unbound), read as they
/// are or as typed values: literals in their XML Schema forms, enum values and entities by their IRIs in a graph's RDF
/// mapping.
/// </summary>
public sealed class SparqlRow
{
    private readonly Dictionary<string, SparqlTerm> _terms;

    internal SparqlRow(Dictionary<string, SparqlTerm> terms) => _terms = terms;

    /// <summary>The variables this row binds, without <c>?</c>.</summary>
    public IEnumerable<string> Variables => _terms.Keys;

    /// <summary>The term bound to <paramref name="variable"/> (without <c>?</c>).</summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    public SparqlTerm this[string variable] => _terms.TryGetValue(variable, out var term)
        ? term
        : throw new KeyNotFoundException($"The row binds no '{variable}'; it binds {(_terms.Count == 0 ? "nothing" : string.Join(", ", _terms.Keys.Select(v => $"'{v}'")))}.");

    /// <summary>Whether the row binds <paramref name="variable"/>.</summary>
    public bool IsBound(string variable) => _terms.ContainsKey(variable);

    /// <summary>The term bound to <paramref name="variable"/>, or false when the row leaves it unbound.</summary>
    public bool TryGetTerm(string variable, out SparqlTerm term) => _terms.TryGetValue(variable, out term!);

    /// <summary>The lexical form of a literal, or the IRI of an IRI.</summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    public string GetString(string variable) => this[variable].Value;

    /// <summary>An integer literal (<c>xsd:integer</c>, <c>xsd:int</c>, …) that fits an <see cref="int"/>.</summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    /// <exception cref="FormatException">The term is not such a literal.</exception>
    public int GetInt32(string variable) => Literal(variable, "an int", (string text, out int value) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value));

    /// <summary>An integer literal that fits a <see cref="long"/>.</summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    /// <exception cref="FormatException">The term is not such a literal.</exception>
    public long GetInt64(string variable) => Literal(variable, "a long", (string text, out long value) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value));

    /// <summary>A decimal or integer literal (<c>1.50</c>), all its digits kept.</summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    /// <exception cref="FormatException">The term is not such a literal.</exception>
    public decimal GetDecimal(string variable) => Literal(variable, "a decimal", (string text, out decimal value) => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value));

    /// <summary>A number literal as a <see cref="double"/>: <c>1.5E+20</c>, <c>INF</c>, <c>-INF</c>, <c>NaN</c>, a decimal, an integer.</summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    /// <exception cref="FormatException">The term is not such a literal.</exception>
    public double GetDouble(string variable) => Literal(variable, "a double", (string text, out double value) =>
    {
        value = text switch { "INF" or "+INF" => double.PositiveInfinity, "-INF" => double.NegativeInfinity, "NaN" => double.NaN, _ => 0 };
        return value != 0 || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    });

    /// <summary>A boolean literal: <c>true</c>, <c>false</c>, <c>1</c> or <c>0</c>.</summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    /// <exception cref="FormatException">The term is not such a literal.</exception>
    public bool GetBoolean(string variable) => Literal(variable, "a bool", (string text, out bool value) =>
    {
        value = text is "true" or "1";
        return text is "true" or "false" or "1" or "0";
    });

    /// <summary>An <c>xsd:date</c> literal (<c>2025-02-12</c>); a time zone after it is ignored.</summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    /// <exception cref="FormatException">The term is not such a literal.</exception>
    public DateOnly GetDate(string variable) => Literal(variable, "a date", (string text, out DateOnly value) =>
    {
        var zone = text.Length > 10 ? text[10..] : "";
        value = default;
        return (zone.Length == 0 || zone == "Z" || (zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':'))
            && DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    });

    /// <summary>An <c>xsd:dateTime</c> literal; with a time zone, in universal time.</summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    /// <exception cref="FormatException">The term is not such a literal.</exception>
    public DateTime GetDateTime(string variable) => Literal(variable, "a dateTime", (string text, out DateTime value) =>
    {
        try
        {
            value = XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.RoundtripKind);
            return true;
        }
        catch (FormatException)
        {
            value = default;
            return false;
        }
    });

    /// <summary>An IRI, or an <c>xsd:anyURI</c> literal, as an absolute <see cref="System.Uri"/>.</summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    /// <exception cref="FormatException">The term is neither, or not an absolute URI.</exception>
    public Uri GetUri(string variable)
    {
        var term = this[variable];
        return term.Kind != SparqlTermKind.BlankNode && Uri.TryCreate(term.Value, UriKind.Absolute, out var uri)
            ? uri
            : throw Unreadable(variable, term, "an absolute URI");
    }

    /// <summary>
    /// A value of a generated enum, by its IRI in the RDF mapping (<c>{base}schema/Manner/stated</c>): the last
    /// segment is the value's name in the files.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    /// <exception cref="FormatException">The term is not the IRI of a value of <typeparamref name="TEnum"/>.</exception>
    public TEnum GetEnum<TEnum>(string variable)
        where TEnum : struct, Enum
    {
        var term = this[variable];
        var slash = term.Value.LastIndexOf('/');
        if (term.Kind == SparqlTermKind.Iri && slash >= 0)
        {
            var name = Uri.UnescapeDataString(term.Value[(slash + 1)..]);
            if (RdfNames.Segment(name) == term.Value[(slash + 1)..]
                && Enum.TryParse<TEnum>(Identifiers.ToPascalCase(name).TrimStart('@'), ignoreCase: false, out var value)
                && Enum.IsDefined(value))
            {
                return value;
            }
        }

        throw Unreadable(variable, term, $"the IRI of a {typeof(TEnum).Name} value");
    }

    /// <summary>
    /// The entity of <paramref name="graph"/> whose IRI in the graph's RDF mapping (its base IRI, then its id) is bound
    /// to <paramref name="variable"/>, or null when the graph holds no such <typeparamref name="TEntity"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The row leaves <paramref name="variable"/> unbound.</exception>
    /// <exception cref="FormatException">The term is not an IRI.</exception>
    /// <exception cref="NotSupportedException">The graph was made without the schema of its files.</exception>
    public TEntity? Entity<TEntity>(string variable, GraphView graph)
        where TEntity : KnowledgeGraph.Entity
    {
        ArgumentNullException.ThrowIfNull(graph);
        var term = this[variable];
        if (term.Kind != SparqlTermKind.Iri)
        {
            throw Unreadable(variable, term, "the IRI of an entity");
        }

        var baseIri = graph.Root.Schema.BaseIri;
        if (!term.Value.StartsWith(baseIri, StringComparison.Ordinal))
        {
            return null;
        }

        // A segment percent-encodes every '%', so decoding gives the id back; the mapping's own rule confirms it.
        var id = Uri.UnescapeDataString(term.Value[baseIri.Length..]);
        return graph.FindEntity(id) is TEntity entity && RdfNames.Entity(baseIri, id) == term.Value ? entity : null;
    }

    private delegate bool Parser<T>(string text, out T value);

    private T Literal<T>(string variable, string what, Parser<T> parse)
    {
        var term = this[variable];
        return term.Kind == SparqlTermKind.Literal && parse(term.Value, out var value) ? value : throw Unreadable(variable, term, what);
    }

    private static FormatException Unreadable(string variable, SparqlTerm term, string what) =>
        new($"'{variable}' is bound to {term}, which is not {what}.");
}
