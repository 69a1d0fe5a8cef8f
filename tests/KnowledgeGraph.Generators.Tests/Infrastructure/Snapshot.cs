using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using DiffEngine;

namespace KnowledgeGraph.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot files in Verify's layout, <c>{Class}.{Method}#{HintName}.verified.cs</c> beside the test, so that
/// moving to Verify.Xunit later is mechanical. A difference writes <c>*.received.cs</c> and fails; accept
/// with <c>tests/accept-snapshots.sh</c> after reading the diff.
/// </summary>
internal static class Snapshot
{
    public static void Match(
        IEnumerable<(string HintName, string Source)> files,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testMethod = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var prefix = $"{Path.GetFileNameWithoutExtension(testFile)}.{testMethod}";
        var failures = new List<string>();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hintName, source) in files)
        {
            var name = $"{prefix}#{Path.GetFileNameWithoutExtension(hintName)}";
            expected.Add(name);
            var verified = Path.Combine(directory, name + ".verified.cs");
            var received = Path.Combine(directory, name + ".received.cs");
            var text = source.Replace("\r\n", "\n");
            if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == text)
            {
                File.Delete(received);
                continue;
            }

            Directory.CreateDirectory(directory);
            File.WriteAllText(received, text);
            failures.Add(File.Exists(verified)
                ? $"{name}: differs from the verified snapshot; see {Path.GetFileName(received)}"
                : $"{name}: has no verified snapshot yet; see {Path.GetFileName(received)}");
            if (File.Exists(verified) && !BuildServerDetector.Detected)
            {
                DiffRunner.Launch(received, verified);
            }
        }

        var stale = Directory.Exists(directory)
            ? Directory.GetFiles(directory, prefix + "#*.verified.cs")
                .Select(path => Path.GetFileName(path)[..^".verified.cs".Length])
                .Where(name => !expected.Contains(name))
                .ToList()
            : [];
        failures.AddRange(stale.Select(name => $"{name}: the generator no longer writes this file; delete its snapshot"));

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
