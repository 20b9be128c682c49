using System;

namespace Embedding.Generated.Initializers;

/// <summary>Fills a new embedding table, as a Keras <c>embeddings_initializer</c> does.</summary>
public interface IEmbeddingInitializer
{
    /// <summary>
    /// Fills <paramref name="weights"/>, a row-major <paramref name="inputDim"/> x <paramref name="outputDim"/> table
    /// (fan_in = inputDim, fan_out = outputDim). The same <paramref name="seed"/> gives the same values on every machine.
    /// </summary>
    void Initialize(Span<float> weights, int inputDim, int outputDim, int seed);
}
