using System;
using System.Collections.Generic;
using DiffPlex;
using DiffPlex.Model;

namespace Embedding.Generated.Generator.Tests.Infrastructure;

/// <summary>Renders a line diff as <c>diff -u</c> does: hunks of changed lines with three lines of context.</summary>
internal static class UnifiedDiff
{
    private const int ContextLines = 3;

    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/>, cut after <paramref name="maxLines"/> lines.</summary>
    public static string Render(string before, string after, int maxLines)
    {
        // Without the final newline, so that it does not show as an extra empty line of context.
        DiffResult diff = Differ.Instance.CreateLineDiffs(before.TrimEnd('\n'), after.TrimEnd('\n'), ignoreWhitespace: false, ignoreCase: false);
        IReadOnlyList<string> oldLines = diff.PiecesOld;
        IReadOnlyList<string> newLines = diff.PiecesNew;
        IList<DiffBlock> blocks = diff.DiffBlocks;
        var lines = new List<string>();

        for (int first = 0; first < blocks.Count;)
        {
            // A hunk takes in every following block whose context would touch this one's.
            int last = first;
            while (last + 1 < blocks.Count &&
                   blocks[last + 1].DeleteStartA - End(blocks[last]) <= 2 * ContextLines)
            {
                last++;
            }

            int oldStart = Math.Max(0, blocks[first].DeleteStartA - ContextLines);
            int newStart = Math.Max(0, blocks[first].InsertStartB - ContextLines);
            int oldEnd = Math.Min(oldLines.Count, End(blocks[last]) + ContextLines);
            int newEnd = Math.Min(newLines.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + ContextLines);
            lines.Add($"@@ -{HunkStart(oldStart, oldEnd)},{oldEnd - oldStart} +{HunkStart(newStart, newEnd)},{newEnd - newStart} @@");

            int line = oldStart;
            for (int b = first; b <= last; b++)
            {
                DiffBlock block = blocks[b];
                for (; line < block.DeleteStartA; line++)
                {
                    lines.Add(" " + oldLines[line]);
                }

                for (int d = 0; d < block.DeleteCountA; d++)
                {
                    lines.Add("-" + oldLines[block.DeleteStartA + d]);
                }

                for (int i = 0; i < block.InsertCountB; i++)
                {
                    lines.Add("+" + newLines[block.InsertStartB + i]);
                }

                line = End(block);
            }

            for (; line < oldEnd; line++)
            {
                lines.Add(" " + oldLines[line]);
            }

            first = last + 1;
        }

        if (lines.Count > maxLines)
        {
            int cut = lines.Count - maxLines;
            lines.RemoveRange(maxLines, cut);
            lines.Add($"... ({cut} more diff lines)");
        }

        return string.Join("\n", lines);
    }

    /// <summary>As <c>diff -u</c>: 1-based, except that an empty range is written as starting at 0.</summary>
    private static int HunkStart(int start, int end) => end > start ? start + 1 : start;

    private static int End(DiffBlock block) => block.DeleteStartA + block.DeleteCountA;
}
