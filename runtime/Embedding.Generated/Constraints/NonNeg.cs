using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Kernels;

namespace Embedding.Generated.Constraints;

/// <summary>Keras's <c>NonNeg()</c>: negative weights become 0 (<c>maximum(w, 0)</c>). Elementwise, so row-wise.</summary>
public sealed class NonNeg : IConstraint
{
    /// <inheritdoc />
    public bool IsRowWise => true;

    /// <inheritdoc />
    public void Apply(Span<float> weights, int inputDim, int outputDim)
    {
        EmbeddingGuard.ValidateTableLength(weights.Length, inputDim, outputDim, nameof(weights));
        ApplyToRow(weights);
    }

    /// <inheritdoc />
    public void ApplyToRow(Span<float> row)
    {
        var streams = new ElementStreams { Target = ref MemoryMarshal.GetReference(row) };
        ElementwiseLadder.Run(default(ZeroNegativesKernel), ref streams, row.Length);
    }

    /// <inheritdoc />
    public override string ToString() => "NonNeg()";

    // Target = max(Target, 0), leaving NaN and -0 as they are.
    private readonly struct ZeroNegativesKernel : IElementwiseKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke<T>(scoped ref ElementStreams streams, nuint i)
            where T : struct, IFloatLanes<T> =>
            T.StoreUnsafe(T.ZeroWhereNegative(T.LoadUnsafe(ref streams.Target, i)), ref streams.Target, i);
    }
}
