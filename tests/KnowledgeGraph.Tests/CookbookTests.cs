using System;
using System.Collections.Generic;
using System.Linq;
using Diplomacy;
using QuikGraph;

namespace KnowledgeGraph.Tests;

/// <summary>
/// The README's query cookbook, line for line, with the answers its comments promise: if the cookbook stops
/// compiling or stops being true, this test says so.
/// </summary>
public sealed class CookbookTests
{
    [Fact]
    public void The_cookbook_compiles_and_its_comments_are_true()
    {
        var g = DiplomacyGraph.Default;

        // Typed navigation and typed multi-hop steps: the type is kept at every hop.
        Person? leader = g.RussianDelegation.LedBy;
        IEnumerable<Country> countries = g.Entities<Person>().Leads().Represents();       // Russia, United States
        int countriesReached = g.Entities<Person>().Leads().Represents().Count();        // 2, counted from entity numbers

        // LINQ over relations and their properties; edge steps keep the fact, then continue to a typed end.
        var early  = g.Relations<Called>().Where(c => c.On < new DateOnly(2025, 2, 20)).To();     // Vladimir Putin
        var quotes = g.Entities<Person>().Outgoing<Quoted>().Select(q => q.Quote);

        // Query expressions, over list and single-valued navigation (a missing value is no row).
        var offices = from p in g.Entities<Person>()
                      from office in p.HoldsOffice
                      from country in office.OfficeOf
                      select (p.Name, country.IsoCode);

        // Closure and repeated steps: cycle-safe, each entity once, nearest first.
        var up = g.ConsulGeneralResidence.Closure((Place p) => p.LocatedIn);              // Istanbul, Türkiye
        var twoUp = g.Entities<Place>().Repeat(p => p.LocatedIn, 2);
        var reached = g.Darchiyev.Closure(e => g.Outgoing<Relation>(e).To());             // along facts of every type

        // Paths, read as sentences; weighted; all simple paths up to a length (shortest first).
        var path  = g.ShortestPath(g.Trump, g.Darchiyev);                                  // either way along relations
        var ahead = g.ShortestPath(g.Trump, g.Darchiyev, PathDirection.Forward);           // only from → to (null here)
        var light = g.ShortestPath(g.Trump, g.Lavrov, r => r is Stated ? 10 : 1);         // light.Weight: the weights' sum
        var all   = g.AllSimplePaths(g.Darchiyev, g.Russia, maxLength: 4);

        // Patterns: small typed subgraphs, no strings.
        var led = g.Match<Person>()
            .Via(p => p.Leads)
            .Via(d => d.Attended.Select(held => held.From))
            .Where((p, d, m) => m.HeldIn == g.Istanbul);                                   // (person, delegation, meeting)

        // Analysis: projections as QuikGraph graphs, components, centrality.
        var map        = g.Project<LocatedIn>();              // BidirectionalGraph<Entity, Relation>, for any QuikGraph algorithm
        var components = g.ConnectedComponents();             // weakly connected, largest first
        var hubs       = g.DegreeCentrality().Take(3);        // Istanbul talks, Russia, Donald Trump
        var rank       = g.PageRank();                        // damping 0.85; scores add up to 1

        // Time: views have every query member of the graph.
        var feb15   = g.AsOf(new DateOnly(2025, 2, 15));      // the call, yes; the talks (27th) and the report (28th), not yet
        var week    = g.Between(new DateOnly(2025, 2, 18), new DateOnly(2025, 2, 20));
        var dated   = g.Timeline();                           // TimelineEntry(Date, Property, Entity or Relation), in time order
        var onlyMap = g.Where(r => r is LocatedIn);           // any relation filter is a view too

        // Provenance: every fact knows its sources.
        var fromReuters = g.FactsFrom(g.ReutersIstanbul);
        var bySource    = g.FactsBySource();                  // ILookup<Entity, Relation>

        // Graphs built at run time: the compiler checks the types, the builder the rest; the compiled graph never changes.
        var builder = g.ToBuilder();
        var zelensky = builder.AddEntity(new Person("zelensky") { Name = "Volodymyr Zelensky" });
        builder.AddRelation(new Called(g.Trump, zelensky) { On = new DateOnly(2025, 2, 19) });
        DiplomacyGraph whatIf = builder.Build();              // whatIf.Trump.Called: Putin, Zelensky

        // Loops over a whole graph at the speed of arrays: a relation type indexed by its ends, each row a typed span.
        var leads     = g.Index<Leads, Person, Delegation>();
        var leaders   = g.Entities<Person>().Count(p => !leads.Targets(p).IsEmpty);         // 2
        var speaksFor = leads.Then(g.Index<Represents, Delegation, Country>());             // up to 3 indexes, walked by position
        var envoys    = g.Entities<Person>().Sum(p => speaksFor.Count(p));                  // 2: a country per leader

        // Power users: the QuikGraph graph itself.
        IBidirectionalGraph<Entity, Relation> quik = g.AsQuikGraph();

        Assert.Same(g.Darchiyev, leader);
        Assert.Equal(["Russia", "United States"], countries.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, countriesReached);
        Assert.Equal([g.Putin], early);
        Assert.NotEmpty(quotes);
        Assert.Contains(("Sergei Lavrov", "RU"), offices);
        Assert.Equal([g.Istanbul, g.Turkiye], up);
        Assert.NotEmpty(twoUp);
        Assert.Contains(g.Russia, reached);
        Assert.Equal(g.Trump, path!.Start);
        Assert.Null(ahead);
        Assert.Equal(g.Lavrov, light!.End);
        Assert.Equal(light.Sum(step => step.Relation is Stated ? 10 : 1), light.Weight);
        Assert.Equal(3, all.Count());
        Assert.Equal(2, led.Count());
        Assert.NotEmpty(map.Vertices);
        Assert.True(components.Count >= 1);
        Assert.Equal([g.IstanbulTalks, g.Russia, g.Trump], hubs.Select(h => h.Entity));
        Assert.Equal(1.0, rank.Sum(r => r.Score), 9);
        Assert.Single(feb15.Relations<Called>());
        Assert.DoesNotContain(g.IstanbulTalks, feb15.Entities<Meeting>());
        Assert.DoesNotContain(g.ReutersIstanbul, feb15.Entities<Article>());
        Assert.Contains(g.SaudiSession, week.Entities<Meeting>());
        Assert.Equal(dated.OrderBy(entry => entry.Date), dated);
        Assert.All(onlyMap.Relations<Relation>(), r => Assert.IsType<LocatedIn>(r));
        Assert.Equal(g.RelationCount, fromReuters.Count());
        Assert.Equal(g.RelationCount, bySource[g.ReutersIstanbul].Count());
        Assert.Equal(["Vladimir Putin", "Volodymyr Zelensky"], whatIf.Trump.Called.Select(p => p.Name));
        Assert.Equal(["Vladimir Putin"], g.Trump.Called.Select(p => p.Name));
        Assert.Equal(2, leaders);
        Assert.Equal(2, envoys);
        Assert.Equal([g.Russia], speaksFor.Targets(g.Darchiyev));
        Assert.Equal(g.RelationCount, quik.EdgeCount);
    }
}
