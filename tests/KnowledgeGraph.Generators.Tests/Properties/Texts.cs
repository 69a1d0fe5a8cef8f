using System.Collections.Generic;
using System.Linq;

namespace KnowledgeGraph.Generators.Tests.Properties;

/// <summary>
/// Hard inputs that a generator bug was found with, one switch each (the minimal model is in Properties/Repros).
/// The legal ones are on, so the random models keep checking the fix; the ones the format now rejects with a
/// KG0017 (Properties/Repros/Invalid) are off, since random models must be valid. KG_PROPERTY_KNOWN_BUGS=off
/// turns every switch off for a run.
/// </summary>
internal static class ModelOptions
{
    /// <summary>Line terminators other than '\n' (a lone '\r', U+0085, U+2028, U+2029) in descriptions, names and strings.</summary>
    public static bool LineTerminators { get; set; } = true;

    /// <summary>Characters XML does not allow (U+0000, U+0001, U+0007) in descriptions, names and strings.</summary>
    public static bool XmlInvalidCharacters { get; set; } = true;

    /// <summary>'{' and '}' in names (<c>size {cm}</c>).</summary>
    public static bool Braces { get; set; } = true;

    /// <summary>Unicode formatting characters (a soft hyphen, a zero-width joiner) inside names: C# ignores them, so two names may become one.</summary>
    public static bool FormattingCharacters { get; set; }

    /// <summary>Type names whose C# names differ only in case (<c>AgentDate</c>, <c>AGENTDATE</c>): generated file names would clash.</summary>
    public static bool TypeNamesDifferingInCase { get; set; }

    /// <summary>Type names like a member their generated class declares (relation type <c>typeName</c>, entity type <c>copy</c>).</summary>
    public static bool TypeNamesLikeGeneratedMembers { get; set; }

    /// <summary>Inverse navigations named like the graph's traversal class (<c>{graph} traversal</c>).</summary>
    public static bool NavigationsNamedLikeTraversalClass { get; set; }

    /// <summary>Switches every input of a known generator bug off, or on again (the environment variable KG_PROPERTY_KNOWN_BUGS=off does it for a run).</summary>
    public static void KnownBugs(bool on) =>
        LineTerminators = XmlInvalidCharacters = Braces = FormattingCharacters = TypeNamesDifferingInCase = TypeNamesLikeGeneratedMembers = NavigationsNamedLikeTraversalClass = on;
}

/// <summary>The words and hard cases names, descriptions and strings are made of.</summary>
internal static class Texts
{
    public static readonly string[] Words =
    [
        "agent", "person", "country", "mission", "site", "agency", "delegation", "meeting", "city", "office", "topic",
        "statement", "article", "crew", "team", "skill", "desk", "policy", "region", "venue", "group", "call", "talk",
        "leader", "member", "border", "treaty", "summit", "envoy", "vessel", "orbit", "launch", "budget", "sector",
        "union", "court", "ruling", "witness", "report", "source", "from", "to", "type", "id", "name", "date", "value", "description",
        "validFrom",
    ];

    /// <summary>Legal names that are not C# identifiers as written.</summary>
    public static IReadOnlyList<string> TrickyNames => BuildTrickyNames();

    private static List<string> BuildTrickyNames()
    {
        var names = new List<string>
        {
            "born in", "reuters-istanbul", "1st-person", "2nd", "42", "Türkiye", "Дарчиев", "Дарчиев Александр", "東京",
            "Ελλάδα", "مصر", "हिन्दी", "straße", "İstanbul", "ıspanak", "ǅemal", "class", "new", "int", "namespace", "event",
            "null", "true", "var", "value", "global", "async", "record", "nameof", "entity", "relation", "graph", "object",
            "string", "system", "knowledge graph", "_hidden", "snake_case_name", "__", "a.b", "what?", "it's", "x\"y",
            "back\\slash", "<tag>", "@at", "$dollar", "#hash", "🚀 launch", "???", "  padded  ", "tab\there", "two\nlines",
            "ID", "iD", "Id2", "ToString2", "equals-hash", "from to", "type of", "d'Artagnan", "naïve café", "ÆØÅ", "type name",
            "copy", "to", "default", "builder", "collect dates",
        };
        if (ModelOptions.Braces)
        {
            names.AddRange(["size {cm}", "{0}", "}{"]);
        }

        if (ModelOptions.FormattingCharacters)
        {
            names.AddRange(["Dar\u00ADchiev", "zero\u200Dwidth"]);
        }

        if (ModelOptions.LineTerminators)
        {
            names.AddRange(["lone\rreturn", "line\u2028separator"]);
        }

        if (ModelOptions.XmlInvalidCharacters)
        {
            names.Add("bell\u0007name");
        }

        return names;
    }

    public static IReadOnlyList<string> Descriptions => BuildDescriptions();

    private static List<string> BuildDescriptions()
    {
        var texts = new List<string>
        {
            "A human being.",
            "Who feeds whom.",
            "Quotes: \"double\" and 'single'.",
            "A back\\slash and a \\n that is not a newline.",
            "Line one\nLine two\n\nLine four",
            "Windows\r\nline ends\r\n",
            "Tab\there",
            "Ends the summary early: </summary> <summary>",
            "Markup: <b>bold</b> & <see cref=\"System.Object\"/> &amp; &lt;",
            "*/ closes a comment /* opens one",
            "// not a comment\n/// nor this",
            "{0} {{1}} $\"{x}\"",
            "Unicode: Дарчиев, Türkiye, 東京, مصر, 🚀",
            "<![CDATA[ x ]]> <!-- comment -->",
            "#if DEBUG\n#endif",
            "\" + Evil() + \"",
            "   leading and trailing spaces   ",
            "",
            "\\",
            "ends with a backslash \\",
        };
        if (ModelOptions.LineTerminators)
        {
            texts.AddRange(["lone\rreturn; public class Injected {}", "line\u2028separator", "paragraph\u2029separator", "next\u0085line"]);
        }

        if (ModelOptions.XmlInvalidCharacters)
        {
            texts.AddRange(["bell \u0007", "start of heading \u0001"]);
        }

        return texts;
    }

