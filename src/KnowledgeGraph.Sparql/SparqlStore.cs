using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using KnowledgeGraph.Language.Rdf;

namespace KnowledgeGraph.Sparql;

/// <summary>
/// A SPARQL 1.1 store (Virtuoso, GraphDB, Stardog, Jena Fuseki, Neptune, …) reached over HTTP: graphs pushed into it
/// in the exporters' RDF mapping, and SELECT queries read back as typed rows.
/// </summary>
/// <remarks>
/// <para>
/// Queries and updates go to one endpoint (the SPARQL 1.1 Protocol); a push sends its triples through the Graph Store
/// HTTP Protocol when a Graph Store endpoint is given (much faster: on Virtuoso 7.2, 100,000 triples in 1.2 s against
/// 20 s as <c>INSERT DATA</c>), else in <c>INSERT DATA</c> updates of 1,000 triples.
/// </para>
/// <para>
/// Queries are retried, after 0.5 s, 1 s and 2 s, when the store cannot be reached, does not answer in
/// <see cref="Timeout"/>, or answers 408, 429, 502, 503 or 504; so are the batches of a push, which add triples to a
/// set, so that sending one twice changes nothing. Updates are not. Messages name endpoints without their user
/// information and never hold credentials.
/// </para>
/// </remarks>
public sealed class SparqlStore : IDisposable
{
    private const int Attempts = 4;
    private const int GraphStoreBatch = 50_000;

    // Virtuoso compiles an update into SQL of at most 10,000 lines: about 2,000 triples of INSERT DATA.
    private const int UpdateBatch = 1_000;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>A store whose requests this instance makes with its own <see cref="HttpClient"/>.</summary>
    /// <param name="endpoint">The SPARQL endpoint, for queries and updates (Virtuoso: <c>http://host:8890/sparql-auth</c>).</param>
    /// <param name="graphStore">The Graph Store HTTP Protocol endpoint (Virtuoso: <c>http://host:8890/sparql-graph-crud-auth</c>), or null.</param>
    /// <param name="credentials">The credentials for basic or digest authentication, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> is null.</exception>
    /// <exception cref="ArgumentException">An endpoint is not an absolute http or https URI.</exception>
    public SparqlStore(Uri endpoint, Uri? graphStore = null, ICredentials? credentials = null)
        : this(NewClient(credentials), endpoint, graphStore, ownsHttp: true)
    {
    }

