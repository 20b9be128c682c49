using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Embedding.Generated;

/// <summary>
/// Row copies that write past the caches (non-temporal stores), for gathers whose output is too large to
/// stay in them: an ordinary store first reads the output's line into the cache, so a large output costs its bytes
/// three times on the memory bus (read for ownership, evict, write) and pushes table rows out; a non-temporal store
/// writes the line once. glibc's memcpy switches to them beyond a share of the last-level cache for the same reason.
/// </summary>
internal static class RowStores
{
    /// <summary>
    /// Outputs of at least this many floats (8 MB, a quarter of a 32 MB last-level cache) in one pass, or in one part
    /// of a split pass, are written past the caches.
    /// </summary>
    public const int PastCachesMinimumFloats = 1 << 21;

    private const int AlignmentMask = 31;

    /// <summary>Whether a pass writing <paramref name="outputFloats"/> floats should write them past the caches.</summary>
    public static bool WritePastCaches(int outputFloats) => Avx.IsSupported && outputFloats >= PastCachesMinimumFloats;

    /// <summary>
    /// Copies <paramref name="length"/> floats (a multiple of 8 in generated code) with non-temporal stores when the
    /// destination starts on a 32-byte boundary, else with ordinary ones. Call <see cref="FinishPastCaches"/> after
    /// the last row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void CopyRowPastCaches(ref float source, ref float destination, int length)
    {
        // Pinned for the stores: a non-temporal store needs the address it checked, and the collector may move an
        // output array between rows (never during this pinned block).
        fixed (float* target = &destination)
        {
            int j = 0;
            if (Avx.IsSupported && ((nint)target & AlignmentMask) == 0)
            {
                for (; j <= length - Vector256<float>.Count; j += Vector256<float>.Count)
                {
                    Avx.StoreAlignedNonTemporal(target + j, Vector256.LoadUnsafe(ref source, (nuint)j));
                }
            }
            else
            {
                for (; j <= length - Vector256<float>.Count; j += Vector256<float>.Count)
                {
                    Vector256.LoadUnsafe(ref source, (nuint)j).Store(target + j);
                }
            }

            for (; j < length; j++)
            {
                target[j] = Unsafe.Add(ref source, j);
            }
        }
    }

    /// <summary>
    /// Orders the non-temporal stores before every later store (<c>sfence</c>), so that a thread that learns the pass
    /// is done, through a later store, reads the rows.
    /// </summary>
    public static void FinishPastCaches()
    {
        if (Sse.IsSupported)
        {
            Sse.StoreFence();
        }
    }
}
