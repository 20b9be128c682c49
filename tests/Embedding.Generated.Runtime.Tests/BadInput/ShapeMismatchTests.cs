using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.BadInput;

/// <summary>Tables, sparse gradients and 2-D arrays of the wrong shape: <see cref="ArgumentException"/> naming both shapes; nothing written.</summary>
public sealed class ShapeMismatchTests
{
    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Weights_constructor_with_the_wrong_number_of_weights_throws(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);

        foreach (int wrongLength in new[] { layerCase.WeightCount + 1, layerCase.WeightCount - 1 })
        {
            if (wrongLength < 0)
            {
                continue;
            }

            var exception = Assert.Throws<ArgumentException>(() => layerCase.CreateFromWeights(new float[wrongLength]));

            Assert.Equal("weights", exception.ParamName);
            MessageAssert.NamesNumbers(exception, wrongLength, layerCase.WeightCount);
        }
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Sparse_backward_into_a_gradient_of_another_table_shape_throws_and_writes_nothing(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(811);
        int[] ids = RandomInputs.Ids(new Random(811), layerCase.InputDim, layerCase.PositionsFor(sequences: 2));
        float[] outputGradient = new float[ids.Length * layerCase.OutputDim];

        foreach ((int inputDim, int outputDim) in new[] { (layerCase.InputDim + 1, layerCase.OutputDim), (layerCase.InputDim, layerCase.OutputDim + 1) })
        {
            var other = new SparseRowGradient(inputDim, outputDim);

            var exception = Assert.Throws<ArgumentException>(() => layer.Backward(ids, outputGradient, other));

            Assert.Equal("weightGradient", exception.ParamName);
            Assert.Contains($"{inputDim} x {outputDim}", exception.Message, StringComparison.Ordinal);
            Assert.Contains($"{layerCase.InputDim} x {layerCase.OutputDim}", exception.Message, StringComparison.Ordinal);
            Assert.Equal(0, other.Count);
        }
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Sparse_backward_into_null_throws_ArgumentNullException(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(812);

        var exception = Assert.Throws<ArgumentNullException>(() => layer.Backward(ReadOnlySpan<int>.Empty, ReadOnlySpan<float>.Empty, (SparseRowGradient)null!));

        Assert.Equal("weightGradient", exception.ParamName);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithInputLength), MemberType = typeof(LayerCatalogue))]
    public void Forward_of_a_2D_array_whose_sequences_are_not_InputLength_long_throws_and_writes_nothing(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(813);
        int inputLength = layerCase.InputLength!.Value;
        var ids = new int[2, inputLength + 1];
        float[,,] output = Sentinel.Floats(2, inputLength + 1, layerCase.OutputDim);

        var intoArray = Assert.Throws<ArgumentException>(() => layerCase.ForwardIntoArray(layer, ids, output));
        var returningArray = Assert.Throws<ArgumentException>(() => layerCase.ForwardArray(layer, ids));

        Assert.All([intoArray, returningArray], exception =>
        {
            Assert.Equal("ids", exception.ParamName);
            MessageAssert.NamesNumbers(exception, inputLength + 1, inputLength);
        });
        FloatAssert.AllSentinel(FlatSpan.Of(output));
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Forward_into_a_3D_array_of_the_wrong_shape_throws_and_writes_nothing(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(814);
        const int Batch = 3;
        int length = layerCase.SequenceLength;
        int outputDim = layerCase.OutputDim;
        var ids = new int[Batch, length];
        string expectedShape = $"({Batch}, {length}, {outputDim})";

        foreach ((int b, int t, int d) in new[] { (Batch + 1, length, outputDim), (Batch, length + 1, outputDim), (Batch, length, outputDim + 1), (Batch - 1, length, outputDim) })
        {
            float[,,] output = Sentinel.Floats(b, t, d);

            var exception = Assert.Throws<ArgumentException>(() => layerCase.ForwardIntoArray(layer, ids, output));

            Assert.Equal("output", exception.ParamName);
            Assert.Contains($"({b}, {t}, {d})", exception.Message, StringComparison.Ordinal);
            Assert.Contains(expectedShape, exception.Message, StringComparison.Ordinal);
            FloatAssert.AllSentinel(FlatSpan.Of(output));
        }
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Forward_of_a_null_2D_array_throws_ArgumentNullException(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(815);

        Assert.Throws<ArgumentNullException>(() => layerCase.ForwardArray(layer, null!));
        Assert.Throws<ArgumentNullException>(() => layerCase.ForwardIntoArray(layer, null!, new float[0, 0, 0]));
        Assert.Throws<ArgumentNullException>(() => layerCase.ForwardIntoArray(layer, new int[1, layerCase.SequenceLength], null!));
    }
}
