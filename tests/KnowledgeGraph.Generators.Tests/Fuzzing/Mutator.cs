using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using KnowledgeGraph.Generators.Tests.Infrastructure;
using KnowledgeGraph.Generators.Tests.Properties;

namespace KnowledgeGraph.Generators.Tests.Fuzzing;

/// <summary>
/// Mutants of the repository's valid models (the sample's files and Models/*.kg.json): one to three edits to one
/// file of a model, at the level of characters (delete, duplicate, swap, insert a character the reader or Roslyn
/// treat specially) or of JSON tokens (a string replaced by another of the model or a hostile one, a number by an
/// extreme one, a member dropped or doubled). A mutant is a function of its seed alone, so a failure is replayed
/// from the seed its name gives.
/// </summary>
internal static class Mutator
{
    /// <summary>The models to mutate: each a set of files built together (the files of one folder, or one file).</summary>
    public static readonly IReadOnlyList<(string Name, ModelFile[] Files)> Models = LoadModels();

    private static readonly string[] Insertions =
    [
        "\"", "'", "{", "}", "[", "]", ",", ":", "\\", "\\\"", "\\u", "\\ud800", "\\udc00", "\\n", "\\u2028", "\\u0000", "\uD800", "\uDC00",
        "\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029", "\uFEFF", "\t", "\0", "/*", "*/", "//", "null", "-", "0", "1e400", "é", "東", "🚀",
        "#error x", "</summary>", "\"\"\"", "{0}", "@", "$", ".", " ",
    ];

    private static readonly string[] Numbers =
    [
        "1e400", "-1e400", "1e-400", "1e20", "-1e20", "2147483648", "-2147483649", "9223372036854775808", "79228162514264337593543950336",
        "0.5", "-0", "0", "-1", "1" + new string('0', 400),
    ];

    private static readonly string[] HostileStrings =
        Texts.TrickyNames.Concat(Texts.Descriptions).Concat(Texts.Strings).Select(AdversarialCorpus.J)
            .Concat(["\"\\ud800\"", "\"\\udc00x\"", "\"\\u000A#error x\"", "\"\\u2028\"", "\"" + new string('a', 1_100) + "\"", "\"" + new string('東', 400) + "\""])
            .ToArray();

    public static FuzzInput Mutant(ulong seed)
    {
        var draw = new Draw(new PCG(0x4B47, seed));
        var (model, files) = draw.Pick(Models);
        var index = draw.Int(0, files.Length - 1);
        var text = files[index].Content;
        var edits = new List<string>();
        for (var count = draw.Int(1, 3); count > 0; count--)
        {
            (text, var edit) = Mutate(text, draw);
            edits.Add(edit);
        }

        var mutated = files.ToArray();
        mutated[index] = files[index] with { Content = text };
        return new FuzzInput($"mutant {seed} of {model} ({Path.GetFileName(files[index].Path)}: {string.Join("; ", edits)})", mutated);
    }

