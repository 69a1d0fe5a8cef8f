using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace KnowledgeGraph;

// Saving: a graph or a view as one canonical .kg.json file of its entities and facts, which the generator reads back
// (next to the files of the schema) to an equal graph.
public abstract partial class GraphView
{
    /// <summary>
    /// Writes the entities and relations of this graph or view to a <c>.kg.json</c> file, replacing the file if it
    /// exists; see <see cref="Save(Stream)"/> for what the file holds.
    /// </summary>
    /// <remarks>
    /// The file is written next to its place under a temporary name and then moved over it, so the path holds either
    /// the file as it was or the whole new file, never part of one, even when writing fails.
    /// </remarks>
    /// <param name="path">The file to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names no file.</exception>
    /// <exception cref="IOException">The file cannot be written (a missing folder, a full disk, a file in use, …).</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    /// <exception cref="InvalidOperationException">A value cannot be written in a file (see <see cref="Save(Stream)"/>).</exception>
    /// <exception cref="NotSupportedException">The graph's class is not one the generator wrote.</exception>
    public void Save(string path)
    {
        var (target, temporary) = SavePaths(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                Save(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // nothing to delete once moved
        }
    }

    /// <summary>
    /// Writes the entities and relations of this graph or view to <paramref name="stream"/> as a canonical
    /// <c>.kg.json</c> file, in UTF-8; the stream is left open.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The file has a <c>$schema</c> pointer, the graph's <c>namespace</c> (when its files name one) and <c>graph</c>,
    /// then its entities and its relations in file order, one a line. A relation with nothing but its ends is written
    /// <c>["from", "type", "to"]</c>, any other as an object. Every value is written as the files write it, and left
    /// out when absent: dates as <c>yyyy-MM-dd</c>, vague dates as precise as they are (<c>"2025-02"</c>), enum values
    /// and property names by their names in the files, <c>source</c> as one id or a list of ids, roles by their names.
    /// The same graph gives the same bytes, whatever the culture.
    /// </para>
    /// <para>
    /// The file holds facts, not the schema: the generator reads it together with the files that declare the types
    /// (give it to the project instead of the files of facts it replaces). Entity <c>description</c>s are not kept
    /// by a graph at run time, so they are not written.
    /// </para>
    /// <para>
    /// A view writes what it holds: a relation whose role player it leaves out is left out too, as a relation whose
    /// end it leaves out is, and a source it leaves out is not cited.
    /// </para>
    /// <para>Lines go to the stream as they are made, so memory does not grow with the graph.</para>
    /// </remarks>
    /// <param name="stream">A writable stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">Writing to the stream fails.</exception>
    /// <exception cref="InvalidOperationException">
    /// A value cannot be written in a file: a <see cref="double"/> that is not a finite number, a string holding half
    /// of a surrogate pair, or an enum value the enum does not declare (all of them possible only in entities and
    /// facts made in code). What was written before stays in the stream.
    /// </exception>
    /// <exception cref="NotSupportedException">The graph's class is not one the generator wrote.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = Start();
        foreach (var full in Lines(writer))
        {
            if (full)
            {
                writer.Flush(stream);
            }
        }

        writer.Flush(stream);
        stream.Flush();
    }

    /// <summary>Writes the entities and relations of this graph or view to <paramref name="stream"/>, as <see cref="Save(Stream)"/> does.</summary>
    /// <param name="stream">A writable stream, left open.</param>
    /// <param name="cancellationToken">Stops writing; what was written before stays in the stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">Writing to the stream fails.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="InvalidOperationException">A value cannot be written in a file (see <see cref="Save(Stream)"/>).</exception>
    /// <exception cref="NotSupportedException">The graph's class is not one the generator wrote.</exception>
    public async Task SaveAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = Start();
        foreach (var full in Lines(writer))
        {
            if (full)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.FlushAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }

        await writer.FlushAsync(stream, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private KgJsonWriter Start()
    {
        var writer = new KgJsonWriter(this is Graph ? null : Store);
        writer.Header(Root.Schema);
        return writer;
    }

    /// <summary>Writes the file a line at a time, saying after each whether the buffer is full enough to send on.</summary>
    private IEnumerable<bool> Lines(KgJsonWriter writer)
    {
        var store = Store;
        writer.StartEntities();
        foreach (var entity in store.Entities)
        {
            writer.WriteEntity(entity);
            yield return writer.IsFull;
        }

        writer.StartRelations();
        foreach (var relation in store.Relations)
        {
            writer.WriteRelation(relation);
            yield return writer.IsFull;
        }

        writer.End();
    }

    private static (string Target, string Temporary) SavePaths(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var target = Path.GetFullPath(path);
        var name = Path.GetFileName(target);
        if (name.Length == 0)
        {
            throw new ArgumentException($"'{path}' names a folder, not a file.", nameof(path));
        }

        // In the same folder, so that the move is a rename; hidden and marked, should a crash leave it behind.
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{name}.{Guid.NewGuid():N}.tmp");
        return (target, temporary);
    }
}
