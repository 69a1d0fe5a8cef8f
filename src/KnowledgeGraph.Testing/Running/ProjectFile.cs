using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace KnowledgeGraph.Testing.Running;

/// <summary>
/// What a project file tells the generator, read without MSBuild: the root namespace and the <c>.kg.json</c> files
/// that the KnowledgeGraph package's build logic makes additional files.
/// </summary>
/// <remarks>
/// Honoured: <c>RootNamespace</c> (else the SDK's default, the project's file name with spaces as underscores),
/// <c>EnableDefaultKnowledgeGraphItems</c>, <c>DefaultItemExcludes</c>, and <c>AdditionalFiles</c> items
/// (<c>Include</c>, <c>Exclude</c>, <c>Remove</c>, with <c>*</c> and <c>**</c>). Not evaluated: imported files
/// (Directory.Build.props among them), conditions, and property functions; an element the answer depends on that
/// uses one fails with <see cref="NotSupportedException"/> instead of being guessed at.
/// </remarks>
internal sealed partial class ProjectFile
{
    private const string ModelExtension = ".kg.json";

    // The value of a property set under a Condition: an error only if something here reads it.
    private const string ConditionalMarker = "\0conditional";

    private readonly string _path;
    private readonly Dictionary<string, string> _properties = new(StringComparer.OrdinalIgnoreCase);

    private ProjectFile(string path)
    {
        _path = path;
        var name = Path.GetFileNameWithoutExtension(path);
        _properties["MSBuildProjectName"] = name;
        _properties["MSBuildProjectDirectory"] = Directory;
        _properties["MSBuildProjectFile"] = Path.GetFileName(path);
        _properties["MSBuildThisFileDirectory"] = Directory + Path.DirectorySeparatorChar;
        _properties["BaseOutputPath"] = "bin" + Path.DirectorySeparatorChar;
        _properties["BaseIntermediateOutputPath"] = "obj" + Path.DirectorySeparatorChar;
        // The SDK's excludes that can hold a .kg.json file: the output folders.
        _properties["DefaultItemExcludes"] = "$(BaseOutputPath)/**;$(BaseIntermediateOutputPath)/**";
    }

    /// <summary>The folder of the project, against which its items are resolved.</summary>
    public string Directory => Path.GetDirectoryName(_path)!;

    /// <summary>The project's root namespace, as the build passes it to the generator.</summary>
    public string RootNamespace { get; private set; } = "";

    /// <summary>The full paths of the project's <c>.kg.json</c> additional files, in ordinal order.</summary>
    public IReadOnlyList<string> ModelFiles { get; private set; } = [];

