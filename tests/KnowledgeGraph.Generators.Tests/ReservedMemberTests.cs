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
