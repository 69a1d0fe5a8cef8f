using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Diplomacy;
using Hostile;
using KnowledgeGraph.Tests.Linked;

namespace KnowledgeGraph.Tests.Exporting;

/// <summary>
/// The RDF exporters (N-Triples, Turtle, JSON-LD), checked by the tools that read them: rapper parses N-Triples and
/// Turtle and counts exactly the triples the mapping must make, counted here from the model's files and the graph's
/// saved facts; rdflib reads all three to isomorphic graphs and finds the mapping's triples in them.
/// </summary>
public sealed class RdfExportTests
{
    private const string Rdflib = "python3-rdflib";

    // Reads the files given as FORMAT=PATH and fails unless every graph is isomorphic to the first; prints its size.
    private const string IsomorphicScript = """
        import sys
        from rdflib import Graph
        from rdflib.compare import isomorphic
        graphs = []
        for argument in sys.argv[1:]:
            fmt, path = argument.split('=', 1)
            g = Graph()
            g.parse(path, format=fmt)
            graphs.append((fmt, g))
        for fmt, g in graphs[1:]:
            if not isomorphic(graphs[0][1], g):
                sys.exit(f'{fmt} is not isomorphic to {graphs[0][0]}')
        print(len(graphs[0][1]))
        """;

    public static TheoryData<string> Graphs => ["sample", "hostile"];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Rapper_reads_the_N_Triples_with_exactly_the_triples_of_the_mapping(string name)
    {
        var (graph, schemaFiles) = Model(name);
        Assert.Equal(ExpectedTriples(graph, schemaFiles), RapperCount(graph, GraphFormat.NTriples, "ntriples", ".nt"));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Rapper_reads_the_Turtle_with_exactly_the_triples_of_the_mapping(string name)
    {
        var (graph, schemaFiles) = Model(name);
        Assert.Equal(ExpectedTriples(graph, schemaFiles), RapperCount(graph, GraphFormat.Turtle, "turtle", ".ttl"));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Rdflib_reads_N_Triples_Turtle_and_JSON_LD_as_isomorphic_graphs(string name)
    {
        var (graph, _) = Model(name);
        var run = WithExports(graph, files => ExternalTools.RunPython(IsomorphicScript, Rdflib, [.. files.Select(f => $"{f.Format}={f.Path}")]))
            .Succeeded("rdflib");
        Assert.True(int.Parse(run.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture) > 100, run.Output);
    }

    [Fact]
    public void Rdflib_finds_the_mapping_s_triples_in_the_sample()
    {
        const string Script = """
            import sys
            from rdflib import Graph, URIRef, Literal, RDF, RDFS, XSD, Namespace
            from rdflib.namespace import DCTERMS
            g = Graph(); g.parse(sys.argv[1], format=sys.argv[2])
            E = Namespace('urn:kg:DiplomacyGraph:'); S = Namespace('urn:kg:DiplomacyGraph:schema/')
            darchiyev = E['darchiyev']
            types = set(g.objects(darchiyev, RDF.type))
            assert types == {S['Person'], S['Agent'], S['Thing']}, types
            assert (S['Person'], RDFS.subClassOf, S['Agent']) in g
            assert (S['Agent'], RDFS.subClassOf, S['Thing']) in g
            assert (S['Person'], RDF.type, RDFS.Class) in g
            assert (S['Thing/name'], RDFS.domain, S['Thing']) in g
            assert (S['Thing/name'], RDFS.range, XSD.string) in g
            assert (S['called'], RDFS.domain, S['Person']) in g
            assert (S['quoted'], RDFS.subPropertyOf, S['stated']) in g
            assert (darchiyev, S['Thing/name'], Literal('Alexander Darchiyev')) in g
            assert (darchiyev, S['Person/title'], Literal('Head of the North America department of the Russian foreign ministry')) in g
            assert (E['trump'], S['called'], E['putin']) in g
            [call] = [f for f in g.subjects(RDF.subject, E['trump']) if (f, RDF.predicate, S['called']) in g]
            assert str(call).startswith('urn:kg:DiplomacyGraph:fact/'), call
            assert (call, RDF.type, RDF.Statement) in g and (call, RDF.object, E['putin']) in g
            [on] = g.objects(call, S['called/on'])
            assert on == Literal('2025-02-12', datatype=XSD.date) and on.datatype == XSD.date, on
            assert (call, DCTERMS.source, E['reutersIstanbul']) in g
            [since] = [o for f in g.subjects(RDF.predicate, S['holdsOffice']) for o in g.objects(f, URIRef('http://schema.org/validFrom'))]
            assert since.datatype == XSD.gYearMonth and str(since) == '2025-01', since
            [manner] = g.objects(S['stated/manner'], RDFS.range)
            assert (manner, RDF.type, RDFS.Class) in g
            assert len(set(g.subjects(RDF.type, manner))) > 1
            print('ok')
            """;
        WithExports(ExportTestGraphs.Sample, files =>
        {
            foreach (var (format, path) in files)
            {
                ExternalTools.RunPython(Script, Rdflib, path, format).Succeeded($"rdflib on {format}");
            }

            return 0;
        });
    }

    [Fact]
    public void Every_hostile_id_round_trips_through_its_IRI_and_the_schema_stays_apart()
    {
        const string Script = """
            import sys, json, urllib.parse
            from rdflib import Graph, RDF, Namespace
            g = Graph(); g.parse(sys.argv[1], format=sys.argv[2])
            base = 'urn:kg:HostileGraph:'
            S = Namespace(base + 'schema/')
            ids = set()
            for subject in g.subjects(RDF.type, S['Thing']):
                local = str(subject)[len(base):]
                assert str(subject).startswith(base) and '/' not in local, subject
                for c in '<>"{}|^`\\ \n\u2028':
                    assert c not in local, (c, local)
                ids.add(urllib.parse.unquote(local))
            print(json.dumps(sorted(ids)))
            """;
        var expected = ExportTestGraphs.Hostile.Entities<Entity>().Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        WithExports(ExportTestGraphs.Hostile, files =>
        {
            foreach (var (format, path) in files)
            {
                var run = ExternalTools.RunPython(Script, Rdflib, path, format).Succeeded($"rdflib on {format}");
                Assert.Equal(expected, JsonSerializer.Deserialize<List<string>>(run.Output)!.Order(StringComparer.Ordinal));
            }

            return 0;
        });
    }

    /// <summary>A value holding a hazard reads back from every syntax as it was, and no syntax shows it raw where it would harm.</summary>
    [Theory]
    [InlineData("quotes", "quote\"d", "name", "\"")]
    [InlineData("backslashes", "back\\slash", "name", "\\")]
    [InlineData("newlines", "line\nbreak", "name", "\n")]
    [InlineData("U+2028", "sep\u2028arator", "name", "\u2028")]
    [InlineData("-->", "a-->b", "name", "-->")]
    [InlineData("]]>", "a-->b", "note", "]]>")]
    [InlineData("triple quotes", "quote\"d", "tags", "\"\"\"")]
    [InlineData("<script>", "<script>", "name", "<script>")]
    [InlineData("braces", "{braces}", "name", "{{")]
    [InlineData("controls", "sep\u2028arator", "serial", "\u0001")]
    public void A_hostile_value_reads_back_from_every_syntax(string hazard, string id, string property, string raw)
    {
        var entity = ExportTestGraphs.Hostile.FindEntity(id)!;
        var values = entity.GetType().GetProperty(char.ToUpperInvariant(property[0]) + property[1..])!.GetValue(entity) switch
        {
            string text => [text],
            IEnumerable<string> texts => texts.ToList(),
            var other => throw new InvalidOperationException($"{other}"),
        };
        var value = Assert.Single(values, text => text.Contains(raw, StringComparison.Ordinal));
        var declaring = property == "serial" ? "Gadget" : "Thing";

        const string Script = """
            import sys, urllib.parse
            from rdflib import Graph, Literal, Namespace
            g = Graph(); g.parse(sys.argv[1], format=sys.argv[2])
            base = 'urn:kg:HostileGraph:'
            [subject] = [s for s in set(g.subjects()) if str(s).startswith(base) and urllib.parse.unquote(str(s)[len(base):]) == sys.argv[3]]
            values = [str(o) for o in g.objects(subject, Namespace(base + 'schema/')[sys.argv[4]])]
            assert sys.argv[5] in values, values
            print('ok')
            """;
        WithExports(ExportTestGraphs.Hostile, files =>
        {
            foreach (var (format, path) in files)
            {
                ExternalTools.RunPython(Script, Rdflib, path, format, id, $"{declaring}/{property}", value).Succeeded($"rdflib on {format}, {hazard}");
            }

            return 0;
        });

        var nTriples = ExportTestGraphs.Text(ExportTestGraphs.Hostile, GraphFormat.NTriples);
        var turtle = ExportTestGraphs.Text(ExportTestGraphs.Hostile, GraphFormat.Turtle);
        var jsonLd = ExportTestGraphs.Text(ExportTestGraphs.Hostile, GraphFormat.JsonLd);
        Assert.All(nTriples.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.EndsWith(" .", line, StringComparison.Ordinal));
        foreach (var text in new[] { nTriples, turtle, jsonLd })
        {
            Assert.DoesNotContain("\u2028", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u2029", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u0001", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"\"\"", text, StringComparison.Ordinal);
        }

        // JSON-LD is read by HTML pages and scripts: nothing there may close a tag, a comment or a CDATA section.
        foreach (var dangerous in new[] { "<", ">", "&" })
        {
            Assert.DoesNotContain(dangerous, jsonLd, StringComparison.Ordinal);
        }

        // An IRI holds none of what N-Triples and Turtle forbid in one.
        foreach (var line in nTriples.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var triple = System.Text.RegularExpressions.Regex.Match(line, "^<([^>]*)> <([^>]*)> (?:<([^>]*)>|\".*\"(?:\\^\\^<[^>]*>)?) \\.$");
            Assert.True(triple.Success, line);
            foreach (var iri in triple.Groups.Values.Skip(1).Where(group => group.Success).Select(group => group.Value))
            {
                Assert.DoesNotContain(iri, c => c is '{' or '}' or '<' or '>' or '"' or '|' or '^' or '`' or '\\' || c <= ' ');
            }
        }
    }

    [Fact]
    public void A_view_exports_what_it_holds()
    {
        var view = ExportTestGraphs.Sample.AsOf(new DateOnly(2025, 2, 15));
        var (_, schemaFiles) = Model("sample");
        var expected = ExpectedTriples(view, schemaFiles);
        Assert.True(expected < ExpectedTriples(ExportTestGraphs.Sample, schemaFiles));
        Assert.Equal(expected, RapperCount(view, GraphFormat.NTriples, "ntriples", ".nt"));
        Assert.Equal(expected, RapperCount(view, GraphFormat.Turtle, "turtle", ".ttl"));
        WithExports(view, files => ExternalTools.RunPython(IsomorphicScript, Rdflib, [.. files.Select(f => $"{f.Format}={f.Path}")])).Succeeded("rdflib");

        // A fact keeps its node's IRI in a view: the same fact is the same node wherever it is exported.
        var call = view.Relations<Called>().Single();
        var line = ExportTestGraphs.Text(ExportTestGraphs.Sample, GraphFormat.NTriples).Split('\n')
            .First(l => l.EndsWith($"<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <urn:kg:DiplomacyGraph:schema/called> .", StringComparison.Ordinal));
        Assert.Contains(line, ExportTestGraphs.Text(view, GraphFormat.NTriples).Split('\n'));
        Assert.Equal(new DateOnly(2025, 2, 12), call.On);
    }

    [Fact]
    public void The_base_IRI_is_urn_kg_and_the_graph_s_name_unless_the_files_give_one()
    {
        var sample = ExportTestGraphs.Text(ExportTestGraphs.Sample, GraphFormat.NTriples);
        Assert.StartsWith("<urn:kg:DiplomacyGraph:schema/", sample, StringComparison.Ordinal);
        Assert.Contains("<urn:kg:DiplomacyGraph:trump> <urn:kg:DiplomacyGraph:schema/called> <urn:kg:DiplomacyGraph:putin> .", sample, StringComparison.Ordinal);

        var linked = ExportTestGraphs.Text(LinkedGraph.Default, GraphFormat.NTriples);
        Assert.Equal(
            """
            <https://example.org/linked/schema/Author> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2000/01/rdf-schema#Class> .
            <https://example.org/linked/schema/Author> <http://www.w3.org/2000/01/rdf-schema#label> "Author" .
            <https://example.org/linked/schema/Author/name> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Property> .
            <https://example.org/linked/schema/Author/name> <http://www.w3.org/2000/01/rdf-schema#label> "name" .
            <https://example.org/linked/schema/Author/name> <http://www.w3.org/2000/01/rdf-schema#domain> <https://example.org/linked/schema/Author> .
            <https://example.org/linked/schema/Author/name> <http://www.w3.org/2000/01/rdf-schema#range> <http://www.w3.org/2001/XMLSchema#string> .
            <https://example.org/linked/schema/Book> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2000/01/rdf-schema#Class> .
            <https://example.org/linked/schema/Book> <http://www.w3.org/2000/01/rdf-schema#label> "Book" .
            <https://example.org/linked/schema/Book/title> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Property> .
            <https://example.org/linked/schema/Book/title> <http://www.w3.org/2000/01/rdf-schema#label> "title" .
            <https://example.org/linked/schema/Book/title> <http://www.w3.org/2000/01/rdf-schema#domain> <https://example.org/linked/schema/Book> .
            <https://example.org/linked/schema/Book/title> <http://www.w3.org/2000/01/rdf-schema#range> <http://www.w3.org/2001/XMLSchema#string> .
            <https://example.org/linked/schema/Book/published> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Property> .
            <https://example.org/linked/schema/Book/published> <http://www.w3.org/2000/01/rdf-schema#label> "published" .
            <https://example.org/linked/schema/Book/published> <http://www.w3.org/2000/01/rdf-schema#domain> <https://example.org/linked/schema/Book> .
            <https://example.org/linked/schema/Book/published> <http://www.w3.org/2000/01/rdf-schema#range> <http://www.w3.org/2001/XMLSchema#date> .
            <https://example.org/linked/schema/wrote> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Property> .
            <https://example.org/linked/schema/wrote> <http://www.w3.org/2000/01/rdf-schema#label> "wrote" .
            <https://example.org/linked/schema/wrote> <http://www.w3.org/2000/01/rdf-schema#domain> <https://example.org/linked/schema/Author> .
            <https://example.org/linked/schema/wrote> <http://www.w3.org/2000/01/rdf-schema#range> <https://example.org/linked/schema/Book> .
            <https://example.org/linked/schema/wrote/share> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Property> .
            <https://example.org/linked/schema/wrote/share> <http://www.w3.org/2000/01/rdf-schema#label> "share" .
            <https://example.org/linked/schema/wrote/share> <http://www.w3.org/2000/01/rdf-schema#domain> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .
            <https://example.org/linked/schema/wrote/share> <http://www.w3.org/2000/01/rdf-schema#range> <http://www.w3.org/2001/XMLSchema#decimal> .
            <https://example.org/linked/tolstoy> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/linked/schema/Author> .
            <https://example.org/linked/tolstoy> <https://example.org/linked/schema/Author/name> "Leo Tolstoy" .
            <https://example.org/linked/warAndPeace> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/linked/schema/Book> .
            <https://example.org/linked/warAndPeace> <https://example.org/linked/schema/Book/title> "War and Peace" .
            <https://example.org/linked/warAndPeace> <https://example.org/linked/schema/Book/published> "1869-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .
            <https://example.org/linked/tolstoy> <https://example.org/linked/schema/wrote> <https://example.org/linked/warAndPeace> .
            <https://example.org/linked/fact/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .
            <https://example.org/linked/fact/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <https://example.org/linked/tolstoy> .
            <https://example.org/linked/fact/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <https://example.org/linked/schema/wrote> .
            <https://example.org/linked/fact/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <https://example.org/linked/warAndPeace> .
            <https://example.org/linked/fact/1> <https://example.org/linked/schema/wrote/share> "1.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .

            """,
            linked);
    }

    [Fact]
    public void Turtle_and_JSON_LD_name_the_graph_s_IRIs_by_prefixes()
    {
        Assert.Equal(
            """
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix schema: <http://schema.org/> .
            @prefix g: <https://example.org/linked/> .
            @prefix kg: <https://example.org/linked/schema/> .
            @prefix fact: <https://example.org/linked/fact/> .

            kg:Author a rdfs:Class ;
                rdfs:label "Author" .
            kg:Author\/name a rdf:Property ;
                rdfs:label "name" ;
                rdfs:domain kg:Author ;
                rdfs:range xsd:string .
            kg:Book a rdfs:Class ;
                rdfs:label "Book" .
            kg:Book\/title a rdf:Property ;
                rdfs:label "title" ;
                rdfs:domain kg:Book ;
                rdfs:range xsd:string .
            kg:Book\/published a rdf:Property ;
                rdfs:label "published" ;
                rdfs:domain kg:Book ;
                rdfs:range xsd:date .
            kg:wrote a rdf:Property ;
                rdfs:label "wrote" ;
                rdfs:domain kg:Author ;
                rdfs:range kg:Book .
            kg:wrote\/share a rdf:Property ;
                rdfs:label "share" ;
                rdfs:domain rdf:Statement ;
                rdfs:range xsd:decimal .
            g:tolstoy a kg:Author ;
                kg:Author\/name "Leo Tolstoy" .
            g:warAndPeace a kg:Book ;
                kg:Book\/title "War and Peace" ;
                kg:Book\/published "1869-01-01"^^xsd:date .
            g:tolstoy kg:wrote g:warAndPeace .
            fact:1 a rdf:Statement ;
                rdf:subject g:tolstoy ;
                rdf:predicate kg:wrote ;
                rdf:object g:warAndPeace ;
                kg:wrote\/share "1.0"^^xsd:decimal .

            """,
            ExportTestGraphs.Text(LinkedGraph.Default, GraphFormat.Turtle));

        var jsonLd = ExportTestGraphs.Text(LinkedGraph.Default, GraphFormat.JsonLd);
        using var document = JsonDocument.Parse(jsonLd);
        var context = document.RootElement.GetProperty("@context");
        Assert.Equal("https://example.org/linked/", context.GetProperty("g").GetString());
        Assert.Equal("kg:Author", context.GetProperty("Author").GetString());
        Assert.Equal("kg:wrote", context.GetProperty("wrote").GetString());
        var tolstoy = document.RootElement.GetProperty("@graph").EnumerateArray().First(node => node.GetProperty("@id").GetString() == "g:tolstoy");
        Assert.Equal("Author", tolstoy.GetProperty("@type").GetString());
        Assert.Equal("Leo Tolstoy", tolstoy.GetProperty("name").GetString());
    }

    [Fact]
    public void No_JSON_LD_term_or_prefix_stands_for_a_scheme_another_prefix_or_two_IRIs()
    {
        var graph = KnowledgeGraph.Tests.Terms.TermsGraph.Default;
        using var document = JsonDocument.Parse(ExportTestGraphs.Text(graph, GraphFormat.JsonLd));
        var terms = document.RootElement.GetProperty("@context").EnumerateObject().Select(term => term.Name).ToList();

        Assert.Equal(["rdf", "rdfs", "xsd", "dcterms", "schema", "g", "kg", "fact_", "Place"], terms);
        Assert.Equal("fact:terms/fact/", document.RootElement.GetProperty("@context").GetProperty("fact_").GetString());
        Assert.StartsWith("@prefix rdf: ", ExportTestGraphs.Text(graph, GraphFormat.Turtle), StringComparison.Ordinal);
        Assert.Contains("@prefix fact_: <fact:terms/fact/> .", ExportTestGraphs.Text(graph, GraphFormat.Turtle), StringComparison.Ordinal);
        WithExports(graph, files => ExternalTools.RunPython(IsomorphicScript, Rdflib, [.. files.Select(f => $"{f.Format}={f.Path}")])).Succeeded("rdflib");
    }

    [Fact]
    public void Every_syntax_writes_the_same_bytes_in_every_culture()
    {
        foreach (var graph in new GraphView[] { ExportTestGraphs.Sample, ExportTestGraphs.Hostile })
        {
            foreach (var format in new[] { GraphFormat.NTriples, GraphFormat.Turtle, GraphFormat.JsonLd })
            {
                var invariant = ExportTestGraphs.InCulture("", () => ExportTestGraphs.Bytes(graph, format));
                Assert.Equal(invariant, ExportTestGraphs.InCulture("tr-TR", () => ExportTestGraphs.Bytes(graph, format)));
                Assert.Equal(invariant, ExportTestGraphs.Bytes(graph, format));
            }
        }
    }

    [Fact]
    public void Export_leaves_the_stream_open_and_writes_UTF_8_without_a_byte_order_mark()
    {
        using var stream = new MemoryStream();
        ExportTestGraphs.Hostile.Export(stream, GraphFormat.Turtle);
        ExportTestGraphs.Hostile.Export(stream, GraphFormat.JsonLd);
        Assert.True(stream.CanWrite);
        Assert.Equal((byte)'@', stream.ToArray()[0]);
        Assert.Contains("emoji 🙂 and ✓ and 中文", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GraphFormat.NTriples)]
    [InlineData(GraphFormat.Turtle)]
    [InlineData(GraphFormat.JsonLd)]
    public void Text_no_RDF_file_can_hold_is_refused(GraphFormat format)
    {
        var builder = ExportTestGraphs.Hostile.ToBuilder();
        builder.AddEntity(new Hostile.Thing("broken") { Name = "half a pair: \ud83d" });
        var broken = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => ExportTestGraphs.Bytes(broken, format));

        Assert.Contains("The entity 'broken' holds a string with half of a surrogate pair", error.Message, StringComparison.Ordinal);
    }

    private static (GraphView Graph, string[] SchemaFiles) Model(string name) => name switch
    {
        "sample" => (ExportTestGraphs.Sample, [Path.Combine(LoadingTests.SampleFolder, "diplomacy.kg.json"), Path.Combine(LoadingTests.SampleFolder, "istanbul-talks.kg.json")]),
        _ => (ExportTestGraphs.Hostile, [Path.Combine(LoadingTests.SampleFolder, "..", "..", "tests", "KnowledgeGraph.Tests", "Models", "hostile.kg.json")]),
    };

    private static int RapperCount(GraphView graph, GraphFormat format, string syntax, string extension)
    {
        var path = ExportTestGraphs.File(graph, format, extension);
        try
        {
            var run = ExternalTools.Run("rapper", "raptor2-utils", ["-i", syntax, "-c", path]).Succeeded($"rapper -i {syntax}");
            var said = run.Error + run.Output;
            Assert.DoesNotContain("Warning", said, StringComparison.OrdinalIgnoreCase);
            var marker = "Parsing returned ";
            var at = said.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at >= 0, said);
            return int.Parse(said[(at + marker.Length)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes the graph in the three syntaxes to temporary files, runs <paramref name="check"/> with them (rdflib's format names), deletes them.</summary>
    private static T WithExports<T>(GraphView graph, Func<IReadOnlyList<(string Format, string Path)>, T> check)
    {
        var files = new List<(string Format, string Path)>
        {
            ("nt", ExportTestGraphs.File(graph, GraphFormat.NTriples, ".nt")),
            ("turtle", ExportTestGraphs.File(graph, GraphFormat.Turtle, ".ttl")),
            ("json-ld", ExportTestGraphs.File(graph, GraphFormat.JsonLd, ".jsonld")),
        };
        try
        {
            return check(files);
        }
        finally
        {
            files.ForEach(file => File.Delete(file.Path));
        }
    }

    /// <summary>
    /// The triples the mapping must make, counted from the model's files (the schema) and the graph's saved file (its
    /// entities and facts), by the README's rules, not from any export.
    /// </summary>
    private static int ExpectedTriples(GraphView graph, string[] schemaFiles)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var schema = 0;
        var extends = new Dictionary<string, string?>(StringComparer.Ordinal);
        var counted = new HashSet<string>(StringComparer.Ordinal);
        static int Described(JsonElement element) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("description", out _) ? 1 : 0;
        static IEnumerable<JsonProperty> Members(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var members) ? members.EnumerateObject() : [];

        foreach (var file in schemaFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), options);
            var root = document.RootElement;
            foreach (var e in Members(root, "enums").Where(e => counted.Add("enum " + e.Name)))
            {
                var values = e.Value.ValueKind == JsonValueKind.Array ? e.Value : e.Value.GetProperty("values");
                schema += 2 + Described(e.Value) + (2 * values.GetArrayLength());            // a class, its label; each value: its class, its label
            }

            foreach (var type in Members(root, "entityTypes").Where(t => counted.Add("entity " + t.Name)))
            {
                var extended = type.Value.TryGetProperty("extends", out var b) ? b.GetString() : null;
                extends[type.Name] = extended;
                schema += 2 + (extended is null ? 0 : 1) + Described(type.Value);         // rdfs:Class, label, subClassOf, comment
                schema += Members(type.Value, "properties").Sum(p => 4 + Described(p.Value)); // rdf:Property, label, domain, range, comment
            }

            foreach (var type in Members(root, "relationTypes").Where(t => counted.Add("relation " + t.Name)))
            {
                schema += 4 + (type.Value.TryGetProperty("extends", out _) ? 1 : 0) + Described(type.Value);
                schema += Members(type.Value, "properties").Sum(p => 4 + Described(p.Value));
                schema += Members(type.Value, "roles").Sum(r => 4 + Described(r.Value));
            }
        }

        using var stream = new MemoryStream();
        graph.Save(stream);
        using var saved = JsonDocument.Parse(stream.ToArray());
        static int Count(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Array => value.GetArrayLength(),
            JsonValueKind.Null => 0,
            _ => 1,
        };

        var entities = 0;
        foreach (var entity in Members(saved.RootElement, "entities"))
        {
            var depth = 0;
            for (var type = entity.Value.GetProperty("type").GetString(); type is not null; type = extends[type])
            {
                depth++;                                                                    // rdf:type, for its type and each ancestor
            }

            entities += depth + entity.Value.EnumerateObject().Where(p => p.Name != "type").Sum(p => Count(p.Value));
        }

        var facts = 0;
        foreach (var fact in saved.RootElement.GetProperty("relations").EnumerateArray())
        {
            var more = fact.ValueKind == JsonValueKind.Object
                ? fact.EnumerateObject().Where(p => p.Name is not ("from" or "type" or "to")).Sum(p => Count(p.Value))
                : 0;
            facts += 1 + (more == 0 ? 0 : 4 + more);                                         // the direct triple; a node: rdf:type, subject, predicate, object
        }

        return schema + entities + facts;
    }
}
