using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Channels;

namespace KnowledgeGraph.Sparql;

/// <summary>N-Triples lines, whole, in a buffer rented from the shared pool: return it once sent.</summary>
internal sealed class TripleBatch(byte[] buffer, int length, int triples) : IDisposable
{
    public ReadOnlyMemory<byte> Text => buffer.AsMemory(0, length);

    public int Triples { get; } = triples;

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}

/// <summary>
/// The stream an N-Triples export writes into: it cuts the text after every <c>tripleCount</c>-th line and hands each
/// batch to a bounded channel, waiting while the channel is full, so memory holds a few batches whatever the graph's size.
/// </summary>
/// <remarks>
/// The N-Triples writer ends every triple with a line feed and escapes those in literals, so lines are triples.
/// </remarks>
internal sealed class TripleBatchStream(ChannelWriter<TripleBatch> batches, int tripleCount, CancellationToken cancellationToken) : Stream
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _length;
    private int _scanned;
    private int _lines;

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

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_length + buffer.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + buffer.Length, _buffer.Length * 2));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
        int at;
        while ((at = _buffer.AsSpan(_scanned, _length - _scanned).IndexOf((byte)'\n')) >= 0)
        {
            _scanned += at + 1;
            if (++_lines == tripleCount)
            {
                Send(_scanned);
            }
        }

        _scanned = _length;
    }

    /// <summary>Sends what is left, then tells the reader that no batch follows.</summary>
    public void Complete()
    {
        if (_length > 0)
        {
            Send(_length);
        }

        batches.Complete();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        base.Dispose(disposing);
    }

    /// <summary>Hands over the first <paramref name="end"/> bytes; the rest starts the next batch.</summary>
    private void Send(int end)
    {
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(64 * 1024, _buffer.Length));
        _buffer.AsSpan(end, _length - end).CopyTo(next);
        var batch = new TripleBatch(_buffer, end, _lines);
        _buffer = next;
        _length -= end;
        _scanned -= end;
        _lines = 0;

        // Called on the thread that exports, never on one of the pool's awaiting threads: blocking here is the back pressure.
        if (!batches.TryWrite(batch))
        {
            try
            {
                batches.WriteAsync(batch, cancellationToken).AsTask().GetAwaiter().GetResult();
            }
            catch
            {
                batch.Dispose();
                throw;
            }
        }
    }
}
