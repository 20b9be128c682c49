using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.BadInput;

/// <summary>
/// An id outside <c>[0, InputDim)</c> throws <see cref="EmbeddingIdOutOfRangeException"/> naming the id, its position
/// and the range, before anything is written. The bad id sits at the last position, so a layer that wrote as it
/// checked would already have written every other position.
/// </summary>
public sealed class OutOfRangeIdTests
{
    [Theory]
    [MemberData(nameof(BadIdCases.AllLayers), MemberType = typeof(BadIdCases))]
    public void Forward_with_an_out_of_range_id_throws_and_writes_nothing(string layerName, OutOfRangeId kind)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(701);
        (int[] ids, int badId) = IdsEndingInBadId(layerCase, kind);
        float[] output = Sentinel.Floats(ids.Length * layerCase.OutputDim);

        var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Forward(ids, output));

        MessageAssert.NamesIdPositionAndRange(exception, badId, ids.Length - 1, layerCase.InputLength ?? 0, layerCase.InputDim);
        Assert.Equal("ids", exception.ParamName);
        FloatAssert.AllSentinel(output);
    }

    [Theory]
    [MemberData(nameof(BadIdCases.AllLayers), MemberType = typeof(BadIdCases))]
    public void Dense_backward_with_an_out_of_range_id_throws_and_leaves_the_gradient_as_it_was(string layerName, OutOfRangeId kind)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(702);
        (int[] ids, int badId) = IdsEndingInBadId(layerCase, kind);
        float[] outputGradient = Ones(ids.Length * layerCase.OutputDim);
        float[] weightGradient = Sentinel.Floats(layerCase.WeightCount);

        var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Backward(ids, outputGradient, weightGradient.AsSpan()));

        MessageAssert.NamesIdPositionAndRange(exception, badId, ids.Length - 1, layerCase.InputLength ?? 0, layerCase.InputDim);
        FloatAssert.AllSentinel(weightGradient);
    }

    [Theory]
    [MemberData(nameof(BadIdCases.AllLayers), MemberType = typeof(BadIdCases))]
    public void Sparse_backward_with_an_out_of_range_id_throws_and_leaves_the_gradient_as_it_was(string layerName, OutOfRangeId kind)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(703);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(703);
        SparseRowGradient sparse = layerCase.CreateSparseGradient(layer);
        int[] earlierIds = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 1));
        float[] earlierGradient = RandomInputs.SpreadFloats(random, earlierIds.Length * layerCase.OutputDim);
        layer.Backward(earlierIds, earlierGradient, sparse);
        int[] rowsBefore = sparse.Rows.ToArray();
        float[] valuesBefore = sparse.Values.ToArray();
        (int[] ids, int badId) = IdsEndingInBadId(layerCase, kind);

        var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Backward(ids, Ones(ids.Length * layerCase.OutputDim), sparse));

        MessageAssert.NamesIdPositionAndRange(exception, badId, ids.Length - 1, layerCase.InputLength ?? 0, layerCase.InputDim);
        Assert.Equal(rowsBefore, sparse.Rows.ToArray());
        FloatAssert.BitwiseEqual(valuesBefore, sparse.Values);

        // The failed call left no half-registered rows behind: the next valid step accumulates correctly.
        int[] laterIds = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 2));
        float[] laterGradient = RandomInputs.SpreadFloats(random, laterIds.Length * layerCase.OutputDim);
        layer.Backward(laterIds, laterGradient, sparse);
        (int[] expectedRows, float[] expectedValues) = ScalarReference.SparseBackward(
            [.. earlierIds, .. laterIds], [.. earlierGradient, .. laterGradient], layerCase.OutputDim);
        Assert.Equal(expectedRows, sparse.Rows.ToArray());
        FloatAssert.BitwiseEqual(expectedValues, sparse.Values);
    }

    [Theory]
    [MemberData(nameof(BadIdCases.AllLayers), MemberType = typeof(BadIdCases))]
    public void Forward_of_a_2D_array_with_an_out_of_range_id_throws_and_writes_nothing(string layerName, OutOfRangeId kind)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(704);
        (int[] flatIds, int badId) = IdsEndingInBadId(layerCase, kind);
        int batch = flatIds.Length / layerCase.SequenceLength;
        var ids = new int[batch, layerCase.SequenceLength];
        flatIds.CopyTo(FlatSpan.Of(ids));
        float[,,] output = Sentinel.Floats(batch, layerCase.SequenceLength, layerCase.OutputDim);

        var intoArray = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layerCase.ForwardIntoArray(layer, ids, output));
        var returningArray = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layerCase.ForwardArray(layer, ids));

        // A 2-D array always knows its sequence length, so the position is [sequence, offset] on every layer.
        MessageAssert.NamesIdPositionAndRange(intoArray, badId, flatIds.Length - 1, layerCase.SequenceLength, layerCase.InputDim);
        MessageAssert.NamesIdPositionAndRange(returningArray, badId, flatIds.Length - 1, layerCase.SequenceLength, layerCase.InputDim);
        FloatAssert.AllSentinel(FlatSpan.Of(output));
    }

    [Theory]
    [MemberData(nameof(BadIdCases.MaskZeroLayers), MemberType = typeof(BadIdCases))]
    public void Forward_with_mask_and_an_out_of_range_id_throws_and_writes_neither_vectors_nor_mask(string layerName, OutOfRangeId kind)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(705);
        (int[] ids, int badId) = IdsEndingInBadId(layerCase, kind);
        float[] output = Sentinel.Floats(ids.Length * layerCase.OutputDim);
        bool[] mask = Sentinel.Mask(ids.Length);

        var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layerCase.ForwardWithMask!(layer, ids, output, mask));

        MessageAssert.NamesIdPositionAndRange(exception, badId, ids.Length - 1, layerCase.InputLength ?? 0, layerCase.InputDim);
        FloatAssert.AllSentinel(output);
        Assert.DoesNotContain(true, mask);
    }

    [Theory]
    [MemberData(nameof(BadIdCases.AllLayers), MemberType = typeof(BadIdCases))]
    public void GetRow_with_an_out_of_range_id_throws(string layerName, OutOfRangeId kind)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(706);
        int badId = kind.ValueFor(layerCase.InputDim);

        var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layerCase.GetRow(layer, badId));

        Assert.Equal(badId, exception.Id);
        Assert.Equal("id", exception.ParamName);
        Assert.Contains($"[0, {layerCase.InputDim})", exception.Message, StringComparison.Ordinal);
        MessageAssert.NamesNumbers(exception, badId);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Forward_with_several_out_of_range_ids_reports_the_first(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(707);
        int[] ids = new int[layerCase.PositionsFor(sequences: 3)];
        int firstBad = ids.Length / 2;
        ids[firstBad] = -5;
        ids[^1] = layerCase.InputDim + 5;
        float[] output = Sentinel.Floats(ids.Length * layerCase.OutputDim);

        var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Forward(ids, output));

        MessageAssert.NamesIdPositionAndRange(exception, -5, firstBad, layerCase.InputLength ?? 0, layerCase.InputDim);
        FloatAssert.AllSentinel(output);
    }

    /// <summary>Valid ids (including 0 and InputDim - 1) for three sequences, the last replaced by the bad id.</summary>
    private static (int[] Ids, int BadId) IdsEndingInBadId(LayerCase layerCase, OutOfRangeId kind)
    {
        int[] ids = RandomInputs.Ids(new Random(700), layerCase.InputDim, layerCase.PositionsFor(sequences: 3));
        int badId = kind.ValueFor(layerCase.InputDim);
        ids[^1] = badId;
        return (ids, badId);
    }

    private static float[] Ones(int count)
    {
        float[] values = new float[count];
        values.AsSpan().Fill(1f);
        return values;
    }
}
