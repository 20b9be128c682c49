using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Forward;

/// <summary>The lookup through <see cref="IEmbeddingLayer"/>, for every OutputDim the kernels treat differently.</summary>
public sealed class ForwardTests
{
    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Interface_reports_the_declared_configuration(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(1);

        Assert.Equal(layerCase.InputDim, layer.InputDim);
        Assert.Equal(layerCase.OutputDim, layer.OutputDim);
        Assert.Equal(layerCase.InputLength, layer.InputLength);
        Assert.Equal(layerCase.MaskZero, layer.MaskZero);
        Assert.Equal(layerCase.WeightCount, layer.Weights.Length);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Forward_equals_the_scalar_reference_bit_for_bit(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(101);
        IEmbeddingLayer layer = RandomInputs.LayerWithSpreadWeights(layerCase, random);
        int[] ids = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 4));
        float[] output = new float[ids.Length * layerCase.OutputDim];

        layer.Forward(ids, output);

        FloatAssert.BitwiseEqual(ScalarReference.Forward(layer.Weights.ToArray(), layerCase.OutputDim, ids), output);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Forward_of_every_id_in_turn_reproduces_the_whole_table(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = RandomInputs.LayerWithSpreadWeights(layerCase, new Random(102));
        int positions = layerCase.InputLength is int length ? ((layerCase.InputDim + length - 1) / length) * length : layerCase.InputDim;
        int[] ids = new int[positions];
        for (int i = 0; i < positions; i++)
        {
            ids[i] = i % layerCase.InputDim;
        }

        float[] output = new float[positions * layerCase.OutputDim];
        layer.Forward(ids, output);

        FloatAssert.BitwiseEqual(layer.Weights, output.AsSpan(0, layerCase.WeightCount));
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Forward_of_no_ids_accepts_an_empty_output(string layerName)
    {
        IEmbeddingLayer layer = LayerCatalogue.Get(layerName).CreateWithSeed(3);

        layer.Forward(ReadOnlySpan<int>.Empty, Span<float>.Empty);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithWeights), MemberType = typeof(LayerCatalogue))]
    public void Forward_reads_weights_written_through_the_Weights_span(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(4);
        int lastId = layerCase.InputDim - 1;
        layer.Weights[(lastId * layerCase.OutputDim) + layerCase.OutputDim - 1] = 1234.5f;
        int[] ids = new int[layerCase.SequenceLength];
        ids.AsSpan().Fill(lastId);
        float[] output = new float[ids.Length * layerCase.OutputDim];

        layer.Forward(ids, output);

        Assert.Equal(1234.5f, output[^1]);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void GetRow_returns_the_row_of_the_table_as_a_writable_view(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = RandomInputs.LayerWithSpreadWeights(layerCase, new Random(105));
        float[] table = layer.Weights.ToArray();

        for (int id = 0; id < layerCase.InputDim; id++)
        {
            FloatAssert.BitwiseEqual(table.AsSpan(id * layerCase.OutputDim, layerCase.OutputDim), layerCase.GetRow(layer, id));
        }

        if (layerCase.OutputDim > 0)
        {
            layerCase.GetRow(layer, layerCase.InputDim - 1)[0] = -3.5f;
            Assert.Equal(-3.5f, layer.Weights[(layerCase.InputDim - 1) * layerCase.OutputDim]);
        }
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Weights_constructor_copies_the_table(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        float[] weights = RandomInputs.SpreadFloats(new Random(106), layerCase.WeightCount);
        float[] original = (float[])weights.Clone();

        IEmbeddingLayer layer = layerCase.CreateFromWeights(weights);
        weights.AsSpan().Fill(Sentinel.Value);

        FloatAssert.BitwiseEqual(original, layer.Weights);
    }
}
