using System.Collections.Generic;
using System.Linq;
using KnowledgeGraph.Generators.Diagnostics;
using KnowledgeGraph.Generators.Model;

namespace KnowledgeGraph.Generators.Validation;

/// <summary>The C# names of one scope; a second claim on a name is a KG0017.</summary>
internal sealed class NameScope(Reporter reporter, string scope, NameScope.Names? names = null)
{
    private readonly Names _names = names ?? new Names(System.StringComparer.Ordinal);

    public void Reserve(string name, string what) => _names[name] = (what, null);

    public bool Claim(string name, string what, LocationInfo location)
    {
        if (!_names.TryGetValue(name, out var taken))
        {
            _names.Add(name, (what, location));
            return true;
        }

        var existing = _names.Keys.First(key => _names.Comparer.Equals(key, name));
        var where = existing == name ? scope : $"{scope} as '{existing}' (generated file names ignore case)";
        if (taken.Location is null)
        {
            reporter.Report(Descriptors.NameClash, location, what, name, taken.What);
        }
        else
        {
            reporter.Report(Descriptors.NameClash, location, taken.Location, what, name, $"{LowerFirst(taken.What)} in {where}");
        }

        return false;
    }

    /// <summary>The names a scope holds: what took each, and where, when it was declared in a file.</summary>
    public sealed class Names(System.StringComparer comparer) : Dictionary<string, (string What, LocationInfo? Location)>(comparer);

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);
}
