using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Embedding.Generated.Benchmarks.Experiments;

/// <summary>
/// Experiment, not the library: the runtime-dimension gather with software prefetch, to measure what issuing the
/// loads of row i + <see cref="Distance"/> while copying row i would give when rows miss every cache. Rows must be a
/// whole number of 256-bit vectors (64 and 128 floats are).
/// </summary>
public static unsafe class PrefetchingGather
{
    /// <summary>How many rows ahead the prefetches run.</summary>
    public const int Distance = 16;

    /// <summary><c>output[i, :] = table[ids[i], :]</c> with every cache line of row i + Distance prefetched.</summary>
    public static void Forward(ReadOnlySpan<float> table, int outputDim, int inputLength, ReadOnlySpan<int> ids, Span<float> output)
    {
        EmbeddingGuard.ValidateWholeSequences(ids.Length, inputLength, nameof(ids));
        EmbeddingGuard.ValidateVectorsLength(output.Length, ids.Length, outputDim, nameof(output));
        EmbeddingGuard.ValidateIds(ids, table.Length / outputDim, inputLength, nameof(ids));
        if (!Sse.IsSupported || outputDim % Vector256<float>.Count != 0)
        {
            throw new NotSupportedException("The prefetch experiment needs x86 and rows of whole 256-bit vectors.");
        }

        ref float rows = ref MemoryMarshal.GetReference(table);
        ref float destination = ref MemoryMarshal.GetReference(output);
        int rowBytes = outputDim * sizeof(float);
        for (int i = 0; i < ids.Length; i++)
        {
            if (i + Distance < ids.Length)
            {
                byte* ahead = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref rows, (nint)ids[i + Distance] * outputDim));
                for (int line = 0; line < rowBytes; line += 64)
                {
                    Sse.Prefetch0(ahead + line);
                }
            }

            ref float source = ref Unsafe.Add(ref rows, (nint)ids[i] * outputDim);
            ref float target = ref Unsafe.Add(ref destination, (nint)i * outputDim);
            for (nuint j = 0; j < (nuint)outputDim; j += (nuint)Vector256<float>.Count)
            {
                Vector256.LoadUnsafe(ref source, j).StoreUnsafe(ref target, j);
            }
        }
    }
}
