using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace KnowledgeGraph.Testing.Snapshots;

/// <summary>The changed lines between two texts as a unified diff (<c>diff -u</c>), with three lines of context.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    // Beyond this many changed lines the texts are shown as replaced wholesale: the search costs the square of it.
    private const int MaxEdits = 2000;

    // A message is read by a person: past this many lines of diff the rest is counted, not shown.
    private const int MaxLines = 200;

    public static string Of(string expected, string actual, string expectedName, string actualName)
    {
        var (before, after) = (Lines(expected), Lines(actual));
        var edits = Edits(before, after);
        var text = new StringBuilder();
        text.Append("--- ").Append(expectedName).Append('\n');
        text.Append("+++ ").Append(actualName).Append('\n');
        var shown = 0;
        var hidden = 0;
        foreach (var hunk in Hunks(edits))
        {
            var first = hunk[0];
            var oldCount = hunk.Count(edit => edit.Kind != '+');
            var newCount = hunk.Count(edit => edit.Kind != '-');
            var header = $"@@ -{Start(first.OldLine, oldCount)},{oldCount} +{Start(first.NewLine, newCount)},{newCount} @@";
            foreach (var line in hunk.Select(edit => edit.Kind + edit.Text).Prepend(header))
            {
                if (shown < MaxLines)
                {
                    text.Append(line).Append('\n');
                    shown++;
                }
                else
                {
                    hidden++;
                }
            }
        }

        if (hidden > 0)
        {
            text.Append($"... and {hidden} more lines of diff; compare the files for the rest\n");
        }

        return text.ToString();
    }

    // diff -u numbers an empty range by the line before it.
    private static int Start(int line, int count) => count == 0 ? line : line + 1;

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');

    /// <summary>The edit script: every line of both texts, kept (' '), removed ('-') or added ('+'), with its 0-based line numbers.</summary>
    private static List<Edit> Edits(string[] before, string[] after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix
               && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<Edit>();
        for (var i = 0; i < prefix; i++)
        {
            edits.Add(new Edit(' ', before[i], i, i));
        }

        var middle = Myers(before.AsSpan(prefix, before.Length - prefix - suffix).ToArray(), after.AsSpan(prefix, after.Length - prefix - suffix).ToArray());
        edits.AddRange(middle.Select(edit => edit with { OldLine = edit.OldLine + prefix, NewLine = edit.NewLine + prefix }));
        for (var i = 0; i < suffix; i++)
        {
            var (oldLine, newLine) = (before.Length - suffix + i, after.Length - suffix + i);
            edits.Add(new Edit(' ', before[oldLine], oldLine, newLine));
        }

        return edits;
    }

    /// <summary>Myers' O(ND) shortest edit script (1986), walked back from the end through the saved frontiers.</summary>
    private static List<Edit> Myers(string[] a, string[] b)
    {
        var (n, m) = (a.Length, b.Length);
        var max = n + m;
        var trace = new List<int[]>();
        var v = new int[2 * max + 2];
        var found = -1;
        for (var d = 0; d <= Math.Min(max, MaxEdits) && found < 0; d++)
        {
            // The frontier of the round before, diagonals -d to d: all the walk back reads.
            trace.Add(v[(max - d)..(max + d + 1)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    (x, y) = (x + 1, y + 1);
                }

                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    found = d;
                    break;
                }
            }
        }

        if (found < 0)
        {
            return [.. a.Select((line, i) => new Edit('-', line, i, 0)), .. b.Select((line, i) => new Edit('+', line, n, i))];
        }

        var edits = new List<Edit>();
        var (cx, cy) = (n, m);
        for (var d = found; d > 0; d--)
        {
            var frontier = trace[d];
            var k = cx - cy;
            var previousK = k == -d || (k != d && frontier[d + k - 1] < frontier[d + k + 1]) ? k + 1 : k - 1;
            var previousX = frontier[d + previousK];
            var previousY = previousX - previousK;
            while (cx > previousX && cy > previousY)
            {
                (cx, cy) = (cx - 1, cy - 1);
                edits.Add(new Edit(' ', a[cx], cx, cy));
            }

            if (cx == previousX)
            {
                cy--;
                edits.Add(new Edit('+', b[cy], cx, cy));
            }
            else
            {
                cx--;
                edits.Add(new Edit('-', a[cx], cx, cy));
            }
        }

        while (cx > 0 && cy > 0)
        {
            (cx, cy) = (cx - 1, cy - 1);
            edits.Add(new Edit(' ', a[cx], cx, cy));
        }

        edits.Reverse();
        return edits;
    }

    /// <summary>The changes, each with up to three unchanged lines around it; changes closer than that share a hunk.</summary>
    private static IEnumerable<List<Edit>> Hunks(List<Edit> edits)
    {
        var changed = edits.Select((edit, i) => (edit, i)).Where(pair => pair.edit.Kind != ' ').Select(pair => pair.i).ToList();
        var index = 0;
        while (index < changed.Count)
        {
            var start = Math.Max(0, changed[index] - Context);
            var end = changed[index];
            while (index + 1 < changed.Count && changed[index + 1] - end <= 2 * Context)
            {
                end = changed[++index];
            }

            index++;
            yield return edits.GetRange(start, Math.Min(edits.Count, end + Context + 1) - start);
        }
    }

    private sealed record Edit(char Kind, string Text, int OldLine, int NewLine);
}
