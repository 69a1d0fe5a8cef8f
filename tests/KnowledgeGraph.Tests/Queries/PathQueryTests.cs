using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Tests.Runtime;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>Weighted shortest paths and all simple paths on hand-written graphs.</summary>
public sealed class PathQueryTests
{
    private readonly QueryWorld _g = new();

    /// <summary>a → b → d and a → c → e → d: two routes from a to d, one short and one long.</summary>
    private sealed class Diamond
    {
        public Diamond()
        {
            var open = new OpenGraph();
            A = open.AddEntity(new Person("a") { Name = "A" });
            B = open.AddEntity(new Person("b") { Name = "B" });
            C = open.AddEntity(new Person("c") { Name = "C" });
            D = open.AddEntity(new Person("d") { Name = "D" });
            E = open.AddEntity(new Person("e") { Name = "E" });
            AB = open.AddRelation(new Called(A, B) { On = default });
            BD = open.AddRelation(new Called(B, D) { On = default });
            AC = open.AddRelation(new Called(A, C) { On = default });
            CE = open.AddRelation(new Called(C, E) { On = default });
            ED = open.AddRelation(new Called(E, D) { On = default });
            Graph = open.Seal();
        }

        public MadeGraph Graph { get; }
        public Person A { get; }
        public Person B { get; }
        public Person C { get; }
        public Person D { get; }
        public Person E { get; }
        public Called AB { get; }
        public Called BD { get; }
        public Called AC { get; }
        public Called CE { get; }
        public Called ED { get; }
    }

    [Fact]
    public void Weighted_shortest_path_takes_the_lightest_route_not_the_fewest_steps()
    {
        var d = new Diamond();
        var weights = new Dictionary<Relation, double> { [d.AB] = 5, [d.BD] = 1, [d.AC] = 1, [d.CE] = 1, [d.ED] = 1 };

        Assert.Equal("A —called→ B —called→ D", d.Graph.ShortestPath(d.A, d.D)?.ToString());
        var light = d.Graph.ShortestPath(d.A, d.D, r => weights[r]);
        Assert.Equal("A —called→ C —called→ E —called→ D", light?.ToString());
        Assert.Equal([d.AC, d.CE, d.ED], light!.Select(step => step.Relation));

        // With equal weights, the fewest steps win again.
        Assert.Equal("A —called→ B —called→ D", d.Graph.ShortestPath(d.A, d.D, _ => 1)?.ToString());
    }

    [Fact]
    public void A_path_found_by_weight_has_the_sum_of_its_weights_and_any_other_its_length()
    {
        var d = new Diamond();
        var weights = new Dictionary<Relation, double> { [d.AB] = 5, [d.BD] = 1, [d.AC] = 1.5, [d.CE] = 0.25, [d.ED] = 1 };

        Assert.Equal(2.75, d.Graph.ShortestPath(d.A, d.D, r => weights[r])!.Weight);
        Assert.Equal(2, d.Graph.ShortestPath(d.A, d.D)!.Weight);
        Assert.Equal(0, d.Graph.ShortestPath(d.A, d.A, r => weights[r])!.Weight);
        Assert.Equal(0, d.Graph.ShortestPath(d.A, d.A)!.Weight);
        Assert.All(d.Graph.AllSimplePaths(d.A, d.D, 3), path => Assert.Equal(path.Count, path.Weight));
    }

    [Fact]
    public void Weighted_shortest_path_follows_direction()
    {
        var d = new Diamond();

        // Backwards from d to a: either way only.
        Assert.Equal("D ←called— B ←called— A", d.Graph.ShortestPath(d.D, d.A, _ => 1)?.ToString());
        Assert.Null(d.Graph.ShortestPath(d.D, d.A, _ => 1, PathDirection.Forward));
        Assert.Equal("A —called→ B —called→ D", d.Graph.ShortestPath(d.A, d.D, _ => 1, PathDirection.Forward)?.ToString());
    }

    [Fact]
    public void Zero_weights_are_allowed_and_infinite_ones_close_a_relation()
    {
        var d = new Diamond();

        Assert.Equal(
            "A —called→ C —called→ E —called→ D",
            d.Graph.ShortestPath(d.A, d.D, r => r == d.AB ? double.PositiveInfinity : 10)?.ToString());
        Assert.Equal(
            "A —called→ C —called→ E —called→ D",
            d.Graph.ShortestPath(d.A, d.D, r => r == d.AB || r == d.BD ? 1 : 0)?.ToString());
        Assert.Null(d.Graph.ShortestPath(d.A, d.D, r => r == d.AB || r == d.ED ? double.PositiveInfinity : 1));
        Assert.Null(d.Graph.ShortestPath(d.A, d.B, _ => double.PositiveInfinity));
        Assert.Empty(d.Graph.ShortestPath(d.A, d.A, _ => double.PositiveInfinity)!);
    }

