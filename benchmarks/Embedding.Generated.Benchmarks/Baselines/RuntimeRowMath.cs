using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Embedding.Generated.Benchmarks.Baselines;

/// <summary>
/// Row arithmetic for a length known only at run time: what a careful hand-written layer does. Vectorised, so the
/// baselines differ from the generated code only in the constants, not in whether SIMD is used at all.
/// </summary>
public static class RuntimeRowMath
{
    /// <summary><c>destination[i] += source[i]</c> for <paramref name="length"/> floats: 256-bit vectors, then scalars.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref float source, ref float destination, nuint length)
    {
        nuint i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + (nuint)Vector256<float>.Count <= length; i += (nuint)Vector256<float>.Count)
            {
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref destination, i) + Vector256.LoadUnsafe(ref source, i), ref destination, i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref destination, i) += Unsafe.Add(ref source, i);
        }
    }
}
