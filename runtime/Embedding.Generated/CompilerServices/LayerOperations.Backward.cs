using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Embedding.Generated.CompilerServices;

public static partial class LayerOperations<TShape>
{
    /// <summary>The dense gradient: <c>weightGradient[ids[i], :] += outputGradient[i, :]</c>, repeated ids accumulating.</summary>
    public static void Backward(int inputDim, ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, Span<float> weightGradient)
    {
        ValidateWholeSequences(ids.Length);
        EmbeddingGuard.ValidateVectorsLength(outputGradient.Length, ids.Length, TShape.OutputDim, nameof(outputGradient));
        EmbeddingGuard.ValidateTableLength(weightGradient.Length, inputDim, TShape.OutputDim, nameof(weightGradient));
        EmbeddingGuard.ValidateIds(ids, inputDim, sequenceLength: TShape.InputLength, nameof(ids));
        if (TShape.OutputDim == 0)
        {
            // Every gradient row is empty: there is nothing to add.
            return;
        }

        int parts = RowParallelism.ScatterParts(ids.Length, TShape.OutputDim);
        if (parts > 1)
        {
            ScatterPass.Run(ids, outputGradient, weightGradient, parts);
            return;
        }

        ScatterRows(ids, ref MemoryMarshal.GetReference(outputGradient), ref MemoryMarshal.GetReference(weightGradient));
    }

    /// <summary>
    /// The sparse gradient: each row the ids touch is held once in <paramref name="weightGradient"/>, with the sum over
    /// every position that looked it up; rows it already holds are added to.
    /// </summary>
    public static void Backward(int inputDim, ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, SparseRowGradient weightGradient)
    {
        ValidateWholeSequences(ids.Length);
        EmbeddingGuard.ValidateVectorsLength(outputGradient.Length, ids.Length, TShape.OutputDim, nameof(outputGradient));
        EmbeddingGuard.ValidateSparseGradient(weightGradient, inputDim, TShape.OutputDim, nameof(weightGradient));
        EmbeddingGuard.ValidateIds(ids, inputDim, sequenceLength: TShape.InputLength, nameof(ids));

        // Slot per position; ~slot marks the first time this gradient sees a row, which is copied, not added.
        ReadOnlySpan<int> slots = weightGradient.AssignSlots(ids);
        if (TShape.OutputDim == 0)
        {
            // The rows are recorded, but each is empty.
            return;
        }

        ref float source = ref MemoryMarshal.GetReference(outputGradient);
        ref float rows = ref weightGradient.GetValuesReference();
        for (int i = 0; i < slots.Length; i++)
        {
            int slot = slots[i];
            ref float positionGradient = ref Unsafe.Add(ref source, (nint)i * TShape.OutputDim);
            if (slot < 0)
            {
                TShape.CopyRow(ref positionGradient, ref Unsafe.Add(ref rows, (nint)(~slot) * TShape.OutputDim));
            }
            else
            {
                TShape.AddRow(ref positionGradient, ref Unsafe.Add(ref rows, (nint)slot * TShape.OutputDim));
            }
        }
    }

    /// <summary>The dense scatter-add on one thread: one unrolled row addition per id.</summary>
    private static void ScatterRows(ReadOnlySpan<int> ids, ref float source, ref float table)
    {
        int prefetchEnd = ids.Length - TShape.PrefetchDistance;
        for (int i = 0; i < ids.Length; i++)
        {
            PrefetchAhead(ref table, ids, i, prefetchEnd);
            TShape.AddRow(
                ref Unsafe.Add(ref source, (nint)i * TShape.OutputDim),
                ref Unsafe.Add(ref table, (nint)ids[i] * TShape.OutputDim));
        }
    }

    /// <summary>
    /// One part of a split dense scatter: every id is read, but only rows of this part's blocks of
    /// <c>1 &lt;&lt; ScatterBlockShift</c> rows are added (nor prefetched: another thread writes the others). Blocks are
    /// dealt to the parts in turn, so frequent ids spread over them; each row is added to in the order of the ids,
    /// exactly as on one thread.
    /// </summary>
    private static void ScatterOwnedRows(ReadOnlySpan<int> ids, ref float source, ref float table, int part, int partMask)
    {
        int prefetchEnd = ids.Length - TShape.PrefetchDistance;
        for (int i = 0; i < ids.Length; i++)
        {
            if (TShape.PrefetchDistance > 0 && i < prefetchEnd)
            {
                int ahead = ids[i + TShape.PrefetchDistance];
                if (PartOfRow(ahead, partMask) == part)
                {
                    RowPrefetch.Row(ref Unsafe.Add(ref table, (nint)ahead * TShape.OutputDim), TShape.OutputDim * sizeof(float));
                }
            }

            if (PartOfRow(ids[i], partMask) != part)
            {
                continue;
            }

            TShape.AddRow(
                ref Unsafe.Add(ref source, (nint)i * TShape.OutputDim),
                ref Unsafe.Add(ref table, (nint)ids[i] * TShape.OutputDim));
        }
    }

    /// <summary>The part of a split dense scatter that owns row <paramref name="id"/>: its block number, masked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PartOfRow(int id, int partMask) => (id >> TShape.ScatterBlockShift) & partMask;

    /// <summary>
    /// A split dense scatter: the pinned ids, output gradient and weight gradient, whole for every part. One per calling
    /// thread and shape, reused, so that a split pass allocates nothing after the first.
    /// </summary>
    private sealed unsafe class ScatterPass : RowParallelism.ReusablePass<ScatterPass>
    {
        private int* _ids;
        private int _count;
        private float* _source;
        private float* _table;

        /// <summary>Runs <paramref name="parts"/> parts, a power of two (<see cref="RowParallelism.ScatterParts"/>), so a row's part is its block number masked.</summary>
        public static void Run(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, Span<float> weightGradient, int parts)
        {
            fixed (int* idsPointer = ids)
            fixed (float* sourcePointer = outputGradient)
            fixed (float* tablePointer = weightGradient)
            {
                ScatterPass pass = Rent();
                pass._ids = idsPointer;
                pass._count = ids.Length;
                pass._source = sourcePointer;
                pass._table = tablePointer;
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

        public override void RunPart(int part, int parts) =>
            ScatterOwnedRows(new ReadOnlySpan<int>(_ids, _count), ref Unsafe.AsRef<float>(_source), ref Unsafe.AsRef<float>(_table), part, parts - 1);

        protected override void ClearArguments()
        {
            _ids = null;
            _source = null;
            _table = null;
        }
    }
}