    [Fact]
    public void Negative_or_NaN_weights_are_refused_with_the_relation_named()
    {
        var d = new Diamond();

        var negative = Assert.Throws<ArgumentException>("weight", () => d.Graph.ShortestPath(d.A, d.D, r => r == d.CE ? -1 : 1));
        Assert.Contains("C —called→ E", negative.Message, StringComparison.Ordinal);
        Assert.Contains("-1", negative.Message, StringComparison.Ordinal);
        // Every relation is checked, even one the search would never reach.
        Assert.Throws<ArgumentException>("weight", () => d.Graph.ShortestPath(d.C, d.E, r => r == d.AB ? double.NaN : 1));
        Assert.Throws<ArgumentNullException>("weight", () => d.Graph.ShortestPath(d.A, d.D, (Func<Relation, double>)null!));
        Assert.Throws<ArgumentOutOfRangeException>("direction", () => d.Graph.ShortestPath(d.A, d.D, _ => 1, (PathDirection)7));
        Assert.Throws<ArgumentException>("from", () => d.Graph.ShortestPath(_g.Trump, d.D, _ => 1));
    }

    [Fact]
    public void Weighted_by_a_relation_property()
    {
        // Later calls cost more: the route from witkoff to putin through trump uses R2 (20 Feb) and then R0 (12 Feb)
        // rather than R1 (18 Mar), though both R0 and R1 link trump and putin.
        var path = _g.ShortestPath(_g.Witkoff, _g.Putin, r => r is Called c ? c.On.DayNumber - new DateOnly(2025, 1, 1).DayNumber : 1);

        Assert.NotNull(path);
        Assert.Equal([_g.R2, _g.R0], path.Select(step => step.Relation));
        Assert.Equal("Steve Witkoff ←called— Donald Trump —called→ Vladimir Putin", path.ToString());
    }

    [Fact]
    public void Equally_short_paths_go_through_the_relation_first_in_file_order()
    {
        // trump and putin are linked by R0 (trump → putin) and R1 (putin → trump): R0 comes first.
        var path = _g.ShortestPath(_g.Trump, _g.Putin);
        Assert.Same(_g.R0, Assert.Single(path!).Relation);
        Assert.Same(_g.R0, Assert.Single(_g.ShortestPath(_g.Putin, _g.Trump)!).Relation);
        Assert.Same(_g.R1, Assert.Single(_g.ShortestPath(_g.Putin, _g.Trump, PathDirection.Forward)!).Relation);
    }

    [Fact]
    public void All_simple_paths_shortest_first_then_in_file_order_of_their_relations()
    {
        // Darchiyev leads the Russian delegation, which attended the Istanbul talks (R7) and the spring talks (R9),
        // both held in Istanbul (R11, R12). No other route stays simple.
        var paths = _g.AllSimplePaths(_g.Darchiyev, _g.Istanbul, 4).ToList();

        Assert.Equal(
            [
                "Alexander Darchiyev —leads→ Russian delegation —attended→ Istanbul talks —heldIn→ Istanbul",
                "Alexander Darchiyev —leads→ Russian delegation —attended→ Spring talks —heldIn→ Istanbul",
            ],
            paths.Select(p => p.ToString()));
        Assert.Equal([_g.R3, _g.R7, _g.R11], paths[0].Select(step => step.Relation));
        Assert.Equal([_g.R3, _g.R9, _g.R12], paths[1].Select(step => step.Relation));
        Assert.Empty(_g.AllSimplePaths(_g.Darchiyev, _g.Istanbul, 2));
        Assert.Equal(2, _g.AllSimplePaths(_g.Darchiyev, _g.Istanbul, 3, PathDirection.Forward).Count());
        Assert.Empty(_g.AllSimplePaths(_g.Istanbul, _g.Darchiyev, 10, PathDirection.Forward));
        Assert.Equal(2, _g.AllSimplePaths(_g.Istanbul, _g.Darchiyev, 10).Count());
    }

