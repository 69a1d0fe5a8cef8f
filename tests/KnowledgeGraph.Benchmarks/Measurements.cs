using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using QuikGraph;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>--memory</c>: the bytes each store keeps per entity and per relation once built, measured with full
/// collections before and after (<see cref="GC.GetTotalMemory(bool)"/>), plus what building allocated in all.
/// </summary>
/// <remarks>
/// Bytes per entity = (graph with entities only) / entities; bytes per relation = (full graph − graph with
/// entities only) / relations. The id and name strings are shared with the synthetic data in every store, so
/// they are not counted (a compiled-in graph keeps them as string literals, outside the GC heap, too).
/// </remarks>
public static class MemoryMode
{
    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        // JIT everything once on a small model so that no measurement pays for it.
        Measure(SyntheticModel.Generate(1_000), TextWriter.Null);

        output.WriteLine("| N facts | store | entities | relations | retained MB | bytes/entity | bytes/relation | allocated MB | build ms |");
        output.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            Measure(SyntheticModel.Generate(size), output);
        }
    }

    private static void Measure(SyntheticData data, TextWriter output)
    {
        Row(output, data, "runtime Graph (Entity/Relation objects)",
            () => new RuntimeGraph(data, withRelations: false),
            () => new RuntimeGraph(data));
        Row(output, data, "raw QuikGraph <int, STaggedEdge<int, EdgeTag>>",
            () => QuikVertices<STaggedEdge<int, EdgeTag>>(data),
            () => new QuikStore(data));
        Row(output, data, "raw QuikGraph <int, SEdge<int>> (no tag)",
            () => QuikVertices<SEdge<int>>(data),
            () =>
            {
                var graph = QuikVertices<SEdge<int>>(data);
                for (var r = 0; r < data.RelationCount; r++)
                {
                    graph.AddEdge(new SEdge<int>(data.From[r], data.To[r]));
                }

                return graph;
            });
        Row(output, data, "CSR arrays (per type + undirected)", null, () => new ArrayStore(data));
    }

    private static BidirectionalGraph<int, TEdge> QuikVertices<TEdge>(SyntheticData data) where TEdge : IEdge<int>
    {
        var graph = new BidirectionalGraph<int, TEdge>(allowParallelEdges: true);
        for (var i = 0; i < data.EntityCount; i++)
        {
            graph.AddVertex(i);
        }

        return graph;
    }

    private static void Row(TextWriter output, SyntheticData data, string store, Func<object>? entitiesOnly, Func<object> full)
    {
        var vertexBytes = entitiesOnly is null ? 0 : Retained(entitiesOnly).Bytes;
        var (bytes, allocated, milliseconds) = Retained(full);
        var perEntity = entitiesOnly is null ? "" : Number((double)vertexBytes / data.EntityCount, 1);
        var perRelation = entitiesOnly is null
            ? $"({Number((double)bytes / data.RelationCount, 1)} per fact, all in)"
            : Number((double)(bytes - vertexBytes) / data.RelationCount, 1);
        output.WriteLine(
            $"| {data.FactCount:N0} | {store} | {data.EntityCount:N0} | {data.RelationCount:N0} | {Number(bytes / 1048576.0, 1)} | "
            + $"{perEntity} | {perRelation} | {Number(allocated / 1048576.0, 1)} | {Number(milliseconds, 1)} |");
    }

    private static (long Bytes, long Allocated, double Milliseconds) Retained(Func<object> build)
    {
        FullCollect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var built = build();
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        FullCollect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(built);
        return (after - before, allocated, clock.Elapsed.TotalMilliseconds);
    }

    internal static void FullCollect()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
    }

    internal static string Number(double value, int decimals) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>--compile</c>: one timed pass (no repetitions) of what a build does with the model, in this process with
/// Roslyn: run the generator, compile its output (as generated, and with <c>#nullable enable annotations</c>
/// instead of <c>#nullable enable</c>, which skips nullable flow analysis), load the assembly and
/// touch <c>NewsGraph.Default</c> (JIT of the generated constructor plus building the graph).
/// </summary>
public static class CompileMode
{
    /// <summary>Above this size, compiling the generated code in this process can take all the machine's memory.</summary>
    public const int UnguardedLimit = 10_000;

