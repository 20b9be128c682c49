using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Embedding.Generated;

/// <summary>
/// Software prefetch of table rows, for generated layers whose table is too large to stay in cache: while row i is
/// copied, the row of id i + distance is already on its way from memory.
/// </summary>
internal static class RowPrefetch
{
    private const int CacheLineBytes = 64;

    /// <summary>Asks for every cache line of the <paramref name="rowBytes"/> bytes at <paramref name="row"/>; a hint only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Row(ref float row, int rowBytes)
    {
        if (Sse.IsSupported)
        {
            // A prefetch never faults and never changes memory: if the GC moved the table meanwhile, it only warms
            // the wrong line.
            byte* start = (byte*)Unsafe.AsPointer(ref row);
            for (int line = 0; line < rowBytes; line += CacheLineBytes)
            {
                Sse.Prefetch0(start + line);
            }
        }
    }
}
