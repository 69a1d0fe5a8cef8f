using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Tests.Runtime;
using QuikGraph.Algorithms;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>Projections, components, degree and PageRank on hand-written graphs.</summary>
public sealed class AnalysisTests
{
    private readonly QueryWorld _g = new();

    [Fact]
    public void Project_keeps_the_relations_of_a_type_and_the_entities_at_their_ends_in_file_order()
    {
        var places = _g.Project<LocatedIn>();

        Assert.Equal([_g.Residence, _g.Istanbul, _g.Turkiye, _g.Riyadh, _g.SaudiArabia], places.Vertices);
        Assert.Equal(new HashSet<Relation> { _g.R14, _g.R15, _g.R16 }, places.Edges.ToHashSet());
        Assert.True(places.AllowParallelEdges);

        // Any QuikGraph algorithm: every place comes before the place it lies in.
        var order = places.TopologicalSort().ToList();
        Assert.True(order.IndexOf(_g.Residence) < order.IndexOf(_g.Istanbul));
        Assert.True(order.IndexOf(_g.Istanbul) < order.IndexOf(_g.Turkiye));
    }

    [Fact]
    public void Project_by_several_types_or_by_a_test()
    {
        var map = _g.Project(typeof(LocatedIn), typeof(Borders));
        Assert.Equal([_g.Residence, _g.Istanbul, _g.Turkiye, _g.Riyadh, _g.SaudiArabia, _g.Greece, _g.Bulgaria], map.Vertices);
        Assert.Equal(new HashSet<Relation> { _g.R14, _g.R15, _g.R16, _g.R17, _g.R18, _g.R19 }, map.Edges.ToHashSet());
        Assert.Equal([_g.R15, _g.R17], map.OutEdges(_g.Istanbul).Concat(map.OutEdges(_g.Turkiye))); // per entity, in file order

        // A base type takes its subtypes: every relation.
        Assert.Equal(_g.RelationCount, _g.Project(typeof(Relation)).EdgeCount);

        var tass = _g.Project(r => r.Sources.Contains(_g.Tass));
        Assert.Equal(new HashSet<Relation> { _g.R0, _g.R1, _g.R9 }, tass.Edges.ToHashSet());
        Assert.Equal([_g.Trump, _g.Putin, _g.RussianDelegation, _g.SpringTalks], tass.Vertices);

        Assert.Empty(_g.Project(_ => false).Vertices);
    }

    [Fact]
    public void Project_refuses_a_type_that_is_not_a_relation()
    {
        Assert.Throws<ArgumentException>("relationTypes", () => _g.Project(typeof(Person)));
        Assert.Throws<ArgumentException>("relationTypes", () => _g.Project(typeof(LocatedIn), typeof(string)));
        Assert.Throws<ArgumentException>("relationTypes", () => _g.Project(typeof(LocatedIn), null!));
        Assert.Throws<ArgumentNullException>("keep", () => _g.Project((Func<Relation, bool>)null!));
    }

    [Fact]
    public void A_projection_is_a_new_graph_the_original_is_untouched()
    {
        var places = _g.Project<LocatedIn>();
        places.RemoveVertex(_g.Istanbul);
        places.AddVertex(_g.Trump);

        Assert.Equal(22, _g.EntityCount);
        Assert.Equal(20, _g.RelationCount);
        Assert.True(_g.AsQuikGraph().ContainsVertex(_g.Istanbul));
        Assert.True(_g.AsQuikGraph().ContainsEdge(_g.R15));
        Assert.Equal([_g.Istanbul, _g.Turkiye], _g.Residence.Closure(p => p.LocatedIn));
        Assert.Equal(3, _g.Project<LocatedIn>().EdgeCount);
    }

    [Fact]
    public void Connected_components_largest_first_each_in_file_order()
    {
        var components = _g.ConnectedComponents();

        Assert.Equal(
            [
                // The delegations, their leaders, countries and meetings, and the places the meetings lead to.
                [_g.Darchiyev, _g.Coulter, _g.Russia, _g.Usa, _g.RussianDelegation, _g.UsDelegation, _g.Talks, _g.SpringTalks,
                 _g.Residence, _g.Istanbul, _g.Turkiye, _g.Greece, _g.Bulgaria],
                [_g.Observers, _g.Session, _g.Riyadh, _g.SaudiArabia],
                [_g.Trump, _g.Putin, _g.Witkoff],
                // Sources are not linked to the facts they back: two loners, in file order.
                [_g.Reuters],
                [_g.Tass],
            ],
            components);
    }

