using System;

namespace Embedding.Generated.CompilerServices;

public static partial class LayerOperations<TShape>
{
    /// <summary>The padding mask of a MaskZero layer: <c>mask[i] = ids[i] != 0</c>, as Keras's <c>compute_mask</c>.</summary>
    public static void ComputeMask(ReadOnlySpan<int> ids, Span<bool> mask)
    {
        ValidateWholeSequences(ids.Length);
        EmbeddingGuard.ValidateMaskLength(mask.Length, ids.Length, nameof(mask));
        WriteMask(ids, mask);
    }

    /// <summary>The gather and the padding mask in one call, every length checked before either is written.</summary>
    public static void Forward(AlignedTable table, int inputDim, ReadOnlySpan<int> ids, Span<float> output, Span<bool> mask)
    {
        ValidateWholeSequences(ids.Length);
        EmbeddingGuard.ValidateVectorsLength(output.Length, ids.Length, TShape.OutputDim, nameof(output));
        EmbeddingGuard.ValidateMaskLength(mask.Length, ids.Length, nameof(mask));
        EmbeddingGuard.ValidateIds(ids, inputDim, sequenceLength: TShape.InputLength, nameof(ids));
        GatherRows(table, ids, output);
        WriteMask(ids, mask);
    }

    /// <summary>The gather of a <c>(batch, length)</c> array and its <c>(batch, length)</c> padding mask in one call.</summary>
    public static void Forward(AlignedTable table, int inputDim, int[,] ids, float[,,] output, bool[,] mask)
    {
        ValidateIdArray(ids);
        EmbeddingGuard.ValidateOutputShape(output, ids.GetLength(0), ids.GetLength(1), TShape.OutputDim, nameof(output));
        EmbeddingGuard.ValidateMaskShape(mask, ids.GetLength(0), ids.GetLength(1), nameof(mask));
        ReadOnlySpan<int> flatIds = FlatSpan.Of(ids);
        EmbeddingGuard.ValidateIds(flatIds, inputDim, sequenceLength: ids.GetLength(1), nameof(ids));
        GatherRows(table, flatIds, FlatSpan.Of(output));
        WriteMask(flatIds, FlatSpan.Of(mask));
    }

    /// <summary>For lengths already checked: one comparison per id, no call per position.</summary>
    private static void WriteMask(ReadOnlySpan<int> ids, Span<bool> mask)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            mask[i] = ids[i] != 0;
        }
    }
}
