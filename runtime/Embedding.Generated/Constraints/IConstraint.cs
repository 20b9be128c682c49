using System;

namespace Embedding.Generated.Constraints;

/// <summary>
/// A projection applied to the weights after every optimizer step, as a Keras <c>embeddings_constraint</c>.
/// </summary>
public interface IConstraint
{
    /// <summary>
    /// Whether the projection of each row depends on that row alone (norms over axis 1, or elementwise), so that a
    /// step which changed some rows needs to project only those rows.
    /// </summary>
    bool IsRowWise { get; }

    /// <summary>Projects the whole row-major <paramref name="inputDim"/> x <paramref name="outputDim"/> table in place.</summary>
    void Apply(Span<float> weights, int inputDim, int outputDim);

    /// <summary>Projects one row in place. Only valid when <see cref="IsRowWise"/> is true.</summary>
    /// <exception cref="InvalidOperationException">The constraint is not row-wise.</exception>
    void ApplyToRow(Span<float> row);
}
