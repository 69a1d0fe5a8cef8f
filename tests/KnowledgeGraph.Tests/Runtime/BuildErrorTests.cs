using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace KnowledgeGraph.Tests.Runtime;

/// <summary>
/// Making a graph: every bad input is refused with the documented exception and leaves what the graph is made of
/// exactly as it was, the graph made from it whole, and the rejected entity free.
/// </summary>
public sealed class BuildErrorTests
{
    private readonly OpenGraph _g = new();
    private readonly Person _alice;
    private readonly Person _bob;
    private readonly Delegation _delegation;
    private readonly Article _source;
    private readonly Called _call;

    public BuildErrorTests()
    {
        _alice = _g.AddEntity(new Person("alice") { Name = "Alice" });
        _bob = _g.AddEntity(new Person("bob") { Name = "Bob" });
        _delegation = _g.AddEntity(new Delegation("delegation") { Name = "Delegation" });
        _source = _g.AddEntity(new Article("source"));
        _call = _g.AddRelation(new Called(_alice, _bob) { On = new DateOnly(2025, 2, 12), Sources = [_source] });
    }

    [Fact]
    public void Add_returns_the_instance_it_adds()
    {
        var carol = new Person("carol") { Name = "Carol" };
        Assert.Same(carol, _g.AddEntity(carol));
        var leads = new Leads(carol, _delegation);
        Assert.Same(leads, _g.AddRelation(leads));
        _g.Seal();
        Assert.Same(_delegation, carol.Leads);
    }

    [Fact]
    public void A_made_graph_refuses_a_new_entity()
    {
        var g = _g.Seal();
        var before = Snapshot(g);
        var carol = new Person("carol") { Name = "Carol" };

        Assert.Throws<InvalidOperationException>(() => _g.AddEntity(carol));

        Assert.Equal(before, Snapshot(g));
        Assert.Null(g.FindEntity("carol"));
        AssertFree(carol);
    }

    [Fact]
    public void A_made_graph_refuses_a_new_relation()
    {
        var g = _g.Seal();
        var before = Snapshot(g);

        Assert.Throws<InvalidOperationException>(() => _g.AddRelation(new Called(_bob, _alice) { On = default }));

        Assert.Equal(before, Snapshot(g));
        Assert.Empty(_bob.Called);
    }

    [Fact]
    public void What_a_graph_is_made_of_makes_one_graph()
    {
        _g.Seal();
        Assert.Throws<InvalidOperationException>(() => _g.Seal());
        Assert.Throws<InvalidOperationException>(() => _g.AddEntity(new Person("carol") { Name = "Carol" }));
    }

    [Fact]
    public void A_duplicate_id_is_refused_and_the_first_entity_kept()
    {
        var before = Snapshot(_g);
        var impostor = new Diplomat("alice") { Name = "Impostor" };

        Assert.Throws<ArgumentException>("entity", () => _g.AddEntity(impostor));

        Assert.Equal(before, Snapshot(_g));
        AssertFree(impostor);
        var g = _g.Seal();
        Assert.Same(_alice, g.FindEntity("alice"));
        Assert.Empty(g.Entities<Diplomat>());
        Assert.False(g.AsQuikGraph().ContainsVertex(impostor));
    }

    [Fact]
    public void Ids_differing_only_in_case_are_distinct()
    {
        var upper = _g.AddEntity(new Person("Alice") { Name = "Other Alice" });
        var g = _g.Seal();
        Assert.Same(upper, g.FindEntity("Alice"));
        Assert.Same(_alice, g.FindEntity("alice"));
    }

    [Fact]
    public void The_same_entity_twice_is_refused()
    {
        var before = Snapshot(_g);

        Assert.Throws<ArgumentException>("entity", () => _g.AddEntity(_alice));

        Assert.Equal(before, Snapshot(_g));
    }

