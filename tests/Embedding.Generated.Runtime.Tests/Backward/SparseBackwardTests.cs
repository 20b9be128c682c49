using System;
using System.Linq;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Backward;

/// <summary>The sparse gradient: each touched row once, with the summed gradient of every position that looked it up.</summary>
public sealed class SparseBackwardTests
{
    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Sparse_backward_added_to_a_zero_table_equals_dense_backward(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(501);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(501);
        int[] ids = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 6));
        float[] outputGradient = RandomInputs.SpreadFloats(random, ids.Length * layerCase.OutputDim);
        float[] dense = new float[layerCase.WeightCount];
        layer.Backward(ids, outputGradient, dense.AsSpan());
        float[] expected = new float[layerCase.WeightCount];
        ScalarReference.DenseBackward(ids, outputGradient, layerCase.OutputDim, expected);

        SparseRowGradient sparse = layerCase.CreateSparseGradient(layer);
        layer.Backward(ids, outputGradient, sparse);
        float[] fromSparse = new float[layerCase.WeightCount];
        sparse.AddTo(fromSparse);

        FloatAssert.BitwiseEqual(dense, fromSparse);
        FloatAssert.BitwiseEqual(expected, fromSparse);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Sparse_backward_holds_each_touched_row_once_in_first_touch_order_with_its_summed_gradient(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(502);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(502);
        int[] ids = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 6));
        float[] outputGradient = RandomInputs.SpreadFloats(random, ids.Length * layerCase.OutputDim);
        (int[] expectedRows, float[] expectedValues) = ScalarReference.SparseBackward(ids, outputGradient, layerCase.OutputDim);
        SparseRowGradient sparse = layerCase.CreateSparseGradient(layer);

        layer.Backward(ids, outputGradient, sparse);

        Assert.Equal(ids.Distinct().Count(), sparse.Count);
        Assert.Equal(sparse.Count, sparse.Rows.ToArray().Distinct().Count());
        Assert.Equal(expectedRows, sparse.Rows.ToArray());
        FloatAssert.BitwiseEqual(expectedValues, sparse.Values);
        for (int k = 0; k < sparse.Count; k++)
        {
            FloatAssert.BitwiseEqual(expectedValues.AsSpan(k * layerCase.OutputDim, layerCase.OutputDim), sparse.GetRowGradient(k));
        }
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Clear_forgets_every_row_and_the_next_step_starts_from_zero(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(503);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(503);
        int[] firstIds = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 4));
        float[] firstGradient = RandomInputs.SpreadFloats(random, firstIds.Length * layerCase.OutputDim);
        // The second step shares some rows with the first, so a stale row would show.
        int[] secondIds = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 3));
        secondIds[^1] = firstIds[0];
        float[] secondGradient = RandomInputs.SpreadFloats(random, secondIds.Length * layerCase.OutputDim);
        SparseRowGradient sparse = layerCase.CreateSparseGradient(layer);
        layer.Backward(firstIds, firstGradient, sparse);

        sparse.Clear();

        Assert.Equal(0, sparse.Count);
        Assert.True(sparse.Rows.IsEmpty);
        Assert.True(sparse.Values.IsEmpty);

        layer.Backward(secondIds, secondGradient, sparse);

        (int[] expectedRows, float[] expectedValues) = ScalarReference.SparseBackward(secondIds, secondGradient, layerCase.OutputDim);
        Assert.Equal(expectedRows, sparse.Rows.ToArray());
        FloatAssert.BitwiseEqual(expectedValues, sparse.Values);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Two_sparse_backward_calls_without_Clear_accumulate_the_sum_of_both(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(504);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(504);
        int[] firstIds = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 3));
        int[] secondIds = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 4));
        float[] firstGradient = RandomInputs.SpreadFloats(random, firstIds.Length * layerCase.OutputDim);
        float[] secondGradient = RandomInputs.SpreadFloats(random, secondIds.Length * layerCase.OutputDim);
        SparseRowGradient sparse = layerCase.CreateSparseGradient(layer);

        layer.Backward(firstIds, firstGradient, sparse);
        layer.Backward(secondIds, secondGradient, sparse);

        // Both calls as one batch: the same rows, first-touch order and in-order sums.
        (int[] expectedRows, float[] expectedValues) = ScalarReference.SparseBackward(
            [.. firstIds, .. secondIds], [.. firstGradient, .. secondGradient], layerCase.OutputDim);
        Assert.Equal(expectedRows, sparse.Rows.ToArray());
        FloatAssert.BitwiseEqual(expectedValues, sparse.Values);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void CreateSparseGradient_makes_an_empty_gradient_of_the_layer_shape(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);

        SparseRowGradient sparse = layerCase.CreateSparseGradient(layerCase.CreateWithSeed(505));

        Assert.Equal(layerCase.InputDim, sparse.InputDim);
        Assert.Equal(layerCase.OutputDim, sparse.OutputDim);
        Assert.Equal(0, sparse.Count);
    }
}
