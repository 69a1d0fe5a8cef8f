using System;
using System.Linq;

namespace KnowledgeGraph.Tests.Runtime;

public sealed class PathTests
{
    private readonly DiplomacyGraph _g = new();

    [Fact]
    public void Relation_ToString_is_a_forward_sentence()
    {
        Assert.Equal("Donald Trump —called→ Vladimir Putin", _g.FirstCall.ToString());
        Assert.Equal("Alexander Darchiyev —leads→ Russian delegation", _g.Leadership.ToString());
        Assert.Equal("American delegation —represents→ United States", _g.AmericanRepresentation.ToString());
    }

    [Fact]
    public void Entity_ToString_is_the_id_unless_the_type_has_a_name()
    {
        Assert.Equal("reuters-istanbul", _g.Reuters.ToString());
        Assert.Equal("Donald Trump", _g.Trump.ToString());
        Assert.Equal("trump", _g.Trump.Id);
    }

    [Fact]
    public void Any_direction_crosses_relations_backwards()
    {
        var path = _g.ShortestPath(_g.Trump, _g.Darchiyev);

        Assert.NotNull(path);
        Assert.Equal("Donald Trump —called→ Vladimir Putin ←called— Alexander Darchiyev", path.ToString());
        Assert.Equal(2, path.Count);
        Assert.Same(_g.Trump, path.Start);
        Assert.Same(_g.Darchiyev, path.End);
        Assert.Equal([_g.Trump, _g.Putin, _g.Darchiyev], path.Entities);

        // Either parallel call is a shortest first step.
        Assert.Contains(path[0].Relation, new Relation[] { _g.FirstCall, _g.SecondCall });
        Assert.True(path[0].IsForward);
        Assert.Same(_g.Trump, path[0].Start);
        Assert.Same(_g.Putin, path[0].End);

        Assert.Same(_g.DiplomatCall, path[1].Relation);
        Assert.False(path[1].IsForward);
        Assert.Same(_g.Putin, path[1].Start);
        Assert.Same(_g.Darchiyev, path[1].End);

        Assert.Equal([path[0], path[1]], path.ToList());
    }

    [Fact]
    public void Any_is_the_default_direction()
    {
        Assert.Equal(
            _g.ShortestPath(_g.Trump, _g.Russia, PathDirection.Any)?.ToString(),
            _g.ShortestPath(_g.Trump, _g.Russia)?.ToString());
        Assert.Equal(
            "Donald Trump —called→ Vladimir Putin ←called— Alexander Darchiyev —leads→ Russian delegation —represents→ Russia",
            _g.ShortestPath(_g.Trump, _g.Russia)?.ToString());
    }

    [Fact]
    public void A_path_made_only_of_backward_steps()
    {
        var path = _g.ShortestPath(_g.Russia, _g.Darchiyev);

        Assert.NotNull(path);
        Assert.Equal("Russia ←represents— Russian delegation ←leads— Alexander Darchiyev", path.ToString());
        Assert.All(path, step => Assert.False(step.IsForward));
        Assert.Null(_g.ShortestPath(_g.Russia, _g.Darchiyev, PathDirection.Forward));
    }

    [Fact]
    public void Forward_follows_relations_only_from_start_to_end()
    {
        var path = _g.ShortestPath(_g.Darchiyev, _g.Russia, PathDirection.Forward);

        Assert.NotNull(path);
        Assert.Equal("Alexander Darchiyev —leads→ Russian delegation —represents→ Russia", path.ToString());
        Assert.Equal([_g.Leadership, _g.RussianRepresentation], path.Select(step => step.Relation));
        Assert.All(path, step => Assert.True(step.IsForward));

        Assert.Null(_g.ShortestPath(_g.Trump, _g.Darchiyev, PathDirection.Forward));
        Assert.Null(_g.ShortestPath(_g.Putin, _g.Trump, PathDirection.Forward));
        Assert.Equal(
            "Vladimir Putin ←called— Donald Trump",
            _g.ShortestPath(_g.Putin, _g.Trump, PathDirection.Any)?.ToString());
    }

