using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hostile;
using static KnowledgeGraph.Tests.Exporting.ExportTestGraphs;

namespace KnowledgeGraph.Tests.Exporting;

/// <summary>
/// The CSV files of <see cref="GraphView.ExportNeo4jCsv"/>, read back by Python's csv module: the files, their headers,
/// every row, on the sample and on the hostile model; and what the export does to the directory.
/// </summary>
public sealed class Neo4jCsvExportTests
{
    // Reads every CSV file of the directory with Python's csv module (RFC 4180: quotes doubled, line breaks in quotes).
    private const string ReadCsv = """
        import csv, json, os, sys
        files = {}
        for name in sorted(os.listdir(sys.argv[1])):
            with open(os.path.join(sys.argv[1], name), newline="", encoding="utf-8") as f:
                files[name] = list(csv.reader(f, strict=True))
        print(json.dumps(files))
        """;

    [Fact]
    public void Python_reads_every_file_of_the_hostile_model_as_the_graph_holds_it()
    {
        var files = Read(ExportTestGraphs.Hostile);

        Assert.Equal(["nodes-Gadget.csv", "nodes-Thing.csv", "relationships-gathers.csv", "relationships-links.csv", "relationships-meets.csv"], files.Keys);
        const string Columns = "name:string,note:string,count:int,big:long,ratio:double,price:string,flag:boolean,day:date,moment:datetime,link:string,mood:string,tags:string[],scores:double[],moods:string[]";
        Assert.Equal(
            [
                ["id:ID", ":LABEL", .. Columns.Split(',')],
                ["plain", "Thing", "Plain", "", "0", "", "", "", "false", "", "", "", "calm", "", "", ""],
                ["quote\"d", "Thing", "He said \"hi\" and 'bye'", "back\\slash \\\" \\n not a newline", "-2147483648", "9223372036854775807",
                    "1.5E+300", "79228162514264337593543950335", "true", "0001-01-01", "2025-02-27T10:15:30.1234567+03:00",
                    "https://example.org/a?b=c&d=<e>#f", "quote\"d", "a,b;c;d;\"\"\";", "-0;5E-324;1.7976931348623157E+308", "a-->b;İı"],
                ["line\nbreak", "Thing", "Line one\nline two\r\nline three\ttabbed", "", "", "", "-1.25", "", "", "", "", "", "", "", "", ""],
                ["a-->b", "Thing", "<!-- a --> b", "--> ]]> <![CDATA[ x ]]>", "", "", "", "", "", "", "", "", "", "", "", ""],
                ["{braces}", "Thing", "{{braces}} [brackets] (parens) |pipes| #hash; %percent &amp; @at `tick`", "", "", "", "", "", "", "", "", "", "İı", "", "", ""],
                ["Iıİi", "Thing", "TİTLE tıtle İstanbul DIŞİŞLERİ", "", "", "", "", "1.50", "", "2025-02-27", "", "", "", "", "", ""],
                ["back\\slash", "Thing", "C:\\path\\to\\file \\u0041", "", "", "", "", "", "", "", "", "urn:isbn:0451450523", "", "", "", ""],
            ],
            files["nodes-Thing.csv"]);

        // A gadget is a thing: both are its labels. A CSV file holds any character, U+0001 too.
        Assert.Equal(
            [
                ["id:ID", ":LABEL", .. Columns.Split(','), "serial:string"],
                ["sep\u2028arator", "Gadget;Thing", "Paragraph\u2029separator and line\u2028separator", "", "", "", "", "", "", "", "", "", "", "", "", "", "\u0001\u001f\u007f"],
                ["<script>", "Gadget;Thing", "<script>alert(\"x\")</script>", "</script><img src=x onerror=alert(1)>", "", "", "", "", "", "", "", "", "", "", "", "", ""],
                ["space id", "Gadget;Thing", "emoji 🙂 and ✓ and 中文", "", "", "", "", "", "", "", "", "", "", "🙂", "", "", ""],
            ],
            files["nodes-Gadget.csv"]);
        Assert.Equal(
            [
                [":START_ID", ":END_ID", ":TYPE", "label:string", "weight:double", "since:date", "sources:string[]", "validFrom:string", "validTo:string"],
                ["plain", "quote\"d", "links", "", "", "", "", "", ""],
                ["quote\"d", "line\nbreak", "links", "a \"label\" with\nnewline --> ]]>", "0.1", "2024-02-29", "plain", "", ""],
                ["line\nbreak", "sep\u2028arator", "links", "", "", "", "plain;a-->b", "2025", "2025-06"],
                ["plain", "plain", "links", "", "", "", "", "", ""],
                ["back\\slash", "{braces}", "links", "", "", "", "", "", ""],
            ],
            files["relationships-links.csv"]);
        Assert.Equal(
            [
                [":START_ID", ":END_ID", ":TYPE", "witness:string", "guests:string[]", "sources:string[]", "validFrom:string", "validTo:string"],
                ["{braces}", "Iıİi", "gathers", "space id", "plain;back\\slash", "", "2025-02-27", ""],
            ],
            files["relationships-gathers.csv"]);
        Assert.Equal(
            [
                [":START_ID", ":END_ID", ":TYPE", "sources:string[]", "validFrom:string", "validTo:string"],
                ["a-->b", "<script>", "meets", "", "", ""],
            ],
            files["relationships-meets.csv"]);
    }