    public static void Run(IReadOnlyList<int> sizes, TextWriter output, bool warmUp = true)
    {
        // At 100,000 facts Roslyn's nullable analysis of the generated constructor took all 24 GB of the machine
        // (docs/performance.md): fail inside a heap limit rather than wake the kernel's OOM killer.
        if (sizes.Any(size => size > UnguardedLimit) && !HeapLimited())
        {
            throw new InvalidOperationException(
                $"--compile above {UnguardedLimit:N0} facts needs a GC heap limit, such as DOTNET_GCHeapHardLimitPercent=0x40 (64%).");
        }

        if (warmUp)
        {
            Measure(1_000, TextWriter.Null); // warm the compiler's own JIT
        }

        output.WriteLine("| N facts | generator s | generated MB (chars) | compile s | compile s, no nullable analysis | IL+metadata MB | first NewsGraph.Default ms | of which JIT ms | Default allocated MB |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes)
        {
            Measure(size, output);
        }
    }

    private static bool HeapLimited() =>
        new[] { "DOTNET_GCHeapHardLimit", "DOTNET_GCHeapHardLimitPercent", "COMPlus_GCHeapHardLimit", "COMPlus_GCHeapHardLimitPercent" }
            .Any(name => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)));

    private static void Measure(int facts, TextWriter output)
    {
        var data = SyntheticModel.Generate(facts);
        var texts = SyntheticModel.Files(data).Select(file => (AdditionalText)new InMemoryText("/model/" + file.Name, file.Content)).ToList();
        data = null;
        var program = GeneratorRunner.Compilation("public static class Program { public static void Main() { } }");

        MemoryMode.FullCollect();
        var clock = Stopwatch.StartNew();
        var run = GeneratorRunner.CreateDriver(texts).RunGenerators(program).GetRunResult();
        var generatorSeconds = clock.Elapsed.TotalSeconds;
        GeneratorRunner.EnsureClean(run, facts);
        var trees = run.GeneratedTrees;
        var generatedBytes = trees.Sum(tree => (long)tree.GetText().Length);
        texts.Clear();

        // Without nullable analysis first: with it, large models run out of memory, and the row still says how far they got.
        var withoutNullable = trees.Select(tree => tree.WithChangedText(tree.GetText().Replace(
            tree.GetText().ToString().IndexOf("#nullable enable", StringComparison.Ordinal), "#nullable enable".Length, "#nullable enable annotations")));
        var (secondsWithoutNullable, image) = Compile(program.AddSyntaxTrees(withoutNullable), facts);
        string seconds;
        try
        {
            seconds = MemoryMode.Number(Compile(program.AddSyntaxTrees(trees), facts).Seconds, 1);
        }
        catch (OutOfMemoryException)
        {
            seconds = "out of memory";
        }

        MemoryMode.FullCollect();
        var (readyMilliseconds, jitMilliseconds, allocated) = LoadAndTouch(image);
        output.WriteLine(
            $"| {facts:N0} | {MemoryMode.Number(generatorSeconds, 2)} | {MemoryMode.Number(generatedBytes / 1048576.0, 1)} | "
            + $"{seconds} | {MemoryMode.Number(secondsWithoutNullable, 1)} | {MemoryMode.Number(image.Length / 1048576.0, 1)} | "
            + $"{MemoryMode.Number(readyMilliseconds, 0)} | {MemoryMode.Number(jitMilliseconds, 0)} | {MemoryMode.Number(allocated / 1048576.0, 1)} |");
    }

    private static (double Seconds, byte[] Image) Compile(CSharpCompilation compilation, int facts)
    {
        MemoryMode.FullCollect();
        var clock = Stopwatch.StartNew();
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var seconds = clock.Elapsed.TotalSeconds;
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The generated code of {facts} facts did not compile cleanly: {problems.Count} problems, such as {problems.FirstOrDefault()}");
        }

        return (seconds, image.ToArray());
    }

    /// <summary>Loads the compiled model into its own context and times the first <c>NewsGraph.Default</c>.</summary>
    private static (double Milliseconds, double JitMilliseconds, long Allocated) LoadAndTouch(byte[] image)
    {
        var context = new AssemblyLoadContext("model", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(image));
            var graphType = assembly.GetType("KnowledgeGraph.Benchmarks.News.NewsGraph", throwOnError: true)!;
            var property = graphType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!;
            MemoryMode.FullCollect();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
            var clock = Stopwatch.StartNew();
            var graph = (Graph)property.GetValue(null)!;
            clock.Stop();
            var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jitBefore;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            GC.KeepAlive(graph);
            return (clock.Elapsed.TotalMilliseconds, jit.TotalMilliseconds, allocated);
        }
        finally
        {
            context.Unload();
        }
    }
}
