using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph.Language.Validation;

/// <summary>
/// The C# names of one scope; a second claim on a name is a KG0017, a name too long for metadata a KG0026.
/// </summary>
/// <param name="metadataName">How the emitter writes the names of this scope in metadata.</param>
internal sealed class NameScope(Reporter reporter, string scope, MetadataName metadataName, NameScope.Names? names = null)
{
    private readonly Names _names = names ?? new Names(System.StringComparer.Ordinal);

    /// <summary>Nothing can be named here (its namespace was reported): every claim fails, silently.</summary>
    public bool IsClosed { get; init; }

    public void Reserve(string name, string what) => _names[name] = (what, null, scope);

    /// <param name="helper">A name the emitter makes of this one elsewhere (an enum's reader method), which must fit too.</param>
    public bool Claim(string name, string what, LocationInfo location, string? helper = null)
    {
        if (IsClosed
            || !metadataName.Fits(name, what, location, reporter)
            || (helper is not null && !MetadataName.Method.Fits(helper, what, location, reporter)))
        {
            return false;
        }

        if (_names.Namespaces.TryGetValue(name, out var ns))
        {
            reporter.Report(Descriptors.NameClash, location, what, name, $"namespace '{ns}'");
            return false;
        }

        if (!_names.TryGetValue(name, out var taken))
        {
            _names.Add(name, (what, location, scope));
            return true;
        }

        var existing = _names.Keys.First(key => _names.Comparer.Equals(key, name));
        var where = (existing == name, taken.Scope == scope) switch
        {
            (true, true) => scope,
            (true, false) => $"{taken.Scope} (generated file names ignore case)",
            _ => $"{taken.Scope} as '{existing}' (generated file names ignore case)",
        };
        if (taken.Location is { } takenAt)
        {
            reporter.Report(Descriptors.NameClash, location, takenAt, what, name, $"{LowerFirst(taken.What)} in {where}");
        }
        else
        {
            reporter.Report(Descriptors.NameClash, location, what, name, taken.What);
        }

        return false;
    }

    /// <summary>
    /// The names a scope holds: what took each, where, when it was declared in a file, and in which scope (namespaces
    /// that differ only in case share their names, as generated file names ignore case).
    /// </summary>
    public sealed class Names(System.StringComparer comparer) : Dictionary<string, (string What, LocationInfo? Location, string Scope)>(comparer)
    {
        /// <summary>
        /// The namespaces of graphs right inside this one, by their last part: C# allows no type of that name
        /// here (CS0101), though one that differs in case.
        /// </summary>
        public Dictionary<string, string> Namespaces { get; } = new(System.StringComparer.Ordinal);
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);
}