    [Fact]
    public void Forward_takes_a_longer_route_than_Any_when_the_short_one_goes_back()
    {
        var open = new OpenGraph();
        var a = open.AddEntity(new Person("a") { Name = "A" });
        var b = open.AddEntity(new Person("b") { Name = "B" });
        var c = open.AddEntity(new Person("c") { Name = "C" });
        var d = open.AddEntity(new Person("d") { Name = "D" });
        open.AddRelation(new Called(a, b) { On = default });
        open.AddRelation(new Called(b, c) { On = default });
        open.AddRelation(new Called(c, d) { On = default });
        open.AddRelation(new Called(d, a) { On = default });
        var g = open.Seal();

        Assert.Equal("A ←called— D", g.ShortestPath(a, d)?.ToString());
        Assert.Equal("A —called→ B —called→ C —called→ D", g.ShortestPath(a, d, PathDirection.Forward)?.ToString());
        Assert.Equal("D —called→ A", g.ShortestPath(d, a, PathDirection.Forward)?.ToString());
    }

    [Fact]
    public void From_an_entity_to_itself_is_the_empty_path()
    {
        foreach (var direction in new[] { PathDirection.Any, PathDirection.Forward })
        {
            foreach (Entity entity in new Entity[] { _g.Putin, _g.Witkoff, _g.Reuters })
            {
                var path = _g.ShortestPath(entity, entity, direction);

                Assert.NotNull(path);
                Assert.Empty(path);
                Assert.Same(entity, path.Start);
                Assert.Same(entity, path.End);
                Assert.Equal([entity], path.Entities);
                Assert.Equal(entity.ToString(), path.ToString());
            }
        }
    }

    [Fact]
    public void Unconnected_entities_have_no_path()
    {
        foreach (var direction in new[] { PathDirection.Any, PathDirection.Forward })
        {
            Assert.Null(_g.ShortestPath(_g.Trump, _g.Usa, direction));
            Assert.Null(_g.ShortestPath(_g.AmericanDelegation, _g.Russia, direction));
            Assert.Null(_g.ShortestPath(_g.Witkoff, _g.Trump, direction));
            Assert.Null(_g.ShortestPath(_g.Trump, _g.Witkoff, direction));
            Assert.Null(_g.ShortestPath(_g.Reuters, _g.Tass, direction)); // sources are not linked by their facts
        }
    }

    [Fact]
    public void Entities_of_another_graph_are_refused()
    {
        var other = new DiplomacyGraph();
        var loner = new Person("loner") { Name = "Loner" };

        foreach (var direction in new[] { PathDirection.Any, PathDirection.Forward })
        {
            Assert.Throws<ArgumentException>("from", () => _g.ShortestPath(other.Trump, _g.Putin, direction));
            Assert.Throws<ArgumentException>("to", () => _g.ShortestPath(_g.Trump, other.Putin, direction));
            // Even the same entity at both ends: the empty path is only for members.
            Assert.Throws<ArgumentException>("from", () => _g.ShortestPath(other.Putin, other.Putin, direction));
            Assert.Throws<ArgumentException>("from", () => _g.ShortestPath(loner, _g.Putin, direction));
            Assert.Throws<ArgumentException>("to", () => _g.ShortestPath(_g.Putin, loner, direction));
            Assert.Throws<ArgumentNullException>("from", () => _g.ShortestPath(null!, _g.Putin, direction));
            Assert.Throws<ArgumentNullException>("to", () => _g.ShortestPath(_g.Putin, null!, direction));
        }

        Assert.Throws<ArgumentException>("from", () => _g.ShortestPath(other.Trump, _g.Putin));
    }

    [Fact]
    public void An_undefined_direction_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>("direction", () => _g.ShortestPath(_g.Trump, _g.Putin, (PathDirection)42));
    }

    [Fact]
    public void A_path_is_a_snapshot_of_steps()
    {
        var path = _g.ShortestPath(_g.Darchiyev, _g.Russia)!;

        Assert.Equal(2, path.Count);
        Assert.Throws<IndexOutOfRangeException>(() => path[2]);
        var entities = path.Entities;
        Assert.NotSame(entities, path.Entities); // a fresh list each time: callers cannot alter the path
        Assert.Equal(entities, path.Entities);
    }
}
