using System;
using System.ComponentModel;

namespace Embedding.Generated;

/// <summary>
/// Splits large passes across cores: a lookup whose output is at least <see cref="MinimumFloats"/> floats, and a lazy
/// sparse step over that many weights, are cut into contiguous ranges (of ids, of held rows), one per thread; each range
/// writes only its own part of the output or table, so the result is the same as on one thread. Smaller passes stay on
/// the calling thread, where waking another core (a few microseconds) would cost more than it saves. The other threads
/// are kept between passes, so a split pass allocates nothing.
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
    /// done. The spans are pinned for the duration, so the ranges can be handed to other threads. Allocates nothing
    /// after the first call on a thread.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static unsafe void Split(ReadOnlySpan<int> ids, Span<float> output, int outputDim, RowRange body)
    {
        ArgumentNullException.ThrowIfNull(body);
        EmbeddingGuard.ValidateSameLength(output.Length, checked(ids.Length * outputDim), nameof(output));
        int parts = Math.Min(s_maxThreads, ids.Length);
        fixed (int* idsPointer = ids)
        fixed (float* outputPointer = output)
        {
            GatherPass pass = GatherPass.ForThisThread();
            pass.Set(idsPointer, ids.Length, outputPointer, outputDim, body);
            try
            {
                CoreWorkers.Run(pass, parts);
            }
            finally
            {
                pass.Clear();
            }
        }
    }

    /// <summary>How many parts a pass over <paramref name="count"/> items of <paramref name="rowLength"/> floats is worth cutting into: 1 below the threshold.</summary>
    internal static int PartsFor(int count, int rowLength) =>
        ShouldSplit(count, rowLength) ? Math.Min(s_maxThreads, count) : 1;

    /// <summary>The half-open range of items <c>[Start, End)</c> that part <paramref name="part"/> of <paramref name="parts"/> covers.</summary>
    internal static (int Start, int End) PartRange(int count, int part, int parts) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));

    /// <summary>A split gather: the pinned ids and output, cut into contiguous ranges of ids.</summary>
    private sealed unsafe class GatherPass : IPartedPass
    {
        [ThreadStatic]
        private static GatherPass? t_cached;

        private int* _ids;
        private int _count;
        private float* _output;
        private int _outputDim;
        private RowRange? _body;

        // One per calling thread, reused; a nested split on the same thread (never done by generated code) gets its own.
        public static GatherPass ForThisThread()
        {
            GatherPass? cached = t_cached;
            if (cached is { _body: null })
            {
                return cached;
            }

            var pass = new GatherPass();
            t_cached ??= pass;
            return pass;
        }

        public void Set(int* ids, int count, float* output, int outputDim, RowRange body)
        {
            _ids = ids;
            _count = count;
            _output = output;
            _outputDim = outputDim;
            _body = body;
        }

        public void Clear()
        {
            _ids = null;
            _output = null;
            _body = null;
        }

        public void RunPart(int part, int parts)
        {
            (int start, int end) = PartRange(_count, part, parts);
            _body!(
                new ReadOnlySpan<int>(_ids + start, end - start),
                new Span<float>(_output + ((long)start * _outputDim), (end - start) * _outputDim));
        }
    }
}
