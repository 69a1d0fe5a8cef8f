using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using QuikGraph.Algorithms;

namespace KnowledgeGraph.Tests.Runtime;

/// <summary>A sealed graph promises that any number of threads may read it at once.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Concurrent_readers_get_the_same_answers_as_a_single_reader()
    {
        var g = new DiplomacyGraph();
        var queries = Queries(g);
        var expected = queries.Select(query => query()).ToArray();
        var mismatches = new ConcurrentQueue<string>();
        var failures = new ConcurrentQueue<Exception>();

        // Many short reads, interleaved across the pool's threads; each query asked in every position.
        Parallel.For(
            0,
            queries.Length * 500,
            i =>
            {
                var q = (i * 7) % queries.Length;
                try
                {
                    var actual = queries[q]();
                    if (actual != expected[q])
                    {
                        mismatches.Enqueue($"query {q}: '{actual}' instead of '{expected[q]}'");
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            });

        Assert.Empty(failures);
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Concurrent_first_use_of_Default_builds_one_graph()
    {
        var seen = new ConcurrentBag<DiplomacyGraph>();
        Parallel.For(0, 64, _ => seen.Add(DiplomacyGraph.Default));
        Assert.Single(seen.Distinct());
    }

    private static Func<string>[] Queries(DiplomacyGraph g) =>
    [
        () => Join(g.Trump.Called),
        () => Join(g.Putin.CalledBy),
        () => $"{g.Darchiyev.Leads} {g.RussianDelegation.LedBy} {g.AmericanDelegation.LedBy} {g.RussianDelegation.Represents}",
        () => Join(g.Russia.RepresentedBy),
        () => Join(g.Entities<Agent>()),
        () => Join(g.Entities<Person>().Where(p => p.Called.Count > 0)),
        () => Join(g.Relations<Called>()),
        () => Join(g.Darchiyev.Outgoing<Relation>()) + " / " + Join(g.Putin.Incoming<Called>()),
        () => Join(g.FactsFrom(g.Reuters)),
        () => $"{g.FindEntity("darchiyev")} {g.FindEntity("nobody")} {g.EntityCount} {g.RelationCount}",
        () => $"{g.ShortestPath(g.Trump, g.Russia)}",
        () => $"{g.ShortestPath(g.Russia, g.Darchiyev)} | {g.ShortestPath(g.Russia, g.Darchiyev, PathDirection.Forward)}",
        () => $"{g.ShortestPath(g.Darchiyev, g.Russia, PathDirection.Forward)}",
        () => $"{g.ShortestPath(g.Trump, g.Usa)} | {g.ShortestPath(g.Putin, g.Putin)}",
        () => Join(g.AsQuikGraph().TopologicalSort().Where(e => e is Country)),
        () => $"{g.AsQuikGraph().WeaklyConnectedComponents(new Dictionary<Entity, int>())}",
        () => Join(g.AsOf(new DateOnly(2025, 2, 15)).Relations<Relation>()),
        () => Join(g.Between(new DateOnly(2025, 2, 20), new DateOnly(2025, 3, 1)).Entities<Entity>()),
        () => Join(g.Timeline()),
        () => Join(g.AllSimplePaths(g.Trump, g.Russia, 6)),
        () => $"{g.ShortestPath(g.Trump, g.Russia, r => r is Called ? 2 : 1)}",
        () => Join(g.ConnectedComponents().Select(Join)),
        () => Join(g.PageRank()) + " / " + Join(g.DegreeCentrality()),
        () => Join(g.Match<Person>().Via(p => p.Called).Select((p, c) => $"{p} {c}")),
        () => Join(g.Trump.Closure(p => p.Called)) + " / " + Join(g.Entities<Person>().Outgoing<Called>().To()),
        () => Join(g.FactsBySource().Select(group => $"{group.Key}: {Join(group)}")),
    ];

    private static string Join<T>(IEnumerable<T> items) => string.Join(", ", items);
}
