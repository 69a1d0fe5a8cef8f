using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KnowledgeGraph.Benchmarks.News;
using QuikGraph;
using QuikGraph.Algorithms;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// The product's runtime graph of a synthetic model, made from a <see cref="GraphContent"/> as a generated graph class
/// is: one <c>AddEntity(new T(id) { … })</c> per entity and one <c>AddRelation(new R(from, to) { …, Sources = … })</c>
/// per fact, then the graph made from the content. The entity and relation classes are the generator's own output for
/// Model/schema.kg.json; only the loop over arrays replaces the rows the generated code reads.
/// </summary>
public sealed class RuntimeGraph : Graph
{
    // The schema the generated NewsGraph compiled in, for saving and exporting; this graph is never loaded from files.
    private static readonly GraphFiles<RuntimeGraph> s_files = new(
        System.Text.Encoding.UTF8.GetBytes(SyntheticModel.SchemaText),
        static (ref FactReader _) => throw new NotSupportedException(),
        static (ref FactReader _) => throw new NotSupportedException(),
        static _ => throw new NotSupportedException());

    public RuntimeGraph(SyntheticData data, bool withRelations = true)
        : base(Content(data, withRelations, out var entities), s_files)
    {
        ByNumber = entities;
    }

    /// <summary>The entities by their number in <see cref="SyntheticData"/>, as a generated graph's members hold them.</summary>
    public IReadOnlyList<Entity> ByNumber { get; }

    private static GraphContent Content(SyntheticData data, bool withRelations, out Entity[] entities)
    {
        var content = new GraphContent();
        entities = new Entity[data.EntityCount];
        for (var i = 0; i < entities.Length; i++)
        {
            entities[i] = data.EntityKinds[i] switch
            {
                EntityKind.Person => content.AddEntity(new Person(data.Ids[i]) { Name = data.Names[i], Title = data.Texts[i] }),
                EntityKind.Organization => content.AddEntity(new Organization(data.Ids[i]) { Name = data.Names[i], Kind = data.Texts[i] }),
                EntityKind.Country => content.AddEntity(new Country(data.Ids[i]) { Name = data.Names[i], IsoCode = data.Texts[i]! }),
                EntityKind.City => content.AddEntity(new City(data.Ids[i]) { Name = data.Names[i], Population = data.Numbers[i] }),
                EntityKind.Meeting => content.AddEntity(new Meeting(data.Ids[i]) { Name = data.Names[i], Date = data.EntityDates[i] }),
                _ => content.AddEntity(new Article(data.Ids[i])
                {
                    Name = data.Names[i],
                    Published = data.EntityDates[i],
                    Url = data.Texts[i] is { } url ? new Uri(url) : null,
                }),
            };
        }

        if (withRelations)
        {
            for (var r = 0; r < data.RelationCount; r++)
            {
                var from = entities[data.From[r]];
                var to = entities[data.To[r]];
                // What generated code passes: ImmutableArray.Create<Entity>(source).
                var sources = ImmutableArray.Create(entities[data.Source[r]]);
                _ = data.RelationKinds[r] switch
                {
                    RelationKind.WorksFor => (Relation)content.AddRelation(new WorksFor((Person)from, (Organization)to)
                    {
                        Role = data.Roles[r],
                        Sources = sources,
                        ValidFrom = data.ValidFrom[r],
                    }),
                    RelationKind.MemberOf => content.AddRelation(new MemberOf((Person)from, (Organization)to) { Since = data.RelationDates[r], Sources = sources }),
                    RelationKind.Attended => content.AddRelation(new Attended((Person)from, (Meeting)to) { Sources = sources }),
                    RelationKind.HeldIn => content.AddRelation(new HeldIn((Meeting)from, (City)to) { Sources = sources }),
                    RelationKind.LocatedIn => content.AddRelation(new LocatedIn((City)from, (Country)to) { Sources = sources }),
                    RelationKind.Called => content.AddRelation(new Called((Person)from, (Person)to) { On = data.RelationDates[r]!.Value, Sources = sources }),
                    _ => content.AddRelation(new Mentions((Article)from, (Thing)to) { Sources = sources }),
                };
            }
        }

        return content;
    }

    // ---- Queries, written as a user of the generated API would write them -------------------------------