    [Fact]
    public void An_entity_of_another_graph_is_refused()
    {
        var other = new OpenGraph();
        var carol = other.AddEntity(new Person("carol") { Name = "Carol" });
        var dave = other.AddEntity(new Person("dave") { Name = "Dave" });
        other.AddRelation(new Called(carol, dave) { On = default });
        var before = Snapshot(_g);
        var otherBefore = Snapshot(other);

        Assert.Throws<ArgumentException>("entity", () => _g.AddEntity(carol));

        Assert.Equal(before, Snapshot(_g));
        // Still wholly the other graph's entity.
        Assert.Equal(otherBefore, Snapshot(other));
        var g = _g.Seal();
        var made = other.Seal();
        Assert.Null(g.FindEntity("carol"));
        Assert.Equal([dave], carol.Called);
        Assert.NotNull(made.ShortestPath(carol, dave));
        Assert.Throws<ArgumentException>(() => g.ShortestPath(carol, _alice));
    }

    [Fact]
    public void An_entity_of_a_sealed_generated_graph_is_refused()
    {
        var generated = new DiplomacyGraph();
        var before = Snapshot(_g);

        Assert.Throws<ArgumentException>(() => _g.AddEntity(generated.Witkoff));

        Assert.Equal(before, Snapshot(_g));
        Assert.Same(generated.Witkoff, generated.FindEntity("witkoff"));
    }

    public static TheoryData<string> ForeignRelations => new()
    {
        "from in another graph",
        "to in another graph",
        "from in no graph",
        "to in no graph",
        "source in another graph",
        "source in no graph",
        "second source in another graph",
        "null source",
    };

    [Theory]
    [MemberData(nameof(ForeignRelations))]
    public void A_relation_reaching_outside_the_graph_is_refused(string which)
    {
        var other = new OpenGraph();
        var foreigner = other.AddEntity(new Person("alice") { Name = "Alice elsewhere" });
        var foreignSource = other.AddEntity(new Article("source"));
        var loner = new Person("loner") { Name = "Loner" };
        Called relation = which switch
        {
            "from in another graph" => new Called(foreigner, _bob) { On = default },
            "to in another graph" => new Called(_bob, foreigner) { On = default },
            "from in no graph" => new Called(loner, _bob) { On = default },
            "to in no graph" => new Called(_bob, loner) { On = default },
            "source in another graph" => new Called(_bob, _alice) { On = default, Sources = [foreignSource] },
            "source in no graph" => new Called(_bob, _alice) { On = default, Sources = [new Article("loose")] },
            "second source in another graph" => new Called(_bob, _alice) { On = default, Sources = [_source, foreignSource] },
            "null source" => new Called(_bob, _alice) { On = default, Sources = [null!] },
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };
        var before = Snapshot(_g);
        var otherBefore = Snapshot(other);

        // ThrowsAny: a null source is an ArgumentNullException, which is an ArgumentException.
        var error = Assert.ThrowsAny<ArgumentException>(() => _g.AddRelation(relation));

        Assert.Equal("relation", error.ParamName);
        Assert.Equal(before, Snapshot(_g));
        Assert.Equal(otherBefore, Snapshot(other));
        Assert.Equal([_call], _g.Seal().FactsFrom(_source));
        other.Seal();
        Assert.Empty(foreigner.Outgoing<Relation>());
        Assert.Empty(foreigner.Incoming<Relation>());
        Assert.Throws<InvalidOperationException>(() => loner.Called); // still in no graph
    }

    [Fact]
    public void The_same_relation_twice_is_refused()
    {
        var before = Snapshot(_g);

        Assert.Throws<ArgumentException>("relation", () => _g.AddRelation(_call));

        Assert.Equal(before, Snapshot(_g));
        _g.Seal();
        Assert.Equal([_bob], _alice.Called);
    }

    [Fact]
    public void Parallel_facts_are_distinct_relations_and_both_kept()
    {
        var again = _g.AddRelation(new Called(_alice, _bob) { On = new DateOnly(2025, 3, 1) });
        var g = _g.Seal();

        Assert.Equal([_call, again], g.Relations<Called>());
        Assert.Equal([_bob, _bob], _alice.Called);
        Assert.Equal(2, g.AsQuikGraph().EdgeCount);
    }

    [Fact]
    public void Null_is_refused()
    {
        var before = Snapshot(_g);

        Assert.Throws<ArgumentNullException>("entity", () => _g.AddEntity<Person>(null!));
        Assert.Throws<ArgumentNullException>("relation", () => _g.AddRelation<Called>(null!));

        Assert.Equal(before, Snapshot(_g));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    [InlineData(null)]
    public void An_entity_needs_a_non_blank_id(string? id)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new Person(id!) { Name = "Nameless" });
        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void An_entity_keeps_its_id_verbatim()
    {
        Assert.Equal("reuters-istanbul", new Article("reuters-istanbul").Id);
        Assert.Equal(" padded ", new Article(" padded ").Id);
    }

