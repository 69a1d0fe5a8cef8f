using System.Text;

namespace KnowledgeGraph.Generators.Emitting;

/// <summary>Writes indented C# with '\n' line ends, whatever the machine.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;
    private bool _closedBlock;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        _closedBlock = false;
        return this;
    }

    public void OpenBlock()
    {
        Line("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        _closedBlock = true;
    }

    /// <summary>A blank line when the last thing written closed a block: statements after a block stand apart.</summary>
    public void SeparateBlock()
    {
        if (_closedBlock)
        {
            Line();
        }
    }

    /// <summary>A preprocessor directive, written at the start of its line.</summary>
    public void Directive(string directive)
    {
        _text.Append(directive).Append('\n');
        _closedBlock = false;
    }

    /// <summary>Indents the lines written until <see cref="Outdent"/>: the body of a long expression-bodied member.</summary>
    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    /// <summary>A <c>&lt;summary&gt;</c> doc comment; every line of <paramref name="text"/> XML-escaped unless it is markup already.</summary>
    public void Summary(string text, bool isMarkup = false)
    {
        // Every line terminator C# knows ends a '///' comment: each must start a new comment line.
        var lines = text.Replace("\r\n", "\n").Split('\n', '\r', '\u0085', '\u2028', '\u2029');
        if (lines.Length == 1)
        {
            Line($"/// <summary>{(isMarkup ? text : Xml.Escape(text))}</summary>");
            return;
        }

        Line("/// <summary>");
        foreach (var line in lines)
        {
            Line("/// " + (isMarkup ? line : Xml.Escape(line)).TrimEnd());
        }

        Line("/// </summary>");
    }

    public override string ToString() => _text.ToString();
}

internal static class Xml
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                default:
                    // XML 1.0 has no way to write most control characters or a lone surrogate, even as a
                    // character reference: show them as C# escapes instead.
                    var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                    if (paired)
                    {
                        escaped.Append(c).Append(text[++i]);
                    }
                    else if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                    {
                        escaped.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Code-styled text for a doc comment: <c>&lt;c&gt;name&lt;/c&gt;</c>.</summary>
    public static string Code(string text) => "<c>" + Escape(text) + "</c>";
}
