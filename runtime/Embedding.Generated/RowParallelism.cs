using System;
using System.ComponentModel;
using System.Threading.Tasks;

namespace Embedding.Generated;

/// <summary>
/// Splits a large lookup across cores. A batch whose output is at least <see cref="MinimumFloats"/> floats is cut into
/// contiguous ranges of ids, one per thread; each range writes only its own part of the output, so the result is the
/// same as on one thread. Smaller batches stay on the calling thread, where the cost of starting work on another core
/// (a few microseconds and an allocation) would exceed the gain.
/// </summary>
public static class RowParallelism
{
    /// <summary>Outputs smaller than this many floats (1 MB) are gathered on the calling thread.</summary>
    public const int MinimumFloats = 1 << 18;

    private static int s_maxThreads = Environment.ProcessorCount;

    /// <summary>The most threads one pass may use; 1 keeps every pass on the calling thread. Default: the processor count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int MaxThreads
    {
        get => s_maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            s_maxThreads = value;
        }
    }

    /// <summary>A pass over a contiguous range of ids and the matching part of the output.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public delegate void RowRange(ReadOnlySpan<int> ids, Span<float> output);

    /// <summary>Whether a pass over <paramref name="idCount"/> ids of <paramref name="outputDim"/> floats is worth splitting.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool ShouldSplit(int idCount, int outputDim) =>
        s_maxThreads > 1 && idCount >= 2 && (long)idCount * outputDim >= MinimumFloats;

    /// <summary>
    /// Runs <paramref name="body"/> on contiguous ranges of <paramref name="ids"/>, in parallel, and returns when all are
    /// done. The spans are pinned for the duration, so the ranges can be handed to other threads.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static unsafe void Split(ReadOnlySpan<int> ids, Span<float> output, int outputDim, RowRange body)
    {
        ArgumentNullException.ThrowIfNull(body);
        int parts = Math.Min(s_maxThreads, ids.Length);
        int count = ids.Length;
        fixed (int* idsPointer = ids)
        fixed (float* outputPointer = output)
        {
            // Fixed locals cannot be captured; their addresses can, and stay valid until Parallel.For returns.
            nint idsAddress = (nint)idsPointer;
            nint outputAddress = (nint)outputPointer;
            Parallel.For(0, parts, part =>
            {
                int start = (int)((long)count * part / parts);
                int end = (int)((long)count * (part + 1) / parts);
                body(
                    new ReadOnlySpan<int>((int*)idsAddress + start, end - start),
                    new Span<float>((float*)outputAddress + ((long)start * outputDim), (end - start) * outputDim));
            });
        }
    }
}
