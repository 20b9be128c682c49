using System;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras's <c>Identity(gain)</c>: <see cref="Gain"/> on the main diagonal and zero elsewhere. Rectangular tables are
/// allowed: the diagonal has <c>min(InputDim, OutputDim)</c> entries.
/// </summary>
/// <remarks>The off-diagonal entries are <c>+0</c> for any gain (Keras's <c>gain * eye</c> gives <c>-0</c> for a negative gain).</remarks>
public sealed class Identity : IEmbeddingInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is not finite.</exception>
    public Identity(double gain = 1.0) => Gain = NumberGuard.Require(gain, ParameterRanges.Gain.Value);

    /// <summary>The value on the diagonal (rounded to float).</summary>
    public double Gain { get; }

    /// <inheritdoc />
    /// <remarks>The seed is not used.</remarks>
    public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
    {
        InitializerGuard.ValidateTable(weights.Length, inputDim, outputDim);
        weights.Clear();
        int diagonal = Math.Min(inputDim, outputDim);
        for (int i = 0; i < diagonal; i++)
        {
            weights[(i * outputDim) + i] = (float)Gain;
        }
    }
}
