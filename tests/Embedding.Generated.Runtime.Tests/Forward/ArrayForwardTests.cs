using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Forward;

/// <summary>The Keras-shaped forms: <c>(batch, length)</c> ids in, <c>(batch, length, OutputDim)</c> vectors out.</summary>
public sealed class ArrayForwardTests
{
    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Forward_of_a_2D_array_returns_batch_by_length_by_OutputDim(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(201);
        int[,] ids = RandomIds(layerCase, new Random(201), batch: 3);

        float[,,] output = layerCase.ForwardArray(layer, ids);

        Assert.Equal(3, output.GetLength(0));
        Assert.Equal(layerCase.SequenceLength, output.GetLength(1));
        Assert.Equal(layerCase.OutputDim, output.GetLength(2));
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Forward_of_a_2D_array_equals_the_flat_forward_and_the_reference(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(202);
        IEmbeddingLayer layer = RandomInputs.LayerWithSpreadWeights(layerCase, random);
        int[,] ids = RandomIds(layerCase, random, batch: 4);
        int[] flatIds = FlatSpan.Of(ids).ToArray();
        float[] flatOutput = new float[flatIds.Length * layerCase.OutputDim];
        layer.Forward(flatIds, flatOutput);

        float[,,] returned = layerCase.ForwardArray(layer, ids);
        float[,,] filled = Sentinel.Floats(4, layerCase.SequenceLength, layerCase.OutputDim);
        layerCase.ForwardIntoArray(layer, ids, filled);

        FloatAssert.BitwiseEqual(ScalarReference.Forward(layer.Weights.ToArray(), layerCase.OutputDim, flatIds), flatOutput);
        float[] table = layer.Weights.ToArray();
        for (int b = 0; b < ids.GetLength(0); b++)
        {
            for (int t = 0; t < ids.GetLength(1); t++)
            {
                for (int j = 0; j < layerCase.OutputDim; j++)
                {
                    float expected = table[(ids[b, t] * layerCase.OutputDim) + j];
                    Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(returned[b, t, j]));
                    Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(filled[b, t, j]));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Forward_of_an_empty_batch_returns_an_empty_array_of_the_right_shape(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(203);

        float[,,] output = layerCase.ForwardArray(layer, new int[0, layerCase.SequenceLength]);

        Assert.Equal([0, layerCase.SequenceLength, layerCase.OutputDim], new[] { output.GetLength(0), output.GetLength(1), output.GetLength(2) });
    }

    private static int[,] RandomIds(LayerCase layerCase, Random random, int batch)
    {
        int[] flat = RandomInputs.Ids(random, layerCase.InputDim, batch * layerCase.SequenceLength);
        var ids = new int[batch, layerCase.SequenceLength];
        flat.CopyTo(FlatSpan.Of(ids));
        return ids;
    }
}
