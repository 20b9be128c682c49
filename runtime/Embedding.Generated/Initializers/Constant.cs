using System;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Initializers;

/// <summary>Keras's <c>Constant(value)</c>: every weight is <see cref="Value"/>.</summary>
public sealed class Constant : IEmbeddingInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public Constant(float value = 0)
    {
        Value = NumberGuard.Require(value, ParameterRanges.Constant.Value);
    }

    /// <summary>The value of every weight.</summary>
    public float Value { get; }

    /// <inheritdoc />
    /// <remarks>The seed is not used.</remarks>
    public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
    {
        InitializerGuard.ValidateTable(weights.Length, inputDim, outputDim);
        weights.Fill(Value);
    }
}
