using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Language.Naming;

/// <summary>
/// Maps names from <c>.kg.json</c> files to C# identifiers, the same way on every machine and in every culture.
/// </summary>
internal static class Identifiers
{
    /// <summary>
    /// PascalCase: every run of characters that C# does not allow in a name (and '_') separates words,
    /// each word starts with a capital, the rest of a word stays as written (<c>russianDelegation</c> →
    /// <c>RussianDelegation</c>, <c>reuters-istanbul</c> → <c>ReutersIstanbul</c>, <c>Türkiye</c> stays).
    /// A leading digit gets a '_' before it; a name that is still a keyword gets an '@'.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var result = new StringBuilder(name.Length + 1);
        var startOfWord = true;
        foreach (var c in name)
        {
            // C# ignores formatting characters (a soft hyphen) in names, so "dar\u00ADchiev" is "darchiev".
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (c == '_' || !CSharpSyntax.IsIdentifierPartCharacter(c) || char.IsControl(c))
            {
                startOfWord = true;
                continue;
            }

            result.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        return Finish(result);
    }

    /// <summary>A namespace as written, each dotted part made a valid identifier.</summary>
    public static string ToNamespace(string name)
    {
        var parts = name.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = new StringBuilder(parts[i].Length);
            foreach (var c in parts[i])
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                {
                    part.Append(CSharpSyntax.IsIdentifierPartCharacter(c) && !char.IsControl(c) ? c : '_');
                }
            }

            parts[i] = Finish(part);
        }

        return string.Join(".", parts);
    }

    private static string Finish(StringBuilder identifier)
    {
        if (identifier.Length == 0 || !CSharpSyntax.IsIdentifierStartCharacter(identifier[0]))
        {
            identifier.Insert(0, '_');
        }

        var text = identifier.ToString();
        return CSharpSyntax.IsKeyword(text) ? "@" + text : text;
    }
}
