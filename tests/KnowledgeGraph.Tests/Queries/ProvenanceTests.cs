using System;
using System.Linq;
using KnowledgeGraph.Tests.Runtime;

namespace KnowledgeGraph.Tests.Queries;

/// <summary>Who said what: facts by source on the hand-written <see cref="QueryWorld"/>.</summary>
public sealed class ProvenanceTests
{
    private readonly QueryWorld _g = new();

    [Fact]
    public void A_fact_stated_by_two_sources_is_one_fact_under_each()
    {
        Assert.Equal([_g.R0, _g.R2, _g.R3, _g.R4, _g.R7, _g.R8], _g.FactsFrom(_g.Reuters));
        Assert.Equal([_g.R0, _g.R1, _g.R9], _g.FactsFrom(_g.Tass));
        Assert.Equal([_g.Reuters, _g.Tass], _g.R0.Sources);
        Assert.Single(_g.Relations<Called>(), call => call.From == _g.Trump && call.To == _g.Putin);
    }

    [Fact]
    public void Facts_of_one_type_from_one_source()
    {
        Assert.Equal([_g.R0, _g.R2], _g.FactsFrom<Called>(_g.Reuters));
        Assert.Equal([_g.R0, _g.R1], _g.Relations<Called>().CitedBy(_g.Tass));
        Assert.Empty(_g.FactsFrom<Borders>(_g.Reuters));
        Assert.Throws<ArgumentNullException>("source", () => _g.FactsFrom<Called>(null!));
        Assert.Throws<ArgumentNullException>("source", () => _g.Relations<Called>().CitedBy(null!));
    }

    [Fact]
    public void Sources_lists_each_cited_entity_once_in_file_order()
    {
        Assert.Equal([_g.Reuters, _g.Tass], _g.Sources());
        Assert.Empty(_g.Where(r => r is Borders).Sources());
        Assert.Equal([_g.Tass], _g.Where(r => r is Attended).Sources().Skip(1)); // R7, R8 cite reuters, R9 tass
    }

    [Fact]
    public void FactsBySource_answers_who_said_what()
    {
        var bySource = _g.FactsBySource();

        Assert.Equal([_g.Reuters, _g.Tass], bySource.Select(group => group.Key));
        Assert.Equal(_g.FactsFrom(_g.Reuters), bySource[_g.Reuters]);
        Assert.Equal(_g.FactsFrom(_g.Tass), bySource[_g.Tass]);
        Assert.Empty(bySource[_g.Trump]);
        // Unsourced facts (R5, R6, R10…) are under no source; a fact with two sources under both.
        Assert.DoesNotContain(bySource.SelectMany(group => group), r => r == _g.R5);
        Assert.Equal(2, bySource.Count(group => group.Contains(_g.R0)));
    }

    [Fact]
    public void A_view_keeps_the_provenance_of_the_facts_it_keeps()
    {
        // On 15 Feb reuters (28 Feb) was not out, but the facts kept still cite it.
        var view = _g.AsOf(new DateOnly(2025, 2, 15));

        Assert.False(view.Contains(_g.Reuters));
        Assert.Equal([_g.R0, _g.R3, _g.R4], view.FactsFrom(_g.Reuters));
        Assert.Equal([_g.Reuters, _g.Tass], view.Sources());
        Assert.Empty(view.FactsFrom(new QueryWorld().Reuters)); // another graph's entity cites nothing here
    }
}