    [Fact]
    public void An_absent_value_is_an_empty_field_and_quotes_are_doubled()
    {
        var directory = Export(ExportTestGraphs.Hostile);
        try
        {
            var plain = System.IO.File.ReadLines(Path.Combine(directory, "nodes-Thing.csv")).ElementAt(1);
            Assert.Equal("plain,Thing,Plain,,0,,,,false,,,,calm,,,", plain);
            Assert.Contains(",\"a,b;c;d;\"\"\"\"\"\";\",", System.IO.File.ReadAllText(Path.Combine(directory, "nodes-Thing.csv")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Python_reads_a_file_per_type_of_the_sample_with_every_entity_and_fact()
    {
        var g = Sample;
        var files = Read(g);

        var entities = g.Entities<Diplomacy.Thing>().ToList();
        var relations = g.Relations<Relation>().ToList();
        Assert.Equal(
            entities.Select(entity => $"nodes-{entity.GetType().Name}.csv").Concat(relations.Select(relation => $"relationships-{relation.TypeName}.csv"))
                .Distinct().Order(StringComparer.Ordinal),
            files.Keys);
        foreach (var group in entities.GroupBy(entity => entity.GetType()))
        {
            var rows = files[$"nodes-{group.Key.Name}.csv"];
            Assert.Equal(["id:ID", ":LABEL", "name:string", "aliases:string[]"], rows[0].Take(4));
            Assert.Equal(group.Select(entity => entity.Id), rows.Skip(1).Select(row => row[0]));
            var labels = string.Join(';', Lineage(group.Key));
            foreach (var (entity, row) in group.Zip(rows.Skip(1)))
            {
                Assert.Equal([labels, entity.Name, string.Join(';', entity.Aliases)], row[1..4]);
            }
        }

        foreach (var group in relations.GroupBy(relation => relation.TypeName))
        {
            var rows = files[$"relationships-{group.Key}.csv"];
            Assert.Equal([":START_ID", ":END_ID", ":TYPE"], rows[0].Take(3));
            Assert.Equal(["sources:string[]", "validFrom:string", "validTo:string"], rows[0].TakeLast(3));
            Assert.Equal(
                group.Select(relation => new[]
                {
                    relation.From.Id, relation.To.Id, relation.TypeName, string.Join(';', relation.Sources.Select(source => source.Id)),
                    relation.ValidFrom?.ToString() ?? "", relation.ValidTo?.ToString() ?? "",
                }),
                rows.Skip(1).Select(row => row.Take(3).Concat(row.TakeLast(3)).ToArray()));
        }

        Assert.Equal(["id:ID", ":LABEL", "name:string", "aliases:string[]", "date:date"], files["nodes-Meeting.csv"][0]);
        Assert.Equal(["istanbulTalks", "Meeting;Thing", "Istanbul talks", "", "2025-02-27"], files["nodes-Meeting.csv"].Single(row => row[0] == "istanbulTalks"));
        Assert.Equal("on:date", files["relationships-called.csv"][0][3]);
        Assert.Equal(["trump", "putin", "called", "2025-02-12"], files["relationships-called.csv"][1][..4]);
    }

    [Fact]
    public void The_README_import_command_names_every_file_of_the_sample()
    {
        var readme = System.IO.File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var command = readme[readme.IndexOf("neo4j-admin database import full", StringComparison.Ordinal)..];
        command = command[..command.IndexOf("```", StringComparison.Ordinal)];
        var named = Regex.Matches(command, @"--(?:nodes|relationships)=import/(\S+\.csv)").Select(match => match.Groups[1].Value);

        Assert.Equal(Read(Sample).Keys, named.Order(StringComparer.Ordinal));
        Assert.Contains("--multiline-fields=true", command, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_holds_only_letters_digits_hyphens_and_escapes()
    {
        var files = Read(Clashes.ClashGraph.Default);

        Assert.Equal(["nodes-Box.csv", "nodes-Item.csv", "nodes-Odd_0020type_002F_00FC.csv", "relationships-holds.csv", "relationships-near.csv"], files.Keys);
        Assert.Equal([["id:ID", ":LABEL"], ["odd", "Odd type/ü"]], files["nodes-Odd_0020type_002F_00FC.csv"]);
        Assert.Equal(
            [
                [":START_ID", ":END_ID", ":TYPE", "count:string", "sources:string[]", "validFrom:string", "validTo:string"],
                ["box", "item", "holds", "item", "box", "", ""],
                ["box", "blank", "holds", "", "", "", ""],
            ],
            files["relationships-holds.csv"]);
    }

    [Fact]
    public void An_empty_string_is_quoted_so_the_importer_keeps_it()
    {
        var directory = Export(Clashes.ClashGraph.Default);
        try
        {
            Assert.Equal(
                ["id:ID,:LABEL,label:string,count:int,size:int,tags:string[]", "item,Item,L,3,4,x", "blank,Item,\"\",0,0,"],
                System.IO.File.ReadAllLines(Path.Combine(directory, "nodes-Item.csv")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_view_exports_what_it_holds()
    {
        var view = Sample.AsOf(new DateOnly(2025, 2, 15));
        var files = Read(view);

        Assert.Equal(view.EntityCount, files.Where(file => file.Key.StartsWith("nodes-", StringComparison.Ordinal)).Sum(file => file.Value.Length - 1));
        Assert.Equal(view.RelationCount, files.Where(file => file.Key.StartsWith("relationships-", StringComparison.Ordinal)).Sum(file => file.Value.Length - 1));
    }

    [Fact]
    public void The_export_makes_the_directory_replaces_its_own_files_and_leaves_the_others()
    {
        var parent = Directory.CreateTempSubdirectory("kg-neo4j-");
        try
        {
            var directory = Path.Combine(parent.FullName, "new", "import");
            Sample.ExportNeo4jCsv(directory);
            var first = Snapshot(directory);
            System.IO.File.WriteAllText(Path.Combine(directory, "nodes-Person.csv"), "stale");
            System.IO.File.WriteAllText(Path.Combine(directory, "notes.txt"), "mine");

            Sample.ExportNeo4jCsv(directory);

            Assert.Equal(first["nodes-Person.csv"], System.IO.File.ReadAllBytes(Path.Combine(directory, "nodes-Person.csv")));
            Assert.Equal("mine", System.IO.File.ReadAllText(Path.Combine(directory, "notes.txt")));
            Assert.Equal(first.Keys.Append("notes.txt").Order(StringComparer.Ordinal), Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_failed_export_leaves_no_file_under_a_final_name_and_no_temporary_file()
    {
        var builder = HostileGraph.Default.ToBuilder();
        builder.AddEntity(new Thing("undeclared mood") { Name = "x", Mood = (Mood)99 }); // possible only in code
        var graph = builder.Build();
        var directory = Directory.CreateTempSubdirectory("kg-neo4j-");
        try
        {
            System.IO.File.WriteAllText(Path.Combine(directory.FullName, "relationships-links.csv"), "before");

            Assert.Throws<InvalidOperationException>(() => graph.ExportNeo4jCsv(directory.FullName));

            Assert.Equal(["relationships-links.csv"], directory.GetFiles().Select(file => file.Name));
            Assert.Equal("before", System.IO.File.ReadAllText(Path.Combine(directory.FullName, "relationships-links.csv")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_same_graph_gives_the_same_files_in_every_culture_and_every_run()
    {
        foreach (GraphView graph in new GraphView[] { Sample, ExportTestGraphs.Hostile })
        {
            var invariant = InCulture("", () => Snapshot(graph));
            var turkish = InCulture("tr-TR", () => Snapshot(graph));
            var again = Snapshot(graph);
            Assert.Equal(invariant.Keys, turkish.Keys);
            Assert.Equal(invariant.Keys, again.Keys);
            foreach (var (name, bytes) in invariant)
            {
                Assert.Equal(bytes, turkish[name]);
                Assert.Equal(bytes, again[name]);
            }
        }
    }

    /// <summary>The type's class and the classes it extends, up to the runtime's base: the labels of its nodes.</summary>
    private static IEnumerable<string> Lineage(Type type)
    {
        for (var current = type; current != typeof(Entity); current = current.BaseType!)
        {
            yield return current.Name;
        }
    }

    private static string Export(GraphView graph)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kg-neo4j-{Guid.NewGuid():N}");
        graph.ExportNeo4jCsv(directory);
        return directory;
    }

    private static SortedDictionary<string, byte[]> Snapshot(GraphView graph)
    {
        var directory = Export(graph);
        try
        {
            return Snapshot(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static SortedDictionary<string, byte[]> Snapshot(string directory) =>
        new(Directory.GetFiles(directory).ToDictionary(path => Path.GetFileName(path), System.IO.File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>Every file of the export, by name in ordinal order, as Python's csv module reads its rows.</summary>
    private static SortedDictionary<string, string[][]> Read(GraphView graph)
    {
        var directory = Export(graph);
        try
        {
            var run = ExternalTools.RunPython(ReadCsv, "python3", directory).Succeeded("Python's csv module");
            return new(JsonSerializer.Deserialize<Dictionary<string, string[][]>>(run.Output)!, StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!System.IO.File.Exists(Path.Combine(directory.FullName, "KnowledgeGraph.sln")))
        {
            directory = directory.Parent ?? throw new DirectoryNotFoundException("The tests run outside the repository.");
        }

        return directory.FullName;
    }
}
