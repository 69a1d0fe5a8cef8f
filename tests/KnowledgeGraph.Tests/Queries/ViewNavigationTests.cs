using System;
using System.Linq;
using KnowledgeGraph.Tests.Missions;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>
/// Views and built graphs answer the same way, as a new user tries them: every query inside a view answers within
/// it, navigation included, and the entities a builder returns navigate the graph it builds.
/// </summary>
/// <remarks>
/// On 1970-01-01 (<see cref="Day"/>) Apollo 10 had flown and the ASTP missions (1975) had not: the view keeps Stafford,
/// Leonov and Apollo 10, and of the crew facts only Stafford's on Apollo 10.
/// </remarks>
public sealed class ViewNavigationTests
{
    private static readonly DateOnly Day = new(1970, 1, 1);

    private static MissionGraph G => MissionGraph.Default;

    [Fact]
    public void A_typed_step_from_a_view_stays_in_the_view()
    {
        var view = G.AsOf(Day);

        Assert.Equal(["Apollo 10"], view.Entities<Astronaut>().CrewOf().Select(mission => mission.Name));
        Assert.Equal(["Apollo 10", "Apollo (ASTP)", "Soyuz 19"], G.Entities<Astronaut>().CrewOf().Select(mission => mission.Name));
    }

    [Fact]
    public void A_pattern_and_a_typed_step_of_one_view_agree()
    {
        var view = G.AsOf(Day);

        var matched = view.Match<Astronaut>().Via(astronaut => astronaut.CrewOf).Select((astronaut, mission) => (astronaut.Id, mission.Id));
        var stepped = view.Entities<Astronaut>().SelectMany(astronaut => astronaut.CrewOf.Select(mission => (astronaut.Id, mission.Id)));

        Assert.Equal([("stafford", "apollo10")], matched);
        Assert.Equal(matched, stepped);
    }

    [Fact]
    public void Every_kind_of_navigation_of_a_view_entity_reads_the_view()
    {
        var view = G.AsOf(Day);
        var stafford = view.FindEntity<Astronaut>("stafford")!;
        var leonov = view.FindEntity<Astronaut>("leonov")!;
        var apollo10 = view.FindEntity<Mission>("apollo10")!;

        Assert.Equal([apollo10], stafford.CrewOf);
        Assert.Empty(leonov.CrewOf); // Soyuz 19 is not launched yet
        Assert.Null(leonov.BackupFor); // single-valued
        Assert.Equal([stafford], apollo10.Crew); // the inverse
        Assert.Equal([leonov], stafford.TrainedWith); // symmetric, and undated: kept
        Assert.Equal([apollo10], stafford.Outgoing<CrewOf>().Select(fact => fact.To));
        Assert.Empty(view.FindEntity<Site>("orbit")!.DockingsHere); // a role of a fact the view leaves out
        Assert.Single(G.Orbit.DockingsHere);

        // The whole graph's entities still read the whole graph.
        Assert.Equal(2, G.Stafford.CrewOf.Count);
        Assert.Same(G.Astp, G.Leonov.BackupFor);
    }

    [Fact]
    public void The_objects_of_a_view_are_its_own_and_equal_the_graphs()
    {
        var view = G.AsOf(Day);
        var stafford = view.FindEntity<Astronaut>("stafford")!;

        Assert.NotSame(G.Stafford, stafford);
        Assert.Equal(G.Stafford, stafford);
        Assert.Equal(G.Stafford.GetHashCode(), stafford.GetHashCode());
        Assert.Contains(G.Stafford, view.Entities<Astronaut>());
        Assert.True(view.Contains(G.Stafford));
        Assert.True(G.Contains(stafford));
        Assert.Same(stafford, view.Entities<Astronaut>().Single(astronaut => astronaut.Id == "stafford"));
        Assert.Same(stafford, view.Relations<CrewOf>().Single().From);

        // A view of a view is a view of the same graph: its objects equal both.
        var narrower = view.WhereEntities(entity => entity is not Mission);
        var again = narrower.FindEntity<Astronaut>("stafford")!;
        Assert.Equal(stafford, again);
        Assert.Empty(again.CrewOf);
        Assert.Equal([narrower.FindEntity<Astronaut>("leonov")], again.TrainedWith);

        // The same id in another graph is another entity.
        Assert.NotEqual<Entity>(G.Stafford, G.ToBuilder().Build().Stafford);
    }

    [Fact]
    public void A_query_given_the_graphs_entity_answers_with_the_views()
    {
        var view = G.AsOf(Day);
        var path = view.ShortestPath(G.Apollo10, G.Leonov)!;

        Assert.Equal(["apollo10", "stafford", "leonov"], path.Entities.Select(entity => entity.Id));
        Assert.All(path.Entities, entity => Assert.True(ReferenceEquals(entity, view.FindEntity(entity.Id))));
        Assert.All(view.Outgoing<CrewOf>(G.Stafford), fact => Assert.Same(view.FindEntity("stafford"), fact.From));
        Assert.Null(view.ShortestPath(G.Stafford, G.Astp)); // left out of the view
    }

    [Fact]
    public void The_entities_a_builder_returns_navigate_the_graph_it_builds()
    {
        var builder = G.ToBuilder();
        var gemini = builder.AddEntity(new Mission("gemini6") { Name = "Gemini 6A", Launched = new DateOnly(1965, 12, 15) });
        builder.AddRelation(new CrewOf(G.Stafford, gemini));

        var built = builder.Build();

        Assert.Same(gemini, built.FindEntity("gemini6"));
        Assert.True(built.Contains(gemini));
        Assert.Equal([built.Stafford], gemini.Crew);
        Assert.Equal(["apollo10", "astp", "gemini6"], built.Stafford.CrewOf.Select(mission => mission.Id));
        Assert.DoesNotContain(G.Stafford.CrewOf, mission => mission.Id == "gemini6");

        // A second graph from the same builder copies them: the first graph keeps its own.
        var second = builder.Build();
        Assert.NotSame(gemini, second.FindEntity("gemini6"));
        Assert.Same(gemini, built.Stafford.CrewOf[2]);
    }

    [Fact]
    public void An_entity_in_no_graph_refuses_navigation_loudly()
    {
        var builder = G.ToBuilder();
        var gemini = builder.AddEntity(new Mission("gemini6") { Name = "Gemini 6A", Launched = new DateOnly(1965, 12, 15) });
        var loose = new Astronaut("young") { Name = "John Young" };

        var beforeBuild = Assert.Throws<InvalidOperationException>(() => gemini.Crew);
        Assert.Contains("'gemini6' is in no graph", beforeBuild.Message);
        Assert.Throws<InvalidOperationException>(() => loose.CrewOf);
        Assert.Throws<InvalidOperationException>(() => loose.BackupFor);
        Assert.Throws<InvalidOperationException>(() => loose.TrainedWith);
        Assert.Throws<InvalidOperationException>(() => loose.Outgoing<CrewOf>());
    }
}
