using System;

namespace Embedding.Generated.Initializers;

/// <summary>Keras's <c>Zeros()</c>: every weight is 0.</summary>
public sealed class Zeros : IEmbeddingInitializer
{
    /// <inheritdoc />
    /// <remarks>The seed is not used.</remarks>
    public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
    {
        InitializerGuard.ValidateTable(weights.Length, inputDim, outputDim);
        weights.Clear();
    }
}
