using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Backward;

/// <summary>The dense scatter-add <c>weightGradient[ids[i], :] += outputGradient[i, :]</c>.</summary>
public sealed class DenseBackwardTests
{
    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Dense_backward_adds_into_the_gradient_exactly_as_the_in_order_scalar_reference(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(401);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(401);
        int[] ids = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 6));
        float[] outputGradient = RandomInputs.SpreadFloats(random, ids.Length * layerCase.OutputDim);
        float[] weightGradient = RandomInputs.SpreadFloats(random, layerCase.WeightCount);
        float[] expected = (float[])weightGradient.Clone();
        ScalarReference.DenseBackward(ids, outputGradient, layerCase.OutputDim, expected);

        layer.Backward(ids, outputGradient, weightGradient.AsSpan());

        FloatAssert.BitwiseEqual(expected, weightGradient);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Two_dense_backward_calls_accumulate_the_sum_of_both(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(402);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(402);
        int[] firstIds = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 3));
        int[] secondIds = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 2));
        float[] firstGradient = RandomInputs.SpreadFloats(random, firstIds.Length * layerCase.OutputDim);
        float[] secondGradient = RandomInputs.SpreadFloats(random, secondIds.Length * layerCase.OutputDim);
        float[] expected = new float[layerCase.WeightCount];
        ScalarReference.DenseBackward(firstIds, firstGradient, layerCase.OutputDim, expected);
        ScalarReference.DenseBackward(secondIds, secondGradient, layerCase.OutputDim, expected);

        float[] weightGradient = new float[layerCase.WeightCount];
        layer.Backward(firstIds, firstGradient, weightGradient.AsSpan());
        layer.Backward(secondIds, secondGradient, weightGradient.AsSpan());

        FloatAssert.BitwiseEqual(expected, weightGradient);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithWeights), MemberType = typeof(LayerCatalogue))]
    public void Dense_backward_of_one_id_repeated_sums_every_position_into_its_row(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(403);
        int[] ids = new int[layerCase.PositionsFor(sequences: 2)];
        ids.AsSpan().Fill(layerCase.InputDim - 1);
        float[] outputGradient = new float[ids.Length * layerCase.OutputDim];
        outputGradient.AsSpan().Fill(0.25f);
        float[] weightGradient = new float[layerCase.WeightCount];

        layer.Backward(ids, outputGradient, weightGradient.AsSpan());

        // Sums of 0.25 are exact, so this needs no reference: the last row is 0.25 x positions, every other row 0.
        int lastRow = (layerCase.InputDim - 1) * layerCase.OutputDim;
        Assert.All(weightGradient[lastRow..], value => Assert.Equal(0.25f * ids.Length, value));
        Assert.All(weightGradient[..lastRow], value => Assert.Equal(0f, value));
    }
}
