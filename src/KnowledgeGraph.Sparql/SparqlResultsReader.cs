using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace KnowledgeGraph.Sparql;

/// <summary>
/// Reads SPARQL 1.1 Query Results JSON from a stream as it arrives, a buffer at a time, with <see cref="Utf8JsonReader"/>:
/// rows are handed out as their objects end, so memory holds a buffer and a few rows, never the whole answer.
/// </summary>
/// <remarks>
/// A token-by-token state machine, since a token may be cut by the end of a buffer: the reader stops before it and
/// the next read starts there. Members other than <c>head</c>'s <c>vars</c> and <c>results</c>' <c>bindings</c>
/// (<c>link</c>, <c>distinct</c>, <c>ordered</c>) are skipped; <c>typed-literal</c>, which Virtuoso still writes for a
/// literal with a datatype (SPARQL JSON results of 2008), is read as a literal.
/// </remarks>
internal sealed class SparqlResultsReader
{
    private const int BufferSize = 16 * 1024;

    private State _state = State.Start;
    private State _afterSkip;
    private int _skipDepth;
    private Dictionary<string, SparqlTerm>? _row;
    private string? _variable;
    private string? _key;
    private string? _type;
    private string? _value;
    private string? _datatype;
    private string? _language;

    private enum State
    {
        Start,
        Top,
        Head,
        HeadMembers,
        Vars,
        VarNames,
        Results,
        ResultsMembers,
        Bindings,
        Rows,
        Row,
        Term,
        TermMembers,
        TermValue,
        Skip,
        End,
    }

