using System;

namespace Embedding.Generated.Benchmarks.Workloads;

/// <summary>
/// Pre-generated id batches, handed out in turn: each call gets a fresh batch, so a benchmark never looks up the rows
/// the previous call just pulled into the cache, and no call pays for random number generation.
/// </summary>
public sealed class IdPool
{
    /// <summary>Batches per pool: enough that the pool's rows are not the same hot set call after call.</summary>
    public const int DefaultBatchCount = 32;

    private readonly int[] _ids;
    private readonly int _batchLength;
    private readonly int _batchCount;
    private int _next;

    private IdPool(int[] ids, int batchLength, int batchCount)
    {
        _ids = ids;
        _batchLength = batchLength;
        _batchCount = batchCount;
    }

    /// <summary>Draws <paramref name="batchCount"/> batches for <paramref name="shape"/> from a fixed seed.</summary>
    public static IdPool Create(WorkloadShape shape, int batchCount = DefaultBatchCount, int seed = 20_250_105)
    {
        var random = new Random(seed);
        var ids = new int[checked(shape.IdsPerBatch * batchCount)];
        if (shape.Distribution == IdDistribution.Zipf)
        {
            new ZipfSampler(shape.InputDim, exponent: 1.0).Fill(random, ids);
        }
        else
        {
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = random.Next(shape.InputDim);
            }
        }

        return new IdPool(ids, shape.IdsPerBatch, batchCount);
    }

    /// <summary>The next batch, cycling through the pool.</summary>
    public ReadOnlySpan<int> Next() => Batch(NextIndex());

    /// <summary>The index of the next batch, cycling through the pool.</summary>
    public int NextIndex()
    {
        int batch = _next;
        _next = batch + 1 == _batchCount ? 0 : batch + 1;
        return batch;
    }

    /// <summary>Batch <paramref name="index"/> of the pool.</summary>
    public ReadOnlySpan<int> Batch(int index) => new(_ids, index * _batchLength, _batchLength);
}
