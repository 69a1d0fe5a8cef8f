using System.Linq;
using KnowledgeGraph.Testing.Snapshots;

namespace KnowledgeGraph.Testing.Tests;

public sealed class UnifiedDiffTests
{
    private static string Numbered(int from, int to, params (int Line, string Text)[] changes)
    {
        var lines = new System.Collections.Generic.List<string>();
        for (var i = from; i <= to; i++)
        {
            lines.Add($"line {i}");
        }

        foreach (var (line, text) in changes)
        {
            lines[line - from] = text;
        }

        return string.Join("\n", lines) + "\n";
    }

    [Fact]
    public void A_changed_line_is_shown_with_three_lines_of_context_and_its_place()
    {
        var diff = UnifiedDiff.Of(Numbered(1, 20), Numbered(1, 20, (10, "changed")), "a", "b");

        Assert.Equal(
            """
            --- a
            +++ b
            @@ -7,7 +7,7 @@
             line 7
             line 8
             line 9
            -line 10
            +changed
             line 11
             line 12
             line 13

            """.ReplaceLineEndings("\n"),
            diff);
    }

    [Fact]
    public void Changes_far_apart_make_two_hunks_and_close_ones_one()
    {
        var far = UnifiedDiff.Of(Numbered(1, 30), Numbered(1, 30, (5, "x"), (25, "y")), "a", "b");
        var close = UnifiedDiff.Of(Numbered(1, 30), Numbered(1, 30, (5, "x"), (10, "y")), "a", "b");

        Assert.Equal(["@@ -2,7 +2,7 @@", "@@ -22,7 +22,7 @@"], Headers(far));
        Assert.Equal(["@@ -2,12 +2,12 @@"], Headers(close));
    }

    [Fact]
    public void Lines_added_at_the_end_and_removed_at_the_start_are_counted_as_diff_does()
    {
        var added = UnifiedDiff.Of("a\nb\n", "a\nb\nc\n", "old", "new");
        var removed = UnifiedDiff.Of("a\nb\nc\n", "b\nc\n", "old", "new");
        var fromNothing = UnifiedDiff.Of("", "a\n", "old", "new");

        Assert.Equal("--- old\n+++ new\n@@ -1,2 +1,3 @@\n a\n b\n+c\n", added);
        Assert.Equal("--- old\n+++ new\n@@ -1,3 +1,2 @@\n-a\n b\n c\n", removed);
        Assert.Equal("--- old\n+++ new\n@@ -0,0 +1,1 @@\n+a\n", fromNothing);
    }

    [Fact]
    public void An_inserted_line_between_equal_ones_is_the_only_change()
    {
        var diff = UnifiedDiff.Of("a\nb\nc\nd\n", "a\nb\nnew\nc\nd\n", "old", "new");

        Assert.Equal("--- old\n+++ new\n@@ -1,4 +1,5 @@\n a\n b\n+new\n c\n d\n", diff);
    }

    [Fact]
    public void A_long_diff_is_cut_and_the_rest_counted()
    {
        var before = string.Concat(System.Linq.Enumerable.Range(0, 500).Select(i => $"old {i}\n"));
        var after = string.Concat(System.Linq.Enumerable.Range(0, 500).Select(i => $"new {i}\n"));

        var diff = UnifiedDiff.Of(before, after, "old", "new");

        Assert.Contains("@@ -1,500 +1,500 @@\n-old 0\n", diff);
        Assert.EndsWith("... and 801 more lines of diff; compare the files for the rest\n", diff);
    }

    private static string[] Headers(string diff) =>
        diff.Split('\n').Where(line => line.StartsWith("@@", System.StringComparison.Ordinal)).ToArray();
}
