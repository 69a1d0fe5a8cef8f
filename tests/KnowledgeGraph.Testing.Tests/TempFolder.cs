using System;
using System.IO;

namespace KnowledgeGraph.Testing.Tests;

/// <summary>A folder of its own for one test, deleted after it: a project, its models, its snapshots.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kg-testing-").FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> in the folder and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
