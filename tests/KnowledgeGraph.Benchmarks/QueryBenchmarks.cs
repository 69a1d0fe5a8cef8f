using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// The same four queries on the same synthetic model in three stores: the product's runtime graph (typed
/// navigation and LINQ, as a user writes them), raw QuikGraph (the baseline: ratios are against it) and
/// hand-written CSR arrays. Each query returns a count, and the stores agree on every count (checked in setup).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class QueryBenchmarks
{
    private SyntheticData _data = null!;
    private RuntimeGraph _runtime = null!;
    private QuikStore _quik = null!;
    private ArrayStore _arrays = null!;
    private (int From, int To) _pathEnds;

    [ParamsSource(nameof(Sizes))]
    public int Facts { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Queries;

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticModel.Generate(Facts);
        _runtime = new RuntimeGraph(_data);
        _quik = new QuikStore(_data);
        _arrays = new ArrayStore(_data);
        _pathEnds = _data.PathEnds;
        StoreCheck.EnsureAgree(_data, _runtime, _quik, _arrays);
    }

    // ---- all persons → worksFor → organization -----------------------------------------------------------

    [Benchmark(Description = "Runtime"), BenchmarkCategory("1-hop worksFor")]
    public int OneHopRuntime() => _runtime.OneHop();

    [Benchmark(Description = "Runtime members"), BenchmarkCategory("1-hop worksFor")]
    public int OneHopRuntimeMembers() => _runtime.OneHopMembers();

    [Benchmark(Description = "Runtime steps"), BenchmarkCategory("1-hop worksFor")]
    public int OneHopRuntimeSteps() => _runtime.OneHopSteps();

    [Benchmark(Description = "Runtime index"), BenchmarkCategory("1-hop worksFor")]
    public int OneHopRuntimeIndex() => _runtime.OneHopIndexed();

    [Benchmark(Baseline = true, Description = "QuikGraph"), BenchmarkCategory("1-hop worksFor")]
    public int OneHopQuikGraph() => _quik.OneHop();

    [Benchmark(Description = "Arrays"), BenchmarkCategory("1-hop worksFor")]
    public int OneHopArrays() => _arrays.OneHop();

    // ---- all persons → attended → meeting → heldIn → city → locatedIn → country -----------------------

    [Benchmark(Description = "Runtime"), BenchmarkCategory("3-hop attended/heldIn/locatedIn")]
    public int ThreeHopRuntime() => _runtime.ThreeHop();

    [Benchmark(Description = "Runtime members"), BenchmarkCategory("3-hop attended/heldIn/locatedIn")]
    public int ThreeHopRuntimeMembers() => _runtime.ThreeHopMembers();

    [Benchmark(Description = "Runtime steps"), BenchmarkCategory("3-hop attended/heldIn/locatedIn")]
    public int ThreeHopRuntimeSteps() => _runtime.ThreeHopSteps();

    [Benchmark(Description = "Runtime steps, each end"), BenchmarkCategory("3-hop attended/heldIn/locatedIn")]
    public int ThreeHopRuntimeStepsEnds() => _runtime.ThreeHopStepsEnds();

    [Benchmark(Description = "Runtime index"), BenchmarkCategory("3-hop attended/heldIn/locatedIn")]
    public int ThreeHopRuntimeIndex() => _runtime.ThreeHopIndexed();

    [Benchmark(Description = "Runtime path"), BenchmarkCategory("3-hop attended/heldIn/locatedIn")]
    public int ThreeHopRuntimePath() => _runtime.ThreeHopPath();

    [Benchmark(Description = "Runtime path, each end"), BenchmarkCategory("3-hop attended/heldIn/locatedIn")]
    public int ThreeHopRuntimePathEnds() => _runtime.ThreeHopPathEnds();

    [Benchmark(Baseline = true, Description = "QuikGraph"), BenchmarkCategory("3-hop attended/heldIn/locatedIn")]
    public int ThreeHopQuikGraph() => _quik.ThreeHop();

    [Benchmark(Description = "Arrays"), BenchmarkCategory("3-hop attended/heldIn/locatedIn")]
    public int ThreeHopArrays() => _arrays.ThreeHop();

    // ---- called relations with on < 2020-01-01 ------------------------------------------------------------

    [Benchmark(Description = "Runtime"), BenchmarkCategory("scan called.on < date")]
    public int ScanRuntime() => _runtime.CallsBefore(SyntheticData.CallCutoff);

    [Benchmark(Baseline = true, Description = "QuikGraph"), BenchmarkCategory("scan called.on < date")]
    public int ScanQuikGraph() => _quik.CallsBefore(SyntheticData.CallCutoff);

    [Benchmark(Description = "Arrays"), BenchmarkCategory("scan called.on < date")]
    public int ScanArrays() => _arrays.CallsBefore(SyntheticData.CallCutoff);

    // ---- shortest path, either direction, first person → last meeting ------------------------------------

    [Benchmark(Description = "Runtime"), BenchmarkCategory("shortest path")]
    public int PathRuntime() => _runtime.ShortestPathLength(_pathEnds.From, _pathEnds.To);

    [Benchmark(Baseline = true, Description = "QuikGraph"), BenchmarkCategory("shortest path")]
    public int PathQuikGraph() => _quik.ShortestPathLength(_pathEnds.From, _pathEnds.To);

    [Benchmark(Description = "Arrays"), BenchmarkCategory("shortest path")]
    public int PathArrays() => _arrays.ShortestPathLength(_pathEnds.From, _pathEnds.To);
}

