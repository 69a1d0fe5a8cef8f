using System.Globalization;
using System.Linq;
using System.Text;
using Diplomacy;
using KnowledgeGraph.Tests.Exporting;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>
/// The analyses against igraph's C core, what data people use for them: the same graph handed to igraph as an edge
/// list gives the same scores and distances.
/// </summary>
public sealed class IgraphParityTests
{
    private static DiplomacyGraph G => DiplomacyGraph.Default;

    [Theory]
    [InlineData(PathDirection.Forward)]
    [InlineData(PathDirection.Any)]
    public void PageRank_gives_igraphs_scores_within_1e_6(PathDirection direction)
    {
        // igraph counts a parallel edge once each and spreads a dead end's share over every vertex, as PageRank does;
        // a symmetric fact is an edge each way, and Any makes every fact one (an undirected graph in igraph).
        var scores = Igraph($"print('\\n'.join(repr(s) for s in g.pagerank(damping=0.85, directed={(direction == PathDirection.Forward ? "True" : "False")})))", direction);

        var ours = G.PageRank(0.85, direction).ToDictionary(s => s.Entity, s => s.Score);
        var entities = G.Entities<Entity>().ToList();
        Assert.Equal(entities.Count, scores.Length);
        for (var i = 0; i < entities.Count; i++)
        {
            Assert.True(
                System.Math.Abs(ours[entities[i]] - double.Parse(scores[i], CultureInfo.InvariantCulture)) < 1e-6,
                $"{entities[i].Id}: ours {ours[entities[i]]}, igraph's {scores[i]}");
        }
    }

    [Theory]
    [InlineData(PathDirection.Forward)]
    [InlineData(PathDirection.Any)]
    public void Distances_are_igraphs_shortest_path_lengths(PathDirection direction)
    {
        var entities = G.Entities<Entity>().ToList();
        var from = entities.IndexOf(G.Darchiyev);
        var lengths = Igraph($"print('\\n'.join(str(d) for d in g.distances(source=[{from}], mode='{(direction == PathDirection.Forward ? "out" : "all")}')[0]))", direction);

        var ours = G.Distances(G.Darchiyev, direction).ToDictionary(d => d.Entity, d => d.Distance);
        for (var i = 0; i < entities.Count; i++)
        {
            int? expected = lengths[i] == "inf" ? null : int.Parse(lengths[i], CultureInfo.InvariantCulture);
            Assert.Equal(expected, ours.TryGetValue(entities[i], out var distance) ? distance : null);
        }
    }

    /// <summary>Runs <paramref name="script"/> with <c>g</c>, the sample as an igraph graph, and returns its output lines.</summary>
    private static string[] Igraph(string script, PathDirection direction)
    {
        var entities = G.Entities<Entity>().ToList();
        var edges = new StringBuilder();
        foreach (var relation in G.Relations<Relation>())
        {
            var (from, to) = (entities.IndexOf(relation.From), entities.IndexOf(relation.To));
            edges.Append(CultureInfo.InvariantCulture, $"({from},{to}),");
            if (relation.IsSymmetric && direction == PathDirection.Forward)
            {
                edges.Append(CultureInfo.InvariantCulture, $"({to},{from}),");
            }
        }

        var directed = direction == PathDirection.Forward ? "True" : "False";
        var run = ExternalTools.RunPython(
            $"import igraph\ng = igraph.Graph(n={entities.Count}, edges=[{edges}], directed={directed})\n{script}",
            "python3-igraph").Succeeded("igraph");
        return run.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
    }
}
