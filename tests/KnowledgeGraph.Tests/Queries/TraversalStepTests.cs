using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Tests.Missions;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>
/// The generated traversal steps (<c>astronauts.CrewOf().Crew()</c>) give, entity by entity and in order, what the
/// navigation members of the same names give, in a graph, in a view and on any sequence; <see cref="Traversal{T}.Count"/>
/// counts what they enumerate.
/// </summary>
public sealed class TraversalStepTests
{
    private static MissionGraph G => MissionGraph.Default;

    public static TheoryData<string> Graphs => ["graph", "view of 1970", "view without ASTP", "graph with a loop"];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Every_kind_of_step_gives_what_the_members_give(string which)
    {
        var g = Graph(which);
        var astronauts = g.Entities<Astronaut>();
        var missions = g.Entities<Mission>();

        Same(astronauts.SelectMany(astronaut => astronaut.CrewOf), astronauts.CrewOf()); // forward, many
        Same(astronauts.Select(astronaut => astronaut.BackupFor).OfType<Mission>(), astronauts.BackupFor()); // forward, single
        Same(missions.SelectMany(mission => mission.Crew), missions.Crew()); // inverse
        Same(astronauts.SelectMany(astronaut => astronaut.TrainedWith), astronauts.TrainedWith()); // symmetric
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Steps_on_steps_walk_depth_first_in_order_and_keep_repeats(string which)
    {
        var g = Graph(which);
        var astronauts = g.Entities<Astronaut>();

        Same(astronauts.SelectMany(a => a.CrewOf).SelectMany(m => m.Crew), astronauts.CrewOf().Crew());
        Same(astronauts.SelectMany(a => a.CrewOf).SelectMany(m => m.Crew).SelectMany(a => a.CrewOf), astronauts.CrewOf().Crew().CrewOf());
        Same(
            astronauts.SelectMany(a => a.CrewOf).SelectMany(m => m.Crew).SelectMany(a => a.CrewOf).SelectMany(m => m.Crew),
            astronauts.CrewOf().Crew().CrewOf().Crew());
        Same(
            astronauts.Select(a => a.BackupFor).OfType<Mission>().SelectMany(m => m.Crew).Select(a => a.BackupFor).OfType<Mission>(),
            astronauts.BackupFor().Crew().BackupFor());
        Same(
            astronauts.SelectMany(a => a.TrainedWith).SelectMany(a => a.TrainedWith).SelectMany(a => a.CrewOf),
            astronauts.TrainedWith().TrainedWith().CrewOf());
        Same(
            astronauts.Select(a => a.BackupFor).OfType<Mission>().SelectMany(m => m.Crew).SelectMany(a => a.TrainedWith),
            astronauts.BackupFor().Crew().TrainedWith());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_chains_on_random_graphs_give_what_the_members_give(int seed)
    {
        var random = new Random(seed);
        var g = RandomGraph(random);
        var day = new DateOnly(1970, 1, 1).AddDays(random.Next(365));
        var kept = g.Entities<Entity>().Where(_ => random.Next(4) > 0).Select(entity => entity.Id).ToHashSet();
        foreach (var view in new GraphView[] { g, g.AsOf(day), g.WhereEntities(entity => kept.Contains(entity.Id)) })
        {
            for (var chain = 0; chain < 200; chain++)
            {
                var startsAtMission = random.Next(2) == 0;
                IEnumerable<Entity> expected = startsAtMission ? view.Entities<Mission>() : view.Entities<Astronaut>();
                IEnumerable<Entity> actual = expected;
                var onMissions = startsAtMission;
                for (var step = random.Next(1, 6); step > 0; step--)
                {
                    var (take, expect, toMissions) = onMissions
                        ? Steps.MissionSteps[0]
                        : Steps.AstronautSteps[random.Next(Steps.AstronautSteps.Length)];
                    (actual, expected, onMissions) = (take(actual), expect(expected).ToList(), toMissions);
                }

                var list = expected.ToList();
                Assert.Equal(list, actual.ToList());
                Assert.Equal(list.Count, actual switch
                {
                    Traversal<Mission> reached => reached.Count(),
                    Traversal<Astronaut> reached => reached.Count(),
                    _ => throw new InvalidOperationException("A step gave no traversal."),
                });
            }
        }
    }

    [Fact]
    public void A_symmetric_step_lists_a_fact_from_an_entity_to_itself_once()
    {
        var g = WithLoop();
        var stafford = g.Stafford;

        // Stafford's facts: to Leonov, to himself; then Leonov's to him. The loop is not listed again from its end.
        Assert.Equal([g.Leonov, stafford, g.Leonov], stafford.TrainedWith);
        Assert.Equal([g.Leonov, stafford, g.Leonov], new[] { stafford }.TrainedWith());
        Assert.Equal(3, new[] { stafford }.TrainedWith().Count());
    }

    [Fact]
    public void A_step_reads_the_graph_or_view_each_entity_belongs_to()
    {
        var view = G.AsOf(new DateOnly(1970, 1, 1));
        var staffordOfView = view.FindEntity<Astronaut>("stafford")!;

        // One sequence, entities of the graph and of a view: each steps where it belongs.
        Assert.Equal(["apollo10", "astp", "apollo10"], new[] { G.Stafford, staffordOfView }.CrewOf().Select(mission => mission.Id));
        Assert.Same(view.FindEntity<Mission>("apollo10"), new[] { staffordOfView }.CrewOf().Single());
    }

    [Fact]
    public void A_traversal_is_lazy_and_reads_its_sequence_again_each_time()
    {
        var astronauts = new List<Astronaut> { G.Leonov };
        var missions = astronauts.CrewOf();
        Assert.Equal([G.Soyuz19], missions);

        astronauts.Add(G.Stafford);
        Assert.Equal([G.Soyuz19, G.Apollo10, G.Astp], missions);
        Assert.Equal(3, missions.Count());
    }

    [Fact]
    public void A_count_beyond_int_MaxValue_throws_rather_than_wrapping()
    {
        var builder = G.ToBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            var mission = builder.AddEntity(new Mission($"mission{i}") { Name = $"Mission {i}", Launched = new DateOnly(1970, 1, 1) });
            builder.AddRelation(new CrewOf(G.Stafford, mission));
        }

        var g = builder.Build();

        // Stafford flew 50,002 missions, each with him aboard: 50,002² ways out, back and out again, over int.MaxValue.
        Assert.Equal(50_002, new[] { g.Stafford }.CrewOf().Crew().Count());
        Assert.Throws<OverflowException>(() => new[] { g.Stafford }.CrewOf().Crew().CrewOf().Count());
    }

    [Fact]
    public void A_sequence_with_null_or_an_entity_in_no_graph_is_refused_clearly()
    {
        var loose = new Astronaut("young") { Name = "John Young" };

        Assert.Throws<ArgumentNullException>(() => ((IEnumerable<Astronaut>)null!).CrewOf());
        Assert.Contains("holds null", Assert.Throws<InvalidOperationException>(() => new Astronaut[] { G.Stafford, null! }.CrewOf().ToList()).Message);
        Assert.Contains("'young' is in no graph", Assert.Throws<InvalidOperationException>(() => new[] { loose }.CrewOf().Count()).Message);
    }

    // Astronauts and missions with facts drawn at random: crews (some facts stated twice), backups (at most one an
    // astronaut) and training partners, self-loops included.
    private static MissionGraph RandomGraph(Random random)
    {
        var builder = G.ToBuilder();
        var astronauts = Enumerable.Range(0, 12).Select(i => builder.AddEntity(new Astronaut($"a{i}") { Name = $"Astronaut {i}" })).ToArray();
        var missions = Enumerable.Range(0, 8)
            .Select(i => builder.AddEntity(new Mission($"m{i}") { Name = $"Mission {i}", Launched = new DateOnly(1969, 1, 1).AddDays(random.Next(730)) }))
            .ToArray();
        for (var i = 0; i < 30; i++)
        {
            builder.AddRelation(new CrewOf(astronauts[random.Next(astronauts.Length)], missions[random.Next(missions.Length)]));
            builder.AddRelation(new TrainedWith(astronauts[random.Next(astronauts.Length)], astronauts[random.Next(astronauts.Length)]));
        }

        foreach (var astronaut in astronauts.Where(_ => random.Next(2) == 0))
        {
            builder.AddRelation(new BackupFor(astronaut, missions[random.Next(missions.Length)]));
        }

        return builder.Build();
    }

    // Each step as a traversal step and as LINQ over the member of the same name, and whether it ends at missions.
    private static class Steps
    {
        public static readonly (Func<IEnumerable<Entity>, IEnumerable<Entity>> Take, Func<IEnumerable<Entity>, IEnumerable<Entity>> Expect, bool ToMissions)[] AstronautSteps =
        [
            (s => ((IEnumerable<Astronaut>)s).CrewOf(), s => s.Cast<Astronaut>().SelectMany(a => a.CrewOf), true),
            (s => ((IEnumerable<Astronaut>)s).BackupFor(), s => s.Cast<Astronaut>().Select(a => a.BackupFor).OfType<Mission>(), true),
            (s => ((IEnumerable<Astronaut>)s).TrainedWith(), s => s.Cast<Astronaut>().SelectMany(a => a.TrainedWith), false),
        ];

        public static readonly (Func<IEnumerable<Entity>, IEnumerable<Entity>> Take, Func<IEnumerable<Entity>, IEnumerable<Entity>> Expect, bool ToMissions)[] MissionSteps =
        [
            (s => ((IEnumerable<Mission>)s).Crew(), s => s.Cast<Mission>().SelectMany(m => m.Crew), false),
        ];
    }

    private static GraphView Graph(string which) => which switch
    {
        "graph" => G,
        "view of 1970" => G.AsOf(new DateOnly(1970, 1, 1)),
        "view without ASTP" => G.WhereEntities(entity => entity.Id != "astp"),
        _ => WithLoop(),
    };

    private static MissionGraph WithLoop()
    {
        var builder = G.ToBuilder();
        builder.AddRelation(new TrainedWith(G.Stafford, G.Stafford));
        builder.AddRelation(new TrainedWith(G.Leonov, G.Stafford));
        return builder.Build();
    }

    // The same entities in the same order, and a count that agrees.
    private static void Same<T>(IEnumerable<T> expected, Traversal<T> actual)
        where T : Entity
    {
        var list = expected.ToList();
        Assert.Equal(list, actual.ToList());
        Assert.Equal(list.Count, actual.Count());
        var enumerated = new List<T>();
        foreach (var entity in actual)
        {
            enumerated.Add(entity);
        }

        Assert.Equal(list, enumerated);
    }
}
