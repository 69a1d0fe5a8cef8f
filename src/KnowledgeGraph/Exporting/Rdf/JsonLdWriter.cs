using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KnowledgeGraph;

/// <summary>
/// JSON-LD: a generated <c>@context</c> (the prefixes, and a term for each name of the schema that is unambiguous),
/// then <c>@graph</c>, a node object per subject as it comes (a reader merges the objects of one <c>@id</c>). Every
/// IRI is written compact (<c>g:trump</c>, <c>kg:Person</c>), never whole, so that no term can be taken for the
/// scheme of an IRI; a literal keeps its lexical text and datatype (<c>{"@value": "2025-02-12", "@type": "xsd:date"}</c>).
/// </summary>
internal sealed partial class JsonLdWriter(Stream output, string baseIri) : RdfWriter(baseIri)
{
    // Sent on to the stream whenever this much is pending: the writer itself would keep everything until the end.
    private const int FlushAt = 64 * 1024;

    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions
    {
        Indented = true,
        Encoder = ExportText.JsonEncoder,
    });

    private readonly Dictionary<string, string> _terms = new(StringComparer.Ordinal);

    // The keys made so far, by namespace and by the mapping's own string for the name (predicates and classes are few).
    private readonly Dictionary<string, string>[] _keys = [.. Enumerable.Range(0, (int)RdfSpace.Fact + 1).Select(_ => new Dictionary<string, string>(ReferenceEqualityComparer.Instance))];
    private char[] _scratch = new char[256];
    private RdfTerm _predicate;
    private RdfTerm _pending;
    private bool _hasPending;
    private bool _inArray;

    public override void Begin(RdfVocabulary terms)
    {
        _json.WriteStartObject();
        _json.WriteStartObject("@context");
        foreach (var (prefix, iri) in Spaces)
        {
            _json.WriteString(prefix, iri);
        }

        // A term must mean one IRI, and must not read as a prefix, nor as the scheme of an IRI in the context.
        var taken = new HashSet<string>(Spaces.ToArray().Select(space => space.Prefix), StringComparer.Ordinal) { "http", "https" };
        taken.Add(IriOf(RdfSpace.Graph)[..IriOf(RdfSpace.Graph).IndexOf(':')]);
        foreach (var group in terms.Terms.GroupBy(term => term.Name, StringComparer.Ordinal))
        {
            if (group.Count() == 1 && SimpleTerm().IsMatch(group.Key) && !taken.Contains(group.Key))
            {
                var local = group.First().Local;
                _terms.Add(local, group.Key);
                _json.WriteString(group.Key, Compact(RdfSpace.Schema, local));
            }
        }

        _json.WriteEndObject();
        _json.WriteStartArray("@graph");
    }

    public override void Subject(RdfTerm subject)
    {
        _json.WriteStartObject();
        _json.WritePropertyName("@id");
        _json.WriteStringValue(Compact(subject.Space, subject.Text));
        _hasPending = false;
        _inArray = false;
    }

    public override void Triple(RdfTerm predicate, RdfTerm value)
    {
        // One key a predicate: a second value of it turns the first into an array.
        if (_hasPending && predicate == _predicate)
        {
            if (!_inArray)
            {
                _json.WriteStartArray();
                WriteValue(_predicate, _pending);
                _inArray = true;
            }

            WriteValue(predicate, value);
            return;
        }

        Close();
        _json.WritePropertyName(IsType(predicate) ? "@type" : Key(predicate));
        _predicate = predicate;
        _pending = value;
        _hasPending = true;
    }

    public override void EndSubject()
    {
        Close();
        _json.WriteEndObject();
        if (_json.BytesPending > FlushAt)
        {
            _json.Flush();
        }
    }

    public override void End()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _json.Dispose();
        output.Write("\n"u8);
    }

    /// <summary>Writes the value of the key last written, unless it became an array (then it is in it).</summary>
    private void Close()
    {
        if (_inArray)
        {
            _json.WriteEndArray();
        }
        else if (_hasPending)
        {
            WriteValue(_predicate, _pending);
        }

        _hasPending = false;
        _inArray = false;
    }

    private void WriteValue(RdfTerm predicate, RdfTerm value)
    {
        if (IsType(predicate))
        {
            _json.WriteStringValue(Key(value));
        }
        else if (!value.IsLiteral)
        {
            _json.WriteStartObject();
            _json.WritePropertyName("@id");
            _json.WriteStringValue(Compact(value.Space, value.Text));
            _json.WriteEndObject();
        }
        else if (value.Datatype is null)
        {
            _json.WriteStringValue(value.Text);
        }
        else
        {
            _json.WriteStartObject();
            _json.WriteString("@value", value.Text);
            _json.WritePropertyName("@type");
            _json.WriteStringValue(Compact(RdfSpace.Xsd, value.Datatype));
            _json.WriteEndObject();
        }
    }

    private static bool IsType(RdfTerm predicate) => predicate.Space == RdfSpace.Rdf && predicate.Text == "type";

    /// <summary>A predicate or class: its term when it has one, else its compact IRI; made once for each.</summary>
    private string Key(RdfTerm term)
    {
        var keys = _keys[(int)term.Space];
        if (!keys.TryGetValue(term.Text, out var key))
        {
            key = term.Space == RdfSpace.Schema && _terms.TryGetValue(term.Text, out var name) ? name : Compact(term.Space, term.Text).ToString();
            keys.Add(term.Text, key);
        }

        return key;
    }

    /// <summary><c>prefix:name</c>, in a buffer reused for every IRI.</summary>
    private ReadOnlySpan<char> Compact(RdfSpace space, string local)
    {
        var prefix = PrefixOf(space);
        var length = prefix.Length + 1 + local.Length;
        if (_scratch.Length < length)
        {
            _scratch = new char[Math.Max(length, _scratch.Length * 2)];
        }

        prefix.CopyTo(_scratch);
        _scratch[prefix.Length] = ':';
        local.CopyTo(_scratch.AsSpan(prefix.Length + 1));
        return _scratch.AsSpan(0, length);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex SimpleTerm();
}
