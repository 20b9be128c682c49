using System;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras's <c>RandomUniform(minval, maxval)</c>: each weight drawn uniformly from <c>[minval, maxval)</c>.
/// <see cref="KerasDefault"/> (<c>-0.05</c> to <c>0.05</c>) is the default of every embedding layer.
/// </summary>
public sealed class RandomUniform : IEmbeddingInitializer
{
    /// <summary>The Keras <c>Embedding</c> default: <c>RandomUniform(-0.05, 0.05)</c>.</summary>
    public static RandomUniform KerasDefault { get; } = new(-0.05, 0.05);

    /// <summary>Creates the initializer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or <paramref name="minval"/> &gt; <paramref name="maxval"/>.</exception>
    public RandomUniform(double minval = -0.05, double maxval = 0.05)
    {
        Minval = NumberGuard.Require(minval, ParameterRanges.RandomUniform.Minval);
        Maxval = NumberGuard.Require(maxval, ParameterRanges.RandomUniform.Maxval);
        NumberGuard.RequireOrdered(minval, maxval, ParameterRanges.RandomUniform.Component.Order!);
    }

    /// <summary>The lower bound (inclusive).</summary>
    public double Minval { get; }

    /// <summary>The upper bound (exclusive before rounding to <see langword="float"/>).</summary>
    public double Maxval { get; }

    /// <inheritdoc />
    public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
    {
        InitializerGuard.ValidateTable(weights.Length, inputDim, outputDim);
        Fill(weights, Minval, Maxval, seed);
    }

    /// <summary>
    /// Fills <paramref name="weights"/> row-major from one stream: <c>(float)(minval + (maxval - minval) * u)</c>, with
    /// <c>u</c> in <c>[0, 1)</c>. The uniform <see cref="VarianceScaling"/> initializers draw through here too.
    /// </summary>
    internal static void Fill(Span<float> weights, double minval, double maxval, int seed)
    {
        var random = new SplitMix64(seed);
        double width = maxval - minval;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(minval + width * random.NextDouble());
        }
    }
}
