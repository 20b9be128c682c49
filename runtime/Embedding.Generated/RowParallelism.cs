using System;
using System.ComponentModel;
using System.Numerics;

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

    /// <summary>
    /// The largest value <see cref="MaxThreads"/> accepts. Each thread past the first is a helper kept for the life of
    /// the process (with its stack), and a split pass is bound by memory, which stops gaining long before a few hundred
    /// cores; a fixed bound, the same on every machine, lets a value such as 10,000 fail at once rather than start as
    /// many threads.
    /// </summary>
    public const int MaxThreadsLimit = 256;

    private static int s_maxThreads = Math.Min(Environment.ProcessorCount, MaxThreadsLimit);

    /// <summary>
    /// The most threads one pass may use, from 1 to <see cref="MaxThreadsLimit"/>; 1 keeps every pass on the calling
    /// thread. Default: the processor count (at most <see cref="MaxThreadsLimit"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or greater than <see cref="MaxThreadsLimit"/>.</exception>
    public static int MaxThreads
    {
        get => s_maxThreads;
        set
        {
            if (value < 1 || value > MaxThreadsLimit)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value), value, $"MaxThreads must lie in [1, {MaxThreadsLimit}] (RowParallelism.MaxThreadsLimit), but is {value}.");
            }

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
    /// A dense scatter pass for generated layers: reads every id, and adds only the rows whose block belongs to
    /// <c>part</c> (block number <c>&amp; partMask</c> equal to <c>part</c>).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public delegate void RowScatter(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, Span<float> weightGradient, int part, int partMask);

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
            GatherPass pass = GatherPass.Rent();
            pass.Set(idsPointer, ids.Length, outputPointer, outputDim, body);
            try
            {
                CoreWorkers.Run(pass, parts);
            }
            finally
            {
                pass.Return();
            }
        }
    }

    /// <summary>
    /// How many parts a dense scatter of <paramref name="idCount"/> ids of <paramref name="outputDim"/> floats is worth
    /// cutting into: 1 below the threshold, else the largest power of two up to <see cref="MaxThreads"/>, so that a
    /// row's part is its block number masked.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int ScatterParts(int idCount, int outputDim) =>
        ShouldSplit(idCount, outputDim) ? 1 << BitOperations.Log2((uint)s_maxThreads) : 1;

    /// <summary>
    /// Runs <paramref name="body"/> once per part, in parallel, each over all of <paramref name="ids"/>; each part adds
    /// only the rows it owns, so no row has two writers and each row's sum is taken in the order of the ids, as on one
    /// thread. The spans are pinned for the duration. Allocates nothing after the first call on a thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is not a power of two up to <see cref="MaxThreadsLimit"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static unsafe void SplitScatter(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, Span<float> weightGradient, int parts, RowScatter body)
    {
        ArgumentNullException.ThrowIfNull(body);
        // Each part runs on a thread of its own, so the bound on threads bounds the parts too.
        if (parts < 1 || parts > MaxThreadsLimit || !BitOperations.IsPow2(parts))
        {
            throw new ArgumentOutOfRangeException(
                nameof(parts), parts, $"parts must be a power of two from 1 to {MaxThreadsLimit} (1, 2, 4, ...), but is {parts}.");
        }

        fixed (int* idsPointer = ids)
        fixed (float* sourcePointer = outputGradient)
        fixed (float* tablePointer = weightGradient)
        {
            ScatterPass pass = ScatterPass.Rent();
            pass.Set(idsPointer, ids.Length, sourcePointer, outputGradient.Length, tablePointer, weightGradient.Length, body);
            try
            {
                CoreWorkers.Run(pass, parts);
            }
            finally
            {
                pass.Return();
            }
        }
    }

    /// <summary>How many parts a pass over <paramref name="count"/> items of <paramref name="rowLength"/> floats is worth cutting into: 1 below the threshold.</summary>
    internal static int PartsFor(int count, int rowLength) =>
        ShouldSplit(count, rowLength) ? Math.Min(s_maxThreads, count) : 1;

    /// <summary>The half-open range of items <c>[Start, End)</c> that part <paramref name="part"/> of <paramref name="parts"/> covers.</summary>
    internal static (int Start, int End) PartRange(int count, int part, int parts) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));

    /// <summary>
    /// A pass object kept per calling thread and reused, so that a split pass allocates nothing; a nested split on the
    /// same thread (never done by generated code) gets a new one.
    /// </summary>
    internal abstract class ReusablePass<TSelf> : IPartedPass
        where TSelf : ReusablePass<TSelf>, new()
    {
        [ThreadStatic]
        private static TSelf? t_cached;

        private bool _inUse;

        public static TSelf Rent()
        {
            TSelf? cached = t_cached;
            if (cached is not null && !cached._inUse)
            {
                cached._inUse = true;
                return cached;
            }

            var pass = new TSelf { _inUse = true };
            t_cached ??= pass;
            return pass;
        }

        /// <summary>Drops the pass's pointers and delegate, and makes it available to the next pass on this thread.</summary>
        public void Return()
        {
            ClearArguments();
            _inUse = false;
        }

        public abstract void RunPart(int part, int parts);

        protected abstract void ClearArguments();
    }

    /// <summary>A split gather: the pinned ids and output, cut into contiguous ranges of ids.</summary>
    private sealed unsafe class GatherPass : ReusablePass<GatherPass>
    {
        private int* _ids;
        private int _count;
        private float* _output;
        private int _outputDim;
        private RowRange? _body;

        public void Set(int* ids, int count, float* output, int outputDim, RowRange body)
        {
            _ids = ids;
            _count = count;
            _output = output;
            _outputDim = outputDim;
            _body = body;
        }

        public override void RunPart(int part, int parts)
        {
            (int start, int end) = PartRange(_count, part, parts);
            _body!(
                new ReadOnlySpan<int>(_ids + start, end - start),
                new Span<float>(_output + ((long)start * _outputDim), (end - start) * _outputDim));
        }

        protected override void ClearArguments()
        {
            _ids = null;
            _output = null;
            _body = null;
        }
    }

    /// <summary>A split dense scatter: the pinned ids, output gradient and weight gradient, whole for every part.</summary>
    private sealed unsafe class ScatterPass : ReusablePass<ScatterPass>
    {
        private int* _ids;
        private int _count;
        private float* _source;
        private int _sourceLength;
        private float* _table;
        private int _tableLength;
        private RowScatter? _body;

        public void Set(int* ids, int count, float* source, int sourceLength, float* table, int tableLength, RowScatter body)
        {
            _ids = ids;
            _count = count;
            _source = source;
            _sourceLength = sourceLength;
            _table = table;
            _tableLength = tableLength;
            _body = body;
        }

        public override void RunPart(int part, int parts) =>
            _body!(
                new ReadOnlySpan<int>(_ids, _count),
                new ReadOnlySpan<float>(_source, _sourceLength),
                new Span<float>(_table, _tableLength),
                part,
                parts - 1);

        protected override void ClearArguments()
        {
            _ids = null;
            _source = null;
            _table = null;
            _body = null;
        }
    }
}
