using System.IO;
using System.Text;

namespace KnowledgeGraph;

/// <summary>The buffered UTF-8 text writer the text formats stream through.</summary>
internal static class ExportText
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A writer that sends its text to <paramref name="output"/> 64 KB at a time and leaves it open; it writes
    /// <c>\n</c> line ends on every system, and throws on half of a surrogate pair, which is not text.
    /// </summary>
    public static StreamWriter Writer(Stream output) => new(output, s_utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
}
