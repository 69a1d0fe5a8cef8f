using System.Linq;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using KnowledgeGraph.Generators.Validation;
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
}
