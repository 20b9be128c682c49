using System;
using System.Text.Json;
using Embedding.Generated.Conformance.Tests.Comparison;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Embedding.Generated.Initializers;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Conformance.Tests.Replays;

/// <summary>
/// <c>initializer_stats</c>: the runtime initializer's bound or standard deviation against the oracle's proven
/// <c>params</c>, exactly as doubles, then a sample as large as the oracle's (draw k of the <c>[input_dim, output_dim]</c>
/// table uses seed + k): every value inside the support, the mean within five standard errors and the standard
/// deviation within 0.5 % of those of the distribution actually drawn.
/// </summary>
/// <remarks>
/// The runtime follows Keras 3 where tfjs differs: tfjs's <c>glorotNormal</c>, <c>heNormal</c> and <c>lecunNormal</c>
/// draw a normal of deviation sqrt(scale / fan) cut at two deviations, so their deviation after the cut is 0.88 times
/// that; Keras 3 divides the deviation before the cut by <see cref="TruncatedStandardNormalStddev"/>, so that the
/// deviation after it is sqrt(scale / fan), which is the oracle's <c>params.stddev</c>.
/// </remarks>
internal static class InitializerStatsReplay
{
    /// <summary>The standard deviation of N(0, 1) restricted to [-2, 2].</summary>
    private const double TruncatedStandardNormalStddev = 0.87962566103423978;

    private const int DefaultSampleSize = 1 << 20;
    private const double MeanStandardErrors = 5;
    private const double StddevRelativeTolerance = 0.005;

    public static void Run(FixtureCase fixture)
    {
        string name = fixture.Input.String("initializer");
        int inputDim = fixture.Input.Int("input_dim");
        int outputDim = fixture.Input.Int("output_dim");
        JsonElement parameters = fixture.Expected.Field("params");
        JsonElement config = parameters.Field("config");

        // Each initializer with the parameters the oracle proved, and the support, mean and deviation of what it draws.
        (IEmbeddingInitializer initializer, Support support, double mean, double stddev) = name switch
        {
            "randomUniform" => Uniform(new RandomUniform(config.Double("minval"), config.Double("maxval")), parameters),
            "randomNormal" => Normal(new RandomNormal(config.Double("mean"), config.Double("stddev")), parameters),
            "truncatedNormal" => Truncated(new TruncatedNormal(config.Double("mean"), config.Double("stddev")), parameters),
            "glorotUniform" => ScaledUniform(new GlorotUniform(), inputDim, outputDim, parameters),
            "heUniform" => ScaledUniform(new HeUniform(), inputDim, outputDim, parameters),
            "lecunUniform" => ScaledUniform(new LecunUniform(), inputDim, outputDim, parameters),
            "glorotNormal" => ScaledNormal(new GlorotNormal(), inputDim, outputDim, parameters),
            "heNormal" => ScaledNormal(new HeNormal(), inputDim, outputDim, parameters),
            "lecunNormal" => ScaledNormal(new LecunNormal(), inputDim, outputDim, parameters),
            _ => throw new XunitException($"The harness knows no initializer '{name}'."),
        };

        Sample sample = Sample.Draw(initializer, inputDim, outputDim, fixture.Input.Int("seed"), fixture.Input.OptionalField("sample_size")?.GetInt32() ?? DefaultSampleSize);
        string drawn = $"{sample.Count} values of {initializer.GetType().Name} ({sample.Draws} draws of [{inputDim}, {outputDim}])";

        Assert.True(
            sample.Min >= support.Lower && sample.Max <= support.Upper,
            $"{drawn} leave the support [{support.Lower:R}, {support.Upper:R}]: min {sample.Min:R}, max {sample.Max:R}.");
        ConformanceAssert.CloseScalar($"mean of {drawn}", mean, sample.Mean, rtol: 0, atol: MeanStandardErrors * stddev / Math.Sqrt(sample.Count));
        ConformanceAssert.CloseScalar($"standard deviation of {drawn}", stddev, sample.Stddev, rtol: StddevRelativeTolerance, atol: 0);
    }

    private static (IEmbeddingInitializer, Support, double Mean, double Stddev) Uniform(RandomUniform initializer, JsonElement parameters)
    {
        RequireExact("minval", parameters.Double("minval"), initializer.Minval);
        RequireExact("maxval", parameters.Double("maxval"), initializer.Maxval);
        return (initializer, Support.Between(initializer.Minval, initializer.Maxval),
            (initializer.Minval + initializer.Maxval) / 2, (initializer.Maxval - initializer.Minval) / Math.Sqrt(12));
    }

