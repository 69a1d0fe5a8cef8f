namespace KnowledgeGraph.Language.Diagnostics;

// The runtime's stand-ins for Roslyn's DiagnosticDescriptor and DiagnosticSeverity, of the same shape, so that the one
// list of rules (Descriptors) compiles in the generator, against Roslyn, and in the runtime, which cannot load it.

internal enum DiagnosticSeverity
{
    Hidden,
    Info,
    Warning,
    Error,
}

internal sealed class DiagnosticDescriptor(
    string id,
    string title,
    string messageFormat,
    string category,
    DiagnosticSeverity defaultSeverity,
    bool isEnabledByDefault,
    string? description = null,
    string? helpLinkUri = null)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public string MessageFormat { get; } = messageFormat;

    public string Category { get; } = category;

    public DiagnosticSeverity DefaultSeverity { get; } = defaultSeverity;

    public bool IsEnabledByDefault { get; } = isEnabledByDefault;

    public string? Description { get; } = description;

    public string? HelpLinkUri { get; } = helpLinkUri;
}