    public static IReadOnlyList<string> Strings => BuildStrings();

    private static List<string> BuildStrings()
    {
        var texts = new List<string>
        {
            "Donald Trump", "Lamp \"Deluxe\"\nsecond line \\ */ </summary> {0}", "", " ", "C#", "a\\b\\c", "\\u0041 is not A",
            "\"\"\"raw\"\"\"", "@\"verbatim\"", "$\"{interpolated}\"", "tab\tand\r\nCRLF", "🚀👩‍🚀 emoji",
            "Дарчиев", "Türkiye", "東京", "'single'", "</summary>", "*/", "// comment", "trailing \\",
        };
        if (ModelOptions.LineTerminators)
        {
            texts.AddRange(["lone\rreturn", "line\u2028separator", "next\u0085line"]);
        }

        if (ModelOptions.XmlInvalidCharacters)
        {
            texts.AddRange(["bell \u0007", "NUL \0 char"]);
        }

        return texts;
    }

    public static readonly string[] Namespaces =
    [
        "Missions", "Names.Of-Things", "class.new", "Дипломатия.Стороны", "1st.2nd", "Zoo_Keeping", "a b.c-d", "Company.Knowledge",
        "Türkiye.Haberler", "My..Double", "Deep.Er.Name.Space", "_", "Graph", "Entity.Relation",
    ];

    public static readonly string[] Uris =
    [
        "https://example.org/catalog?page=1&size=2", "urn:isbn:0451450523", "mailto:someone@example.org", "https://例え.jp/パス?q=値",
        "ftp://ftp.example.org/file.txt", "https://example.org/a%20b#frag", "http://[::1]:8080/", "file:///C:/dir/file.txt",
        "https://user:pass@example.org:8443/p", "https://example.org/\"quoted\"", "http://localhost", "https://example.org/{0}",
    ];

    public static readonly string[] Doubles = ["1.5e3", "-0.25", "4", "0", "1E-7", "3.141592653589793", "-1.7976931348623157E+308", "5e-324", "-0.0", "123456789.125", "1e22"];

    public static readonly string[] Decimals = ["19.99", "5", "-0.5", "79228162514264337593543950335", "0.0000000000000000000000000001", "1e3", "-7.000", "1.5E-3"];

    public static readonly string[] Ints = ["0", "1", "-1", "42", "-3", "2147483647", "-2147483648", "1000000"];

    public static readonly string[] Longs = ["0", "9007199254740993", "-9223372036854775808", "9223372036854775807", "1", "-42"];

    public static readonly string[] DateTimes =
    [
        "2025-02-12T14:30:00+03:00", "2025-02-12T14:30:00Z", "1999-12-31T23:59:59.1234567Z", "2025-02-12", "2024-02-29T00:00:00-11:30",
        "2000-01-01T00:00:00", "2099-12-31T23:59:59+14:00",
    ];

    public static readonly string[] Dates = ["2025-02-12", "2024-02-29", "0001-01-01", "9999-12-31", "1975-07-15", "2000-02-29"];

    /// <summary>Patterns with values that match them; <c>Make(n)</c> is the n-th of distinct values, <c>Make(-1)</c> any value.</summary>
    public static readonly PatternSpec[] Patterns =
    [
        new("^[A-Z][a-z]+$", false, (n, d) => n < 0 ? d.Pick(["Tom", "Alexei", "Sonata", "Ada"]) : "Call" + Letters(n)),
        new("^\\d{3}-\\d{4}$", false, (n, d) => n < 0 ? $"{d.Int(100, 999)}-{d.Int(0, 9999):0000}" : $"{100 + (n / 10000)}-{n % 10000:0000}"),
        new("^[a-z]+(-[a-z]+)*$", false, (n, d) => n < 0 ? d.Pick(["slug", "a-b-c", "reuters-istanbul"]) : "slug-" + Letters(n)),
        new("^\\p{L}+$", false, (n, d) => n < 0 ? d.Pick(["Дарчиев", "Türkiye", "東京", "naïve"]) : "Дарчиев" + Letters(n)),
        new("^[^<>]*$", false, (n, d) => n < 0 ? d.Pick(["quotes \" and \\ and */ are fine", "", "{0}"]) : "no markup \"" + n + "\" \\"),
        new("^C:\\\\", false, (n, d) => n < 0 ? "C:\\dir\\file.txt" : $"C:\\dir\\{n}"),
        new("^\"[^\"]*\"$", false, (n, d) => n < 0 ? "\"quoted\"" : $"\"quoted {n}\""),
        new("^(?:red|green|blue)$", true, (n, d) => d.Pick(["red", "green", "blue"])),
        new("^.{1,60}$", false, (n, d) => n < 0 ? d.Pick(["one line", "Дарчиев Türkiye", "x"]) : "line " + n),
    ];

    /// <summary>A distinct run of lower-case letters for each n: a, b, …, z, ba, bb, ….</summary>
    public static string Letters(int n)
    {
        var text = "";
        do
        {
            text = (char)('a' + (n % 26)) + text;
            n /= 26;
        }
        while (n > 0);

        return text;
    }

    public static bool IsBuiltInType(string name) =>
        name.Trim() is "string" or "int" or "long" or "double" or "decimal" or "bool" or "date" or "datetime" or "uri";

    public static IEnumerable<string> Except(this IEnumerable<string> names, char c) => names.Where(name => !name.Contains(c));
}
