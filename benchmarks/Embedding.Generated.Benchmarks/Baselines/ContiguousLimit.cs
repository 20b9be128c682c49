using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Embedding.Generated.Benchmarks.Baselines;

/// <summary>
/// The limits: the same number of bytes moved as a gather or scatter-add, but contiguously, so the hardware
/// prefetchers see one stream and no row address depends on an id.
/// </summary>
public static class ContiguousLimit
{
    /// <summary>memcpy: the bytes a forward pass writes, copied from one contiguous block (the runtime's memmove).</summary>
    public static void Copy(ReadOnlySpan<float> source, Span<float> destination) => source.CopyTo(destination);

    /// <summary>
    /// Contiguous read-modify-write: <c>destination[i] += source[i]</c> over the bytes a backward pass adds, two
    /// 256-bit vectors per iteration.
    /// </summary>
    public static void Accumulate(ReadOnlySpan<float> source, Span<float> destination)
    {
        EmbeddingGuard.ValidateSameLength(destination.Length, source.Length, nameof(destination));
        ref float from = ref MemoryMarshal.GetReference(source);
        ref float to = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)source.Length;
        nuint i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            nuint step = (nuint)Vector256<float>.Count;
            for (; i + (2 * step) <= length; i += 2 * step)
            {
                Vector256<float> first = Vector256.LoadUnsafe(ref to, i) + Vector256.LoadUnsafe(ref from, i);
                Vector256<float> second = Vector256.LoadUnsafe(ref to, i + step) + Vector256.LoadUnsafe(ref from, i + step);
                first.StoreUnsafe(ref to, i);
                second.StoreUnsafe(ref to, i + step);
            }
        }

        // The tail, fewer than two vectors, and everything when 256-bit vectors are not accelerated.
        RuntimeRowMath.Add(ref Unsafe.Add(ref from, i), ref Unsafe.Add(ref to, i), length - i);
    }
}
