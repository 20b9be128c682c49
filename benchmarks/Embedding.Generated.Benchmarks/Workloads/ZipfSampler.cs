using System;

namespace Embedding.Generated.Benchmarks.Workloads;

/// <summary>
/// Draws ranks 0..n-1 with probability proportional to <c>1 / (rank + 1)^exponent</c>, by inverting the cumulative
/// distribution with a binary search.
/// </summary>
public sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    /// <summary>Creates a sampler over <paramref name="n"/> ranks.</summary>
    public ZipfSampler(int n, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        _cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = sum;
        }

        for (int rank = 0; rank < n; rank++)
        {
            _cumulative[rank] /= sum;
        }
    }

    /// <summary>Fills <paramref name="ranks"/> with independent draws.</summary>
    public void Fill(Random random, Span<int> ranks)
    {
        for (int i = 0; i < ranks.Length; i++)
        {
            int index = Array.BinarySearch(_cumulative, random.NextDouble());
            // BinarySearch gives the complement of the first larger element when the value is not present.
            ranks[i] = Math.Min(index >= 0 ? index : ~index, _cumulative.Length - 1);
        }
    }
}
