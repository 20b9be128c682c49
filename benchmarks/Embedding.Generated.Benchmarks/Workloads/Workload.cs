namespace Embedding.Generated.Benchmarks.Workloads;

/// <summary>The scenarios of issue #5, each a layer shape, a batch shape and a distribution of ids.</summary>
public enum Workload
{
    /// <summary>The seed: 1,000 x 64 table, 32 sequences of 10 uniform ids.</summary>
    S1,

    /// <summary>50,000 x 128 table, 256 sequences of 50 uniform ids.</summary>
    S2Uniform,

    /// <summary>50,000 x 128 table, 256 sequences of 50 Zipf-distributed ids (id 0 the most frequent).</summary>
    S2Zipf,

    /// <summary>1,000,000 x 64 table, 4096 sequences of 20 uniform ids.</summary>
    S3,
}

/// <summary>How the ids of a batch are drawn.</summary>
public enum IdDistribution
{
    /// <summary>Every id equally likely.</summary>
    Uniform,

    /// <summary>
    /// Zipf with exponent 1 over ranks, rank r being id r: a vocabulary sorted by frequency, as Keras's Tokenizer
    /// numbers words, so the frequent rows sit together at the start of the table.
    /// </summary>
    Zipf,
}

/// <summary>The sizes of one workload.</summary>
/// <param name="InputDim">Rows in the table.</param>
/// <param name="OutputDim">Floats per row.</param>
/// <param name="BatchSize">Sequences per batch.</param>
/// <param name="InputLength">Ids per sequence.</param>
/// <param name="Distribution">How ids are drawn.</param>
public readonly record struct WorkloadShape(int InputDim, int OutputDim, int BatchSize, int InputLength, IdDistribution Distribution)
{
    /// <summary>Ids per batch.</summary>
    public int IdsPerBatch => BatchSize * InputLength;

    /// <summary>Floats a forward pass writes (and a backward pass reads): ids x OutputDim.</summary>
    public int PayloadFloats => IdsPerBatch * OutputDim;

    /// <summary>Bytes a forward pass writes: the bytes the memcpy limit copies.</summary>
    public long PayloadBytes => (long)PayloadFloats * sizeof(float);

    /// <summary>Floats in the table.</summary>
    public long TableFloats => (long)InputDim * OutputDim;

    /// <summary>The shape of <paramref name="workload"/>.</summary>
    public static WorkloadShape Of(Workload workload) => workload switch
    {
        Workload.S1 => new(1_000, 64, 32, 10, IdDistribution.Uniform),
        Workload.S2Uniform => new(50_000, 128, 256, 50, IdDistribution.Uniform),
        Workload.S2Zipf => new(50_000, 128, 256, 50, IdDistribution.Zipf),
        Workload.S3 => new(1_000_000, 64, 4096, 20, IdDistribution.Uniform),
        _ => throw new System.ArgumentOutOfRangeException(nameof(workload), workload, "Unknown workload."),
    };
}
