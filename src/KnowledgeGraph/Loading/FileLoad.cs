using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;
using KnowledgeGraph.Language.Parsing;
using KnowledgeGraph.Language.Validation;

namespace KnowledgeGraph;

/// <summary>
/// One load of <c>.kg.json</c> files (or of the triples of a graph's RDF mapping) at run time: each file is parsed as it
/// streams and each entity and fact handed to the generator's own checker as it is read; when every file is read, what
/// passed becomes rows for the generated readers, unless anything failed, in which case nothing does.
/// </summary>
internal sealed class FileLoad
{
    // Enough for most facts many times over; a longer one grows the buffer.
    private const int BlockSize = 64 * 1024;

    // A table of rows: under the large object heap's threshold (85,000 bytes).
    private const int TableSize = 64 * 1024;

    private readonly CompiledSchema _schema;
    private readonly CancellationToken _cancellationToken;
    private readonly Reporter _reporter = new([]);
    private readonly FactChecker _checker;
    private readonly List<DiagnosticInfo> _parsing = [];
    private readonly Dictionary<string, int> _fileOrder = new(StringComparer.Ordinal);

    // One pool for every file of the load: an id made once serves every file that names it, and the pool's table grows
    // once rather than in each file.
    private readonly StringPool _strings = new(fileLength: 0);

    // What a place in text of another syntax than the files' is, by the text's name: its diagnostics quote it.
    private readonly Dictionary<string, Func<LocationInfo, string>> _places = new(StringComparer.Ordinal);

    public FileLoad(CompiledSchema schema, CancellationToken cancellationToken)
    {
        _schema = schema;
        _cancellationToken = cancellationToken;
        _checker = new FactChecker(schema.Schema, _reporter, members: null, cancellationToken);
    }

    // What a graph being extended held (EndOfBasis): its entities and facts are checked against, not loaded again.
    private int _basisEntities;
    private int[] _basisSources = [];
    private string? _basisPath;
    private string? _lastPath;

    public void Read(string name, Stream stream)
    {
        _fileOrder.TryAdd(name, _fileOrder.Count);
        _lastPath = name;
        var source = JsonSource.FromStream(name, stream, BlockSize, _strings, _cancellationToken);
        var file = FileParser.Parse(source, name, _checker, _cancellationToken);
        _parsing.AddRange(file.Diagnostics);
        if (file.Graph is { } graph && graph.Value != _schema.GraphName)
        {
            _reporter.Report(Descriptors.OtherGraph, graph.Location, graph.Value, _schema.GraphName);
        }

        // A namespace the project's files leave out is the project's; a loaded file may not give one then either.
        if (file.Namespace is { } ns && ns.Value != _schema.DeclaredNamespace)
        {
            _reporter.Report(Descriptors.ConflictingNamespace, ns.Location, _schema.GraphName, _schema.DeclaredNamespace ?? _schema.ClassNamespace, ns.Value);
        }

        // The RDF mapping's IRIs are part of the schema: a file may repeat the compiled base IRI, not change it.
        if (file.BaseIri is { } iri && iri.Value != _schema.BaseIri)
        {
            _reporter.Report(Descriptors.ConflictingBaseIri, iri.Location, _schema.GraphName, _schema.BaseIri, iri.Value);
        }

        _schema.Compare(file, _reporter);
    }

    /// <summary>
    /// Reads the triples of a graph's RDF mapping, checked as the entities and facts of a file are, their diagnostics at
    /// the triple (its line in the text) and quoting it.
    /// </summary>
    /// <exception cref="FormatException">The text of the triples is not N-Triples.</exception>
    public void Read(string name, TripleReader triples)
    {
        _fileOrder.TryAdd(name, _fileOrder.Count);
        _lastPath = name;
        _places[name] = triples.Quote;
        triples.Declare(_checker, _reporter);
    }