    /// <summary>The rows of the results in <paramref name="stream"/>, as they are read.</summary>
    /// <exception cref="FormatException">The stream does not hold SPARQL JSON results.</exception>
    public static async IAsyncEnumerable<SparqlRow> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var results = new SparqlResultsReader();
        var rows = new List<SparqlRow>();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var state = new JsonReaderState();
            var length = 0;
            var final = false;
            while (!final)
            {
                if (length == buffer.Length)
                {
                    // One token longer than the buffer (a long literal): a buffer twice as large.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                length += read;
                final = read == 0;
                var consumed = results.Read(buffer.AsSpan(0, length), final, ref state, rows);
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                foreach (var row in rows)
                {
                    yield return row;
                }

                rows.Clear();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the whole tokens of <paramref name="data"/>, adding each row that ends; returns the bytes read.</summary>
    private int Read(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, List<SparqlRow> rows)
    {
        var reader = new Utf8JsonReader(data, final, state);
        try
        {
            while (reader.Read())
            {
                Token(ref reader, rows);
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"The results are not JSON: {e.Message}", e);
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private void Token(ref Utf8JsonReader reader, List<SparqlRow> rows)
    {
        var token = reader.TokenType;
        switch (_state)
        {
            case State.Start:
                Expect(token, JsonTokenType.StartObject, "the results' object");
                _state = State.Top;
                return;
            case State.Top when token == JsonTokenType.PropertyName:
                _state = reader.ValueTextEquals("head"u8) ? State.Head : reader.ValueTextEquals("results"u8) ? State.Results : SkipThen(State.Top);
                return;
            case State.Top:
                Expect(token, JsonTokenType.EndObject, "a member of the results' object");
                _state = State.End;
                return;
            case State.Head:
                Expect(token, JsonTokenType.StartObject, "'head' as an object");
                _state = State.HeadMembers;
                return;
            case State.HeadMembers when token == JsonTokenType.PropertyName:
                _state = reader.ValueTextEquals("vars"u8) ? State.Vars : SkipThen(State.HeadMembers);
                return;
            case State.HeadMembers:
                Expect(token, JsonTokenType.EndObject, "a member of 'head'");
                _state = State.Top;
                return;
            case State.Vars:
                Expect(token, JsonTokenType.StartArray, "'vars' as an array");
                _state = State.VarNames;
                return;
            case State.VarNames when token == JsonTokenType.String:
                return;
            case State.VarNames:
                Expect(token, JsonTokenType.EndArray, "a variable's name");
                _state = State.HeadMembers;
                return;
            case State.Results:
                Expect(token, JsonTokenType.StartObject, "'results' as an object");
                _state = State.ResultsMembers;
                return;
            case State.ResultsMembers when token == JsonTokenType.PropertyName:
                _state = reader.ValueTextEquals("bindings"u8) ? State.Bindings : SkipThen(State.ResultsMembers);
                return;
            case State.ResultsMembers:
                Expect(token, JsonTokenType.EndObject, "a member of 'results'");
                _state = State.Top;
                return;
            case State.Bindings:
                Expect(token, JsonTokenType.StartArray, "'bindings' as an array");
                _state = State.Rows;
                return;
            case State.Rows when token == JsonTokenType.StartObject:
                _row = new Dictionary<string, SparqlTerm>(StringComparer.Ordinal);
                _state = State.Row;
                return;
            case State.Rows:
                Expect(token, JsonTokenType.EndArray, "a row's object");
                _state = State.ResultsMembers;
                return;
            case State.Row when token == JsonTokenType.PropertyName:
                _variable = reader.GetString();
                _state = State.Term;
                return;
            case State.Row:
                Expect(token, JsonTokenType.EndObject, "a variable of a row");
                rows.Add(new SparqlRow(_row!));
                _row = null;
                _state = State.Rows;
                return;
            case State.Term:
                Expect(token, JsonTokenType.StartObject, $"the term of '{_variable}' as an object");
                _type = _value = _datatype = _language = null;
                _state = State.TermMembers;
                return;
            case State.TermMembers when token == JsonTokenType.PropertyName:
                _key = reader.GetString();
                _state = State.TermValue;
                return;
            case State.TermMembers:
                Expect(token, JsonTokenType.EndObject, $"a member of the term of '{_variable}'");
                _row![_variable!] = NewTerm();
                _state = State.Row;
                return;
            case State.TermValue when token == JsonTokenType.String:
                var text = reader.GetString();
                switch (_key)
                {
                    case "type":
                        _type = text;
                        break;
                    case "value":
                        _value = text;
                        break;
                    case "datatype":
                        _datatype = text;
                        break;
                    case "xml:lang":
                        _language = text;
                        break;
                }

                _state = State.TermMembers;
                return;
            case State.TermValue:
                _state = State.TermMembers;
                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    _skipDepth = 1;
                    _afterSkip = State.TermMembers;
                    _state = State.Skip;
                }

                return;
            case State.Skip:
                // The value after a member's name: a scalar, or everything up to the end of its object or array.
                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    _skipDepth++;
                }
                else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    _skipDepth--;
                }

                if (_skipDepth == 0)
                {
                    _state = _afterSkip;
                }

                return;
            case State.End:
                throw new FormatException("The results go on after their JSON object ends.");
        }
    }

    private State SkipThen(State next)
    {
        _skipDepth = 0;
        _afterSkip = next;
        return State.Skip;
    }

    private SparqlTerm NewTerm()
    {
        if (_value is null)
        {
            throw new FormatException($"The term of '{_variable}' has no 'value'.");
        }

        return _type switch
        {
            "uri" => new SparqlTerm(SparqlTermKind.Iri, _value),
            "literal" or "typed-literal" => new SparqlTerm(SparqlTermKind.Literal, _value, _language is null ? _datatype : null, _language),
            "bnode" => new SparqlTerm(SparqlTermKind.BlankNode, _value),
            null => throw new FormatException($"The term of '{_variable}' has no 'type'."),
            _ => throw new FormatException($"The term of '{_variable}' is of type '{_type}', which SPARQL results do not have."),
        };
    }

    private static void Expect(JsonTokenType token, JsonTokenType expected, string what)
    {
        if (token != expected)
        {
            throw new FormatException($"Expected {what}, found {Describe(token)}.");
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a member's name",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
