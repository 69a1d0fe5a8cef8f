using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Cli;

/// <summary>
/// The files that paths on the command line name: a file itself, a folder's <c>*.kg.json</c> files at any depth, or
/// the files a glob matches (<c>*</c> and <c>?</c> within a name, <c>**</c> across folders).
/// </summary>
/// <remarks>
/// <para>
/// A folder's <c>bin</c> and <c>obj</c> folders are left out, as a project's default items leave them out: they hold
/// copies of the project's files, which would be reported as declaring everything twice.
/// </para>
/// <para>
/// Each file keeps the path as the user wrote it (a folder's or glob's files are named from it), so diagnostics point
/// where the user looks.
/// </para>
/// </remarks>
internal static class FileSet
{
    private const string Extension = ".kg.json";

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase
        : StringComparison.Ordinal;

    /// <returns>The files, each once, ordered by path.</returns>
    /// <exception cref="UsageException">A path names nothing, or a folder or glob holds no <c>*.kg.json</c> file.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var seen = new HashSet<string>(PathComparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        var files = new List<string>();
        foreach (var path in paths)
        {
            var matched = Match(path).ToList();
            if (matched.Count == 0)
            {
                throw new UsageException(Directory.Exists(path)
                    ? $"the folder '{path}' holds no {Extension} file."
                    : $"no file matches '{path}'.");
            }

            files.AddRange(matched.Where(file => seen.Add(Path.GetFullPath(file))));
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static IEnumerable<string> Match(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            return FilesUnder(path)
                .Where(file => file.EndsWith(Extension, PathComparison) && !IsBuildOutput(Path.GetRelativePath(path, file)));
        }

        if (path.IndexOfAny(['*', '?']) < 0)
        {
            return [];
        }

        // The folders before the first wildcard are where to look; the rest is matched against the paths below.
        var segments = path.Replace('\\', '/').Split('/');
        var literal = segments.TakeWhile(segment => segment.IndexOfAny(['*', '?']) < 0).Count();
        var folder = string.Join('/', segments, 0, literal);
        var pattern = ToRegex(string.Join('/', segments, literal, segments.Length - literal));
        var start = literal == 0 ? "." : folder.Length == 0 ? "/" : folder;
        if (!Directory.Exists(start))
        {
            return [];
        }

        return FilesUnder(start)
            .Select(file => Path.GetRelativePath(start, file).Replace('\\', '/'))
            .Where(relative => pattern.IsMatch(relative))
            .Select(relative => literal == 0 ? relative : Path.Combine(folder, relative));
    }

    private static IEnumerable<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true });

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[..^1]
            .Any(folder => folder.Equals("bin", PathComparison) || folder.Equals("obj", PathComparison));

    private static Regex ToRegex(string glob)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" is any number of folders, none included; a "**" elsewhere is anything at all.
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        var options = RegexOptions.CultureInvariant | (PathComparison == StringComparison.Ordinal ? RegexOptions.None : RegexOptions.IgnoreCase);
        return new Regex(regex.Append('$').ToString(), options);
    }
}
