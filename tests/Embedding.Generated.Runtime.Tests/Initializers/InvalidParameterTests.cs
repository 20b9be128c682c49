using System;
using System.Globalization;
using Embedding.Generated.Initializers;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>Invalid initializer parameters are refused at construction, with the parameter, the value and what was expected.</summary>
public sealed class InvalidParameterTests
{
    public static TheoryData<string, double> BadMeans => new() { { "RandomNormal", double.NaN }, { "RandomNormal", double.PositiveInfinity }, { "TruncatedNormal", double.NegativeInfinity } };

    public static TheoryData<string, double> BadStddevs => new()
    {
        { "RandomNormal", -0.05 }, { "RandomNormal", double.NaN }, { "RandomNormal", double.PositiveInfinity },
        { "TruncatedNormal", -1e-300 }, { "TruncatedNormal", double.NaN }, { "TruncatedNormal", double.PositiveInfinity },
    };

    [Theory]
    [MemberData(nameof(BadMeans))]
    public void A_mean_that_is_not_finite_is_refused(string initializer, double mean)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => initializer == "RandomNormal" ? new RandomNormal(mean: mean) : new TruncatedNormal(mean: mean));

        AssertNames(exception, "mean", mean, "finite");
    }

    [Theory]
    [MemberData(nameof(BadStddevs))]
    public void A_stddev_that_is_negative_or_not_finite_is_refused(string initializer, double stddev)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => initializer == "RandomNormal" ? new RandomNormal(stddev: stddev) : new TruncatedNormal(stddev: stddev));

        AssertNames(exception, "stddev", stddev, "0 or more");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_scale_that_is_not_a_positive_finite_number_is_refused(double scale)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new VarianceScaling(scale));

        AssertNames(exception, "scale", scale, "greater than 0");
    }

    [Fact]
    public void A_tiny_positive_scale_is_accepted()
    {
        Assert.Equal(double.Epsilon, new VarianceScaling(double.Epsilon).Scale);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void An_undefined_mode_is_refused(int mode)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new VarianceScaling(1, (FanMode)mode));

        AssertNames(exception, "mode", mode, "FanIn, FanOut or FanAvg");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void An_undefined_distribution_is_refused(int distribution)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new VarianceScaling(1, FanMode.FanIn, (VarianceDistribution)distribution));

        AssertNames(exception, "distribution", distribution, "TruncatedNormal, UntruncatedNormal or Uniform");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_gain_that_is_not_finite_is_refused(double gain)
    {
        AssertNames(Assert.Throws<ArgumentOutOfRangeException>(() => new Orthogonal(gain)), "gain", gain, "finite");
        AssertNames(Assert.Throws<ArgumentOutOfRangeException>(() => new Identity(gain)), "gain", gain, "finite");
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void A_constant_that_is_not_finite_is_refused(float value)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new Constant(value));

        AssertNames(exception, "value", value.ToString(CultureInfo.InvariantCulture), "finite");
    }

    private static void AssertNames(ArgumentOutOfRangeException exception, string paramName, double value, string expectation) =>
        AssertNames(exception, paramName, value.ToString(CultureInfo.InvariantCulture), expectation);

    private static void AssertNames(ArgumentOutOfRangeException exception, string paramName, string value, string expectation)
    {
        Assert.Equal(paramName, exception.ParamName);
        Assert.Contains($"is {value}", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expectation, exception.Message, StringComparison.Ordinal);
    }
}
