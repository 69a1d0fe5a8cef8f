using System.Collections.Generic;
using System.Globalization;

namespace KnowledgeGraph.Language.Naming;

/// <summary>
/// What C# allows in a name, by the language specification: the rules Roslyn's <c>SyntaxFacts</c> apply, written out
/// here because the run-time loader checks names too and cannot load Roslyn (a test holds both to the same answers).
/// </summary>
internal static class CSharpSyntax
{
    // The reserved keywords, which a name can take only with '@'; contextual keywords (var, record, …) are names.
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof",
        "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint",
        "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "__arglist", "__makeref", "__reftype", "__refvalue",
    ];

    public static bool IsKeyword(string text) => Keywords.Contains(text);

    /// <summary>A letter (of any script, letter numbers too) or '_'.</summary>
    public static bool IsIdentifierStartCharacter(char c) =>
        c < 0x80 ? c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' : IsLetter(CharUnicodeInfo.GetUnicodeCategory(c));

    /// <summary>A letter, a digit, a connector such as '_', a combining mark or a formatting character.</summary>
    public static bool IsIdentifierPartCharacter(char c)
    {
        if (c < 0x80)
        {
            return c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return IsLetter(category) || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
}
