using System;
using Embedding.Generated.Initializers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary><see cref="Identity"/>, <see cref="Constant"/>, <see cref="Zeros"/>, <see cref="Ones"/> and <see cref="MatrixInitializer"/>: exact values.</summary>
public sealed class FixedValueInitializerTests
{
    [Theory]
    [InlineData(3, 3, 1.0)]
    [InlineData(5, 2, 1.0)]
    [InlineData(2, 5, 0.5)]
    [InlineData(4, 4, -3.0)]
    [InlineData(1, 1, 0.1)]
    public void Identity_puts_the_gain_on_the_main_diagonal_and_zero_elsewhere(int inputDim, int outputDim, double gain)
    {
        float[] weights = Sentinel.Floats(inputDim * outputDim);

        new Identity(gain).Initialize(weights, inputDim, outputDim, seed: 9);

        var expected = new float[inputDim * outputDim];
        for (int i = 0; i < Math.Min(inputDim, outputDim); i++)
        {
            expected[(i * outputDim) + i] = (float)gain;
        }

        FloatAssert.BitwiseEqual(expected, weights);
    }

    [Fact]
    public void Identity_and_Orthogonal_default_to_gain_1_and_Constant_to_0()
    {
        Assert.Equal(1.0, new Identity().Gain);
        Assert.Equal(1.0, new Orthogonal().Gain);
        Assert.Equal(0f, new Constant().Value);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-0.3f)]
    [InlineData(float.MaxValue)]
    [InlineData(float.Epsilon)]
    public void Constant_fills_every_weight_with_the_value(float value)
    {
        float[] weights = Sentinel.Floats(35);

        new Constant(value).Initialize(weights, 7, 5, seed: 1);

        FloatAssert.BitwiseEqual(Filled(35, value), weights);
    }

    [Fact]
    public void Zeros_writes_positive_zero_and_Ones_writes_one()
    {
        float[] zeros = Sentinel.Floats(12);
        float[] ones = Sentinel.Floats(12);

        new Zeros().Initialize(zeros, 3, 4, seed: 1);
        new Ones().Initialize(ones, 3, 4, seed: 1);

        FloatAssert.BitwiseEqual(new float[12], zeros);
        FloatAssert.BitwiseEqual(Filled(12, 1f), ones);
    }

    [Fact]
    public void MatrixInitializer_copies_the_values_bit_for_bit()
    {
        float[] values = [0.25f, -0f, float.NaN, float.Epsilon, -1e30f, 3f];
        float[] weights = Sentinel.Floats(6);

        new MatrixInitializer(values).Initialize(weights, 3, 2, seed: 1);

        FloatAssert.BitwiseEqual(values, weights);
    }

    [Fact]
    public void MatrixInitializer_reads_a_slice_of_a_larger_buffer()
    {
        float[] buffer = [9f, 1f, 2f, 3f, 4f, 9f];
        float[] weights = Sentinel.Floats(4);

        new MatrixInitializer(buffer.AsMemory(1, 4)).Initialize(weights, 2, 2, seed: 1);

        FloatAssert.BitwiseEqual([1f, 2f, 3f, 4f], weights);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    public void MatrixInitializer_with_the_wrong_number_of_values_throws_naming_both_and_writes_nothing(int valueCount)
    {
        float[] weights = Sentinel.Floats(6);
        var initializer = new MatrixInitializer(new float[valueCount]);

        var exception = Assert.Throws<ArgumentException>(() => initializer.Initialize(weights, 3, 2, seed: 1));

        MessageAssert.NamesNumbers(exception, valueCount, 6);
        FloatAssert.AllSentinel(weights);
    }

    private static float[] Filled(int count, float value)
    {
        var values = new float[count];
        values.AsSpan().Fill(value);
        return values;
    }
}