    /// <summary>1 hop: every person's employer (a many-to-one navigation).</summary>
    public int OneHop() => Entities<Person>().Select(person => person.WorksFor).OfType<Organization>().Count();

    /// <summary>3 hops: person → attended → meeting → heldIn → city → locatedIn → country.</summary>
    public int ThreeHop() => Entities<Person>()
        .SelectMany(person => person.Attended)
        .Select(meeting => meeting.HeldIn)
        .OfType<City>()
        .Select(city => city.LocatedIn)
        .OfType<Country>()
        .Count();

    /// <summary>1 hop as a loop over the navigation member.</summary>
    public int OneHopMembers()
    {
        var count = 0;
        foreach (var person in Entities<Person>())
        {
            if (person.WorksFor is not null)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>1 hop as the generated traversal step, counted.</summary>
    public int OneHopSteps() => Entities<Person>().WorksFor().Count();

    /// <summary>3 hops as loops over the navigation members.</summary>
    public int ThreeHopMembers()
    {
        var count = 0;
        foreach (var person in Entities<Person>())
        {
            foreach (var meeting in person.Attended)
            {
                if (meeting.HeldIn?.LocatedIn is not null)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>3 hops as the generated traversal steps, counted.</summary>
    public int ThreeHopSteps() => Entities<Person>().Attended().HeldIn().LocatedIn().Count();

    /// <summary>3 hops as the generated traversal steps, each end enumerated.</summary>
    public int ThreeHopStepsEnds()
    {
        var count = 0;
        foreach (var country in Entities<Person>().Attended().HeldIn().LocatedIn())
        {
            if (country is not null)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>1 hop through <see cref="GraphView.Index{TRelation, TFrom, TTo}"/>: the loop written for analytics over a whole graph.</summary>
    public int OneHopIndexed()
    {
        var worksFor = Index<WorksFor, Person, Organization>();
        var count = 0;
        foreach (var person in Entities<Person>())
        {
            count += worksFor.Targets(person).Length;
        }

        return count;
    }

    /// <summary>3 hops through relation indexes.</summary>
    public int ThreeHopIndexed()
    {
        var attended = Index<Attended, Person, Meeting>();
        var heldIn = Index<HeldIn, Meeting, City>();
        var locatedIn = Index<LocatedIn, City, Country>();
        var count = 0;
        foreach (var person in Entities<Person>())
        {
            foreach (var meeting in attended.Targets(person))
            {
                foreach (var city in heldIn.Targets(meeting))
                {
                    count += locatedIn.Targets(city).Length;
                }
            }
        }

        return count;
    }

    /// <summary>3 hops as one <see cref="RelationPath{TFrom, TTo}"/>, counted: the path steps by ordinal and reads no entity.</summary>
    public int ThreeHopPath()
    {
        var trips = Index<Attended, Person, Meeting>().Then(Index<HeldIn, Meeting, City>()).Then(Index<LocatedIn, City, Country>());
        var count = 0;
        foreach (var person in Entities<Person>())
        {
            count += trips.Count(person);
        }

        return count;
    }

    /// <summary>3 hops as one path, each end enumerated.</summary>
    public int ThreeHopPathEnds()
    {
        var trips = Index<Attended, Person, Meeting>().Then(Index<HeldIn, Meeting, City>()).Then(Index<LocatedIn, City, Country>());
        var count = 0;
        foreach (var person in Entities<Person>())
        {
            foreach (var country in trips.Targets(person))
            {
                if (country is not null)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>A filtered scan of one relation type: the calls before <see cref="SyntheticData.CallCutoff"/>.</summary>
    public int CallsBefore(DateOnly cutoff) => Relations<Called>().Count(call => call.On < cutoff);

    /// <summary>The number of relations on the shortest path (either direction) between two entities; -1 when none.</summary>
    public int ShortestPathLength(int from, int to) => ShortestPath(ByNumber[from], ByNumber[to])?.Count ?? -1;
}

/// <summary>What a raw QuikGraph edge carries besides its ends: the relation type, its date and its source.</summary>
public readonly record struct EdgeTag(RelationKind Kind, int Day, int Source);

/// <summary>
/// The same model in a raw QuikGraph <see cref="BidirectionalGraph{TVertex, TEdge}"/>: vertices are entity numbers,
/// edges are structs tagged with the relation type, its date (as a day number) and its source. Typed sets of
/// entities are the number ranges of <see cref="SyntheticData"/>: what a hand-written QuikGraph program would keep.
/// </summary>
public sealed class QuikStore
{
    private readonly SyntheticData _data;

    public QuikStore(SyntheticData data)
    {
        _data = data;
        Graph = new BidirectionalGraph<int, STaggedEdge<int, EdgeTag>>(allowParallelEdges: true); // as the runtime makes its own
        for (var i = 0; i < data.EntityCount; i++)
        {
            Graph.AddVertex(i);
        }

        for (var r = 0; r < data.RelationCount; r++)
        {
            var day = data.RelationDates[r] is { } date ? date.DayNumber : 0;
            Graph.AddEdge(new STaggedEdge<int, EdgeTag>(data.From[r], data.To[r], new EdgeTag(data.RelationKinds[r], day, data.Source[r])));
        }
    }

    public BidirectionalGraph<int, STaggedEdge<int, EdgeTag>> Graph { get; }

    public int OneHop()
    {
        var count = 0;
        var first = _data.FirstOf(EntityKind.Person);
        var end = first + _data.CountOf(EntityKind.Person);
        for (var person = first; person < end; person++)
        {
            foreach (var edge in Graph.OutEdges(person))
            {
                if (edge.Tag.Kind == RelationKind.WorksFor)
                {
                    if (edge.Target >= 0)
                    {
                        count++;
                    }

                    break;
                }
            }
        }

        return count;
    }

    public int ThreeHop()
    {
        var count = 0;
        var first = _data.FirstOf(EntityKind.Person);
        var end = first + _data.CountOf(EntityKind.Person);
        for (var person = first; person < end; person++)
        {
            foreach (var attended in Graph.OutEdges(person))
            {
                if (attended.Tag.Kind != RelationKind.Attended)
                {
                    continue;
                }

                foreach (var heldIn in Graph.OutEdges(attended.Target))
                {
                    if (heldIn.Tag.Kind != RelationKind.HeldIn)
                    {
                        continue;
                    }

                    foreach (var locatedIn in Graph.OutEdges(heldIn.Target))
                    {
                        if (locatedIn.Tag.Kind == RelationKind.LocatedIn)
                        {
                            count++;
                            break;
                        }
                    }

                    break;
                }
            }
        }

        return count;
    }

    public int CallsBefore(DateOnly cutoff)
    {
        var day = cutoff.DayNumber;
        var count = 0;
        foreach (var edge in Graph.Edges)
        {
            if (edge.Tag.Kind == RelationKind.Called && edge.Tag.Day < day)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The same algorithm the runtime uses: Dijkstra with unit weights on the undirected view.</summary>
    public int ShortestPathLength(int from, int to)
    {
        if (from == to)
        {
            return 0;
        }

        var undirected = new UndirectedBidirectionalGraph<int, STaggedEdge<int, EdgeTag>>(Graph);
        var search = undirected.ShortestPathsDijkstra(static _ => 1, from);
        return search(to, out var path) ? path!.Count() : -1;
    }
}

/// <summary>
/// The same model in hand-written arrays: one CSR (offsets/targets) per relation type, an undirected CSR for
/// paths, and a column of call dates: roughly the best a compiled-in graph could do.
/// </summary>
public sealed class ArrayStore
{
    private readonly SyntheticData _data;

    public ArrayStore(SyntheticData data)
    {
        _data = data;
        var kinds = Enum.GetValues<RelationKind>().Length;
        Offsets = new int[kinds][];
        Targets = new int[kinds][];
        var degree = new int[kinds, data.EntityCount + 1];
        for (var r = 0; r < data.RelationCount; r++)
        {
            degree[(int)data.RelationKinds[r], data.From[r] + 1]++;
        }

        for (var k = 0; k < kinds; k++)
        {
            var offsets = new int[data.EntityCount + 1];
            for (var i = 0; i < data.EntityCount; i++)
            {
                offsets[i + 1] = offsets[i] + degree[k, i + 1];
            }

            Offsets[k] = offsets;
            Targets[k] = new int[offsets[data.EntityCount]];
        }

        var fill = new int[kinds][];
        for (var k = 0; k < kinds; k++)
        {
            fill[k] = (int[])Offsets[k].Clone();
        }

        var calls = new List<int>();
        for (var r = 0; r < data.RelationCount; r++)
        {
            var k = (int)data.RelationKinds[r];
            Targets[k][fill[k][data.From[r]]++] = data.To[r];
            if (data.RelationKinds[r] == RelationKind.Called)
            {
                calls.Add(data.RelationDates[r]!.Value.DayNumber);
            }
        }

        CallDays = calls.ToArray();

        // Undirected adjacency for paths: both ends of every relation.
        var both = new int[data.EntityCount + 1];
        for (var r = 0; r < data.RelationCount; r++)
        {
            both[data.From[r] + 1]++;
            both[data.To[r] + 1]++;
        }

        for (var i = 0; i < data.EntityCount; i++)
        {
            both[i + 1] += both[i];
        }

        UndirectedOffsets = both;
        Neighbors = new int[both[data.EntityCount]];
        var next = (int[])both.Clone();
        for (var r = 0; r < data.RelationCount; r++)
        {
            Neighbors[next[data.From[r]]++] = data.To[r];
            Neighbors[next[data.To[r]]++] = data.From[r];
        }
    }

    /// <summary>Per relation type: where each entity's targets start in <see cref="Targets"/>.</summary>
    public int[][] Offsets { get; }

    public int[][] Targets { get; }

    /// <summary>The <c>on</c> day number of every <c>called</c> fact.</summary>
    public int[] CallDays { get; }

    public int[] UndirectedOffsets { get; }

    public int[] Neighbors { get; }

    public int OneHop()
    {
        var offsets = Offsets[(int)RelationKind.WorksFor];
        var targets = Targets[(int)RelationKind.WorksFor];
        var first = _data.FirstOf(EntityKind.Person);
        var end = first + _data.CountOf(EntityKind.Person);
        var count = 0;
        for (var person = first; person < end; person++)
        {
            for (var k = offsets[person]; k < offsets[person + 1]; k++)
            {
                if (targets[k] >= 0)
                {
                    count++;
                }
            }
        }

        return count;
    }

    public int ThreeHop()
    {
        var (attendedOffsets, attended) = (Offsets[(int)RelationKind.Attended], Targets[(int)RelationKind.Attended]);
        var (heldInOffsets, heldIn) = (Offsets[(int)RelationKind.HeldIn], Targets[(int)RelationKind.HeldIn]);
        var (locatedInOffsets, locatedIn) = (Offsets[(int)RelationKind.LocatedIn], Targets[(int)RelationKind.LocatedIn]);
        var first = _data.FirstOf(EntityKind.Person);
        var end = first + _data.CountOf(EntityKind.Person);
        var count = 0;
        for (var person = first; person < end; person++)
        {
            for (var a = attendedOffsets[person]; a < attendedOffsets[person + 1]; a++)
            {
                var meeting = attended[a];
                for (var h = heldInOffsets[meeting]; h < heldInOffsets[meeting + 1]; h++)
                {
                    var city = heldIn[h];
                    for (var l = locatedInOffsets[city]; l < locatedInOffsets[city + 1]; l++)
                    {
                        if (locatedIn[l] >= 0)
                        {
                            count++;
                        }
                    }
                }
            }
        }

        return count;
    }

    public int CallsBefore(DateOnly cutoff)
    {
        var day = cutoff.DayNumber;
        var count = 0;
        foreach (var on in CallDays)
        {
            if (on < day)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Breadth-first search on the undirected CSR, stopping at the target.</summary>
    public int ShortestPathLength(int from, int to)
    {
        if (from == to)
        {
            return 0;
        }

        var distance = new int[_data.EntityCount];
        Array.Fill(distance, -1);
        var queue = new int[_data.EntityCount];
        int head = 0, tail = 0;
        queue[tail++] = from;
        distance[from] = 0;
        while (head < tail)
        {
            var at = queue[head++];
            for (var k = UndirectedOffsets[at]; k < UndirectedOffsets[at + 1]; k++)
            {
                var next = Neighbors[k];
                if (distance[next] >= 0)
                {
                    continue;
                }

                distance[next] = distance[at] + 1;
                if (next == to)
                {
                    return distance[next];
                }

                queue[tail++] = next;
            }
        }

        return -1;
    }
}
