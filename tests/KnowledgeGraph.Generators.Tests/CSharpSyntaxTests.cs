using System.Linq;
using KnowledgeGraph.Language.Naming;
using Microsoft.CodeAnalysis.CSharp;

namespace KnowledgeGraph.Generators.Tests;

/// <summary>
/// The checks name things in C# without Roslyn, so that the run-time loader runs them too: their rules must give
/// Roslyn's answers, for every UTF-16 character and every keyword Roslyn knows.
/// </summary>
public sealed class CSharpSyntaxTests
{
    [Fact]
    public void EveryCharacterIsClassedAsRoslynClassesIt()
    {
        var differences = Enumerable.Range(0, char.MaxValue + 1)
            .Select(code => (char)code)
            .Where(c => CSharpSyntax.IsIdentifierStartCharacter(c) != SyntaxFacts.IsIdentifierStartCharacter(c)
                || CSharpSyntax.IsIdentifierPartCharacter(c) != SyntaxFacts.IsIdentifierPartCharacter(c))
            .Select(c => $"U+{(int)c:X4}")
            .ToList();

        Assert.Empty(differences);
    }

    [Fact]
    public void TheReservedKeywordsAreRoslyns()
    {
        var roslyn = SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText).Where(text => SyntaxFacts.GetKeywordKind(text) != SyntaxKind.None);
        var contextual = SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText);

        Assert.All(roslyn, keyword => Assert.True(CSharpSyntax.IsKeyword(keyword), keyword));
        Assert.All(contextual.Where(word => SyntaxFacts.GetKeywordKind(word) == SyntaxKind.None), word => Assert.False(CSharpSyntax.IsKeyword(word), word));
    }
}