    /// <summary>Reads the project at <paramref name="path"/> (a full path).</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="NotSupportedException">The answer depends on what only MSBuild can evaluate.</exception>
    public static ProjectFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The project file {path} does not exist.", path);
        }

        var project = new ProjectFile(path);
        project.Evaluate(XDocument.Load(path));
        return project;
    }

    private void Evaluate(XDocument document)
    {
        var root = document.Root ?? throw new NotSupportedException($"{_path} has no <Project> element.");
        foreach (var property in Children(root, "PropertyGroup").SelectMany(group => group.Elements()))
        {
            // Every property is read in order, so later definitions win, as in MSBuild; only those read below must evaluate.
            _properties[property.Name.LocalName] = property.Attribute("Condition") is null ? property.Value.Trim() : ConditionalMarker;
        }

        var rootNamespace = Property("RootNamespace");
        RootNamespace = string.IsNullOrEmpty(rootNamespace) ? Property("MSBuildProjectName").Replace(' ', '_') : rootNamespace;

        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (!string.Equals(Property("EnableDefaultKnowledgeGraphItems"), "false", StringComparison.OrdinalIgnoreCase))
        {
            // build/KnowledgeGraph.targets: **/*.kg.json minus $(DefaultItemExcludes) and every folder whose name starts with a dot.
            var excludes = Split(Property("DefaultItemExcludes")).Append("**/.*/**").ToList();
            files.UnionWith(Glob("**/*" + ModelExtension, excludes));
        }

        foreach (var item in Children(root, "ItemGroup").SelectMany(group => group.Elements()).Where(item => item.Name.LocalName == "AdditionalFiles"))
        {
            if (item.Attribute("Condition") is not null)
            {
                throw Unsupported($"an AdditionalFiles item with a Condition ({item})");
            }

            if (item.Attribute("Include") is { } include)
            {
                var excludes = Split(Expand(item.Attribute("Exclude")?.Value ?? "")).ToList();
                files.UnionWith(Split(Expand(include.Value)).SelectMany(pattern => Glob(pattern, excludes)));
            }

            if (item.Attribute("Remove") is { } remove)
            {
                var removed = Split(Expand(remove.Value)).ToList();
                files.RemoveWhere(file => removed.Any(pattern => Matches(pattern, file)));
            }
        }

        // The generator takes every additional file whose name ends with .kg.json, in any case.
        ModelFiles = files.Where(file => file.EndsWith(ModelExtension, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private IEnumerable<XElement> Children(XElement root, string name)
    {
        foreach (var group in root.Elements().Where(element => element.Name.LocalName == name))
        {
            if (group.Attribute("Condition") is not null)
            {
                // A conditional group may define what is read here; it is never evaluated, so it may not.
                if (group.Elements().Any(element => element.Name.LocalName is "RootNamespace" or "EnableDefaultKnowledgeGraphItems" or "DefaultItemExcludes" or "AdditionalFiles"))
                {
                    throw Unsupported($"a {name} with a Condition that sets {string.Join(", ", group.Elements().Select(e => e.Name.LocalName).Distinct())}");
                }

                continue;
            }

            yield return group;
        }
    }

    private string Property(string name)
    {
        var value = _properties.TryGetValue(name, out var text) ? text : "";
        if (value == ConditionalMarker)
        {
            throw Unsupported($"the property {name}, set with a Condition");
        }

        return Expand(value);
    }

    /// <summary>Replaces <c>$(Name)</c> with the property's value, as MSBuild does for plain references.</summary>
    private string Expand(string value) => PropertyReference().Replace(value, match =>
    {
        var name = match.Groups["name"].Value;
        if (!PropertyName().IsMatch(name))
        {
            throw Unsupported($"the property function $({name})");
        }

        if (!_properties.ContainsKey(name))
        {
            throw Unsupported($"$({name}), which is not set in the project itself");
        }

        return Property(name);
    });

    private NotSupportedException Unsupported(string what) =>
        new($"{_path}: {what} needs MSBuild to evaluate, which GeneratorRun.ForProject does not run. Use GeneratorRun.ForFiles with the model's files and root namespace instead.");

    private static IEnumerable<string> Split(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The files a pattern (relative to the project, or full) names, less those any exclude matches.</summary>
    private IEnumerable<string> Glob(string pattern, IReadOnlyList<string> excludes)
    {
        var full = Path.GetFullPath(Path.Combine(Directory, pattern)).Replace('\\', '/');
        var wildcard = full.IndexOfAny(['*', '?']);
        IEnumerable<string> found;
        if (wildcard < 0)
        {
            found = File.Exists(full) ? [full] : [];
        }
        else
        {
            // Files are searched for below the last folder before the first wildcard.
            var folder = full[..Math.Max(0, full.LastIndexOf('/', wildcard))];
            if (!System.IO.Directory.Exists(folder))
            {
                return [];
            }

            var regex = PatternRegex(full);
            found = System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(file => regex.IsMatch(file.Replace('\\', '/')));
        }

        return found.Where(file => !excludes.Any(exclude => Matches(exclude, file)));
    }

    private bool Matches(string pattern, string file) =>
        PatternRegex(Path.GetFullPath(Path.Combine(Directory, pattern.Replace('\\', '/')))).IsMatch(file.Replace('\\', '/'));

    /// <summary>An MSBuild file pattern as a regular expression: <c>**</c> any folders, <c>*</c> and <c>?</c> within a name.</summary>
    private static Regex PatternRegex(string fullPattern)
    {
        var pattern = fullPattern.Replace('\\', '/');
        var text = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (string.CompareOrdinal(pattern, i, "**/", 0, 3) == 0)
            {
                text.Append("(?:.*/)?");
                i += 2;
            }
            else if (string.CompareOrdinal(pattern, i, "**", 0, 2) == 0)
            {
                text.Append(".*");
                i++;
            }
            else
            {
                text.Append(pattern[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        // File names compare as the file system does: without case on Windows and macOS.
        var options = OperatingSystem.IsLinux() ? RegexOptions.None : RegexOptions.IgnoreCase;
        return new Regex(text.Append('$').ToString(), options | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\$\((?<name>[^)]*)\)")]
    private static partial Regex PropertyReference();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex PropertyName();
}
