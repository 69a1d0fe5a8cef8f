using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace KnowledgeGraph;

/// <summary>The buffered UTF-8 text writer the text formats stream through.</summary>
internal static class ExportText
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// How JSON is escaped wherever it goes: what HTML, XML and JavaScript read specially (<c>&lt;</c>, <c>&gt;</c>,
    /// <c>&amp;</c>, <c>'</c>, <c>+</c>, <c>`</c>, U+2028, U+2029), controls and what lies beyond the Basic Multilingual
    /// Plane become <c>\uXXXX</c>, so no text can close a <c>&lt;script&gt;</c> element or open an HTML comment;
    /// other letters stay readable (Türkiye, 中文).
    /// </summary>
    public static JavaScriptEncoder JsonEncoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// A writer that sends its text to <paramref name="output"/> 64 KB at a time and leaves it open; it writes
    /// <c>\n</c> line ends on every system, and throws on half of a surrogate pair, which is not text.
    /// </summary>
    public static StreamWriter Writer(Stream output) => new(output, s_utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
}
