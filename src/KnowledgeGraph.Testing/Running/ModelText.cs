using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KnowledgeGraph.Testing.Running;

/// <summary>A <c>.kg.json</c> file as the compiler hands it to the generator: its path and its text.</summary>
internal sealed class ModelText(string path, string content) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(content);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
