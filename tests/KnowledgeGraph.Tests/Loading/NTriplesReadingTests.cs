using System;
using System.IO;
using System.Linq;
using System.Text;
using Diplomacy;
using Hostile;
using KnowledgeGraph.Tests.Exporting;

namespace KnowledgeGraph.Tests.Loading;

/// <summary>
/// The N-Triples text graphs are read back from: every escape and line end N-Triples allows, and a clear
/// <see cref="FormatException"/> naming the line for text that is not N-Triples (a store's malformed answer).
/// </summary>
public sealed class NTriplesReadingTests
{
    private const string Valid = "<urn:kg:DiplomacyGraph:trump> <urn:kg:DiplomacyGraph:schema/succeeded> <urn:kg:DiplomacyGraph:biden> .";

    [Fact]
    public void Every_character_written_as_an_escape_reads_as_itself()
    {
        var text = ExportTestGraphs.Text(HostileGraph.Default, GraphFormat.NTriples);
        var escaped = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                escaped.Append($"\\U{char.ConvertToUtf32(text[i], text[++i]):X8}");
            }
            else
            {
                escaped.Append(text[i] is > '~' ? $"\\u{(int)text[i]:x4}" : text[i]);
            }
        }

        Assert.NotEqual(text, escaped.ToString());
        var back = GraphFiles<HostileGraph>.LoadNTriples("escaped.nt", new MemoryStream(Encoding.UTF8.GetBytes(escaped.ToString().Replace("\n", "\r\n"))));

        Assert.Equal(ExportTestGraphs.Text(HostileGraph.Default, GraphFormat.NTriples), ExportTestGraphs.Text(back, GraphFormat.NTriples));
    }

    [Fact]
    public void A_string_with_a_language_tag_is_a_string()
    {
        var text = ExportTestGraphs.Text(DiplomacyGraph.Default, GraphFormat.NTriples)
            .Replace("\"Alexander Darchiyev\" .", "\"Alexander Darchiyev\"@en-GB .", StringComparison.Ordinal);

        var back = GraphFiles<DiplomacyGraph>.LoadNTriples("tagged.nt", new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.Equal("Alexander Darchiyev", back.Darchiyev.Name);
    }

    [Theory]
    [InlineData("<urn:a> <urn:b> <urn:c>", "the line ends where '.' is expected")]
    [InlineData("<urn:a> <b> <urn:c> .", "<b> is not an absolute IRI")]
    [InlineData("<urn:a> <urn:b<urn:c> .", "an IRI cannot hold '<'")]
    [InlineData("<urn:a> <urn:b> <urn:c d> .", "an IRI cannot hold U+0020")]
    [InlineData("<urn:a> <urn:b> <urn:c", "an IRI has no closing '>'")]
    [InlineData("<urn:a> <urn:b> \"text .", "a literal has no closing '\"'")]
    [InlineData("<urn:a> <urn:b> \"\\uD800\" .", "U+D800 is not a Unicode character")]
    [InlineData("<urn:a> <urn:b> \"\\U00110000\" .", "U+110000 is not a Unicode character")]
    [InlineData("<urn:a> <urn:b> \"\\u12\" .", "'\\u' must be followed by 4 hexadecimal digits")]
    [InlineData("<urn:a> <urn:b> \"\\x\" .", "'\\x' is not an escape")]
    [InlineData("<urn:\\u003e> <urn:b> <urn:c> .", "an IRI cannot hold U+003E, even escaped")]
    [InlineData("<urn:a> <urn:b> \"x\"@ .", "'@' is not a language tag")]
    [InlineData("<urn:a> <urn:b> \"x\"^<urn:t> .", "'^' is expected, not '<'")]
    [InlineData("<urn:a> <urn:b> <urn:c> . <urn:d>", "text after the triple's '.'")]
    [InlineData("_: <urn:b> <urn:c> .", "a blank node has no label")]
    [InlineData("\"literal\" <urn:b> <urn:c> .", "'<' is expected, not '\"'")]
    public void Text_that_is_not_N_Triples_is_a_format_error_at_its_line(string line, string what)
    {
        var text = $"# a comment\n{Valid}\n\n{line}\n{Valid}\n";

        var error = Assert.Throws<FormatException>(() => GraphFiles<DiplomacyGraph>.LoadNTriples("answer.nt", new MemoryStream(Encoding.UTF8.GetBytes(text))));

        Assert.StartsWith("answer.nt(4,", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($": not N-Triples: {what}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_UTF_8_is_a_format_error()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid + "\n").Concat(new byte[] { 0xFF, 0xFE, (byte)'\n' }).ToArray();

        var error = Assert.Throws<FormatException>(() => GraphFiles<DiplomacyGraph>.LoadNTriples("answer.nt", new MemoryStream(bytes)));

        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_the_generator_did_not_write_has_no_schema_to_read_by()
    {
        Assert.Throws<NotSupportedException>(() => GraphFiles<Graph>.LoadNTriples("x.nt", new MemoryStream()));
    }
}
