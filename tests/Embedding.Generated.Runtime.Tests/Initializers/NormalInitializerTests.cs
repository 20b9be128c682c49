using System;
using System.Linq;
using Embedding.Generated.Initializers;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary><see cref="RandomNormal"/> and <see cref="TruncatedNormal"/>: Keras's defaults, the stream, and the distributions.</summary>
public sealed class NormalInitializerTests
{
    // The standard deviation of N(0, 1) cut to [-2, 2] (Keras's constant; derived in Truncation_constant_... below).
    private const double TruncatedStandardNormalStddev = 0.87962566103423978;

    // P(|Z| <= 1) = erf(1/sqrt(2)) and P(|Z| <= 2) = erf(sqrt(2)) for Z ~ N(0, 1), from standard tables.
    private const double WithinOneSigma = 0.6826894921370859;
    private const double WithinTwoSigma = 0.9544997361036416;

    [Fact]
    public void Defaults_are_keras_mean_0_and_stddev_0_05()
    {
        Assert.Equal((0.0, 0.05), (new RandomNormal().Mean, new RandomNormal().Stddev));
        Assert.Equal((0.0, 0.05), (new TruncatedNormal().Mean, new TruncatedNormal().Stddev));
    }

    [Fact]
    public void RandomNormal_with_seed_42_gives_the_C_reference_floats()
    {
        // From normal_reference.c (splitmix64 + polar method with the C library's log, gcc -O0 -ffp-contract=off):
        // pinned, so a platform whose draws differ in any bit fails here.
        uint[] standard = [0x3efc6407, 0xbf31aa5b, 0xbfa3fa58, 0xbf66cc74, 0xbf1a14ad, 0x3f247f50, 0xbfc56c13, 0x3f922174, 0xbfb9cb18, 0xbd0d3f77, 0x3ff80032, 0x40394080];
        uint[] kerasDefaultSeedMinus7 = [0xbe056855, 0xbd12c825, 0x3c693a35, 0x3d882fe1, 0x3a720259, 0xbc136502];

        Assert.Equal(standard, Bits(InitializerSample.Table(new RandomNormal(0, 1), 3, 4, seed: 42)));
        Assert.Equal(kerasDefaultSeedMinus7, Bits(InitializerSample.Table(new RandomNormal(), 6, 1, seed: -7)));
    }

