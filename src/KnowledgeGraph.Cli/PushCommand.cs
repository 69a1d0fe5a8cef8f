using System;
using System.CommandLine;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using KnowledgeGraph.Sparql;
using Spectre.Console;

namespace KnowledgeGraph.Cli;

/// <summary>
/// <c>kg push --endpoint URL [--graph-store URL] [--user U --password P] --graph IRI PATHS…</c>: the graph of the
/// files into a named graph of a SPARQL store, replacing what it held, as <see cref="SparqlStore.PushAsync"/> does.
/// </summary>
internal static class PushCommand
{
    public static Command Create(TextWriter error, IAnsiConsole? terminal)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (their *.kg.json files at any depth) or globs (*, ?, **) of one graph.",
            Arity = ArgumentArity.OneOrMore,
        };
        var endpoint = new Option<Uri>("--endpoint")
        {
            Description = "The SPARQL endpoint for queries and updates (Virtuoso: http://host:8890/sparql-auth).",
            Required = true,
            CustomParser = result => HttpUri(result, "--endpoint"),
        };
        var graphStore = new Option<Uri>("--graph-store")
        {
            Description = "The Graph Store HTTP Protocol endpoint (Virtuoso: http://host:8890/sparql-graph-crud-auth); without it, INSERT DATA updates, much slower.",
            CustomParser = result => HttpUri(result, "--graph-store"),
        };
        var user = new Option<string>("--user") { Description = "The user for basic or digest authentication." };
        var password = new Option<string>("--password") { Description = "The user's password." };
        var graph = new Option<Uri>("--graph")
        {
            Description = "The IRI of the named graph to replace.",
            Required = true,
            CustomParser = result => Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var iri)
                ? iri
                : Refuse<Uri>(result, $"--graph: '{result.Tokens[0].Value}' is not an absolute IRI."),
        };
        CheckCommand.RejectUnknownOptions(paths);

        var command = new Command("push", "Pushes the graph of *.kg.json files into a named graph of a SPARQL store, replacing what it held. Exit codes: 0 pushed, 1 errors in the files, 2 bad usage, 4 the store failed or refused.")
        {
            paths,
            endpoint,
            graphStore,
            user,
            password,
            graph,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(user) is null != result.GetValue(password) is null)
            {
                result.AddError("--user and --password go together.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var files = FileSet.Expand(parseResult.GetValue(paths)!);
            if (CheckCommand.ReadOneGraph(files, error, "nothing pushed", "push", terminal) is not { } model)
            {
                return ExitCodes.Errors;
            }

            GraphView view = FileGraph.Create(model);
            var credentials = parseResult.GetValue(user) is { } name ? new NetworkCredential(name, parseResult.GetValue(password)) : null;
            using var store = new SparqlStore(parseResult.GetValue(endpoint)!, parseResult.GetValue(graphStore), credentials);
            var target = parseResult.GetValue(graph)!;
            try
            {
                var sent = terminal is { Profile.Capabilities.Interactive: true }
                    ? await PushWithProgressAsync(terminal, store, view, target, cancellationToken)
                    : await PushAsync(store, view, target, null, cancellationToken);
                error.WriteLine($"{sent} triples pushed into <{target.OriginalString}>.");
                return ExitCodes.Success;
            }
            catch (SparqlException exception)
            {
                error.WriteLine($"kg: {exception.Message}");
                error.WriteLine("Nothing changed in the store.");
                return ExitCodes.StoreFailed;
            }
            catch (ArgumentException exception) when (exception.ParamName == "graphIri")
            {
                throw new UsageException($"--graph: {exception.Message}");
            }
        });
        return command;
    }

    private static async Task<long> PushAsync(SparqlStore store, GraphView view, Uri target, Action<long>? report, CancellationToken cancellationToken)
    {
        long sent = 0;
        await store.PushAsync(view, target, new Reporter(count =>
        {
            sent = count;
            report?.Invoke(count);
        }), cancellationToken);
        return sent;
    }

    /// <summary>A bar of triples sent out of those the export writes, counted first (an export costs little beside sending it).</summary>
    private static async Task<long> PushWithProgressAsync(IAnsiConsole terminal, SparqlStore store, GraphView view, Uri target, CancellationToken cancellationToken)
    {
        var counter = new LineCounter();
        view.Export(counter, GraphFormat.NTriples);
        return await terminal.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .StartAsync(async context =>
            {
                var task = context.AddTask("Pushing", maxValue: Math.Max(1, counter.Lines));
                return await PushAsync(store, view, target, count => task.Value = count, cancellationToken);
            });
    }

    private static Uri HttpUri(System.CommandLine.Parsing.ArgumentResult result, string option) =>
        Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Refuse<Uri>(result, $"{option}: '{result.Tokens[0].Value}' is not an http or https URL.");

    private static T Refuse<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }

    /// <summary>Reports on the pushing thread as it happens (<see cref="Progress{T}"/> would post to the pool, after the push ends).</summary>
    private sealed class Reporter(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>Counts the lines written to it, N-Triples' triples, and keeps nothing.</summary>
    private sealed class LineCounter : Stream
    {
        public long Lines { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => Lines += buffer.Count((byte)'\n');

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