    private static (string Text, string Edit) Mutate(string text, Draw draw)
    {
        var tokens = Tokenize(text);
        var strings = tokens.Where(t => t.Kind == TokenKind.String).ToList();
        var numbers = tokens.Where(t => t.Kind == TokenKind.Literal).ToList();
        var at = draw.Int(0, text.Length);
        switch (draw.Int(0, 9))
        {
            case 0 when text.Length > 0:
                at = Math.Min(at, text.Length - 1);
                var length = Math.Min(draw.Int(1, 3), text.Length - at);
                return (text.Remove(at, length), $"delete {length} at {at}");
            case 1 when text.Length > 0:
                at = Math.Min(at, text.Length - 1);
                var span = text.Substring(at, Math.Min(draw.Int(1, 20), text.Length - at));
                return (text.Insert(at, span), $"duplicate {span.Length} at {at}");
            case 2 when text.Length > 1:
                at = Math.Min(at, text.Length - 2);
                return (string.Concat(text.AsSpan(0, at), text.AsSpan(at + 1, 1), text.AsSpan(at, 1), text.AsSpan(at + 2)), $"swap at {at}");
            case 3 or 4:
                var insertion = draw.Pick(Insertions);
                return (text.Insert(at, insertion), $"insert {Show(insertion)} at {at}");
            case 5 when strings.Count > 1:
                var (target, other) = (draw.Pick(strings), draw.Pick(strings));
                return (Replace(text, target, text.Substring(other.Start, other.Length)), $"string at {target.Start} ← string at {other.Start}");
            case 6 when strings.Count > 0:
                var hostile = draw.Pick(HostileStrings);
                var victim = draw.Pick(strings);
                return (Replace(text, victim, hostile), $"string at {victim.Start} ← {Show(hostile)}");
            case 7 when numbers.Count > 0:
                var number = draw.Pick(Numbers);
                var literal = draw.Pick(numbers);
                return (Replace(text, literal, number), $"value at {literal.Start} ← {Show(number)}");
            case 8 or 9 when Members(tokens) is { Count: > 0 } members:
                var (start, end) = draw.Pick(members);
                var member = text[start..end];
                return draw.Chance(50)
                    ? (text.Remove(start, end - start), $"drop member at {start}")
                    : (text.Insert(end, ", " + member), $"double member at {start}");
            default:
                var fallback = draw.Pick(Insertions);
                return (text.Insert(at, fallback), $"insert {Show(fallback)} at {at}");
        }
    }

    private static string Replace(string text, Token token, string with) =>
        string.Concat(text.AsSpan(0, token.Start), with, text.AsSpan(token.Start + token.Length));

    /// <summary>Short and printable: control characters and line ends escaped, long runs cut.</summary>
    private static string Show(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 24 ? text[..20] + "…" : text)
        {
            shown.Append(c is < ' ' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return "'" + shown + "'";
    }

    // ---- a tolerant JSON tokenizer: enough to find strings, literals and members, whatever the text ----

    private enum TokenKind
    {
        String,
        Literal,
        Punctuation,
    }

    /// <summary>A token of the text; <paramref name="Symbol"/> is the character of a punctuation token.</summary>
    private readonly record struct Token(TokenKind Kind, int Start, int Length, char Symbol = '\0')
    {
        public int End => Start + Length;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                var start = i++;
                while (i < text.Length && text[i] != '"' && text[i] != '\n')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(i + 1, text.Length);
                tokens.Add(new(TokenKind.String, start, i - start));
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*')
            {
                var end = text[i + 1] == '/' ? text.IndexOf('\n', i) : text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + (text[i + 1] == '/' ? 1 : 2);
            }
            else if (c is '{' or '}' or '[' or ']' or ',' or ':')
            {
                tokens.Add(new(TokenKind.Punctuation, i++, 1, c));
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('{' or '}' or '[' or ']' or ',' or ':' or '"'))
                {
                    i++;
                }

                tokens.Add(new(TokenKind.Literal, start, i - start));
            }
        }

        return tokens;
    }

    /// <summary>The text ranges of <c>"key": value</c> members, the value up to its matching bracket.</summary>
    private static List<(int Start, int End)> Members(List<Token> tokens)
    {
        var members = new List<(int, int)>();
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.String || tokens[i + 1].Symbol != ':')
            {
                continue;
            }

            var last = i + 2;
            var depth = 0;
            for (; last < tokens.Count; last++)
            {
                depth += tokens[last].Symbol switch
                {
                    '{' or '[' => 1,
                    '}' or ']' => -1,
                    _ => 0,
                };

                if (depth <= 0)
                {
                    break;
                }
            }

            if (last < tokens.Count && depth == 0)
            {
                members.Add((tokens[i].Start, tokens[last].End));
            }
        }

        return members;
    }

    private static IReadOnlyList<(string, ModelFile[])> LoadModels()
    {
        var root = AppContext.BaseDirectory;
        var files = Directory.GetFiles(Path.Combine(root, "Models"), "*.kg.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(GeneratorHarness.Load);

        // Files in a folder of their own make one model; files directly in Models are one model each.
        return files
            .GroupBy(file => Path.GetDirectoryName(file.Path)!.Replace('\\', '/') is var folder && folder != "Models" ? folder : file.Path)
            .Select(group => (group.Key, group.ToArray()))
            .ToList();
    }
}
