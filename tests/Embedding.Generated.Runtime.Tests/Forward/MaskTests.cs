using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Forward;

/// <summary>The padding mask of MaskZero layers, Keras's <c>compute_mask</c>: <c>id != 0</c>.</summary>
public sealed class MaskTests
{
    [Theory]
    [MemberData(nameof(LayerCatalogue.WithMaskZero), MemberType = typeof(LayerCatalogue))]
    public void ComputeMask_equals_the_reference_id_not_zero(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(301);
        int[] ids = PaddedIds(layerCase, new Random(301));
        bool[] mask = Inverted(ScalarReference.Mask(ids));

        layer.ComputeMask(ids, mask);

        Assert.Equal(ScalarReference.Mask(ids), mask);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithMaskZero), MemberType = typeof(LayerCatalogue))]
    public void Forward_with_mask_writes_the_reference_vectors_and_mask(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(302);
        IEmbeddingLayer layer = RandomInputs.LayerWithSpreadWeights(layerCase, random);
        int[] ids = PaddedIds(layerCase, random);
        float[] output = Sentinel.Floats(ids.Length * layerCase.OutputDim);
        bool[] mask = Inverted(ScalarReference.Mask(ids));

        layerCase.ForwardWithMask!(layer, ids, output, mask);

        // As in Keras, a padding position still gets row 0: the mask, not the vector, marks it.
        FloatAssert.BitwiseEqual(ScalarReference.Forward(layer.Weights.ToArray(), layerCase.OutputDim, ids), output);
        Assert.Equal(ScalarReference.Mask(ids), mask);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithoutMaskZero), MemberType = typeof(LayerCatalogue))]
    public void ComputeMask_through_the_interface_on_a_layer_without_MaskZero_throws_NotSupportedException(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(303);
        int[] ids = PaddedIds(layerCase, new Random(303));
        bool[] mask = Sentinel.Mask(ids.Length);

        var exception = Assert.Throws<NotSupportedException>(() => layer.ComputeMask(ids, mask));

        Assert.Contains("MaskZero", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(true, mask);
    }

    /// <summary>The opposite of the expected mask, so that every element must be written for the test to pass.</summary>
    private static bool[] Inverted(bool[] mask) => Array.ConvertAll(mask, value => !value);

    /// <summary>Whole sequences of ids with padding (0) at the end of each, as a padded batch has, and 0 elsewhere too.</summary>
    private static int[] PaddedIds(LayerCase layerCase, Random random)
    {
        int[] ids = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 5));
        for (int start = 0; start < ids.Length; start += layerCase.SequenceLength)
        {
            int padding = random.Next(layerCase.SequenceLength);
            ids.AsSpan(start + layerCase.SequenceLength - padding, padding).Clear();
        }

        return ids;
    }
}
