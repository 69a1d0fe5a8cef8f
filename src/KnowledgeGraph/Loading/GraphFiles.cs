using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace KnowledgeGraph;

/// <summary>
/// Loads the <c>.kg.json</c> files of one generated graph class at run time: its <c>Load</c>, <c>LoadAsync</c> and
/// <c>TryLoad</c> members call this.
/// </summary>
/// <typeparam name="TGraph">The generated graph class.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GraphFiles<TGraph> : GraphFiles
    where TGraph : Graph
{
    // The generated class's one instance, for the callers that know only the class (LoadNTriples).
    private static GraphFiles<TGraph>? s_instance;

    private readonly FactRowReader<Entity> _readEntity;
    private readonly FactRowReader<Relation> _readRelation;
    private readonly Func<GraphContent, TGraph> _create;

    /// <param name="schema">The schema the generator compiled in (its canonical <c>.kg.json</c> form).</param>
    /// <param name="readEntity">The generated reader of an entity row.</param>
    /// <param name="readRelation">The generated reader of a relation row.</param>
    /// <param name="create">Makes the graph of the checked facts.</param>
    public GraphFiles(ReadOnlySpan<byte> schema, FactRowReader<Entity> readEntity, FactRowReader<Relation> readRelation, Func<GraphContent, TGraph> create)
        : base(schema, typeof(TGraph).Namespace ?? "")
    {
        ArgumentNullException.ThrowIfNull(readEntity);
        ArgumentNullException.ThrowIfNull(readRelation);
        ArgumentNullException.ThrowIfNull(create);
        _readEntity = readEntity;
        _readRelation = readRelation;
        _create = create;
        Interlocked.CompareExchange(ref s_instance, this, null);
    }

    /// <summary>
    /// Reads a graph of the generated class back from the N-Triples of its RDF mapping (README, "Reading RDF back"),
    /// checked as <c>Load</c> checks files: for the callers that know only the class, such as a SPARQL store's pull,
    /// which reads a CONSTRUCT's answer with it.
    /// </summary>
    /// <param name="name">What diagnostics call the text, such as the store's graph IRI: they give the triple's line in it, and quote the triple.</param>
    /// <param name="nTriples">The text in UTF-8, read as it streams from its current position to its end; the caller disposes of it.</param>
    /// <param name="cancellationToken">Stops the read: nothing is loaded then.</param>
    /// <returns>A new graph of the triples' entities and facts.</returns>
    /// <exception cref="GraphLoadException">The triples hold a mistake: its diagnostics list every one, and nothing is loaded.</exception>
    /// <exception cref="FormatException">The text is not N-Triples.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TGraph"/> is no class the generator wrote.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TGraph LoadNTriples(string name, Stream nTriples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(nTriples);
        return LoadTriples(name, NTriplesReader.Read(nTriples, name, cancellationToken), cancellationToken);
    }

    /// <summary>The schema of the generated class, for the callers that know only the class.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TGraph"/> is no class the generator wrote.</exception>
    internal static CompiledSchema SchemaOfClass() => Instance().Schema;

    /// <summary>Reads a graph back from triples already read, as <see cref="LoadNTriples"/> reads them from text.</summary>
    /// <exception cref="GraphLoadException">The triples hold a mistake.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TGraph"/> is no class the generator wrote.</exception>
    internal static TGraph LoadTriples(string name, IEnumerable<RdfTriple> triples, CancellationToken cancellationToken)
    {
        var files = Instance();
        var load = new FileLoad(files.Schema, cancellationToken);
        load.Read(name, new TripleReader(files.Schema, name, triples, cancellationToken));
        var (graph, diagnostics) = files.Create(load);
        return graph ?? throw new GraphLoadException(diagnostics);
    }

    private static GraphFiles<TGraph> Instance()
    {
        RuntimeHelpers.RunClassConstructor(typeof(TGraph).TypeHandle);
        return s_instance ?? throw new NotSupportedException(
            $"{typeof(TGraph).Name} is not a graph class the KnowledgeGraph generator wrote from .kg.json files, so it has no schema to read facts by.");
    }

    /// <summary>
    /// Reads the files, checks every entity and fact as the build checks the project's own files, and makes a new graph
    /// of them. The files are read as they stream, a fact at a time, and may repeat the compiled schema (not change it).
    /// </summary>
    /// <param name="paths">The files, read in this order: a fact may name an entity of any of them.</param>
    /// <returns>A new graph of the files' entities and facts; warnings do not stop it (<c>TryLoad</c> returns them).</returns>
    /// <exception cref="GraphLoadException">The files hold a mistake: its diagnostics list every one, and nothing is loaded.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or one of them is null.</exception>
    /// <exception cref="IOException">A file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    public TGraph Load(IEnumerable<string> paths)
    {
        var (graph, diagnostics) = LoadFiles(Open(paths), CancellationToken.None);
        return graph ?? throw new GraphLoadException(diagnostics);
    }

    /// <summary>Reads and checks the streams as <c>Load</c> reads files, on a thread-pool thread.</summary>
    /// <param name="sources">The streams, each named for its diagnostics, read in this order.</param>
    /// <param name="cancellationToken">Stops the load: nothing is loaded then.</param>
    /// <returns>A new graph of the streams' entities and facts.</returns>
    /// <exception cref="GraphLoadException">The streams hold a mistake: its diagnostics list every one, and nothing is loaded.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    public Task<TGraph> LoadAsync(IEnumerable<GraphSource> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToList();
        return Task.Run(
            () =>
            {
                var (graph, diagnostics) = LoadFiles(list.Select(source => (source.Name, (Func<Stream>)(() => source.Stream), false)), cancellationToken);
                return graph ?? throw new GraphLoadException(diagnostics);
            },
            cancellationToken);
    }

    /// <summary>Loads the files as <c>Load</c> does, but returns their diagnostics instead of throwing.</summary>
    /// <param name="paths">The files, read in this order.</param>
    /// <param name="graph">The new graph; null when the files hold a mistake.</param>
    /// <param name="diagnostics">Every diagnostic of the files, errors and warnings, in the order of the files and their text.</param>
    /// <returns>Whether the files hold no mistake, so that the graph was loaded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or one of them is null.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public bool TryLoad(IEnumerable<string> paths, [NotNullWhen(true)] out TGraph? graph, out IReadOnlyList<GraphDiagnostic> diagnostics)
    {
        (graph, diagnostics) = LoadFiles(Open(paths), CancellationToken.None);
        return graph is not null;
    }

    private static IEnumerable<(string Name, Func<Stream> Open, bool Owned)> Open(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToList();
        foreach (var path in list)
        {
            ArgumentNullException.ThrowIfNull(path, nameof(paths));
        }

        return list.Select(path => (path, (Func<Stream>)(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan)), true));
    }

    private (TGraph? Graph, IReadOnlyList<GraphDiagnostic> Diagnostics) LoadFiles(IEnumerable<(string Name, Func<Stream> Open, bool Owned)> files, CancellationToken cancellationToken)
    {
        var load = new FileLoad(Schema, cancellationToken);
        foreach (var (name, open, owned) in files)
        {
            var stream = open();
            try
            {
                load.Read(name, stream);
            }
            finally
            {
                if (owned)
                {
                    stream.Dispose();
                }
            }
        }

        return Create(load);
    }

    private (TGraph? Graph, IReadOnlyList<GraphDiagnostic> Diagnostics) Create(FileLoad load)
    {
        if (load.Finish(out var diagnostics) is not { } rows)
        {
            return (null, diagnostics);
        }

        var content = new GraphContent();
        Add(rows, content);
        return (_create(content), diagnostics);
    }

    /// <summary>
    /// Checks files against a graph being built (an existing graph and the entities and facts added to it in code), for
    /// <see cref="GraphBuilder{TGraph}.AddFiles"/>: what the graph holds is written out as a file and read first, so that
    /// the files are checked against it exactly as the build would check them all together.
    /// </summary>
    /// <exception cref="GraphLoadException">The files hold a mistake.</exception>
    internal LoadedRows Check(TGraph basis, IReadOnlyList<Entity> entities, IReadOnlyList<Relation> relations, IEnumerable<string> paths)
    {
        var files = Open(paths).ToList();
        var load = new FileLoad(Schema, CancellationToken.None);
        var writer = new KgJsonWriter(null);
        writer.Header(Schema);
        writer.StartEntities();
        foreach (var entity in basis.Store.Entities.Concat(entities))
        {
            writer.WriteEntity(entity);
        }

        writer.StartRelations();
        foreach (var relation in basis.Store.Relations.Concat(relations))
        {
            writer.WriteRelation(relation);
        }

        writer.End();
        using (var held = new MemoryStream())
        {
            writer.Flush(held);
            held.Position = 0;
            load.Read(BasisName, held);
        }

        load.EndOfBasis();
        foreach (var (name, open, _) in files)
        {
            using var stream = open();
            load.Read(name, stream);
        }

        return load.Finish(out var diagnostics) ?? throw new GraphLoadException(diagnostics);
    }

    /// <summary>Adds checked rows to a content: the rows read by the generated readers, then the sources restated facts gain.</summary>
    internal void Add(LoadedRows rows, GraphContent content)
    {
        foreach (var table in rows.Entities)
        {
            content.AddEntities(table.Span, _readEntity);
        }

        foreach (var table in rows.Relations)
        {
            content.AddRelations(table.Span, _readRelation);
        }
        foreach (var (index, sources) in rows.Restated)
        {
            content.SetSources(index, sources);
        }
    }

    // What the diagnostics of the graph being extended call it: no file the caller gave.
    private const string BasisName = "(the graph being built)";
}

/// <summary>The files of one generated graph class: the schema it compiled in, which its graphs are saved and exported by.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GraphFiles
{
    private readonly Lazy<CompiledSchema> _schema;

    private protected GraphFiles(ReadOnlySpan<byte> schema, string classNamespace)
    {
        var json = schema.ToArray();
        _schema = new Lazy<CompiledSchema>(() => new CompiledSchema(json, classNamespace));
    }

    /// <summary>The compiled schema, read on first use.</summary>
    internal CompiledSchema Schema => _schema.Value;
}
