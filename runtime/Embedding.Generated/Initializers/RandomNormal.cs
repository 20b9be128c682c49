using System;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras's <c>RandomNormal(mean, stddev)</c>: each weight drawn from <c>N(mean, stddev^2)</c>, without truncation.
/// </summary>
/// <remarks>
/// Draws are standard normals from Marsaglia's polar method on a SplitMix64 stream, computed with IEEE-exact operations
/// only, so a seed gives the same weights on every machine; each weight is <c>(float)(mean + stddev * z)</c>, rounded once.
/// </remarks>
public sealed class RandomNormal : IEmbeddingInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not finite, or <paramref name="stddev"/> is negative or not finite.</exception>
    public RandomNormal(double mean = 0, double stddev = 0.05)
    {
        Mean = NumberGuard.Require(mean, ParameterRanges.Normal.Mean);
        Stddev = NumberGuard.Require(stddev, ParameterRanges.Normal.Stddev);
    }

    /// <summary>The mean of the distribution.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation of the distribution.</summary>
    public double Stddev { get; }

    /// <inheritdoc />
    public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
    {
        InitializerGuard.ValidateTable(weights.Length, inputDim, outputDim);
        Fill(weights, Mean, Stddev, seed);
    }

    /// <summary>Fills <paramref name="weights"/> row-major with <c>(float)(mean + stddev * z)</c>, <c>z</c> from N(0, 1).</summary>
    internal static void Fill(Span<float> weights, double mean, double stddev, int seed)
    {
        var normal = new GaussianStream(seed);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(mean + (stddev * normal.NextStandardNormal()));
        }
    }
}
