using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>--save</c>: <see cref="GraphView.Save(Stream)"/> on the synthetic model: the time to write it to a stream that
/// drops the bytes (the writer alone) and to a file (<see cref="GraphView.Save(string)"/>), the size of the file, and
/// what saving allocates, which should not grow with the graph.
/// </summary>
public static class SaveMode
{
    private const int Rounds = 3;

    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        // JIT everything once on a small model so that no measurement pays for it.
        Measure(SyntheticModel.Generate(1_000), TextWriter.Null);

        output.WriteLine("| N facts | entities | file MB | Save to a null stream ms (best of 3) | MB/s | Save(path) ms (best of 3) | allocated by Save KB | graph MB |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            Measure(SyntheticModel.Generate(size), output);
        }
    }

    private static void Measure(SyntheticData data, TextWriter output)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var graph = new RuntimeGraph(data);
        var graphBytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        var counting = new CountingStream();
        graph.Save(counting);

        var toNull = double.MaxValue;
        var allocated = long.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            graph.Save(Stream.Null);
            toNull = Math.Min(toNull, clock.Elapsed.TotalMilliseconds);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        }

        var path = Path.Combine(Path.GetTempPath(), $"kg-save-benchmark-{Guid.NewGuid():N}.kg.json");
        var toFile = double.MaxValue;
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                graph.Save(path);
                toFile = Math.Min(toFile, clock.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            File.Delete(path);
        }

        GC.KeepAlive(graph);
        var megabytes = counting.Length / 1e6;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {data.FactCount:N0} | {data.EntityCount:N0} | {megabytes:F1} | {toNull:F0} | {megabytes / (toNull / 1000):F0} | {toFile:F0} | {allocated / 1024.0:F0} | {graphBytes / 1e6:F0} |"));
    }

    /// <summary>Counts the bytes written and keeps none of them.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