    private static (IEmbeddingInitializer, Support, double Mean, double Stddev) Normal(RandomNormal initializer, JsonElement parameters)
    {
        RequireExact("mean", parameters.Double("mean"), initializer.Mean);
        RequireExact("stddev", parameters.Double("stddev"), initializer.Stddev);
        return (initializer, Support.Unbounded, initializer.Mean, initializer.Stddev);
    }

    private static (IEmbeddingInitializer, Support, double Mean, double Stddev) Truncated(TruncatedNormal initializer, JsonElement parameters)
    {
        RequireExact("mean", parameters.Double("mean"), initializer.Mean);
        RequireExact("stddev", parameters.Double("stddev"), initializer.Stddev);
        return (initializer, Support.TwoDeviations(initializer.Mean, initializer.Stddev),
            initializer.Mean, initializer.Stddev * TruncatedStandardNormalStddev);
    }

    private static (IEmbeddingInitializer, Support, double Mean, double Stddev) ScaledUniform(
        VarianceScaling initializer, int inputDim, int outputDim, JsonElement parameters)
    {
        double limit = initializer.UniformLimit(inputDim, outputDim);
        RequireExact("limit", parameters.Double("limit"), limit);
        return (initializer, Support.Between(-limit, limit), 0, limit / Math.Sqrt(3));
    }

    private static (IEmbeddingInitializer, Support, double Mean, double Stddev) ScaledNormal(
        VarianceScaling initializer, int inputDim, int outputDim, JsonElement parameters)
    {
        // Keras 3's deviation before the cut: tfjs's params.stddev corrected by the factor tfjs leaves out.
        double stddev = initializer.NormalStddev(inputDim, outputDim);
        RequireExact("stddev (Keras 3: params.stddev / 0.87962566103423978)", parameters.Double("stddev") / TruncatedStandardNormalStddev, stddev);
        return (initializer, Support.TwoDeviations(0, stddev), 0, stddev * TruncatedStandardNormalStddev);
    }

    private static void RequireExact(string parameter, double expected, double actual) =>
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"The initializer's {parameter} is {actual:R}; the oracle's parameters give {expected:R}.");

    /// <summary>The closed range every drawn float must lie in: the bounds rounded to float32, as the initializers round each value.</summary>
    private readonly record struct Support(float Lower, float Upper)
    {
        public static Support Unbounded => new(float.MinValue, float.MaxValue);

        public static Support Between(double lower, double upper) => new((float)lower, (float)upper);

        public static Support TwoDeviations(double mean, double stddev) => Between(mean - (2 * stddev), mean + (2 * stddev));
    }

    /// <summary>Streamed statistics of <c>count</c> values drawn table by table; no value is kept.</summary>
    private sealed class Sample
    {
        public int Count { get; private set; }

        public int Draws { get; private set; }

        public float Min { get; private set; } = float.PositiveInfinity;

        public float Max { get; private set; } = float.NegativeInfinity;

        public double Mean { get; private set; }

        public double Stddev { get; private set; }

        public static Sample Draw(IEmbeddingInitializer initializer, int inputDim, int outputDim, int seed, int count)
        {
            var sample = new Sample();
            float[] table = new float[inputDim * outputDim];
            double sum = 0;
            double squareSum = 0;
            while (sample.Count < count)
            {
                initializer.Initialize(table, inputDim, outputDim, seed + sample.Draws);
                sample.Draws++;
                int take = Math.Min(table.Length, count - sample.Count);
                foreach (float value in table.AsSpan(0, take))
                {
                    // Math.Min and Math.Max would carry a NaN on to the support check; failing here names the seed.
                    if (!float.IsFinite(value))
                    {
                        throw new XunitException($"{initializer.GetType().Name} drew {value} (seed {seed + sample.Draws - 1}).");
                    }

                    sample.Min = Math.Min(sample.Min, value);
                    sample.Max = Math.Max(sample.Max, value);
                    sum += value;
                    squareSum += (double)value * value;
                }

                sample.Count += take;
            }

            sample.Mean = sum / count;
            sample.Stddev = Math.Sqrt(Math.Max(0, (squareSum / count) - (sample.Mean * sample.Mean)));
            return sample;
        }
    }
}