    [Fact]
    public void Parallel_facts_make_separate_paths_and_shorter_ones_come_first()
    {
        // trump–putin: R0 forward and R1 backwards; no longer simple route (witkoff is a dead end).
        Assert.Equal(
            ["Donald Trump —called→ Vladimir Putin", "Donald Trump ←called— Vladimir Putin"],
            _g.AllSimplePaths(_g.Trump, _g.Putin, 5).Select(p => p.ToString()));
        Assert.Equal(["Donald Trump —called→ Vladimir Putin"], _g.AllSimplePaths(_g.Trump, _g.Putin, 5, PathDirection.Forward).Select(p => p.ToString()));

        // Around the borders cycle: R19 straight back (1 relation) before R17, R18 the long way round (2).
        Assert.Equal(
            ["Türkiye ←borders— Bulgaria", "Türkiye —borders→ Greece —borders→ Bulgaria"],
            _g.AllSimplePaths(_g.Turkiye, _g.Bulgaria, 3).Select(p => p.ToString()));
        Assert.Equal(["Türkiye —borders→ Greece —borders→ Bulgaria"], _g.AllSimplePaths(_g.Turkiye, _g.Bulgaria, 3, PathDirection.Forward).Select(p => p.ToString()));
    }

    [Fact]
    public void All_simple_paths_of_a_diamond_in_lexicographic_order()
    {
        var d = new Diamond();

        // Either way from b to e: b ←AB— a —AC→ c —CE→ e (3), b —BD→ d ←ED— e (2): the shorter first.
        Assert.Equal(
            ["B —called→ D ←called— E", "B ←called— A —called→ C —called→ E"],
            d.Graph.AllSimplePaths(d.B, d.E, 10).Select(p => p.ToString()));
        Assert.Equal(
            ["A —called→ B —called→ D", "A —called→ C —called→ E —called→ D"],
            d.Graph.AllSimplePaths(d.A, d.D, 3).Select(p => p.ToString()));
    }

    [Fact]
    public void From_an_entity_to_itself_only_the_empty_path()
    {
        var paths = _g.AllSimplePaths(_g.Turkiye, _g.Turkiye, 5).ToList();

        var path = Assert.Single(paths);
        Assert.Empty(path);
        Assert.Equal("Türkiye", path.ToString());
        Assert.Empty(_g.AllSimplePaths(_g.Trump, _g.Putin, 0));
        Assert.Single(_g.AllSimplePaths(_g.Trump, _g.Trump, 0));
    }

    [Fact]
    public void All_simple_paths_check_their_arguments_at_once()
    {
        var other = new QueryWorld();

        Assert.Throws<ArgumentOutOfRangeException>("maxLength", () => _g.AllSimplePaths(_g.Trump, _g.Putin, -1));
        Assert.Throws<ArgumentOutOfRangeException>("direction", () => _g.AllSimplePaths(_g.Trump, _g.Putin, 1, (PathDirection)3));
        Assert.Throws<ArgumentException>("from", () => _g.AllSimplePaths(other.Trump, _g.Putin, 1));
        Assert.Throws<ArgumentException>("to", () => _g.AllSimplePaths(_g.Trump, other.Putin, 1));
        Assert.Throws<ArgumentNullException>("to", () => _g.AllSimplePaths(_g.Trump, null!, 1));
        Assert.Empty(_g.AllSimplePaths(_g.Trump, _g.Reuters, 30)); // unconnected: stops when no walk can grow
    }

    [Fact]
    public void Symmetric_relations_are_crossed_either_way_even_forward()
    {
        var open = new OpenGraph();
        var a = open.AddEntity(new Person("a") { Name = "A" });
        var b = open.AddEntity(new Person("b") { Name = "B" });
        var c = open.AddEntity(new Person("c") { Name = "C" });
        var met = open.AddRelation(new MetWith(a, b));
        var call = open.AddRelation(new Called(c, b) { On = default });
        var g = open.Seal();

        // b met a (the fact is written a → b): forward reaches a; the call c → b cannot be followed back.
        Assert.Equal("B ←metWith— A", g.ShortestPath(b, a, PathDirection.Forward)?.ToString());
        Assert.Null(g.ShortestPath(b, c, PathDirection.Forward));
        Assert.Equal(["B ←metWith— A"], g.AllSimplePaths(b, a, 3, PathDirection.Forward).Select(p => p.ToString()));
        Assert.Equal(["C —called→ B ←metWith— A"], g.AllSimplePaths(c, a, 3, PathDirection.Forward).Select(p => p.ToString()));
        Assert.Same(met, g.ShortestPath(a, b, PathDirection.Forward)![0].Relation);
        Assert.Same(call, g.ShortestPath(c, b, PathDirection.Forward)![0].Relation);
    }
}
