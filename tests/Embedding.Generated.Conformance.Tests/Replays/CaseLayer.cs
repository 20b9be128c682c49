using System.Text.Json;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Embedding.Generated.Conformance.Tests.Layers;
using Xunit;

namespace Embedding.Generated.Conformance.Tests.Replays;

/// <summary>The generated layer a case describes: <c>input_dim</c>, <c>output_dim</c>, <c>mask_zero</c> and <c>weights</c>.</summary>
internal static class CaseLayer
{
    public static IEmbeddingLayer Create(JsonElement input)
    {
        int inputDim = input.Int("input_dim");
        int outputDim = input.Int("output_dim");
        bool maskZero = input.OptionalBool("mask_zero", fallback: false);
        float[] weights = input.Tensor("weights").RequireShape(inputDim, outputDim).ToFloats();
        return Create(new LayerShape(inputDim, outputDim, maskZero), weights);
    }

    public static IEmbeddingLayer Create(LayerShape shape, float[] weights)
    {
        IEmbeddingLayer layer = GeneratedLayers.Create(shape, weights);

        // The interface reports the constants it was generated for.
        Assert.Equal(shape.InputDim, layer.InputDim);
        Assert.Equal(shape.OutputDim, layer.OutputDim);
        Assert.Equal(shape.MaskZero, layer.MaskZero);
        return layer;
    }
}
