using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Embedding.Generated.CompilerServices;

/// <summary>
/// The members of every generated layer, written once: argument checks, overloads, array adapters and the split across
/// cores, for the layer's <typeparamref name="TShape"/>. The JIT compiles this class once per shape struct, so the
/// shape's constants fold and its row kernels inline into the loops, as if the generator had written them out. Every
/// check runs before anything is written, so a call that throws leaves its outputs as they were. Called by generated
/// code; not user API.
/// </summary>
/// <typeparam name="TShape">The layer's shape: its constants and row kernels.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class LayerOperations<TShape>
    where TShape : struct, ILayerShape
{
    /// <summary>The gather behind every <c>Forward</c>: <c>output[i, :] = table[ids[i], :]</c>.</summary>
    public static void Forward(AlignedTable table, int inputDim, ReadOnlySpan<int> ids, Span<float> output)
    {
        ValidateWholeSequences(ids.Length);
        EmbeddingGuard.ValidateVectorsLength(output.Length, ids.Length, TShape.OutputDim, nameof(output));
        EmbeddingGuard.ValidateIds(ids, inputDim, sequenceLength: TShape.InputLength, nameof(ids));
        GatherRows(table, ids, output);
    }

    /// <summary>The gather over fixed-length sequences (a layer's <c>Sequence</c>, <c>InputLength</c> ids inline).</summary>
    public static void Forward<TSequence>(AlignedTable table, int inputDim, ReadOnlySpan<TSequence> sequences, Span<float> output)
        where TSequence : struct
    {
        ReadOnlySpan<int> ids = EmbeddingGuard.SequenceIds(sequences, TShape.InputLength, nameof(sequences));
        EmbeddingGuard.ValidateVectorsLength(output.Length, ids.Length, TShape.OutputDim, nameof(output));
        EmbeddingGuard.ValidateIds(ids, inputDim, sequenceLength: TShape.InputLength, nameof(sequences));
        GatherRows(table, ids, output);
    }

    /// <summary>The gather of a <c>(batch, length)</c> array into a <c>(batch, length, OutputDim)</c> array.</summary>
    public static void Forward(AlignedTable table, int inputDim, int[,] ids, float[,,] output)
    {
        ValidateIdArray(ids);
        EmbeddingGuard.ValidateOutputShape(output, ids.GetLength(0), ids.GetLength(1), TShape.OutputDim, nameof(output));
        ReadOnlySpan<int> flatIds = FlatSpan.Of(ids);
        EmbeddingGuard.ValidateIds(flatIds, inputDim, sequenceLength: ids.GetLength(1), nameof(ids));
        GatherRows(table, flatIds, FlatSpan.Of(output));
    }

    /// <summary>The gather of a <c>(batch, length)</c> array into a new <c>(batch, length, OutputDim)</c> array.</summary>
    public static float[,,] Forward(AlignedTable table, int inputDim, int[,] ids)
    {
        // Checked before the output is allocated, so bad ids, or an output too large for a span, cost no allocation.
        ValidateIdArray(ids);
        ReadOnlySpan<int> flatIds = FlatSpan.Of(ids);
        EmbeddingGuard.ValidateIds(flatIds, inputDim, sequenceLength: ids.GetLength(1), nameof(ids));
        var output = new float[ids.GetLength(0), ids.GetLength(1), TShape.OutputDim];
        GatherRows(table, flatIds, FlatSpan.Of(output));
        return output;
    }

    /// <summary>A flat span of ids must hold whole sequences when the layer has a fixed InputLength.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ValidateWholeSequences(int idCount)
    {
        if (TShape.InputLength > 0)
        {
            EmbeddingGuard.ValidateWholeSequences(idCount, TShape.InputLength, "ids");
        }
    }

    /// <summary>A 2-D array of ids must fit one span of outputs, and have the layer's InputLength if it has one.</summary>
    private static void ValidateIdArray(int[,] ids)
    {
        EmbeddingGuard.ValidateIdArray(ids, TShape.OutputDim, nameof(ids));
        if (TShape.InputLength > 0)
        {
            EmbeddingGuard.ValidateSequenceLength(ids.GetLength(1), TShape.InputLength, nameof(ids));
        }
    }

    /// <summary>
    /// The gather, for ids already checked. A large batch is split across cores by contiguous ranges of ids; each range
    /// writes only its own output rows, so the result does not depend on the split.
    /// </summary>
    private static void GatherRows(AlignedTable table, ReadOnlySpan<int> ids, Span<float> output)
    {
        if (TShape.OutputDim == 0)
        {
            // Every vector is empty: there is nothing to copy.
            return;
        }

        int parts = RowParallelism.PartsFor(ids.Length, TShape.OutputDim);
        if (parts > 1)
        {
            GatherPass.Run(table, ids, output, parts);
            return;
        }

        GatherRowRange(ref table.First, ids, output);
    }

    /// <summary>One unrolled row copy per id, no per-row checks or calls.</summary>
    private static void GatherRowRange(ref float table, ReadOnlySpan<int> ids, Span<float> output)
    {
        ref float destination = ref MemoryMarshal.GetReference(output);
        int prefetchEnd = ids.Length - TShape.PrefetchDistance;
        if (TShape.WritesPastCaches && RowStores.WritePastCaches(output.Length))
        {
            // A large output does not stay in the caches either: it is written past them.
            for (int i = 0; i < ids.Length; i++)
            {
                PrefetchAhead(ref table, ids, i, prefetchEnd);
                RowStores.CopyRowPastCaches(
                    ref Unsafe.Add(ref table, (nint)ids[i] * TShape.OutputDim),
                    ref Unsafe.Add(ref destination, (nint)i * TShape.OutputDim),
                    TShape.OutputDim);
            }

            RowStores.FinishPastCaches();
            return;
        }

        for (int i = 0; i < ids.Length; i++)
        {
            PrefetchAhead(ref table, ids, i, prefetchEnd);
            TShape.CopyRow(
                ref Unsafe.Add(ref table, (nint)ids[i] * TShape.OutputDim),
                ref Unsafe.Add(ref destination, (nint)i * TShape.OutputDim));
        }
    }

    /// <summary>
    /// For a table larger than the caches, rows come from memory: the row of the id <see cref="ILayerShape.PrefetchDistance"/>
    /// positions ahead is requested while this one is handled. Nothing for a table that stays in cache.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchAhead(ref float table, ReadOnlySpan<int> ids, int i, int prefetchEnd)
    {
        if (TShape.PrefetchDistance > 0 && i < prefetchEnd)
        {
            RowPrefetch.Row(ref Unsafe.Add(ref table, (nint)ids[i + TShape.PrefetchDistance] * TShape.OutputDim), TShape.OutputDim * sizeof(float));
        }
    }

    /// <summary>
    /// A split gather: the table, and the pinned ids and output, cut into contiguous ranges of ids. One per calling
    /// thread and shape, reused, so that a split pass allocates nothing after the first.
    /// </summary>
    private sealed unsafe class GatherPass : RowParallelism.ReusablePass<GatherPass>
    {
        private AlignedTable _table;
        private int* _ids;
        private int _count;
        private float* _output;

        public static void Run(AlignedTable table, ReadOnlySpan<int> ids, Span<float> output, int parts)
        {
            fixed (int* idsPointer = ids)
            fixed (float* outputPointer = output)
            {
                GatherPass pass = Rent();
                pass._table = table;
                pass._ids = idsPointer;
                pass._count = ids.Length;
                pass._output = outputPointer;
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

        public override void RunPart(int part, int parts)
        {
            (int start, int end) = RowParallelism.PartRange(_count, part, parts);
            GatherRowRange(
                ref _table.First,
                new ReadOnlySpan<int>(_ids + start, end - start),
                new Span<float>(_output + ((long)start * TShape.OutputDim), (end - start) * TShape.OutputDim));
        }

        protected override void ClearArguments()
        {
            _table = default;
            _ids = null;
            _output = null;
        }
    }
}
