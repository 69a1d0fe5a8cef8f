using System;
using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Tests.Runtime;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>The typed sets of a graph: a read-only list, a span and an allocation-free enumerator over the same items.</summary>
public sealed class GraphSetTests
{
    private readonly QueryWorld _g = new();

    [Fact]
    public void List_span_and_enumerator_give_the_same_items_in_file_order()
    {
        var people = _g.Entities<Person>();

        Person[] expected = [_g.Trump, _g.Putin, _g.Darchiyev, _g.Coulter, _g.Witkoff];
        Assert.Equal(expected, people);
        Assert.Equal(expected, people.AsSpan().ToArray());
        Assert.Equal(expected.Length, people.Count);
        Assert.Same(_g.Darchiyev, people[2]);
        var enumerated = new System.Collections.Generic.List<Person>();
        foreach (var person in people)
        {
            enumerated.Add(person);
        }

        Assert.Equal(expected, enumerated);
        Assert.Throws<ArgumentOutOfRangeException>("index", () => people[expected.Length]);
        Assert.Throws<ArgumentOutOfRangeException>("index", () => people[-1]);
    }

    [Fact]
    public void It_is_a_read_only_collection_that_LINQ_counts_and_copies_without_enumerating()
    {
        ICollection<Person> people = _g.Entities<Person>();

        Assert.True(people.IsReadOnly);
        Assert.True(people.TryGetNonEnumeratedCount(out var count));
        Assert.Equal(5, count);
        Assert.Equal([_g.Trump, _g.Putin, _g.Darchiyev, _g.Coulter, _g.Witkoff], people.ToArray());
        Assert.True(people.Contains(_g.Coulter));
        Assert.False(people.Contains(new Person("nobody") { Name = "Nobody" }));
        Assert.Throws<NotSupportedException>(() => people.Add(_g.Trump));
        Assert.Throws<NotSupportedException>(() => people.Remove(_g.Trump));
        Assert.Throws<NotSupportedException>(people.Clear);
        Assert.Equal(5, people.Count);
    }

    [Fact]
    public void A_built_graph_and_a_view_keep_their_sets()
    {
        Assert.Same(_g.Entities<Person>(), _g.Entities<Person>());
        Assert.Same(_g.Relations<Called>(), _g.Relations<Called>());
        var view = _g.AsOf(new DateOnly(2025, 2, 15));
        Assert.Same(view.Relations<Called>(), view.Relations<Called>());
        Assert.Equal(view.Relations<Relation>().OfType<Called>(), view.Relations<Called>());
    }

}
