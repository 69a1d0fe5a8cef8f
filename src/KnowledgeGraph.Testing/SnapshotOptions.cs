using System;

namespace KnowledgeGraph.Testing;

/// <summary>What <see cref="GeneratorRun.VerifyAsync"/> compares, and where its snapshots are.</summary>
public sealed class SnapshotOptions
{
    /// <summary>
    /// Whether the generator's version in each <c>[GeneratedCode]</c> attribute is written as <c>{version}</c>, so that
    /// upgrading the package changes no snapshot where the code stays the same. Off by default: an upgrade shows.
    /// </summary>
    public bool ScrubGeneratedCodeVersion { get; init; }

    /// <summary>
    /// Whether the files that hold a graph's compiled fact tables (<c>{Graph}.Entities{n}.g.cs</c> and
    /// <c>{Graph}.Relations{n}.g.cs</c>: the rows of its entities and relations, and its members per entity) are
    /// compared. On by default; turn it off to review the model's code, not each change of its data.
    /// </summary>
    public bool IncludeFactTables { get; init; } = true;

    /// <summary>The hint names to compare (for example <c>name =&gt; name.StartsWith("Diplomacy.", StringComparison.Ordinal)</c>); all when null.</summary>
    public Func<string, bool>? HintNameFilter { get; init; }

    /// <summary>The folder of the snapshot files, relative to the test's source file (for example <c>"Snapshots"</c>); the test's own folder when null.</summary>
    public string? SnapshotDirectory { get; init; }
}
