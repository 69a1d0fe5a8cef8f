using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Clashes;
using Diplomacy;
using Hostile;
using KnowledgeGraph.Tests.Exporting;
using KnowledgeGraph.Tests.Linked;
using KnowledgeGraph.Tests.Missions;
using KnowledgeGraph.Tests.Terms;
using KnowledgeGraph.Tests.Values;
using Teams;

namespace KnowledgeGraph.Tests.Loading;

/// <summary>
/// Graphs read back from the N-Triples of their RDF mapping (README, "Reading RDF back"): the exporters' graphs come
/// back equal, and a mistake in triples gets the ID the loader gives the same mistake in a file.
/// </summary>
public sealed class RdfLoadTests : IDisposable
{
    private const string Base = "urn:kg:DiplomacyGraph:";
    private const string Schema = Base + "schema/";
    private const string RdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";

    private readonly string _folder = Directory.CreateTempSubdirectory("kg-rdf-load-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Graphs => ["sample", "hostile", "values", "linked", "clashes", "missions", "teams", "terms"];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void A_graph_reads_back_from_its_N_Triples_as_an_equal_graph(string name)
    {
        var (graph, read) = Model(name);
        var back = read(Bytes(graph));

        Assert.Equal(graph.GetType(), back.GetType());
        Assert.Equal(graph.EntityCount, back.EntityCount);
        Assert.Equal(graph.RelationCount, back.RelationCount);
        // The saved file holds every id, value, fact, role, source and validity, in order; the export every IRI.
        Assert.Equal(Saved(graph), Saved(back));
        Assert.Equal(Bytes(graph), Bytes(back));
    }

    [Fact]
    public void The_sample_read_back_answers_as_the_compiled_one()
    {
        var back = GraphFiles<DiplomacyGraph>.LoadNTriples("sample.nt", new MemoryStream(Bytes(DiplomacyGraph.Default)), CancellationToken.None);

        Assert.Equal("Alexander Darchiyev", back.RussianDelegation.LedBy?.Name);
        Assert.Equal(
            DiplomacyGraph.Default.Relations<Called>().Select(c => (c.From.Id, c.To.Id, c.On)),
            back.Relations<Called>().Select(c => (c.From.Id, c.To.Id, c.On)));
        Assert.Equal(
            DiplomacyGraph.Default.FactsFrom(DiplomacyGraph.Default.ReutersIstanbul).Select(r => r.ToString()),
            back.FactsFrom(back.ReutersIstanbul).Select(r => r.ToString()));
    }

    [Theory]
    [InlineData("2025-02-11")]
    [InlineData("2025-02-20")]
    [InlineData("2024-06-01")]
    public void A_view_as_of_a_day_reads_back_as_that_view(string day)
    {
        var view = DiplomacyGraph.Default.AsOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        var back = GraphFiles<DiplomacyGraph>.LoadNTriples("view.nt", new MemoryStream(Bytes(view)), CancellationToken.None);

        Assert.Equal(Saved(view), Saved(back));
        Assert.Equal(view.RelationCount, back.RelationCount);
    }

    [Fact]
    public void A_neighbourhood_reads_back_as_that_view()
    {
        var sample = DiplomacyGraph.Default;
        var view = sample.Around(sample.Darchiyev, 1);

        var back = GraphFiles<DiplomacyGraph>.LoadNTriples("around.nt", new MemoryStream(Bytes(view)), CancellationToken.None);

        Assert.Equal(Saved(view), Saved(back));
    }

    [Fact]
    public void Triples_in_any_order_read_back_as_the_same_entities_and_facts()
    {
        // Subjects in another order, fact nodes away from their direct triples; a list's items (each a triple) kept in order.
        var lines = Text(DiplomacyGraph.Default).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shuffled = lines.OrderBy(line => new string(line[..line.IndexOf(' ', StringComparison.Ordinal)].Reverse().ToArray()), StringComparer.Ordinal).ToList();
        Assert.NotEqual(lines, shuffled);

        var back = Read(string.Join("\n", shuffled) + "\n");

        // Saved line by line: an entity or a fact a line, so the same lines in another order (commas aside) are the same graph.
        Assert.Equal(Lines(Saved(DiplomacyGraph.Default)), Lines(Saved(back)));

        static IEnumerable<string> Lines(string saved) => saved.Split('\n').Select(line => line.TrimEnd(',')).Order(StringComparer.Ordinal);
    }

    [Fact]
    public void Triples_outside_the_mapping_are_ignored()
    {
        var text = Text(DiplomacyGraph.Default) + $"""
            <https://example.org/other> <http://xmlns.com/foaf/0.1/name> "Not of the graph" .
            <{Base}darchiyev> <http://xmlns.com/foaf/0.1/nick> "Darchiev" .
            <{Base}darchiyev> {RdfType} <http://xmlns.com/foaf/0.1/Person> .
            <{Base}darchiyev> <http://www.w3.org/2002/07/owl#sameAs> <http://dbpedia.org/resource/Alexander_Darchiev> .
            _:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <http://example.org/said> .
            # a comment, and a line of spaces
               
            """;

        Assert.Equal(Saved(DiplomacyGraph.Default), Saved(Read(text)));
    }

    [Fact]
    public void Facts_without_their_schema_read_back_and_a_fact_node_alone_states_its_fact()
    {
        // Only the entities' and facts' triples, as a CONSTRUCT of a neighbourhood may give them; and a node without its direct triple.
        var lines = Text(DiplomacyGraph.Default).Split('\n').Where(line => !line.StartsWith("<" + Schema, StringComparison.Ordinal)).ToList();
        var direct = lines.First(line => line.Contains($"<{Schema}called> ", StringComparison.Ordinal) && line.StartsWith($"<{Base}trump>", StringComparison.Ordinal));
        lines.Remove(direct);

        var back = Read(string.Join("\n", lines));

        Assert.Equal(Saved(DiplomacyGraph.Default), Saved(back));
    }

    /// <summary>Each mistake: a file stating it with the sample's files, and triples stating it after the sample's.</summary>
    public static TheoryData<string, string, string> Mistakes => new()
    {
        {
            "KG0016",
            """{ "graph": "DiplomacyGraph", "relations": [["darchiyev", "leads", "usDelegation"]] }""",
            $"<{Base}darchiyev> <{Schema}leads> <{Base}usDelegation> ."
        },
        {
            "KG0011",
            """{ "graph": "DiplomacyGraph", "relations": [{ "from": "putin", "type": "called", "to": "trump", "on": 5 }] }""",
            $"""
            <{Base}putin> <{Schema}called> <{Base}trump> .
            <{Base}fact/9999> <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{Base}putin> .
            <{Base}fact/9999> <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <{Schema}called> .
            <{Base}fact/9999> <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <{Base}trump> .
            <{Base}fact/9999> <{Schema}called/on> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .
            """
        },
        {
            "KG0011",
            """{ "graph": "DiplomacyGraph", "entities": { "x": { "type": "Person", "name": "X", "title": true } }, "relations": [["x", "succeeded", "trump"]] }""",
            $"""
            <{Base}x> {RdfType} <{Schema}Person> .
            <{Base}x> <{Schema}Thing/name> "X" .
            <{Base}x> <{Schema}Person/title> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
            <{Base}x> <{Schema}succeeded> <{Base}trump> .
            """
        },
        {
            "KG0010",
            """{ "graph": "DiplomacyGraph", "entities": { "x": { "type": "Person" } }, "relations": [["x", "succeeded", "trump"]] }""",
            $"""
            <{Base}x> {RdfType} <{Schema}Person> .
            <{Base}x> <{Schema}succeeded> <{Base}trump> .
            """
        },
        {
            "KG0012",
            """{ "graph": "DiplomacyGraph", "entities": { "x": { "type": "Person", "name": "X", "height": 3 } }, "relations": [["x", "succeeded", "trump"]] }""",
            $"""
            <{Base}x> {RdfType} <{Schema}Person> .
            <{Base}x> <{Schema}Thing/name> "X" .
            <{Base}x> <{Schema}Person/height> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .
            <{Base}x> <{Schema}succeeded> <{Base}trump> .
            """
        },
        {
            "KG0007",
            """{ "graph": "DiplomacyGraph", "relations": [["trump", "succeeded", "nobody"]] }""",
            $"<{Base}trump> <{Schema}succeeded> <{Base}nobody> ."
        },
        {
            "KG0006",
            """{ "graph": "DiplomacyGraph", "relations": [["trump", "phoned", "putin"]] }""",
            $"<{Base}trump> <{Schema}phoned> <{Base}putin> ."
        },
        {
            "KG0008",
            """{ "graph": "DiplomacyGraph", "relations": [["reuters", "leads", "usDelegation"]] }""",
            $"<{Base}reuters> <{Schema}leads> <{Base}usDelegation> ."
        },
        {
            "KG0014",
            """{ "graph": "DiplomacyGraph", "entities": { "x": { "type": "Agent", "name": "X" } }, "relations": [["x", "succeeded", "trump"]] }""",
            $"""
            <{Base}x> {RdfType} <{Schema}Agent> .
            <{Base}x> <{Schema}Thing/name> "X" .
            <{Base}x> <{Schema}succeeded> <{Base}trump> .
            """
        },
        {
            "KG0005",
            """{ "graph": "DiplomacyGraph", "entities": { "x": { "type": "Robot", "name": "X" } }, "relations": [["x", "succeeded", "trump"]] }""",
            $"""
            <{Base}x> {RdfType} <{Schema}Robot> .
            <{Base}x> <{Schema}Thing/name> "X" .
            <{Base}x> <{Schema}succeeded> <{Base}trump> .
            """
        },
        {
            "KG0011",
            """{ "graph": "DiplomacyGraph", "relations": [{ "from": "putin", "type": "called", "to": "trump", "on": "2025-02-13", "validFrom": "soon" }] }""",
            $"""
            <{Base}putin> <{Schema}called> <{Base}trump> .
            _:f <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{Base}putin> .
            _:f <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <{Schema}called> .
            _:f <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <{Base}trump> .
            _:f <{Schema}called/on> "2025-02-13"^^<http://www.w3.org/2001/XMLSchema#date> .
            _:f <http://schema.org/validFrom> "soon" .
            """
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_triples_has_the_ID_the_same_mistake_in_a_file_has(string id, string file, string triples)
    {
        var sample = LoadingTests.SampleFolder;
        var path = Path.Combine(_folder, "mistake.kg.json");
        File.WriteAllText(path, file);
        Assert.False(DiplomacyGraph.TryLoad([Path.Combine(sample, "diplomacy.kg.json"), Path.Combine(sample, "istanbul-talks.kg.json"), path], out _, out var fromFile));

        var text = Text(DiplomacyGraph.Default);
        var firstLine = text.Count(c => c == '\n') + 1;
        var exception = Assert.Throws<GraphLoadException>(() => Read(text + triples.Replace("\r\n", "\n") + "\n", "store:graph"));

        var errors = exception.Diagnostics.Where(d => d.Severity == GraphDiagnosticSeverity.Error).ToList();
        var fileErrors = fromFile.Where(d => d.Severity == GraphDiagnosticSeverity.Error).ToList();
        Assert.Equal([id], fileErrors.Select(d => d.Id).Distinct());
        Assert.Equal([id], errors.Select(d => d.Id).Distinct());

        // The loader's message, at the triple: its line in the text, and the triple itself quoted after the message.
        var lines = (text + triples.Replace("\r\n", "\n")).Split('\n');
        Assert.Equal(fileErrors.Count, errors.Count);
        foreach (var (error, fileError) in errors.Zip(fileErrors))
        {
            Assert.Equal("store:graph", error.Path);
            Assert.InRange(error.Line, firstLine, lines.Length);
            Assert.Equal($"{fileError.Message} (the triple {lines[error.Line - 1].Trim()})", error.Message);
        }
    }

    [Fact]
    public void An_entity_of_two_unrelated_types_or_of_none_is_a_mistake_of_its_own()
    {
        var exception = Assert.Throws<GraphLoadException>(() => Read(Text(DiplomacyGraph.Default) + $"""
            <{Base}x> {RdfType} <{Schema}Person> .
            <{Base}x> {RdfType} <{Schema}Country> .
            <{Base}x> <{Schema}Thing/name> "X" .
            <{Base}y> <{Schema}Thing/name> "Y" .
            <{Base}x> <{Schema}succeeded> <{Base}y> .

            """));

        Assert.Collection(
            exception.Diagnostics.Where(d => d.Severity == GraphDiagnosticSeverity.Error),
            two => Assert.Equal(("KG0002", $"The rdf:types of entity 'x' must be one entity type and the types it extends, not 'Person' and 'Country' (the triple <{Base}x> {RdfType} <{Schema}Person> .)"), (two.Id, two.Message)),
            none => Assert.Equal(("KG0004", true), (none.Id, none.Message.StartsWith("Entity 'y' has no 'type'; add it: an rdf:type triple", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_fact_node_without_its_subject_is_a_mistake()
    {
        var exception = Assert.Throws<GraphLoadException>(() => Read(Text(DiplomacyGraph.Default) + $"""
            <{Base}fact/77> <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <{Schema}called> .
            <{Base}fact/77> <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <{Base}trump> .
            <{Base}fact/77> <{Schema}called/on> "2025-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .

            """));

        Assert.Equal("KG0004", Assert.Single(exception.Diagnostics).Id);
        Assert.StartsWith($"The fact node <{Base}fact/77> has no 'rdf:subject'", exception.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_read_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => GraphFiles<DiplomacyGraph>.LoadNTriples("x", new MemoryStream(Bytes(DiplomacyGraph.Default)), cancelled.Token));
    }

    private static DiplomacyGraph Read(string text, string name = "test.nt") =>
        GraphFiles<DiplomacyGraph>.LoadNTriples(name, new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    private static (GraphView Graph, Func<byte[], Graph> Read) Model(string name) => name switch
    {
        "sample" => (DiplomacyGraph.Default, Reader<DiplomacyGraph>()),
        "hostile" => (HostileGraph.Default, Reader<HostileGraph>()),
        "values" => (ValuesGraph.Default, Reader<ValuesGraph>()),
        "linked" => (LinkedGraph.Default, Reader<LinkedGraph>()),
        "clashes" => (ClashGraph.Default, Reader<ClashGraph>()),
        "missions" => (MissionGraph.Default, Reader<MissionGraph>()),
        "teams" => (TeamGraph.Default, Reader<TeamGraph>()),
        "terms" => (TermsGraph.Default, Reader<TermsGraph>()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static Func<byte[], Graph> Reader<TGraph>()
        where TGraph : Graph =>
        bytes => GraphFiles<TGraph>.LoadNTriples("export.nt", new MemoryStream(bytes), CancellationToken.None);

    private static byte[] Bytes(GraphView graph) => ExportTestGraphs.Bytes(graph, GraphFormat.NTriples);

    private static string Text(GraphView graph) => ExportTestGraphs.Text(graph, GraphFormat.NTriples);

    private static string Saved(GraphView graph)
    {
        using var stream = new MemoryStream();
        graph.Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