    [Fact]
    public void Components_of_one_size_in_the_file_order_of_their_first_entity()
    {
        var open = new OpenGraph();
        var a = open.AddEntity(new Person("a") { Name = "A" });
        var b = open.AddEntity(new Person("b") { Name = "B" });
        var c = open.AddEntity(new Person("c") { Name = "C" });
        var d = open.AddEntity(new Person("d") { Name = "D" });
        var e = open.AddEntity(new Person("e") { Name = "E" });
        open.AddRelation(new Called(d, b) { On = default }); // {b, d} first met at d, but ordered by b
        open.AddRelation(new Called(c, a) { On = default });
        var g = open.Seal();

        Assert.Equal([[a, c], [b, d], [e]], g.ConnectedComponents());
        Assert.Empty(new OpenGraph().Seal().ConnectedComponents());
    }

    [Fact]
    public void Degree_counts_the_facts_at_an_entity_both_ways()
    {
        Assert.Equal(3, _g.Degree(_g.Trump)); // R0, R1, R2
        Assert.Equal(4, _g.Degree(_g.RussianDelegation)); // R3, R5, R7, R9
        Assert.Equal(4, _g.Degree(_g.Istanbul)); // R11, R12, R14, R15
        Assert.Equal(0, _g.Degree(_g.Reuters));
        Assert.Throws<ArgumentException>("entity", () => _g.Degree(new QueryWorld().Trump));

        var open = new OpenGraph();
        var narcissus = open.AddEntity(new Person("n") { Name = "N" });
        open.AddRelation(new Called(narcissus, narcissus) { On = default });
        var g = open.Seal();
        Assert.Equal(2, g.Degree(narcissus)); // a loop starts and ends here
    }

    [Fact]
    public void Degree_centrality_ranks_the_most_connected_first_ties_in_file_order()
    {
        var ranking = _g.DegreeCentrality();

        Assert.Equal(22, ranking.Count);
        Assert.Equal(
            [
                _g.RussianDelegation, _g.Istanbul, // 4
                _g.Trump, _g.UsDelegation, _g.Talks, _g.Turkiye, // 3
                _g.Putin, _g.SpringTalks, _g.Session, _g.Riyadh, _g.Greece, _g.Bulgaria, // 2
                _g.Darchiyev, _g.Coulter, _g.Witkoff, _g.Russia, _g.Usa, _g.Observers, _g.Residence, _g.SaudiArabia, // 1
                _g.Reuters, _g.Tass, // 0
            ],
            ranking.Select(score => score.Entity));
        Assert.Equal(4.0 / 21, ranking[0].Score, 12);
        Assert.Equal(1.0 / 21, ranking[^3].Score, 12);
        Assert.Equal(0, ranking[^1].Score);
        Assert.Equal("Russian delegation: 0.1905", ranking[0].ToString());
    }

    [Fact]
    public void PageRank_of_two_entities_matches_the_closed_form()
    {
        var open = new OpenGraph();
        var a = open.AddEntity(new Person("a") { Name = "A" });
        var b = open.AddEntity(new Person("b") { Name = "B" });
        open.AddRelation(new Called(a, b) { On = default });

        // b is a dead end and hands its share to both: a = 0.15/2 + 0.85·b/2, b = 1 − a, so a = 0.5 / 1.425.
        var g = open.Seal();
        var ranking = g.PageRank();

        Assert.Equal([b, a], ranking.Select(score => score.Entity));
        Assert.Equal(0.5 / 1.425, ranking[1].Score, 9);
        Assert.Equal(1 - (0.5 / 1.425), ranking[0].Score, 9);
    }

    [Fact]
    public void PageRank_scores_add_up_to_one_and_a_cycle_shares_alike()
    {
        var ranking = _g.PageRank();
        Assert.Equal(22, ranking.Count);
        Assert.Equal(1, ranking.Sum(score => score.Score), 9);

        // The borders cycle alone: every country the same, in file order.
        var cycle = _g.Where(r => r is Borders).WhereEntities(e => e is Place p && p.Borders.Count > 0).PageRank();
        Assert.Equal([_g.Turkiye, _g.Greece, _g.Bulgaria], cycle.Select(score => score.Entity));
        Assert.All(cycle, score => Assert.Equal(1.0 / 3, score.Score, 9));
    }

    [Fact]
    public void PageRank_forward_ranks_what_facts_point_to_and_either_way_ranks_hubs()
    {
        // A star of calls from a hub: forward, the hub is pointed at by no one; either way it is the centre.
        var open = new OpenGraph();
        var hub = open.AddEntity(new Person("hub") { Name = "Hub" });
        var spokes = Enumerable.Range(1, 4).Select(i => open.AddEntity(new Person($"s{i}") { Name = $"S{i}" })).ToArray();
        foreach (var spoke in spokes)
        {
            open.AddRelation(new Called(hub, spoke) { On = default });
        }

        var g = open.Seal();
        Assert.Same(hub, g.PageRank()[^1].Entity);
        Assert.Same(hub, g.PageRank(direction: PathDirection.Any)[0].Entity);
        Assert.Equal(spokes, g.PageRank().Take(4).Select(score => score.Entity)); // equal spokes, in file order
        Assert.Equal(0.2, g.PageRank(damping: 0)[0].Score, 12); // no links followed: all alike
    }

