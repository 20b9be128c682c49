using System;
using Embedding.Generated;

namespace Embedding.Generated.Benchmarks.Workloads;

/// <summary>Buffers the benchmarks fill once in their setup.</summary>
public static class Buffers
{
    /// <summary>
    /// A gradient-like buffer: small values of both signs from a fixed seed, so that accumulating it call after call
    /// stays far from overflow and from subnormal numbers.
    /// </summary>
    public static float[] SmallRandom(int length, int seed = 7)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() - 0.5) * 2e-3);
        }

        return values;
    }

    /// <summary>
    /// A copy of <paramref name="values"/> that starts on a 64-byte cache-line boundary, as the generated layer's table
    /// does. The limits' buffers and the ids' outputs and output gradients are such copies: each benchmark runs in its
    /// own process, and a plain array starts at any multiple of 8 bytes, which moved the S1 limits by up to 15 % from
    /// one process to the next and let a limit run slower for starting mid-line.
    /// </summary>
    public static Memory<float> OnCacheLines(float[] values) => AlignedTable.CopyOf(values).Memory;
}
