using System;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras's <c>TruncatedNormal(mean, stddev)</c>: each weight drawn from <c>N(mean, stddev^2)</c>, and drawn again
/// whenever it falls more than two standard deviations from the mean.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Stddev"/> is the deviation <em>before</em> truncation, as in Keras. Cutting at two standard deviations
/// leaves <c>0.87962566103423978 * stddev</c>, the standard deviation of N(0, 1) restricted to <c>[-2, 2]</c>.
/// </para>
/// <para>
/// The standard normal is cut at <c>|z| &lt;= 2</c> in double, then <c>(float)(mean + stddev * z)</c> is rounded once,
/// so every weight lies in <c>[(float)(mean - 2 stddev), (float)(mean + 2 stddev)]</c>. Draws are deterministic
/// across machines, as for <see cref="RandomNormal"/>.
/// </para>
/// </remarks>
public sealed class TruncatedNormal : IEmbeddingInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not finite, or <paramref name="stddev"/> is negative or not finite.</exception>
    public TruncatedNormal(double mean = 0, double stddev = 0.05)
    {
        Mean = NumberGuard.Require(mean, ParameterRanges.Normal.Mean);
        Stddev = NumberGuard.Require(stddev, ParameterRanges.Normal.Stddev);
    }

    /// <summary>The mean of the distribution.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation of the normal distribution before truncation.</summary>
    public double Stddev { get; }

    /// <inheritdoc />
    public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
    {
        InitializerGuard.ValidateTable(weights.Length, inputDim, outputDim);
        Fill(weights, Mean, Stddev, seed);
    }

    /// <summary>
    /// Fills <paramref name="weights"/> row-major with <c>(float)(mean + stddev * z)</c>, <c>z</c> from N(0, 1) cut to
    /// <c>[-2, 2]</c>. The truncated-normal <see cref="VarianceScaling"/> initializers draw through here too.
    /// </summary>
    internal static void Fill(Span<float> weights, double mean, double stddev, int seed)
    {
        var normal = new GaussianStream(seed);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(mean + (stddev * normal.NextTruncatedStandardNormal()));
        }
    }
}
