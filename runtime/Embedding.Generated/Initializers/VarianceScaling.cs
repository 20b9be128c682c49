using System;
using System.Globalization;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras 3's <c>VarianceScaling(scale, mode, distribution)</c>: weights whose variance is <c>scale / max(1, n)</c>,
/// where <c>n</c> is the fan <see cref="Mode"/> names. The Glorot, He and LeCun initializers are presets of it.
/// </summary>
/// <remarks>
/// <para>
/// With <c>s = scale / max(1, n)</c>: <see cref="VarianceDistribution.TruncatedNormal"/> draws a normal of standard
/// deviation <c>sqrt(s) / 0.87962566103423978</c> cut at two standard deviations (the constant is the deviation of
/// N(0, 1) cut to <c>[-2, 2]</c>, so the deviation after the cut is <c>sqrt(s)</c>);
/// <see cref="VarianceDistribution.UntruncatedNormal"/> draws a normal of deviation <c>sqrt(s)</c>;
/// <see cref="VarianceDistribution.Uniform"/> draws from <c>[-limit, limit)</c> with <c>limit = sqrt(3 s)</c>.
/// </para>
/// <para>
/// For an embedding table of shape <c>(InputDim, OutputDim)</c>, fan_in is <c>InputDim</c>, the vocabulary size, so
/// the fan_in modes (He, LeCun) shrink the weights as the vocabulary grows. TensorFlow.js's normal presets omit the
/// 0.8796 correction and so draw about 12 % narrower; this class follows Keras 3.
/// </para>
/// <para>
/// The draws are those of <see cref="RandomUniform"/>, <see cref="RandomNormal"/> and <see cref="TruncatedNormal"/>
/// with the parameters above: the same seed gives the same bits.
/// </para>
/// </remarks>
public class VarianceScaling : IEmbeddingInitializer
{
    // The standard deviation of N(0, 1) cut to [-2, 2], Keras's constant.
    private const double TruncatedStandardNormalStddev = 0.87962566103423978;

    /// <summary>Creates the initializer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="scale"/> is not a finite number greater than 0, or <paramref name="mode"/> or
    /// <paramref name="distribution"/> is not a defined value.
    /// </exception>
    public VarianceScaling(double scale = 1.0, FanMode mode = FanMode.FanIn, VarianceDistribution distribution = VarianceDistribution.TruncatedNormal)
    {
        NumberGuard.Require(scale, ParameterRanges.VarianceScaling.Scale);
        if (mode is not (FanMode.FanIn or FanMode.FanOut or FanMode.FanAvg))
        {
            throw new ArgumentOutOfRangeException(
                nameof(mode), mode, string.Create(CultureInfo.InvariantCulture, $"mode must be FanIn, FanOut or FanAvg, but is {(int)mode}."));
        }

        if (distribution is not (VarianceDistribution.TruncatedNormal or VarianceDistribution.UntruncatedNormal or VarianceDistribution.Uniform))
        {
            throw new ArgumentOutOfRangeException(
                nameof(distribution), distribution, string.Create(CultureInfo.InvariantCulture, $"distribution must be TruncatedNormal, UntruncatedNormal or Uniform, but is {(int)distribution}."));
        }

        Scale = scale;
        Mode = mode;
        Distribution = distribution;
    }

    /// <summary>The variance scale before division by the fan.</summary>
    public double Scale { get; }

    /// <summary>The fan the scale is divided by.</summary>
    public FanMode Mode { get; }

    /// <summary>The distribution the weights are drawn from.</summary>
    public VarianceDistribution Distribution { get; }

    /// <summary>The bound <c>sqrt(3 scale / max(1, n))</c> of the uniform draw for a table of these dimensions.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Distribution"/> is not <see cref="VarianceDistribution.Uniform"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> is not greater than 0, or <paramref name="outputDim"/> is negative.</exception>
    public double UniformLimit(int inputDim, int outputDim)
    {
        if (Distribution != VarianceDistribution.Uniform)
        {
            throw new InvalidOperationException(
                $"UniformLimit applies to the Uniform distribution only, but this initializer draws {Distribution}; use NormalStddev.");
        }

        InitializerGuard.ValidateDimensions(inputDim, outputDim);
        return Limit(ScaleOverFan(inputDim, outputDim));
    }

    /// <summary>
    /// The standard deviation of the normal draw for a table of these dimensions, <em>before</em> truncation:
    /// <c>sqrt(s) / 0.87962566103423978</c> for <see cref="VarianceDistribution.TruncatedNormal"/> and <c>sqrt(s)</c>
    /// for <see cref="VarianceDistribution.UntruncatedNormal"/>, with <c>s = scale / max(1, n)</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="Distribution"/> is <see cref="VarianceDistribution.Uniform"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> is not greater than 0, or <paramref name="outputDim"/> is negative.</exception>
    public double NormalStddev(int inputDim, int outputDim)
    {
        if (Distribution == VarianceDistribution.Uniform)
        {
            throw new InvalidOperationException(
                "NormalStddev applies to the TruncatedNormal and UntruncatedNormal distributions only, but this initializer draws Uniform; use UniformLimit.");
        }

        InitializerGuard.ValidateDimensions(inputDim, outputDim);
        return Stddev(ScaleOverFan(inputDim, outputDim));
    }

    /// <inheritdoc />
    public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
    {
        InitializerGuard.ValidateTable(weights.Length, inputDim, outputDim);
        double scaleOverFan = ScaleOverFan(inputDim, outputDim);
        if (Distribution == VarianceDistribution.Uniform)
        {
            double limit = Limit(scaleOverFan);
            RandomUniform.Fill(weights, -limit, limit, seed);
        }
        else if (Distribution == VarianceDistribution.TruncatedNormal)
        {
            TruncatedNormal.Fill(weights, 0, Stddev(scaleOverFan), seed);
        }
        else
        {
            RandomNormal.Fill(weights, 0, Stddev(scaleOverFan), seed);
        }
    }

    // Keras: scale /= max(1.0, fan), with fan_avg = (fan_in + fan_out) / 2.0; the same operations in the same order,
    // so the results are the same doubles.
    private double ScaleOverFan(int inputDim, int outputDim)
    {
        double fan = Mode switch
        {
            FanMode.FanIn => inputDim,
            FanMode.FanOut => outputDim,
            _ => ((double)inputDim + outputDim) / 2.0,
        };
        return Scale / Math.Max(1.0, fan);
    }

    private static double Limit(double scaleOverFan) => Math.Sqrt(3.0 * scaleOverFan);

    private double Stddev(double scaleOverFan) => Distribution == VarianceDistribution.TruncatedNormal
        ? Math.Sqrt(scaleOverFan) / TruncatedStandardNormalStddev
        : Math.Sqrt(scaleOverFan);
}
