using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Embedding.Generated.Benchmarks.Experiments;

/// <summary>
/// Experiment, not the library: asks Linux to back an existing table with 2 MB pages (<c>madvise(MADV_COLLAPSE)</c>,
/// Linux 6.1+), to measure what huge pages would give a gather whose every row lands on a different 4 KB page.
/// This machine's transparent huge pages are "madvise", and .NET's GC does not ask for them, so tables get 4 KB pages.
/// </summary>
public static unsafe partial class HugePages
{
    private const int MadviseCollapse = 25;
    private const long HugePageSize = 2 * 1024 * 1024;

    /// <summary>
    /// Collapses every whole 2 MB page inside <paramref name="memory"/> (a pinned or large-object-heap buffer, which the
    /// GC does not move) and says what happened, e.g. "255 MB of 256 MB in 2 MB pages".
    /// </summary>
    public static string TryCollapse(Span<float> memory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not Linux: left on ordinary pages";
        }

        long start = (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(memory));
        long end = start + ((long)memory.Length * sizeof(float));
        long alignedStart = (start + HugePageSize - 1) & ~(HugePageSize - 1);
        long alignedEnd = end & ~(HugePageSize - 1);
        if (alignedEnd <= alignedStart)
        {
            return "smaller than one 2 MB page: left on 4 KB pages";
        }

        long before = AnonHugePagesKilobytes();
        int result = Madvise((nint)alignedStart, (nuint)(alignedEnd - alignedStart), MadviseCollapse);
        int error = Marshal.GetLastPInvokeError();
        long after = AnonHugePagesKilobytes();
        return result == 0
            ? $"{(alignedEnd - alignedStart) >> 20} MB of {(end - start) >> 20} MB collapsed into 2 MB pages (process AnonHugePages {before >> 10} -> {after >> 10} MB)"
            : $"madvise(MADV_COLLAPSE) failed with errno {error}: left on 4 KB pages";
    }

    private static long AnonHugePagesKilobytes()
    {
        const string rollup = "/proc/self/smaps_rollup";
        if (!File.Exists(rollup))
        {
            return 0;
        }

        string? line = File.ReadLines(rollup).FirstOrDefault(text => text.StartsWith("AnonHugePages:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
