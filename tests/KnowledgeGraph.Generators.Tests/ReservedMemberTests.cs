using System.Linq;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using KnowledgeGraph.Language.Validation;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// The generator keeps generated members from hiding the runtime's: its lists of reserved names must cover
/// every member a generated class inherits, or a name clash would reach the user as a C# error.
/// </summary>
public sealed class ReservedMemberTests
{
    [Theory]
    [InlineData("KnowledgeGraph.Entity")]
    [InlineData("KnowledgeGraph.Relation")]
    [InlineData("KnowledgeGraph.Relation`2")]
    [InlineData("KnowledgeGraph.Graph")]
    public void EveryInheritedMemberIsReserved(string runtimeType)
    {
        var reserved = runtimeType.StartsWith("KnowledgeGraph.Relation") ? ReservedMembers.Relation
            : runtimeType == "KnowledgeGraph.Entity" ? ReservedMembers.Entity
            : ReservedMembers.Graph;
        var type = GeneratorHarness.CreateCompilation().GetTypeByMetadataName(runtimeType);
        Assert.NotNull(type);

        var inherited = Enumerable.Empty<string>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            inherited = inherited.Concat(current.GetMembers()
                .Where(member => member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)
                .Where(member => member.CanBeReferencedByName && !member.IsImplicitlyDeclared && member is not IMethodSymbol { MethodKind: MethodKind.Constructor })
                .Select(member => member.Name));
        }

        Assert.Empty(inherited.Distinct().Where(name => !reserved.Contains(name)).OrderBy(name => name));
    }

    [Fact]
    public void TheRdfClassKeepsItsOwnNamesAndAnEntityMayNotTakeItsName()
    {
        // A type named like the Rdf class or its Members class would be a constant named like them: each is a KG0017,
        // the type keeps its class but has no IRI constant; an entity "rdf" would hide the class.
        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", """
            {
              "graph": "TestGraph",
              "entityTypes": { "Thing": { "properties": { "rdf": "string?" } }, "members": {}, "rdf": {} },
              "relationTypes": { "near": { "from": "Thing", "to": "Thing" } },
              "entities": { "rdf": { "type": "Thing" }, "a": { "type": "Thing" } },
              "relations": [["rdf", "near", "a"]]
            }
            """));

        Assert.Equal(
            [
                "Entity 'rdf' becomes the C# name 'Rdf', which the member 'Rdf' of every graph class already takes; rename one of them",
                "The IRI of entity type 'members' becomes the C# name 'Members', which the class 'Rdf.Members' of the IRIs of properties, roles and enum values already takes; rename one of them",
                "The IRI of entity type 'rdf' becomes the C# name 'Rdf', which the class 'Rdf' itself already takes; rename one of them",
            ],
            result.GeneratorDiagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("KG0017", d.Id));
        result.ShouldCompileCleanly();
        var graph = result.Sources.Select(s => s.SourceText.ToString()).Single(s => s.Contains("public static class Rdf"));
        Assert.Contains("public const string Thing = \"urn:kg:TestGraph:schema/Thing\";", graph);
        Assert.Contains("public const string Rdf = \"urn:kg:TestGraph:schema/Thing/rdf\";", graph);
    }

    [Fact]
    public void AnEntityMayBeNamedLikeATableOfCompiledFacts()
    {
        // The tables are members of the nested CompiledFacts class, so no graph member stands in the way.
        var result = GeneratorHarness.Run(new ModelFile("model.kg.json", """
            {
              "graph": "TestGraph",
              "entityTypes": { "Thing": {} },
              "relationTypes": { "near": { "from": "Thing", "to": "Thing" } },
              "entities": { "addEntities0": { "type": "Thing" }, "entities0": { "type": "Thing" }, "relations0": { "type": "Thing" } },
              "relations": [["addEntities0", "near", "entities0"], ["entities0", "near", "relations0"]]
            }
            """));

        Assert.Empty(result.GeneratorDiagnostics);
        result.ShouldCompileCleanly();
        Assert.Contains("public global::TestProject.Thing AddEntities0 =>", result.Sources.Select(s => s.SourceText.ToString()).Single(s => s.Contains("AddEntities0 =>")));
    }
}
