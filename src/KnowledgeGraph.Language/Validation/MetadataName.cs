using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeGraph.Language.Diagnostics;
using KnowledgeGraph.Language.Model;

namespace KnowledgeGraph.Language.Validation;

/// <summary>
/// How the emitter writes a C# name in metadata, found with the compiler: a type with its namespace, a get-only
/// property as its getter (<c>get_Name</c>), an auto-property as its backing field (<c>&lt;Name&gt;k__BackingField</c>),
/// which is longer than its accessors. An '@' that escapes a keyword is not part of the name.
/// </summary>
/// <remarks>
/// A navigation is a getter and a step method of the traversal class, the getter the longer. The step of a role's
/// inverse also holds a lambda, the longest of them, <c>&lt;Name&gt;b__N_0</c>, where N is the step's place in the
/// class: up to five digits, as a class holds at most 65,535 methods. The rule counts five, so that whether a name
/// fits does not depend on the names before it.
/// </remarks>
internal readonly struct MetadataName(string prefix, string suffix, string shorten = "it")
{
    /// <summary>The most bytes of UTF-8 in a name in metadata.</summary>
    public const int MaxBytes = 1023;

    // A name of a thousand characters is shown by its ends, which hold what the emitter added to it.
    private static readonly Regex QuotedLongName = new("'([^']{61,})'", RegexOptions.CultureInvariant);

    /// <summary>A method or a field, such as an enum's value.</summary>
    public static readonly MetadataName Method = new("", "");

    public static readonly MetadataName Getter = new("get_", "");

    public static readonly MetadataName RoleStep = new("<", ">b__NNNNN_0");

    public static readonly MetadataName AutoProperty = new("<", ">k__BackingField");

    /// <summary>What to shorten, for messages.</summary>
    public string Shorten { get; } = shorten;

    public static MetadataName TypeIn(string ns, string shorten = "it or the namespace") => new(ns.Replace("@", "") + ".", "", shorten);

    public string Of(string name) => prefix + name.TrimStart('@') + suffix;

    /// <summary>
    /// Whether a name fits .NET metadata, which holds at most 1,023 bytes of UTF-8 in a name (the compiler's CS7013,
    /// reported only when it writes the assembly); false after reporting it.
    /// </summary>
    public bool Fits(string name, string what, LocationInfo location, Reporter reporter)
    {
        var metadataName = Of(name);
        var bytes = Encoding.UTF8.GetByteCount(metadataName);
        if (bytes <= MaxBytes)
        {
            return true;
        }

        reporter.Report(
            Descriptors.NameTooLong,
            location,
            QuotedLongName.Replace(what, match => $"'{Abbreviate(match.Groups[1].Value)}'"),
            Abbreviate(metadataName),
            bytes.ToString(CultureInfo.InvariantCulture),
            MaxBytes.ToString(CultureInfo.InvariantCulture),
            Shorten);
        return false;
    }

    private static string Abbreviate(string name)
    {
        if (name.Length <= 60)
        {
            return name;
        }

        // Never between the halves of a surrogate pair.
        var head = char.IsHighSurrogate(name[29]) ? 29 : 30;
        var tail = char.IsLowSurrogate(name[name.Length - 20]) ? 19 : 20;
        return name.Substring(0, head) + "…" + name.Substring(name.Length - tail);
    }
}