    [Theory]
    [InlineData(1, PathDirection.Forward)]
    [InlineData(2, PathDirection.Forward)]
    [InlineData(3, PathDirection.Forward)]
    [InlineData(4, PathDirection.Any)]
    [InlineData(5, PathDirection.Any)]
    public void PageRank_solved_by_component_gives_the_power_iterations_scores(int seed, PathDirection direction)
    {
        // Random calls (cycles, chains, self-calls, parallel calls, dead ends) and symmetric meetings, against the plain
        // power iteration over the whole graph, run far past any tolerance.
        var random = new Random(seed);
        var open = new OpenGraph();
        var people = Enumerable.Range(0, 40).Select(i => open.AddEntity(new Person($"p{i}") { Name = $"P{i}" })).ToArray();
        var links = new List<(int From, int To)>();
        for (var k = 0; k < 70; k++)
        {
            var (from, to) = (random.Next(people.Length), random.Next(people.Length));
            if (k % 7 == 0)
            {
                open.AddRelation(new MetWith(people[from], people[to]));
                links.Add((from, to));
                links.Add((to, from));
            }
            else
            {
                open.AddRelation(new Called(people[from], people[to]) { On = default });
                links.Add((from, to));
                if (direction == PathDirection.Any)
                {
                    links.Add((to, from));
                }
            }
        }

        var ranking = open.Seal().PageRank(direction: direction);

        var expected = PowerIteration(people.Length, links, 0.85);
        Assert.Equal(people.Length, ranking.Count);
        Assert.All(ranking, score => Assert.Equal(expected[Array.IndexOf(people, score.Entity)], score.Score, tolerance: 1e-9));
        Assert.Equal(ranking.OrderByDescending(score => score.Score).Select(score => score.Entity), ranking.Select(score => score.Entity));
    }

    [Fact]
    public void PageRank_of_many_small_cycles_is_as_close_as_of_one()
    {
        // Pairs who met (a cycle of two each, Forward), some calling into others: every cycle stops on its own, and
        // each must be as close as the whole graph would be.
        var open = new OpenGraph();
        var people = Enumerable.Range(0, 600).Select(i => open.AddEntity(new Person($"p{i}") { Name = $"P{i}" })).ToArray();
        var links = new List<(int From, int To)>();
        for (var i = 0; i + 1 < people.Length; i += 2)
        {
            open.AddRelation(new MetWith(people[i], people[i + 1]));
            links.Add((i, i + 1));
            links.Add((i + 1, i));
            if (i % 6 == 0)
            {
                open.AddRelation(new Called(people[i], people[(i + 7) % people.Length]) { On = default });
                links.Add((i, (i + 7) % people.Length));
            }
        }

        var ranking = open.Seal().PageRank();

        var expected = PowerIteration(people.Length, links, 0.85);
        Assert.All(ranking, score =>
        {
            var exact = expected[Array.IndexOf(people, score.Entity)];
            Assert.True(Math.Abs(score.Score - exact) < 1e-9 * exact, $"{score.Entity.Id}: {score.Score} where {exact}");
        });
    }

    private static double[] PowerIteration(int n, List<(int From, int To)> links, double damping)
    {
        var outDegree = new int[n];
        foreach (var (from, _) in links)
        {
            outDegree[from]++;
        }

        var rank = Enumerable.Repeat(1.0 / n, n).ToArray();
        for (var sweep = 0; sweep < 3000; sweep++)
        {
            var deadEnds = Enumerable.Range(0, n).Where(i => outDegree[i] == 0).Sum(i => rank[i]);
            var next = Enumerable.Repeat(((1 - damping) + (damping * deadEnds)) / n, n).ToArray();
            foreach (var (from, to) in links)
            {
                next[to] += damping * rank[from] / outDegree[from];
            }

            rank = next;
        }

        return rank;
    }

    [Fact]
    public void PageRank_follows_symmetric_relations_both_ways()
    {
        var open = new OpenGraph();
        var a = open.AddEntity(new Person("a") { Name = "A" });
        var b = open.AddEntity(new Person("b") { Name = "B" });
        open.AddRelation(new MetWith(a, b));

        var g = open.Seal();
        Assert.All(g.PageRank(), score => Assert.Equal(0.5, score.Score, 9));
    }

    [Fact]
    public void PageRank_checks_its_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>("damping", () => _g.PageRank(1));
        Assert.Throws<ArgumentOutOfRangeException>("damping", () => _g.PageRank(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>("damping", () => _g.PageRank(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("direction", () => _g.PageRank(0.85, (PathDirection)5));
        Assert.Empty(new OpenGraph().Seal().PageRank());
    }
}
