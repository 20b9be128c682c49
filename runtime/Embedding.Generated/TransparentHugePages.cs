using System;
using System.Runtime.InteropServices;

namespace Embedding.Generated;

/// <summary>
/// On request, asks Linux to back large tables with 2 MB pages (transparent huge pages, <c>madvise(MADV_HUGEPAGE)</c>).
/// A lookup or scatter of random rows lands on a different 4 KB page for nearly every row once a table outgrows what
/// the TLB covers (about 12 MB on Zen 4), and each such page costs a page walk; one 2 MB page covers 512 of them. The
/// advice is a hint: where the kernel has no huge pages to give, where its setting is <c>never</c>, or on other
/// systems, tables get ordinary pages and work the same.
/// </summary>
/// <remarks>
/// Off unless the AppContext switch <see cref="SwitchName"/> is true (e.g.
/// <c>&lt;RuntimeHostConfigurationOption Include="Embedding.Generated.UseHugePages" Value="true" /&gt;</c> in the
/// project, or <c>AppContext.SetSwitch</c> before the first layer is made), as PyTorch's CPU allocator leaves it to
/// <c>THP_MEM_ALLOC_ENABLE</c>: what it gives depends on the machine. On the 2-core VM of docs/benchmarks.md, whose
/// host backs guest memory with 4 KB pages, a 256 MB table took 0.58 s to allocate and clear on 2 MB pages against
/// 0.11 s on 4 KB pages, and lookups gained 0 to 4 %; on bare metal, where 2 MB pages end the page walks, the gain is
/// the reason to ask.
/// </remarks>
internal static partial class TransparentHugePages
{
    /// <summary>The AppContext switch that turns the advice on when true.</summary>
    public const string SwitchName = "Embedding.Generated.UseHugePages";

    /// <summary>The size of a huge page, and the boundary tables that ask for them start on.</summary>
    public const int PageBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Tables of at least this many bytes ask for huge pages: past the TLB's reach with 4 KB pages, and large enough
    /// that the up to 2 MB of address space skipped to reach a page boundary (never touched, so never backed by
    /// memory) is small beside them.
    /// </summary>
    public const long MinimumBytes = 16L * 1024 * 1024;

    private const int MadviseHugePage = 14;

    private static bool s_unavailable;

    /// <summary>Whether a table of <paramref name="bytes"/> should start on a huge-page boundary and ask for huge pages.</summary>
    public static bool ShouldAdvise(long bytes) =>
        bytes >= MinimumBytes && OperatingSystem.IsLinux() && !s_unavailable &&
        AppContext.TryGetSwitch(SwitchName, out bool enabled) && enabled;

    /// <summary>
    /// Advises the whole huge pages inside [<paramref name="start"/>, <paramref name="start"/> + <paramref name="bytes"/>),
    /// before anything touches them, so that the first touch faults in 2 MB pages. Failures are ignored: the memory
    /// keeps ordinary pages.
    /// </summary>
    public static void Advise(nint start, long bytes)
    {
        long wholePages = bytes & ~((long)PageBytes - 1);
        if (wholePages == 0 || (start & (PageBytes - 1)) != 0)
        {
            return;
        }

        try
        {
            _ = Madvise(start, (nuint)wholePages, MadviseHugePage);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without madvise: stop asking.
            s_unavailable = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
