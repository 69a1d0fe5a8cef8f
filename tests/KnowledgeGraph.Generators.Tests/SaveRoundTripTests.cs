using System.Linq;
using KnowledgeGraph.Generators.Tests.Infrastructure;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// A graph saved with <c>Save</c> and read back by the generator, next to the files of its schema, is the same graph:
/// the same entities and relations in the same order, with the same values (Infrastructure/SaveRoundTrip.cs).
/// The random models of the property tests make the same trip (PropertyTests).
/// </summary>
public sealed class SaveRoundTripTests
{
    public static TheoryData<string[]> Models() => new()
    {
        { ["Models/Sample/diplomacy.kg.json", "Models/Sample/istanbul-talks.kg.json"] },
        { ["Models/Runtime/values.kg.json"] },
        { ["Models/Runtime/patterns.kg.json"] },
        { ["Models/SchemaFeatures.kg.json"] },
        { ["Models/PropertyTypes.kg.json"] },
        { ["Models/Cardinality.kg.json"] },
        { ["Models/Inheritance.kg.json"] },
        { ["Models/Identifiers.kg.json"] },
        { ["Models/Merge/schema.kg.json", "Models/Merge/facts.kg.json"] },
        { ["Models/TwoGraphs/people.kg.json", "Models/TwoGraphs/places.kg.json"] },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void A_saved_graph_reads_back_as_the_same_graph(string[] files) =>
        SaveRoundTrip.Check("TestProject", files.Select(GeneratorHarness.Load).ToArray());

    [Fact]
    public void The_sample_keeps_its_vague_dates_and_sources_and_names_its_graph_as_its_files_do()
    {
        var saved = SaveRoundTrip.Check("TestProject", GeneratorHarness.Load("Models/Sample/diplomacy.kg.json"), GeneratorHarness.Load("Models/Sample/istanbul-talks.kg.json"))["DiplomacyGraph"];

        Assert.StartsWith("{\n  \"$schema\": \"https://raw.githubusercontent.com/knowledgegraph-dotnet/knowledgegraph/main/nuget/kg.schema.json\",\n  \"namespace\": \"Diplomacy\",\n  \"graph\": \"DiplomacyGraph\",\n", saved);
        Assert.Contains("\n    { \"from\": \"trump\", \"type\": \"holdsOffice\", \"to\": \"usPresident\", \"source\": \"reutersIstanbul\", \"validFrom\": \"2025-01\" },\n", saved);
    }

    [Fact]
    public void A_graph_whose_files_leave_the_namespace_to_the_project_saves_none()
    {
        var saved = SaveRoundTrip.Check("TestProject", GeneratorHarness.Load("Models/TwoGraphs/people.kg.json"), GeneratorHarness.Load("Models/TwoGraphs/places.kg.json"));

        Assert.DoesNotContain("\"namespace\"", saved["PeopleGraph"]);
        Assert.Contains("\"namespace\"", saved["PlacesGraph"]);
    }

    [Fact]
    public void Names_that_are_not_CSharp_names_are_saved_as_the_files_write_them()
    {
        var saved = SaveRoundTrip.Check("TestProject", GeneratorHarness.Load("Models/Identifiers.kg.json")).Values.Single();

        Assert.Contains("\n  \"namespace\": \"Names.Of-Things\",\n  \"graph\": \"names-graph\",\n", saved);
    }
}