    /// <summary>
    /// Marks what was read so far as the graph being extended (written out as a file and read first, so that the files'
    /// entities and facts are checked against it as the build would check them): only what comes after is loaded.
    /// </summary>
    public void EndOfBasis()
    {
        _basisPath = _lastPath;
        _basisEntities = _checker.Entities.Count;
        _basisSources = _checker.Relations.Select(relation => relation.Sources.Count).ToArray();
    }

    /// <returns>
    /// The tables of rows of what passed after the graph being extended, with that graph's facts that the files state
    /// again from other sources (by position, with all their sources); null when any file holds a mistake.
    /// </returns>
    public LoadedRows? Finish(out IReadOnlyList<GraphDiagnostic> diagnostics)
    {
        var (entities, relations) = _checker.Finish();
        // A graph being extended may well hold an entity no fact mentions yet: that is the files' to warn of, not its.
        diagnostics = _parsing.Concat(_reporter.Diagnostics)
            .Where(d => d.Location.FilePath != _basisPath || d.Descriptor.DefaultSeverity == Language.Diagnostics.DiagnosticSeverity.Error)
            .Select(ToPublic)
            .OrderBy(d => _fileOrder.TryGetValue(d.Path, out var order) ? order : int.MaxValue)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();
        if (diagnostics.Any(d => d.Severity == GraphDiagnosticSeverity.Error))
        {
            return null;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var restated = Enumerable.Range(0, _basisSources.Length)
            .Where(i => relations[i].Sources.Count > _basisSources[i])
            .Select(i => (i, (IReadOnlyList<string>)relations[i].Sources))
            .ToList();
        return new LoadedRows(
            Tables(entities.Skip(_basisEntities).Select(entity => FactRows.EntityRow(_schema.EntityType(entity.Type), entity))),
            Tables(relations.Skip(_basisSources.Length).Select(relation => FactRows.RelationRow(_schema.RelationType(relation.Type), relation))),
            restated);
    }

    /// <summary>
    /// The rows as tables of at most 64 KB (a longer row makes a table of its own): one table grown by doubling would be
    /// allocated several times over on the large object heap, whose collections are the costly ones.
    /// </summary>
    private static List<ReadOnlyMemory<byte>> Tables(IEnumerable<string> rows)
    {
        var tables = new List<ReadOnlyMemory<byte>>();
        var table = new byte[TableSize];
        var used = 0;
        foreach (var row in rows)
        {
            var length = Encoding.UTF8.GetByteCount(row);
            if (used > 0 && used + length + 4 > table.Length)
            {
                tables.Add(Close(table, used));
                table = new byte[Math.Max(TableSize, length + 4)];
                used = 0;
            }

            table[used] = used == 0 ? (byte)'[' : (byte)',';
            table[used + 1] = (byte)'\n';
            used += 2;
            used += Encoding.UTF8.GetBytes(row, 0, row.Length, table, used);
        }

        if (used > 0)
        {
            tables.Add(Close(table, used));
        }

        return tables;

        static ReadOnlyMemory<byte> Close(byte[] table, int used)
        {
            table[used++] = (byte)'\n';
            table[used++] = (byte)']';
            return table.AsMemory(0, used);
        }
    }

    // A mistake found in the compiled schema (a pattern too costly to match) is shown where the loaded file meets it.
    private GraphDiagnostic ToPublic(DiagnosticInfo diagnostic)
    {
        var location = diagnostic.Location.FilePath == CompiledSchema.Path && diagnostic.AdditionalLocation is { } inFile ? inFile : diagnostic.Location;
        return _places.TryGetValue(location.FilePath, out var place)
            ? GraphDiagnostic.From(diagnostic, location, place(location))
            : GraphDiagnostic.From(diagnostic, location);
    }
}

/// <summary>What a load adds: tables of rows for the generated readers, and the facts of a graph being extended that gain sources.</summary>
internal sealed record LoadedRows(
    IReadOnlyList<ReadOnlyMemory<byte>> Entities,
    IReadOnlyList<ReadOnlyMemory<byte>> Relations,
    IReadOnlyList<(int Relation, IReadOnlyList<string> Sources)> Restated);
