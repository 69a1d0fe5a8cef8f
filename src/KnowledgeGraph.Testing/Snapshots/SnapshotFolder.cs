using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DiffEngine;

namespace KnowledgeGraph.Testing.Snapshots;

/// <summary>One snapshot to compare: its name without suffixes (<c>{Class}.{Method}#{HintName}</c>), its extension, its text.</summary>
internal sealed record SnapshotFile(string Name, string Extension, string Text);

/// <summary>
/// The snapshots of one test in their folder, in Verify's layout: <c>{Name}.verified{Extension}</c> is the reviewed
/// text; a difference writes <c>{Name}.received{Extension}</c> beside it.
/// </summary>
internal sealed class SnapshotFolder(string directory, string prefix)
{
    /// <summary>Set to <c>true</c> (or <c>1</c>), every received text is written as verified instead of failing.</summary>
    public const string AcceptVariable = "KnowledgeGraph_AcceptSnapshots";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static bool AcceptRequested =>
        Environment.GetEnvironmentVariable(AcceptVariable) is { } value
        && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Compares the files with their snapshots; throws <see cref="SnapshotMismatchException"/> on any difference.</summary>
    public async Task VerifyAsync(IReadOnlyList<SnapshotFile> files)
    {
        var accept = AcceptRequested;
        // Received files of an earlier run must not be accepted in place of this run's.
        foreach (var old in Existing("received"))
        {
            File.Delete(old);
        }

        var failures = new List<string>();
        var received = new List<string>();
        var changed = new List<(string Received, string Verified)>();
        foreach (var file in files)
        {
            var verifiedPath = PathOf(file, "verified");
            var text = file.Text.ReplaceLineEndings("\n");
            var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
            if (verified == text)
            {
                continue;
            }

            Directory.CreateDirectory(directory);
            if (accept)
            {
                File.WriteAllText(verifiedPath, text, Utf8);
                continue;
            }

            var receivedPath = PathOf(file, "received");
            File.WriteAllText(receivedPath, text, Utf8);
            received.Add(receivedPath);
            if (verified is null)
            {
                failures.Add($"{Path.GetFileName(receivedPath)}: no verified snapshot yet; review the received file, then accept it.");
            }
            else
            {
                changed.Add((receivedPath, verifiedPath));
                failures.Add($"{Path.GetFileName(receivedPath)}: differs from its verified snapshot:\n"
                    + UnifiedDiff.Of(verified, text, Path.GetFileName(verifiedPath), Path.GetFileName(receivedPath)));
            }
        }

        var expected = files.Select(file => PathOf(file, "verified")).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Existing("verified").Where(path => !expected.Contains(path)))
        {
            if (accept)
            {
                File.Delete(stale);
            }
            else
            {
                failures.Add($"{Path.GetFileName(stale)}: the generator no longer writes this; delete the snapshot.");
            }
        }

        if (failures.Count == 0)
        {
            return;
        }

        // DiffEngine decides whether a tool opens: never on a build server, nor with DiffEngine_Disabled=true.
        foreach (var (receivedPath, verifiedPath) in changed)
        {
            await DiffRunner.LaunchAsync(receivedPath, verifiedPath).ConfigureAwait(false);
        }

        var message = new StringBuilder($"The generated code does not match its snapshots in {directory}:\n\n");
        message.AppendJoin("\n", failures);
        message.Append($"\nTo accept: rename each *.received.* file to *.verified.* after reading it, or run the tests again with {AcceptVariable}=true.");
        throw new SnapshotMismatchException(message.ToString(), received);
    }

    private string PathOf(SnapshotFile file, string kind) => Path.Combine(directory, $"{file.Name}.{kind}{file.Extension}");

    /// <summary>This test's snapshot files of a kind: its sources' (<c>{prefix}#*</c>) and its diagnostics' (<c>{prefix}.txt</c>).</summary>
    private IEnumerable<string> Existing(string kind)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.GetFiles(directory, $"{prefix}#*.{kind}.cs")
            .Append(Path.Combine(directory, $"{prefix}.{kind}.txt"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
