namespace Embedding.Generated.Generator.Model;

/// <summary>
/// The kernel decisions for one layer, computed from its dimensions alone: the emitter writes them into the layer's
/// shape struct, and the runtime's loops, compiled for that struct, keep or drop each feature as a constant.
/// </summary>
/// <param name="PrefetchDistance">How many ids ahead the loops prefetch rows, or 0 for none.</param>
/// <param name="WritesPastCaches">Whether a large gather may write its output past the caches (decided per pass by the runtime).</param>
/// <param name="ScatterBlockShift">A split dense scatter gives each part blocks of <c>1 &lt;&lt; ScatterBlockShift</c> rows.</param>
internal readonly record struct KernelPlan(int PrefetchDistance, bool WritesPastCaches, int ScatterBlockShift)
{
    /// <summary>
    /// Tables larger than this (in bytes) do not stay in a core's caches (Zen 4: 1 MB L2, a few MB of L3 per core),
    /// so the loops prefetch rows ahead; smaller tables gained nothing from it in the benchmarks.
    /// </summary>
    private const long PrefetchTableBytes = 4L << 20;

    /// <summary>How many ids ahead rows are prefetched: enough to cover a memory access at the loops' speed.</summary>
    private const int RowsAhead = 16;

    /// <summary>
    /// The prefetch is given a row's bytes, <c>OutputDim * sizeof(float)</c>, as an <c>int</c>; a row too long for that
    /// is far past any cache anyway.
    /// </summary>
    private const int MaxPrefetchedRowLength = int.MaxValue / sizeof(float);

    /// <summary>
    /// Rows owned by one part of a split dense scatter come in blocks of at least this many bytes, so that only the
    /// cache lines at block edges can have two writers.
    /// </summary>
    private const int ScatterBlockBytes = 1024;

    public static KernelPlan For(EmbeddingLayerSpec layer)
    {
        bool prefetches = layer.OutputDim > 0 && layer.OutputDim <= MaxPrefetchedRowLength &&
            (long)layer.InputDim * layer.OutputDim * sizeof(float) > PrefetchTableBytes;

        // Past the caches only for tables that do not stay in them, and rows of whole 32-byte vectors, so that every row
        // of an aligned output is aligned as non-temporal stores need.
        bool writesPastCaches = prefetches && layer.OutputDim % 8 == 0;

        int blockShift = 0;
        while (layer.OutputDim > 0 && ((long)layer.OutputDim * sizeof(float)) << blockShift < ScatterBlockBytes)
        {
            blockShift++;
        }

        return new KernelPlan(prefetches ? RowsAhead : 0, writesPastCaches, blockShift);
    }
}
