using System;

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
}
