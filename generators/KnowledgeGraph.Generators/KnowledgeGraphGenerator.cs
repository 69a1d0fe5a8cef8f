using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators;

[Generator(LanguageNames.CSharp)]
public sealed class KnowledgeGraphGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
