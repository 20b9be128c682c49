using System;
using System.Linq;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Initialization;

/// <summary>Keras's default <c>RandomUniform(-0.05, 0.05)</c>, seeded: reproducible, in range, and uniform.</summary>
public sealed class DefaultInitializationTests
{
    private const double Minval = -0.05;
    private const double Maxval = 0.05;

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void The_same_seed_gives_identical_weights(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);

        IEmbeddingLayer first = layerCase.CreateWithSeed(1101);
        IEmbeddingLayer second = layerCase.CreateWithSeed(1101);

        FloatAssert.BitwiseEqual(first.Weights, second.Weights);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithWeights), MemberType = typeof(LayerCatalogue))]
    public void Different_seeds_give_different_weights(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);

        float[] first = layerCase.CreateWithSeed(1102).Weights.ToArray();
        float[] second = layerCase.CreateWithSeed(1103).Weights.ToArray();

        // Two independent uniform draws of float coincide about once in 2^23; more than a few equal weights means shared streams.
        int equal = first.Zip(second).Count(pair => pair.First == pair.Second);
        Assert.True(equal <= 2, $"{equal} of {first.Length} weights are equal for seeds 1102 and 1103.");
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithWeights), MemberType = typeof(LayerCatalogue))]
    public void Default_weights_lie_in_the_keras_range(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);

        foreach (int seed in new[] { 0, 1, -1, int.MaxValue, int.MinValue })
        {
            float[] weights = layerCase.CreateWithSeed(seed).Weights.ToArray();

            Assert.All(weights, weight => Assert.InRange(weight, (float)Minval, (float)Maxval));
        }
    }

    [Fact]
    public void The_constructor_without_a_seed_draws_weights_in_range_that_differ_between_instances()
    {
        float[] first = new WordLayer().Weights.ToArray();
        float[] second = new WordLayer().Weights.ToArray();

        Assert.All(first, weight => Assert.InRange(weight, (float)Minval, (float)Maxval));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_million_default_weights_have_the_mean_and_deviation_of_uniform_minus_to_plus_0_05()
    {
        float[] weights = new LargeLayer(seed: 1104).Weights.ToArray();

        double mean = weights.Average(weight => (double)weight);
        double variance = weights.Sum(weight => (weight - mean) * (weight - mean)) / (weights.Length - 1);
        double deviation = Math.Sqrt(variance);

        // U(a, b) has mean (a + b) / 2 = 0 and deviation (b - a) / sqrt(12) = 0.1 / sqrt(12).
        double expectedDeviation = (Maxval - Minval) / Math.Sqrt(12);
        double standardError = expectedDeviation / Math.Sqrt(weights.Length);
        Assert.True(Math.Abs(mean) <= 5 * standardError, $"mean {mean:R} is more than 5 standard errors ({standardError:R}) from 0.");
        Assert.True(
            Math.Abs(deviation - expectedDeviation) <= 0.01 * expectedDeviation,
            $"deviation {deviation:R} is more than 1% from {expectedDeviation:R}.");
        Assert.Equal(Minval, weights.Min(), 3);
        Assert.Equal(Maxval, weights.Max(), 3);
    }
}