    /// <summary>A store whose requests go through <paramref name="httpClient"/>, which the caller owns and configures (authentication, proxies).</summary>
    /// <param name="httpClient">The client to send requests with; this instance never disposes it, and sets no timeout on it.</param>
    /// <param name="endpoint">The SPARQL endpoint, for queries and updates.</param>
    /// <param name="graphStore">The Graph Store HTTP Protocol endpoint, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="endpoint"/> is null.</exception>
    /// <exception cref="ArgumentException">An endpoint is not an absolute http or https URI.</exception>
    public SparqlStore(HttpClient httpClient, Uri endpoint, Uri? graphStore = null)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), endpoint, graphStore, ownsHttp: false)
    {
    }

    private SparqlStore(HttpClient http, Uri endpoint, Uri? graphStore, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = Checked(endpoint, nameof(endpoint));
        GraphStore = graphStore is null ? null : Checked(graphStore, nameof(graphStore));
        _http = http;
        _ownsHttp = ownsHttp;
    }

    /// <summary>The SPARQL endpoint, for queries and updates.</summary>
    public Uri Endpoint { get; }

    /// <summary>The Graph Store HTTP Protocol endpoint, or null: a push then sends <c>INSERT DATA</c> updates.</summary>
    public Uri? GraphStore { get; }

    /// <summary>
    /// How long one request may wait for the store's answer to begin; 100 seconds unless set. The <c>MOVE</c> that ends a
    /// push waits as long as the store needs: it copies every triple.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The triples a push sends in one request, or null for 50,000 through the Graph Store protocol and 1,000 in
    /// <c>INSERT DATA</c>.
    /// </summary>
    public int? TriplesPerBatch { get; init; }

    /// <summary>
    /// Writes <paramref name="graph"/> (a graph or a view) into the named graph <paramref name="graphIri"/> in the RDF
    /// mapping its N-Triples export writes, replacing what that named graph held.
    /// </summary>
    /// <remarks>
    /// The triples go in batches into a new staging graph, which one update (<c>MOVE</c>) then puts in place of the named
    /// graph; so a failure or a cancellation midway leaves the named graph as it was (the staging graph is dropped), and
    /// pushing the same graph again leaves the same triples. Batches are made while the previous one is sent, a few at
    /// most held at once, so memory does not grow with the graph. A cancellation that comes once the <c>MOVE</c> is sent
    /// cannot stop it: the named graph then holds either what it held or the whole graph.
    /// </remarks>
    /// <param name="graph">The graph or view to push.</param>
    /// <param name="graphIri">The named graph to replace.</param>
    /// <param name="progress">Told the number of triples sent so far after each batch, or null.</param>
    /// <param name="cancellationToken">Stops the push; the named graph is left as it was.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="graphIri"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="graphIri"/> is not an absolute IRI SPARQL can write.</exception>
    /// <exception cref="SparqlException">The store could not be reached, or refused a batch or the update.</exception>
    /// <exception cref="InvalidOperationException">A value of the graph cannot be written in RDF (see <see cref="GraphView.Export"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task PushAsync(GraphView graph, Uri graphIri, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var target = IriText(graphIri, nameof(graphIri));
        var staging = $"urn:uuid:{Guid.NewGuid():D}";
        var batchSize = TriplesPerBatch ?? (GraphStore is null ? UpdateBatch : GraphStoreBatch);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<TripleBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });

        // The export writes synchronously: on a thread of its own, it blocks while the channel is full.
        var exporting = Task.Factory.StartNew(
            () =>
            {
                using var stream = new TripleBatchStream(batches.Writer, batchSize, stop.Token);
                try
                {
                    graph.Export(stream, GraphFormat.NTriples);
                    stream.Complete();
                }
                catch
                {
                    batches.Writer.TryComplete();
                    throw;
                }
            },
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        Exception? failure = null;
        try
        {
            long sent = 0;
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
            {
                using (batch)
                {
                    await SendBatchAsync(staging, batch, stop.Token);
                    sent += batch.Triples;
                }

                progress?.Report(sent);
            }
        }
        catch (Exception e)
        {
            failure = e;
            stop.Cancel();
        }

        try
        {
            await exporting;
        }
        catch (Exception e) when (failure is null)
        {
            failure = e;
        }
        catch (Exception)
        {
            // The export stopped because sending failed: that failure is the one to report.
        }

        while (batches.Reader.TryRead(out var left))
        {
            left.Dispose();
        }

        if (failure is null)
        {
            try
            {
                // As long as the store needs: a MOVE copies every triple.
                await UpdateAsync($"MOVE <{staging}> TO <{target}>", System.Threading.Timeout.InfiniteTimeSpan, cancellationToken);
                return;
            }
            catch (Exception e)
            {
                failure = e;
            }
        }

        await DropQuietlyAsync(staging);
        ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>
    /// Builds a typed graph from the store: the whole of a named graph, or what a CONSTRUCT query makes of it (such as
    /// everything within two facts of one entity), checked by the rules files are loaded by.
    /// </summary>
    /// <remarks>
    /// The triples are asked for as N-Triples and read back by the inverse of the RDF mapping a push writes (see the
    /// README's "Reading RDF back"): a graph pushed and pulled again is equal to the graph pushed. The answer is held
    /// in memory while it is read. A diagnostic names <paramref name="graphIri"/> as its path, the triple's line in the
    /// answer, and quotes the triple.
    /// </remarks>
    /// <typeparam name="TGraph">The generated graph class the triples are entities and facts of.</typeparam>
    /// <param name="graphIri">The named graph to read; a CONSTRUCT query reads it as its default graph.</param>
    /// <param name="constructQuery">A CONSTRUCT query that chooses the triples, or null for all of the named graph's.</param>
    /// <param name="cancellationToken">Stops the query and the reading.</param>
    /// <returns>A new graph of the triples' entities and facts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graphIri"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="graphIri"/> is not an absolute IRI SPARQL can write.</exception>
    /// <exception cref="SparqlException">The store could not be reached, did not answer in time, refused the credentials, or answered with an error.</exception>
    /// <exception cref="GraphLoadException">The triples break the graph's rules: its diagnostics list every mistake, and nothing is built.</exception>
    /// <exception cref="FormatException">The store answered with something other than N-Triples.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TGraph"/> is no class the generator wrote.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TGraph> PullAsync<TGraph>(Uri graphIri, string? constructQuery = null, CancellationToken cancellationToken = default)
        where TGraph : Graph
    {
        var source = IriText(graphIri, nameof(graphIri));
        var query = constructQuery ?? "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
        using var response = await QueryAsync(query, "application/n-triples", cancellationToken, defaultGraph: source);

        // Read whole first: the reader reads synchronously, and must not block a thread on the network.
        using var triples = new MemoryStream();
        using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            await body.CopyToAsync(triples, cancellationToken);
        }

        triples.Position = 0;
        return GraphFiles<TGraph>.LoadNTriples(source, triples, cancellationToken);
    }

    /// <summary>
    /// Builds a typed graph of the neighbourhood of one entity in the store: what <see cref="GraphView.Around"/> holds
    /// in the graph pushed, the entities within <paramref name="depth"/> facts of it (following facts either way) and
    /// every fact between two of them, with the entities those facts name as role players or sources.
    /// </summary>
    /// <remarks>
    /// The store is asked one query for each step away from the entity, one for the last entities reached, and two or
    /// three for the facts' nodes and the entities they name; each lists the IRIs it starts from and asks for the triples from or to them, so that a store
    /// answers by index lookups, and what lies outside the neighbourhood is left out here (docs/performance.md gives
    /// the times on Virtuoso 7.2). Long lists of IRIs are asked for in parts, a few at once. Fact nodes are asked for by
    /// their IRIs, as a push names them: a fact whose node is a blank node comes without it. The triples are read as
    /// <see cref="PullAsync{TGraph}"/> reads them, through the loader's checks; a diagnostic names
    /// <paramref name="graphIri"/> and quotes the triple, whose line is its place among the triples pulled. An id the
    /// named graph does not hold gives an empty graph, as an entity a view leaves out has an empty neighbourhood.
    /// </remarks>
    /// <typeparam name="TGraph">The generated graph class the triples are entities and facts of.</typeparam>
    /// <param name="graphIri">The named graph to read.</param>
    /// <param name="id">The id of the entity at the centre.</param>
    /// <param name="depth">How many facts away an entity may be; 0 or more.</param>
    /// <param name="cancellationToken">Stops the queries and the reading.</param>
    /// <returns>A new graph of the neighbourhood's entities and facts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graphIri"/> or <paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="graphIri"/> is not an absolute IRI SPARQL can write.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is negative.</exception>
    /// <exception cref="SparqlException">The store could not be reached, did not answer in time, refused the credentials, or answered with an error.</exception>
    /// <exception cref="GraphLoadException">The triples break the graph's rules: its diagnostics list every mistake, and nothing is built.</exception>
    /// <exception cref="FormatException">The store answered with something other than N-Triples.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TGraph"/> is no class the generator wrote.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TGraph> PullAroundAsync<TGraph>(Uri graphIri, string id, int depth, CancellationToken cancellationToken = default)
        where TGraph : Graph
    {
        var source = IriText(graphIri, nameof(graphIri));
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var schema = GraphFiles<TGraph>.SchemaOfClass();
        var triples = await new NeighbourhoodPull(this, source, schema).PullAsync(RdfNames.Entity(schema.BaseIri, id), depth, cancellationToken);
        return GraphFiles<TGraph>.LoadTriples(source, triples, cancellationToken);
    }

    /// <summary>Runs a SELECT query and reads its rows as the store sends them.</summary>
    /// <remarks>
    /// Rows are read from the response as it arrives (SPARQL JSON results), so memory holds a few of them whatever the
    /// number of rows. The request is retried (see the class's remarks) until the answer begins, never after.
    /// </remarks>
    /// <param name="query">The query, in SPARQL 1.1.</param>
    /// <param name="cancellationToken">Stops the query and the reading.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="SparqlException">
    /// The store could not be reached, did not answer in time, refused the credentials, answered with an error (its
    /// message and the query are in the exception), or answered with something other than SPARQL JSON results.
    /// </exception>
    public async IAsyncEnumerable<SparqlRow> SelectAsync(string query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var response = await QueryAsync(query, "application/sparql-results+json", cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var rows = SparqlResultsReader.ReadAsync(body, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await rows.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (FormatException e)
                {
                    throw new SparqlException($"The store's answer from {Shown(Endpoint)} is not SPARQL JSON results: {e.Message}\nQuery:\n{query}", query, response.StatusCode, e);
                }
                catch (IOException e)
                {
                    throw new SparqlException($"The store's answer from {Shown(Endpoint)} broke off: {e.Message}\nQuery:\n{query}", query, response.StatusCode, e);
                }

                yield return rows.Current;
            }
        }
        finally
        {
            await rows.DisposeAsync();
        }
    }

    /// <summary>Runs a SPARQL update, waiting <paramref name="timeout"/> at most for the store's answer.</summary>
    /// <exception cref="SparqlException">The store could not be reached, refused the credentials, or answered with an error.</exception>
    internal async Task UpdateAsync(string update, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(update, Encoding.UTF8, "application/sparql-update") },
            update,
            retry: false,
            timeout,
            cancellationToken);
    }

    /// <summary>Runs a CONSTRUCT query and reads its triples, whole, from N-Triples.</summary>
    /// <param name="query">The query, in SPARQL 1.1.</param>
    /// <param name="name">What a <see cref="FormatException"/> calls the answer.</param>
    /// <param name="cancellationToken">Stops the request and the reading.</param>
    internal async Task<List<RdfTriple>> ConstructAsync(string query, string name, CancellationToken cancellationToken)
    {
        using var response = await QueryAsync(query, "application/n-triples", cancellationToken);
        using var triples = new MemoryStream();
        using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            await body.CopyToAsync(triples, cancellationToken);
        }

        triples.Position = 0;
        return [.. NTriplesReader.Read(triples, name, cancellationToken)];
    }

    /// <summary>
    /// Runs a query (CONSTRUCT, DESCRIBE, SELECT, ASK) asking for <paramref name="accept"/>, retried as the class says;
    /// the response's body is left to read (<c>application/n-triples</c> for the triples of a CONSTRUCT).
    /// </summary>
    /// <param name="query">The query, in SPARQL 1.1.</param>
    /// <param name="accept">The media type of the answer.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <param name="defaultGraph">The named graph the query reads as its default graph (the protocol's <c>default-graph-uri</c>), or null for the store's.</param>
    internal Task<HttpResponseMessage> QueryAsync(string query, string accept, CancellationToken cancellationToken, string? defaultGraph = null) =>
        SendAsync(
            () =>
            {
                KeyValuePair<string, string>[] form = defaultGraph is null
                    ? [new("query", query)]
                    : [new("query", query), new("default-graph-uri", defaultGraph)];
                var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
                return request;
            },
            query,
            retry: true,
            Timeout,
            cancellationToken);

    /// <summary>Disposes the <see cref="HttpClient"/> this instance made; one the caller gave is left alone.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task SendBatchAsync(string staging, TripleBatch batch, CancellationToken cancellationToken)
    {
        if (GraphStore is { } graphStore)
        {
            var uri = new Uri(graphStore + (graphStore.Query.Length == 0 ? "?" : "&") + "graph=" + Uri.EscapeDataString(staging));
            using var response = await SendAsync(
                () =>
                {
                    var content = new ReadOnlyMemoryContent(batch.Text);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/n-triples") { CharSet = "utf-8" };
                    return new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
                },
                query: null,
                retry: true,
                Timeout,
                cancellationToken);
        }
        else
        {
            var update = $"INSERT DATA {{ GRAPH <{staging}> {{\n{Encoding.UTF8.GetString(batch.Text.Span)}}} }}";
            using var response = await SendAsync(
                () => new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(update, Encoding.UTF8, "application/sparql-update") },
                query: null,
                retry: true,
                Timeout,
                cancellationToken);
        }
    }

    /// <summary>Drops a staging graph after a failed push, as far as the store lets it: the failure is what matters.</summary>
    private async Task DropQuietlyAsync(string staging)
    {
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await UpdateAsync($"DROP SILENT GRAPH <{staging}>", Timeout, patience.Token);
        }
        catch (Exception e) when (e is SparqlException or OperationCanceledException)
        {
            // Left for the store's administrator: a graph named urn:uuid:… that nothing reads.
        }
    }

    /// <summary>Sends a request made afresh for each attempt and returns the successful response, its body unread.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> newRequest, string? query, bool retry, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = newRequest();
            var shown = Shown(request.RequestUri!);
            SparqlException failure;
            var transient = true;
            using (var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                patience.CancelAfter(timeout);
                try
                {
                    var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, patience.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return response;
                    }

                    using (response)
                    {
                        var status = response.StatusCode;
                        transient = status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
                        failure = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                            ? new SparqlException($"The store at {shown} refused the request: {(int)status} {response.ReasonPhrase} (check the user and password, and that the user may {(query is null || IsUpdate(request) ? "write" : "query")}).", query, status)
                            : new SparqlException($"The store at {shown} answered {(int)status} {response.ReasonPhrase}: {await ServerMessageAsync(response, patience.Token)}{(query is null ? "" : $"\nQuery:\n{query}")}", query, status);
                    }
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new SparqlException($"The store at {shown} did not answer within {timeout.TotalSeconds:0.###} s.", query, null, e);
                }
                catch (HttpRequestException e)
                {
                    failure = new SparqlException($"The store at {shown} could not be reached: {e.Message}", query, null, e);
                }
            }

            if (!retry || !transient || attempt == Attempts)
            {
                throw failure;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500 << (attempt - 1)), cancellationToken);
        }
    }

    private static bool IsUpdate(HttpRequestMessage request) => request.Content?.Headers.ContentType?.MediaType == "application/sparql-update";

    /// <summary>The start of the error's body, which is the server's message (Virtuoso: "Virtuoso 37000 Error SP030: …").</summary>
    private static async Task<string> ServerMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        const int Longest = 4000;
        try
        {
            var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            return text.Length == 0 ? "(no message)" : text.Length > Longest ? text[..Longest] + "…" : text;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            return "(its message could not be read)";
        }
    }

    private static HttpClient NewClient(ICredentials? credentials) => new(new SocketsHttpHandler
    {
        Credentials = credentials,
        PreAuthenticate = credentials is not null,
        AutomaticDecompression = DecompressionMethods.All,
    })
    {
        // Each request has its own timeout (Timeout), which tells a slow store from a cancelled call.
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private static Uri Checked(Uri endpoint, string parameterName) =>
        endpoint.IsAbsoluteUri && endpoint.Scheme is "http" or "https"
            ? endpoint
            : throw new ArgumentException($"The endpoint '{Shown(endpoint)}' is not an absolute http or https URI.", parameterName);

    /// <summary>An endpoint as messages show it: without the user information a URI may hold.</summary>
    private static string Shown(Uri uri) => uri.IsAbsoluteUri
        ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
        : "(a relative URI)";

    /// <summary>The IRI as SPARQL writes it between angle brackets, as given.</summary>
    private static string IriText(Uri iri, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(iri, parameterName);
        var text = iri.OriginalString;
        if (!iri.IsAbsoluteUri || text.AsSpan().IndexOfAny("<>\"{}|^`\\ \t\r\n") >= 0)
        {
            throw new ArgumentException($"'{text}' is not an absolute IRI that SPARQL can write between angle brackets.", parameterName);
        }

        return text;
    }
}
