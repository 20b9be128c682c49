using System;
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

    /// <summary>Whether a pass over <paramref name="idCount"/> ids of <paramref name="outputDim"/> floats is worth splitting.</summary>
    internal static bool ShouldSplit(int idCount, int outputDim) =>
        s_maxThreads > 1 && idCount >= 2 && (long)idCount * outputDim >= MinimumFloats;

    /// <summary>
    /// How many parts a dense scatter of <paramref name="idCount"/> ids of <paramref name="outputDim"/> floats is worth
    /// cutting into: 1 below the threshold, else the largest power of two up to <see cref="MaxThreads"/>, so that a
    /// row's part is its block number masked.
    /// </summary>
    internal static int ScatterParts(int idCount, int outputDim) =>
        ShouldSplit(idCount, outputDim) ? 1 << BitOperations.Log2((uint)s_maxThreads) : 1;

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

        /// <summary>Drops the pass's pointers and references, and makes it available to the next pass on this thread.</summary>
        public void Return()
        {
            ClearArguments();
            _inUse = false;
        }

        public abstract void RunPart(int part, int parts);

        protected abstract void ClearArguments();
    }
}
