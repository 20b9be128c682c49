using System;
using System.Linq;
using Embedding.Generated.Initializers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Concrete;

/// <summary>
/// The generated members called on the concrete type, as user code calls them (the fast path, no interface dispatch):
/// the seed's <c>Embedding(1000, 64, input_length=10)</c>, and a MaskZero layer for the mask members.
/// </summary>
public sealed class ConcreteLayerTests
{
    [Fact]
    public void Constants_restate_the_attribute()
    {
        Assert.Equal(1000, WordLayer.InputDim);
        Assert.Equal(64, WordLayer.OutputDim);
        Assert.Equal(10, WordLayer.InputLength);
        Assert.False(WordLayer.MaskZero);
        Assert.Equal(64_000, WordLayer.WeightCount);
        Assert.True(Dim8Layer.MaskZero);
        Assert.Equal(0, Dim0Layer.WeightCount);
        Assert.Equal(1_000_000, LargeLayer.WeightCount);
    }

    [Fact]
    public void The_seed_example_maps_a_32_by_10_batch_to_32_by_10_by_64()
    {
        var layer = new WordLayer(seed: 42);
        var random = new Random(1001);
        var ids = new int[32, WordLayer.InputLength];
        RandomInputs.Ids(random, WordLayer.InputDim, ids.Length).CopyTo(FlatSpan.Of(ids));

        float[,,] output = layer.Forward(ids);

        Assert.Equal((32, 10, 64), (output.GetLength(0), output.GetLength(1), output.GetLength(2)));
        float[] table = layer.Weights.ToArray();
        for (int b = 0; b < 32; b++)
        {
            for (int t = 0; t < WordLayer.InputLength; t++)
            {
                for (int j = 0; j < WordLayer.OutputDim; j++)
                {
                    Assert.Equal(table[(ids[b, t] * WordLayer.OutputDim) + j], output[b, t, j]);
                }
            }
        }
    }

    [Fact]
    public void Forward_and_both_backward_passes_on_the_concrete_type_equal_the_reference()
    {
        var random = new Random(1002);
        var layer = new WordLayer(RandomInputs.SpreadFloats(random, WordLayer.WeightCount));
        int[] ids = RandomInputs.Ids(random, WordLayer.InputDim, 8 * WordLayer.InputLength);
        float[] outputGradient = RandomInputs.SpreadFloats(random, ids.Length * WordLayer.OutputDim);

        float[] output = new float[ids.Length * WordLayer.OutputDim];
        layer.Forward(ids, output);
        float[] dense = new float[WordLayer.WeightCount];
        layer.Backward(ids, outputGradient, dense.AsSpan());
        SparseRowGradient sparse = layer.CreateSparseGradient();
        layer.Backward(ids, outputGradient, sparse);

        FloatAssert.BitwiseEqual(ScalarReference.Forward(layer.Weights.ToArray(), WordLayer.OutputDim, ids), output);
        float[] expectedDense = new float[WordLayer.WeightCount];
        ScalarReference.DenseBackward(ids, outputGradient, WordLayer.OutputDim, expectedDense);
        FloatAssert.BitwiseEqual(expectedDense, dense);
        (int[] expectedRows, float[] expectedValues) = ScalarReference.SparseBackward(ids, outputGradient, WordLayer.OutputDim);
        Assert.Equal(expectedRows, sparse.Rows.ToArray());
        FloatAssert.BitwiseEqual(expectedValues, sparse.Values);
    }

    [Fact]
    public void ComputeMask_and_Forward_with_mask_on_the_concrete_type_equal_the_reference()
    {
        var random = new Random(1003);
        var layer = new Dim8Layer(RandomInputs.SpreadFloats(random, Dim8Layer.WeightCount));
        int[] ids = RandomInputs.Ids(random, Dim8Layer.InputDim, 4 * Dim8Layer.InputLength);
        ids[1] = 0;

        bool[] mask = new bool[ids.Length];
        layer.ComputeMask(ids, mask);
        float[] output = new float[ids.Length * Dim8Layer.OutputDim];
        bool[] maskFromForward = new bool[ids.Length];
        layer.Forward(ids, output, maskFromForward);

        Assert.Equal(ScalarReference.Mask(ids), mask);
        Assert.Equal(ScalarReference.Mask(ids), maskFromForward);
        FloatAssert.BitwiseEqual(ScalarReference.Forward(layer.Weights.ToArray(), Dim8Layer.OutputDim, ids), output);
    }

    [Fact]
    public void GetRow_on_the_concrete_type_returns_the_row()
    {
        var layer = new WordLayer(seed: 1004);

        Span<float> row = layer.GetRow(WordLayer.InputDim - 1);

        FloatAssert.BitwiseEqual(layer.Weights[^WordLayer.OutputDim..], row);
    }

    [Fact]
    public void Initializer_constructor_hands_the_whole_table_and_the_seed_to_the_initializer()
    {
        var initializer = new RecordingInitializer();

        var layer = new WordLayer(initializer, seed: -123);

        Assert.Equal(1, initializer.Calls);
        Assert.Equal((WordLayer.WeightCount, WordLayer.InputDim, WordLayer.OutputDim, -123), initializer.LastCall);
        Assert.True(layer.Weights.ToArray().All(weight => weight == RecordingInitializer.Fill));
    }

    [Fact]
    public void Initializer_constructor_with_null_throws_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new WordLayer(null!, seed: 1));
    }

    private sealed class RecordingInitializer : IEmbeddingInitializer
    {
        public const float Fill = 0.5f;

        public int Calls { get; private set; }

        public (int Length, int InputDim, int OutputDim, int Seed) LastCall { get; private set; }

        public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
        {
            Calls++;
            LastCall = (weights.Length, inputDim, outputDim, seed);
            weights.Fill(Fill);
        }
    }
}
