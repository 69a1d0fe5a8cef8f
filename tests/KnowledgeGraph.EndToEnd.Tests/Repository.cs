using System;
using System.IO;

namespace KnowledgeGraph.EndToEnd.Tests;

/// <summary>The repository these tests belong to.</summary>
internal static class Repository
{
    /// <summary>The folder that holds KnowledgeGraph.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KnowledgeGraph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KnowledgeGraph.sln in {AppContext.BaseDirectory} or any folder above it.");
    }
}
