using System;
using System.Collections.Generic;

namespace KnowledgeGraph.Testing;

/// <summary>
/// The generated sources or diagnostics differ from their verified snapshots, or a snapshot is missing or stale.
/// The message lists each file with a unified diff of its changed lines; the received files are written beside.
/// </summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception with a message and no received files.</summary>
    public SnapshotMismatchException()
        : this("The generated code differs from its verified snapshots.")
    {
    }

    /// <summary>Creates the exception with a message and no received files.</summary>
    public SnapshotMismatchException(string message)
        : this(message, [])
    {
    }

    /// <summary>Creates the exception with a message, an inner exception and no received files.</summary>
    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException) => ReceivedFiles = [];

    /// <summary>Creates the exception with a message and the received files written.</summary>
    public SnapshotMismatchException(string message, IReadOnlyList<string> receivedFiles)
        : base(message) => ReceivedFiles = receivedFiles;

    /// <summary>The full paths of the <c>*.received.*</c> files written: rename each to <c>*.verified.*</c> to accept it.</summary>
    public IReadOnlyList<string> ReceivedFiles { get; }
}
