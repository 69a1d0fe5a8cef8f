using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Diplomacy;
using Hostile;
using KnowledgeGraph.Tests.Linked;

namespace KnowledgeGraph.Tests.Exporting;

/// <summary>
/// The generated <c>Rdf</c> class of a graph (<c>DiplomacyGraph.Rdf.Person</c>, <c>DiplomacyGraph.Rdf.Members.Thing.Name</c>)
/// holds exactly the IRIs of the schema's terms that the exporters write: made by the same names, they cannot disagree.
/// </summary>
public sealed class RdfIriClassTests
{
    private const string RdfsLabel = "<http://www.w3.org/2000/01/rdf-schema#label>";

    // Constants, so that query text is built at compile time.
    private const string PeopleQuery = "SELECT ?p WHERE { ?p a <" + DiplomacyGraph.Rdf.Person + "> }";

    public static TheoryData<string> Graphs => ["sample", "hostile", "linked"];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Every_IRI_of_the_Rdf_class_is_a_term_of_the_schema_the_export_writes_and_every_term_has_one(string name)
    {
        var (graph, rdf) = name switch
        {
            "sample" => ((GraphView)DiplomacyGraph.Default, typeof(DiplomacyGraph.Rdf)),
            "hostile" => (HostileGraph.Default, typeof(HostileGraph.Rdf)),
            _ => (LinkedGraph.Default, typeof(LinkedGraph.Rdf)),
        };

        // Each term of the schema is the subject of its rdfs:label, once.
        var terms = ExportTestGraphs.Text(graph, GraphFormat.NTriples).Split('\n')
            .Where(line => line.Contains($"> {RdfsLabel} ", StringComparison.Ordinal))
            .Select(line => line[1..line.IndexOf("> ", StringComparison.Ordinal)])
            .ToHashSet(StringComparer.Ordinal);

        var types = Constants(rdf).ToList();
        var members = rdf.GetNestedType("Members")!.GetNestedTypes().SelectMany(Constants).ToList();

        Assert.Equal(terms.Order(StringComparer.Ordinal), types.Concat(members).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_sample_s_IRIs_name_its_types_and_the_members_each_declares()
    {
        Assert.Equal("urn:kg:DiplomacyGraph:schema/Person", DiplomacyGraph.Rdf.Person);
        Assert.Equal("urn:kg:DiplomacyGraph:schema/leads", DiplomacyGraph.Rdf.Leads);
        Assert.Equal("urn:kg:DiplomacyGraph:schema/Thing/name", DiplomacyGraph.Rdf.Members.Thing.Name);
        Assert.Equal("urn:kg:DiplomacyGraph:schema/Person/title", DiplomacyGraph.Rdf.Members.Person.Title);
        Assert.Equal("urn:kg:DiplomacyGraph:schema/called/on", DiplomacyGraph.Rdf.Members.Called.On);
        Assert.Equal("SELECT ?p WHERE { ?p a <urn:kg:DiplomacyGraph:schema/Person> }", PeopleQuery);
        Assert.Equal("https://example.org/linked/schema/wrote/share", LinkedGraph.Rdf.Members.Wrote.Share);
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!);
}