/// <summary>
/// Building each store from the synthetic arrays: what materializing the graph costs at start-up, before any
/// JIT or IL cost of a generated constructor (build-timing.sh measures that in a compiled consumer).
/// </summary>
[MemoryDiagnoser]
public class MaterializationBenchmarks
{
    private SyntheticData _data = null!;

    [ParamsSource(nameof(Sizes))]
    public int Facts { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Materialization;

    [GlobalSetup]
    public void Setup() => _data = SyntheticModel.Generate(Facts);

    [Benchmark(Description = "Runtime graph")]
    public Graph Runtime() => new RuntimeGraph(_data);

    [Benchmark(Baseline = true, Description = "QuikGraph")]
    public QuikStore QuikGraph() => new QuikStore(_data);

    [Benchmark(Description = "Arrays")]
    public ArrayStore Arrays() => new ArrayStore(_data);
}

/// <summary>Checks that the three stores give the same answers, so the benchmarks compare like with like.</summary>
public static class StoreCheck
{
    public static void EnsureAgree(SyntheticData data, RuntimeGraph runtime, QuikStore quik, ArrayStore arrays)
    {
        Same("1-hop", runtime.OneHop(), quik.OneHop(), arrays.OneHop());
        Same("1-hop through the members", runtime.OneHopMembers(), quik.OneHop(), arrays.OneHop());
        Same("1-hop through the steps", runtime.OneHopSteps(), quik.OneHop(), arrays.OneHop());
        Same("1-hop through the index", runtime.OneHopIndexed(), quik.OneHop(), arrays.OneHop());
        Same("3-hop", runtime.ThreeHop(), quik.ThreeHop(), arrays.ThreeHop());
        Same("3-hop through the members", runtime.ThreeHopMembers(), quik.ThreeHop(), arrays.ThreeHop());
        Same("3-hop through the steps", runtime.ThreeHopSteps(), quik.ThreeHop(), arrays.ThreeHop());
        Same("3-hop through the steps, each end", runtime.ThreeHopStepsEnds(), quik.ThreeHop(), arrays.ThreeHop());
        Same("3-hop through the indexes", runtime.ThreeHopIndexed(), quik.ThreeHop(), arrays.ThreeHop());
        Same("3-hop through a path", runtime.ThreeHopPath(), quik.ThreeHop(), arrays.ThreeHop());
        Same("3-hop through a path, each end", runtime.ThreeHopPathEnds(), quik.ThreeHop(), arrays.ThreeHop());
        Same("scan", runtime.CallsBefore(SyntheticData.CallCutoff), quik.CallsBefore(SyntheticData.CallCutoff), arrays.CallsBefore(SyntheticData.CallCutoff));
        var (from, to) = data.PathEnds;
        var length = Same("shortest path", runtime.ShortestPathLength(from, to), quik.ShortestPathLength(from, to), arrays.ShortestPathLength(from, to));
        if (length <= 0)
        {
            throw new InvalidOperationException($"The path ends of the model of {data.FactCount} facts are not connected.");
        }

        if (runtime.EntityCount != data.EntityCount || runtime.RelationCount != data.RelationCount)
        {
            throw new InvalidOperationException("The runtime graph does not hold every fact.");
        }
    }

    private static int Same(string query, int runtime, int quik, int arrays)
    {
        if (runtime != quik || quik != arrays)
        {
            throw new InvalidOperationException($"The stores disagree on the {query} query: runtime {runtime}, QuikGraph {quik}, arrays {arrays}.");
        }

        return runtime;
    }
}

/// <summary>The model sizes (N facts) each benchmark class runs at; <c>--sizes</c> and <c>--smoke</c> change them.</summary>
public static class BenchmarkSizes
{
    public static int[] Generator { get; set; } = [1_000, 10_000, 100_000];

    public static int[] Queries { get; set; } = [1_000, 10_000, 100_000];

    public static int[] Materialization { get; set; } = [1_000, 10_000, 100_000, 1_000_000];

    public static void SetAll(int[] sizes)
    {
        Generator = sizes;
        Queries = sizes;
        Materialization = sizes;
    }
}
