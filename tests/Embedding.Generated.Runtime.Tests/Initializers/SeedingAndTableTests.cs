using System;
using System.Linq;
using Embedding.Generated.Initializers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>What every initializer promises: reproducible seeds, empty tables, and checked tables that stay untouched on error.</summary>
public sealed class SeedingAndTableTests
{
    [Theory]
    [MemberData(nameof(InitializerCatalogue.All), MemberType = typeof(InitializerCatalogue))]
    public void The_same_seed_gives_identical_bits(string name)
    {
        foreach (int seed in new[] { 0, 1, -1, 12345, int.MaxValue, int.MinValue })
        {
            float[] first = InitializerSample.Table(InitializerCatalogue.Create(name), 37, 11, seed);
            float[] second = InitializerSample.Table(InitializerCatalogue.Create(name), 37, 11, seed);

            FloatAssert.BitwiseEqual(first, second);
        }
    }

    [Theory]
    [MemberData(nameof(InitializerCatalogue.Seeded), MemberType = typeof(InitializerCatalogue))]
    public void Different_seeds_give_different_weights(string name)
    {
        IEmbeddingInitializer initializer = InitializerCatalogue.Create(name);

        foreach ((int first, int second) in new[] { (1, 2), (0, -1), (int.MaxValue, int.MinValue) })
        {
            float[] a = InitializerSample.Table(initializer, 40, 25, first);
            float[] b = InitializerSample.Table(initializer, 40, 25, second);

            // Independent continuous draws coincide as floats about once in millions; a handful means shared streams.
            int equal = a.Zip(b).Count(pair => pair.First == pair.Second);
            Assert.True(equal <= 3, $"{equal} of {a.Length} weights are equal for seeds {first} and {second}.");
        }
    }

    [Theory]
    [MemberData(nameof(InitializerCatalogue.Unseeded), MemberType = typeof(InitializerCatalogue))]
    public void Fixed_value_initializers_ignore_the_seed(string name)
    {
        FloatAssert.BitwiseEqual(
            InitializerSample.Table(InitializerCatalogue.Create(name), 6, 4, seed: 1),
            InitializerSample.Table(InitializerCatalogue.Create(name), 6, 4, seed: -99));
    }

    [Theory]
    [MemberData(nameof(InitializerCatalogue.All), MemberType = typeof(InitializerCatalogue))]
    public void An_empty_table_with_OutputDim_0_is_initialized_without_error(string name)
    {
        InitializerCatalogue.Create(name).Initialize(Span<float>.Empty, inputDim: 1000, outputDim: 0, seed: 3);
        InitializerCatalogue.Create(name).Initialize(Span<float>.Empty, inputDim: 1, outputDim: 0, seed: 3);
    }

    [Fact]
    public void MatrixInitializer_with_no_values_initializes_an_empty_table()
    {
        new MatrixInitializer(ReadOnlyMemory<float>.Empty).Initialize(Span<float>.Empty, inputDim: 5, outputDim: 0, seed: 3);
    }

    [Theory]
    [MemberData(nameof(InitializerCatalogue.All), MemberType = typeof(InitializerCatalogue))]
    public void A_table_of_the_wrong_length_throws_naming_both_lengths_and_is_left_unchanged(string name)
    {
        float[] weights = Sentinel.Floats(13);

        var exception = Assert.Throws<ArgumentException>(() => InitializerCatalogue.Create(name).Initialize(weights, inputDim: 3, outputDim: 4, seed: 1));

        Assert.Equal("weights", exception.ParamName);
        MessageAssert.NamesNumbers(exception, 13, 12);
        FloatAssert.AllSentinel(weights);
    }

    [Theory]
    [MemberData(nameof(InitializerCatalogue.All), MemberType = typeof(InitializerCatalogue))]
    public void Invalid_dimensions_throw_naming_the_value_and_leave_the_table_unchanged(string name)
    {
        IEmbeddingInitializer initializer = InitializerCatalogue.Create(name);
        float[] weights = Sentinel.Floats(6);

        // inputDim 0 and a negative outputDim are rejected even where the product would match the buffer.
        var noRows = Assert.Throws<ArgumentOutOfRangeException>(() => initializer.Initialize(Span<float>.Empty, inputDim: 0, outputDim: 4, seed: 1));
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => initializer.Initialize(weights, inputDim: -2, outputDim: -3, seed: 1));

        Assert.Equal("inputDim", noRows.ParamName);
        Assert.Contains("greater than 0", noRows.Message, StringComparison.Ordinal);
        Assert.Equal("inputDim", negative.ParamName);
        MessageAssert.NamesNumbers(negative, -2);
        FloatAssert.AllSentinel(weights);
    }
}
