using System;
using System.Globalization;
using Embedding.Generated.Initializers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Initialization;

/// <summary>The bounds and table checks of <see cref="RandomUniform"/>.</summary>
public sealed class RandomUniformTests
{
    [Theory]
    [InlineData(double.NaN, 0.05, "minval", double.NaN)]
    [InlineData(double.NegativeInfinity, 0.05, "minval", double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity, 0.05, "minval", double.PositiveInfinity)]
    [InlineData(-0.05, double.NaN, "maxval", double.NaN)]
    [InlineData(-0.05, double.PositiveInfinity, "maxval", double.PositiveInfinity)]
    [InlineData(-0.05, double.NegativeInfinity, "maxval", double.NegativeInfinity)]
    [InlineData(3.0, 2.0, "minval", 3.0)]
    public void RandomUniform_with_invalid_bounds_throws_naming_the_value(double minval, double maxval, string paramName, double named)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomUniform(minval, maxval));

        Assert.Equal(paramName, exception.ParamName);
        Assert.Contains(named.ToString(CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomUniform_with_minval_above_maxval_names_both_bounds()
    {
        // The analyzer rejects these constant bounds at build time (EMB008); the run-time check is what is tested here.
#pragma warning disable EMB008
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomUniform(3, 2));
#pragma warning restore EMB008

        MessageAssert.NamesNumbers(exception, 3, 2);
    }

    [Fact]
    public void RandomUniform_with_equal_bounds_fills_the_table_with_that_value()
    {
        float[] weights = new float[12];

        new RandomUniform(0.25, 0.25).Initialize(weights, inputDim: 3, outputDim: 4, seed: 5);

        Assert.All(weights, weight => Assert.Equal(0.25f, weight));
    }

    [Fact]
    public void RandomUniform_draws_within_custom_bounds()
    {
        float[] weights = new float[10_000];

        new RandomUniform(2, 3).Initialize(weights, inputDim: 100, outputDim: 100, seed: 6);

        Assert.All(weights, weight => Assert.InRange(weight, 2f, 3f));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(13)]
    public void Initialize_with_a_table_of_the_wrong_length_throws_naming_both_lengths(int length)
    {
        float[] weights = Sentinel.Floats(length);

        var exception = Assert.Throws<ArgumentException>(() => RandomUniform.KerasDefault.Initialize(weights, inputDim: 3, outputDim: 4, seed: 1));

        Assert.Equal("weights", exception.ParamName);
        MessageAssert.NamesNumbers(exception, length, 12);
        FloatAssert.AllSentinel(weights);
    }
}
