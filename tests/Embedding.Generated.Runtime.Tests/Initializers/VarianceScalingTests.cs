using System;
using System.Linq;
using Embedding.Generated.Initializers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>
/// <see cref="VarianceScaling"/> and its presets against Keras 3's documented formulas, with every limit and
/// deviation written out by hand: <c>s = scale / max(1, n)</c>; uniform limit <c>sqrt(3 s)</c>; truncated normal
/// <c>sqrt(s) / 0.87962566103423978</c> before the cut at 2 sigma; untruncated normal <c>sqrt(s)</c>.
/// </summary>
public sealed class VarianceScalingTests
{
    private const double TruncatedStandardNormalStddev = 0.87962566103423978;

    public static TheoryData<string, double, FanMode, VarianceDistribution> Presets { get; } = new()
    {
        { nameof(GlorotUniform), 1.0, FanMode.FanAvg, VarianceDistribution.Uniform },
        { nameof(GlorotNormal), 1.0, FanMode.FanAvg, VarianceDistribution.TruncatedNormal },
        { nameof(HeUniform), 2.0, FanMode.FanIn, VarianceDistribution.Uniform },
        { nameof(HeNormal), 2.0, FanMode.FanIn, VarianceDistribution.TruncatedNormal },
        { nameof(LecunUniform), 1.0, FanMode.FanIn, VarianceDistribution.Uniform },
        { nameof(LecunNormal), 1.0, FanMode.FanIn, VarianceDistribution.TruncatedNormal },
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Presets_have_the_keras3_scale_mode_and_distribution(string preset, double scale, FanMode mode, VarianceDistribution distribution)
    {
        var initializer = (VarianceScaling)InitializerCatalogue.Create(preset);

        Assert.Equal((scale, mode, distribution), (initializer.Scale, initializer.Mode, initializer.Distribution));
    }

    [Fact]
    public void Defaults_are_keras3_scale_1_fan_in_truncated_normal()
    {
        var scaling = new VarianceScaling();

        Assert.Equal((1.0, FanMode.FanIn, VarianceDistribution.TruncatedNormal), (scaling.Scale, scaling.Mode, scaling.Distribution));
    }

    [Fact]
    public void Uniform_limits_for_the_seed_layer_1000_by_64_are_the_documented_formulas()
    {
        AssertClose(Math.Sqrt(6.0 / 1064), new GlorotUniform().UniformLimit(1000, 64));   // sqrt(6 / (fan_in + fan_out))
        AssertClose(Math.Sqrt(6.0 / 1000), new HeUniform().UniformLimit(1000, 64));       // sqrt(6 / fan_in)
        AssertClose(Math.Sqrt(3.0 / 1000), new LecunUniform().UniformLimit(1000, 64));    // sqrt(3 / fan_in)
        AssertClose(Math.Sqrt(6.0 / 103), new GlorotUniform().UniformLimit(3, 100));
        AssertClose(Math.Sqrt(3 * 0.5 / 64), new VarianceScaling(0.5, FanMode.FanOut, VarianceDistribution.Uniform).UniformLimit(1000, 64));
    }

    [Fact]
    public void Normal_deviations_before_truncation_are_the_documented_formulas_with_the_keras3_correction()
    {
        AssertClose(Math.Sqrt(2.0 / 1064) / TruncatedStandardNormalStddev, new GlorotNormal().NormalStddev(1000, 64));
        AssertClose(Math.Sqrt(2.0 / 1000) / TruncatedStandardNormalStddev, new HeNormal().NormalStddev(1000, 64));
        AssertClose(Math.Sqrt(1.0 / 1000) / TruncatedStandardNormalStddev, new LecunNormal().NormalStddev(1000, 64));
        AssertClose(Math.Sqrt(3.0 / 64) / TruncatedStandardNormalStddev, new VarianceScaling(3, FanMode.FanOut).NormalStddev(1000, 64));
        AssertClose(Math.Sqrt(1.0 / 64), new VarianceScaling(1, FanMode.FanOut, VarianceDistribution.UntruncatedNormal).NormalStddev(1000, 64));
    }

    [Theory]
    [InlineData(FanMode.FanOut, 7, 0)]     // n = 0
    [InlineData(FanMode.FanAvg, 1, 0)]     // n = 0.5
    [InlineData(FanMode.FanIn, 1, 300)]    // n = 1
    public void A_fan_below_one_counts_as_one(FanMode mode, int inputDim, int outputDim)
    {
        AssertClose(Math.Sqrt(3 * 2.0), new VarianceScaling(2.0, mode, VarianceDistribution.Uniform).UniformLimit(inputDim, outputDim));
        AssertClose(Math.Sqrt(2.0), new VarianceScaling(2.0, mode, VarianceDistribution.UntruncatedNormal).NormalStddev(inputDim, outputDim));
    }

    [Fact]
    public void Fan_avg_of_an_odd_sum_is_not_rounded_to_an_integer()
    {
        // (1000 + 63) / 2 = 531.5, not 531.
        AssertClose(Math.Sqrt(3.0 / 531.5), new GlorotUniform().UniformLimit(1000, 63));
    }

    [Fact]
    public void UniformLimit_of_a_normal_distribution_and_NormalStddev_of_a_uniform_one_throw()
    {
        var limit = Assert.Throws<InvalidOperationException>(() => new GlorotNormal().UniformLimit(10, 4));
        var stddev = Assert.Throws<InvalidOperationException>(() => new GlorotUniform().NormalStddev(10, 4));
        Assert.Throws<InvalidOperationException>(() => new VarianceScaling(1, FanMode.FanIn, VarianceDistribution.UntruncatedNormal).UniformLimit(10, 4));

        Assert.Contains("TruncatedNormal", limit.Message, StringComparison.Ordinal);
        Assert.Contains("Uniform", stddev.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 4, "inputDim")]
    [InlineData(-3, 4, "inputDim")]
    [InlineData(10, -1, "outputDim")]
    public void UniformLimit_and_NormalStddev_with_invalid_dimensions_throw_naming_the_value(int inputDim, int outputDim, string paramName)
    {
        var limit = Assert.Throws<ArgumentOutOfRangeException>(() => new HeUniform().UniformLimit(inputDim, outputDim));
        var stddev = Assert.Throws<ArgumentOutOfRangeException>(() => new HeNormal().NormalStddev(inputDim, outputDim));

        Assert.Equal(paramName, limit.ParamName);
        Assert.Equal(paramName, stddev.ParamName);
        MessageAssert.NamesNumbers(limit, paramName == "inputDim" ? inputDim : outputDim);
    }

    [Fact]
    public void Uniform_draws_are_RandomUniform_on_minus_to_plus_the_limit()
    {
        var glorot = new GlorotUniform();
        double limit = glorot.UniformLimit(50, 20);

        FloatAssert.BitwiseEqual(
            InitializerSample.Table(new RandomUniform(-limit, limit), 50, 20, seed: 77),
            InitializerSample.Table(glorot, 50, 20, seed: 77));
    }

    [Fact]
    public void Truncated_normal_draws_are_TruncatedNormal_with_NormalStddev()
    {
        var he = new HeNormal();

        FloatAssert.BitwiseEqual(
            InitializerSample.Table(new TruncatedNormal(0, he.NormalStddev(50, 20)), 50, 20, seed: 78),
            InitializerSample.Table(he, 50, 20, seed: 78));
    }

    [Fact]
    public void Untruncated_normal_draws_are_RandomNormal_with_NormalStddev()
    {
        var scaling = new VarianceScaling(1.5, FanMode.FanAvg, VarianceDistribution.UntruncatedNormal);

        FloatAssert.BitwiseEqual(
            InitializerSample.Table(new RandomNormal(0, scaling.NormalStddev(50, 20)), 50, 20, seed: 79),
            InitializerSample.Table(scaling, 50, 20, seed: 79));
    }

    [Fact]
    public void GlorotUniform_sample_is_uniform_on_the_limit_with_deviation_sqrt_2_over_fan_sum()
    {
        double limit = Math.Sqrt(6.0 / 1064);
        float[] sample = InitializerSample.Draw(new GlorotUniform(), 1000, 64, seed: 41);

        InitializerSample.AssertWithin(sample, (float)-limit, (float)limit);
        InitializerSample.AssertMoments(sample, 0, limit / Math.Sqrt(3));   // = sqrt(2 / 1064)
        InitializerSample.AssertFraction(InitializerSample.FractionWithin(sample, 0, limit / 2), 0.5, sample.Length, "fraction within half the limit");
    }

    [Fact]
    public void HeNormal_sample_has_deviation_sqrt_2_over_fan_in_after_truncation_and_nothing_beyond_two_sigma()
    {
        double sigma = Math.Sqrt(2.0 / 1000) / TruncatedStandardNormalStddev;
        float[] sample = InitializerSample.Draw(new HeNormal(), 1000, 64, seed: 42);

        InitializerSample.AssertWithin(sample, (float)(-2 * sigma), (float)(2 * sigma));
        Assert.Equal(0, sample.Count(value => Math.Abs(value) > 2 * sigma));
        InitializerSample.AssertMoments(sample, 0, Math.Sqrt(2.0 / 1000));
    }

    [Fact]
    public void LecunNormal_sample_has_deviation_sqrt_1_over_fan_in_after_truncation()
    {
        float[] sample = InitializerSample.Draw(new LecunNormal(), 300, 17, seed: 43);

        InitializerSample.AssertMoments(sample, 0, Math.Sqrt(1.0 / 300));
    }

    [Fact]
    public void Untruncated_normal_sample_has_deviation_sqrt_s_and_reaches_beyond_two_sigma()
    {
        double sigma = Math.Sqrt(2.0 / 64);
        float[] sample = InitializerSample.Draw(new VarianceScaling(2.0, FanMode.FanOut, VarianceDistribution.UntruncatedNormal), 1000, 64, seed: 44);

        InitializerSample.AssertMoments(sample, 0, sigma);
        InitializerSample.AssertFraction(1 - InitializerSample.FractionWithin(sample, 0, 2 * sigma), 1 - 0.9544997361036416, sample.Length, "fraction beyond 2 sigma");
    }

    // Keras computes sqrt(3 * (scale / n)); the hand formula may group the same numbers differently and round
    // differently, by an ulp or so: allow two.
    private static void AssertClose(double expected, double actual)
    {
        double ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
        Assert.True(Math.Abs(expected - actual) <= 2 * ulp, $"expected {expected:R}, actual {actual:R}");
    }
}
