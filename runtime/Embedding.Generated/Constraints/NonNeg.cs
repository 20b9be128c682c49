using System;

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
        for (int i = 0; i < row.Length; i++)
        {
            if (row[i] < 0f)
            {
                row[i] = 0f;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => "NonNeg()";
}