    [Fact]
    public void TruncatedNormal_with_seed_42_gives_the_C_reference_floats_skipping_the_draw_beyond_two_sigma()
    {
        // The same stream as RandomNormal's, but its 12th draw (2.894, 0x40394080) is beyond 2 and is drawn again.
        uint[] standard = [0x3efc6407, 0xbf31aa5b, 0xbfa3fa58, 0xbf66cc74, 0xbf1a14ad, 0x3f247f50, 0xbfc56c13, 0x3f922174, 0xbfb9cb18, 0xbd0d3f77, 0x3ff80032, 0x3f1b066a];
        uint[] shiftedSeed2024 = [0x3f03180e, 0x3eebb2dc, 0x3ef70235, 0x3eeeddee, 0x3f10049a, 0x3f028a40];

        Assert.Equal(standard, Bits(InitializerSample.Table(new TruncatedNormal(0, 1), 2, 6, seed: 42)));
        Assert.Equal(shiftedSeed2024, Bits(InitializerSample.Table(new TruncatedNormal(0.5, 0.05), 1, 6, seed: 2024)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-123456)]
    [InlineData(int.MaxValue)]
    public void Long_streams_match_the_reference_written_from_the_published_algorithms(int seed)
    {
        const int count = 50_000;
        float[] normal = InitializerSample.Table(new RandomNormal(0.25, 1.5), count, 1, seed);
        float[] truncated = InitializerSample.Table(new TruncatedNormal(-0.5, 0.75), count, 1, seed);
        var reference = new NormalStreamReference(seed);
        var truncatedReference = new NormalStreamReference(seed);

        for (int i = 0; i < count; i++)
        {
            // Math.Log and the runtime's log may differ by one ulp in double, which after rounding to float can move
            // a value by one float ulp at most (and essentially never does).
            AssertWithinOneFloatUlp((float)(0.25 + (1.5 * reference.Next())), normal[i], i);
            AssertWithinOneFloatUlp((float)(-0.5 + (0.75 * truncatedReference.NextTruncated())), truncated[i], i);
        }
    }

    [Fact]
    public void RandomNormal_sample_has_the_mean_deviation_and_shape_of_the_normal()
    {
        const double mean = 0.3;
        const double stddev = 2.0;
        float[] sample = InitializerSample.Draw(new RandomNormal(mean, stddev), 1024, 64, seed: 31);

        InitializerSample.AssertMoments(sample, mean, stddev);
        InitializerSample.AssertFraction(InitializerSample.FractionWithin(sample, mean, stddev), WithinOneSigma, sample.Length, "fraction within 1 sigma");
        InitializerSample.AssertFraction(InitializerSample.FractionWithin(sample, mean, 2 * stddev), WithinTwoSigma, sample.Length, "fraction within 2 sigma");
        Assert.True(sample.Max() > mean + (4 * stddev) && sample.Min() < mean - (4 * stddev), "a million normal draws reach beyond 4 sigma on both sides");
    }

    [Fact]
    public void TruncatedNormal_sample_lies_within_two_sigma_and_has_the_truncated_mean_deviation_and_shape()
    {
        const double mean = -1.0;
        const double stddev = 0.5;
        float[] sample = InitializerSample.Draw(new TruncatedNormal(mean, stddev), 1000, 64, seed: 32);

        InitializerSample.AssertWithin(sample, (float)(mean - (2 * stddev)), (float)(mean + (2 * stddev)));
        Assert.Equal(0, sample.Count(value => Math.Abs(value - mean) > 2 * stddev));
        InitializerSample.AssertMoments(sample, mean, stddev * TruncatedStandardNormalStddev);
        InitializerSample.AssertFraction(
            InitializerSample.FractionWithin(sample, mean, stddev), WithinOneSigma / WithinTwoSigma, sample.Length, "fraction within 1 sigma, given within 2");
        Assert.True(sample.Max() > mean + (1.99 * stddev) && sample.Min() < mean - (1.99 * stddev), "the draws reach the cut on both sides");
    }

    [Fact]
    public void Truncation_constant_is_the_deviation_of_a_standard_normal_cut_at_two()
    {
        // Var = integral of x^2 phi(x) over [-2, 2] / integral of phi(x) over [-2, 2], by Simpson's rule on 20,000 panels.
        const int panels = 20_000;
        double h = 4.0 / panels;
        double mass = 0;
        double second = 0;
        for (int i = 0; i <= panels; i++)
        {
            double x = -2.0 + (i * h);
            double weight = i == 0 || i == panels ? 1 : (i % 2 == 1 ? 4 : 2);
            double density = Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);
            mass += weight * density;
            second += weight * x * x * density;
        }

        Assert.Equal(WithinTwoSigma, mass * h / 3, 12);
        Assert.Equal(TruncatedStandardNormalStddev, Math.Sqrt(second / mass), 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.3)]
    [InlineData(1e6)]
    public void Stddev_zero_gives_the_mean_everywhere(double mean)
    {
        Assert.All(InitializerSample.Table(new RandomNormal(mean, 0), 7, 9, seed: 3), value => Assert.Equal((float)mean, value));
        Assert.All(InitializerSample.Table(new TruncatedNormal(mean, 0), 7, 9, seed: 3), value => Assert.Equal((float)mean, value));
    }

    private static void AssertWithinOneFloatUlp(float expected, float actual, int index)
    {
        int distance = Math.Abs(BitConverter.SingleToInt32Bits(expected) - BitConverter.SingleToInt32Bits(actual));
        Assert.True(
            Math.Sign(expected) == Math.Sign(actual) && distance <= 1,
            $"Draw {index}: expected {expected:R}, actual {actual:R}.");
    }

    private static uint[] Bits(float[] values) => values.Select(BitConverter.SingleToUInt32Bits).ToArray();
}
