using System;
using System.IO;
using System.Linq;
using Diplomacy;
using KnowledgeGraph.EndToEnd.Tests;

using static KnowledgeGraph.Cli.Tests.KgRunner;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>What <c>kg</c> draws on a terminal, and that redirected output stays plain text.</summary>
public sealed class TerminalTests
{
    private static readonly string Schema = Path.Combine(Repository.Root, "src", "IstanbulTalks", "diplomacy.kg.json");
    private static readonly string Facts = Path.Combine(Repository.Root, "src", "IstanbulTalks", "istanbul-talks.kg.json");

    [Fact]
    public void Redirected_stats_are_the_plain_tables_byte_for_byte()
    {
        // The text kg stats wrote before tables were drawn on terminals: pipes and files keep reading exactly that.
        var expected = File.ReadAllText(Path.Combine(Repository.Root, "tests", "KnowledgeGraph.Cli.Tests", "Expected", "stats-sample.txt"));

        var (code, output, error) = Kg("stats", Schema, Facts);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", error);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void On_a_terminal_stats_are_drawn_as_tables_holding_the_same_rows()
    {
        var (code, output, error) = KgOnTerminal(false, "stats", Schema, Facts);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", error);
        Assert.DoesNotContain('\u001b', output); // a terminal without ANSI gets no escape codes
        Assert.NotEqual(Kg("stats", Schema, Facts).Output, output);

        // Each row of the plain tables is a row of a drawn table: the same cells, between borders.
        var plain = Kg("stats", Schema, Facts).Output.Split('\n');
        var drawn = output.Split('\n');
        Assert.Equal(plain[0], drawn[0]);
        var g = DiplomacyGraph.Default;
        Assert.Contains(drawn, line => Cells(line).SequenceEqual(["istanbulTalks", "Istanbul talks", "Meeting", g.Degree(g.IstanbulTalks).ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        Assert.Contains(drawn, line => Cells(line).SequenceEqual(["Total", g.EntityCount.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        Assert.Contains(drawn, line => Cells(line).SequenceEqual(["Entity type", "Entities"]));
        Assert.Contains(plain.Single(line => line.StartsWith("Dates: ", StringComparison.Ordinal)), drawn);
        Assert.Equal(4, drawn.Count(line => line.StartsWith('┌'))); // entity types, relation types, most connected, sources
    }

    [Fact]
    public void On_a_terminal_that_redraws_check_shows_its_progress_and_then_the_diagnostics()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("kg-cli-").FullName, "story.kg.json");
        File.WriteAllText(broken, """{ "graph": "DiplomacyGraph", "relations": [ ["lavrov", "succeeded", "rubio"] ] }""");
        try
        {
            var (code, output, _) = KgOnTerminal(true, "check", Schema, broken);
            var (redirectedCode, redirected, _) = Kg("check", Schema, broken);

            Assert.Equal(ExitCodes.Errors, code);
            Assert.Equal(redirectedCode, code);
            // A live display hid the cursor, drew (a bar, if the check outlasts its first frame) and cleared itself before
            // the diagnostics came; redirected output holds the diagnostics alone.
            Assert.StartsWith("\u001b[?25l", output, StringComparison.Ordinal);
            Assert.Contains("\u001b[?25h", output, StringComparison.Ordinal);
            Assert.EndsWith(redirected, output, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', redirected);
            Assert.Contains($"{broken}(", redirected, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
        }
    }

    private static string[] Cells(string line) =>
        [.. line.Split('│', StringSplitOptions.TrimEntries).Skip(1).SkipLast(1)];
}
