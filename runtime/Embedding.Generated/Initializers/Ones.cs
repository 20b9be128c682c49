using System;

namespace Embedding.Generated.Initializers;

/// <summary>Keras's <c>Ones()</c>: every weight is 1.</summary>
public sealed class Ones : IEmbeddingInitializer
{
    /// <inheritdoc />
    /// <remarks>The seed is not used.</remarks>
    public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
    {
        InitializerGuard.ValidateTable(weights.Length, inputDim, outputDim);
        weights.Fill(1f);
    }
}