    [Fact]
    public void A_relation_needs_both_endpoints()
    {
        Assert.Throws<ArgumentNullException>("from", () => new Called(null!, _bob) { On = default });
        Assert.Throws<ArgumentNullException>("to", () => new Called(_alice, null!) { On = default });
        Assert.Throws<ArgumentNullException>("from", () => new Leads(null!, null!));
    }

    [Fact]
    public void Sources_default_to_empty_and_refuse_null()
    {
        Assert.Empty(new Leads(_alice, _delegation).Sources);
        Assert.Throws<ArgumentNullException>(() => new Leads(_alice, _delegation) { Sources = null! });
        Assert.Throws<ArgumentNullException>(() => new Leads(_alice, _delegation) { Sources = default(ImmutableArray<Entity>) });
    }

    [Fact]
    public void Sources_as_generated_are_kept_in_order()
    {
        var other = new Article("other");
        var relation = new Leads(_alice, _delegation) { Sources = ImmutableArray.Create<Entity>(_source, other) };
        Assert.Equal([_source, other], relation.Sources);
    }

    [Fact]
    public void Sources_are_a_copy_of_the_list_given()
    {
        var other = new OpenGraph();
        var foreignSource = other.AddEntity(new Article("elsewhere"));
        var sources = new List<Entity> { _source };
        var relation = _g.AddRelation(new Called(_bob, _alice) { On = default, Sources = sources });

        // Changing the caller's list afterwards must not smuggle a foreign source past AddRelation's check.
        sources[0] = foreignSource;
        sources.Add(foreignSource);

        Assert.Equal([_source], relation.Sources);
        var g = _g.Seal();
        Assert.Equal([_call, relation], g.FactsFrom(_source));
        Assert.Empty(g.FactsFrom(foreignSource));
        Assert.False(relation.Sources is IList<Entity> { IsReadOnly: false });
    }

    /// <summary>What a graph is made of so far, as one comparable string: its entities, relations and their sources.</summary>
    private static string Snapshot(OpenGraph open) =>
        string.Join("\n", open.Added.Select(added => added switch
        {
            Relation relation => $"{relation} sources=[{string.Join(",", relation.Sources.Select(source => source.Id))}]",
            Entity entity => $"{entity.Id}:{entity.GetType().Name}",
            _ => throw new ArgumentOutOfRangeException(nameof(open)),
        }));

    /// <summary>Everything a reader can observe about a graph, as one comparable string.</summary>
    private static string Snapshot(Graph graph)
    {
        var quik = graph.AsQuikGraph();
        var entities = graph.Entities<Entity>().ToList();
        var lines = new List<string>
        {
            $"counts {graph.EntityCount} {graph.RelationCount} quik {quik.VertexCount} {quik.EdgeCount}",
            "entities " + string.Join(",", entities.Select(e => $"{e.Id}:{e.GetType().Name}")),
            "relations " + string.Join(",", graph.Relations<Relation>()),
            "vertices " + string.Join(",", quik.Vertices.Select(v => v.Id)),
            "edges " + string.Join(",", quik.Edges),
        };
        foreach (var entity in entities)
        {
            lines.Add(
                $"{entity.Id} found={ReferenceEquals(graph.FindEntity(entity.Id), entity)} " +
                $"out=[{string.Join(",", entity.Outgoing<Relation>())}] in=[{string.Join(",", entity.Incoming<Relation>())}] " +
                $"facts=[{string.Join(",", graph.FactsFrom(entity))}]");
        }

        return string.Join("\n", lines);
    }

    /// <summary>Proves an entity was not claimed by a failed add: another graph can still take it.</summary>
    private static void AssertFree(Entity entity)
    {
        Assert.Throws<InvalidOperationException>(() => entity.Outgoing<Relation>()); // in no graph
        var fresh = new OpenGraph();
        Assert.Same(entity, fresh.AddEntity(entity));
        Assert.Same(entity, fresh.Seal().FindEntity(entity.Id));
    }
}
