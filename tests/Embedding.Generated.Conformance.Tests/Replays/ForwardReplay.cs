using System;
using Embedding.Generated.Conformance.Tests.Comparison;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Xunit;

namespace Embedding.Generated.Conformance.Tests.Replays;

/// <summary>
/// <c>forward</c>: the output of <see cref="IEmbeddingLayer.Forward"/> bit for bit (float32 extremes and subnormals
/// included), and the mask of <see cref="IEmbeddingLayer.ComputeMask"/> when <c>mask_zero</c> is on. Without
/// <c>mask_zero</c> tfjs's mask is null and the layer must refuse to compute one.
/// </summary>
internal static class ForwardReplay
{
    public static void Run(FixtureCase fixture)
    {
        IEmbeddingLayer layer = CaseLayer.Create(fixture.Input);
        FixtureTensor ids = fixture.Input.Tensor("ids");
        int[] idValues = ids.ToInts();

        float[] output = new float[idValues.Length * layer.OutputDim];
        layer.Forward(idValues, output);
        FixtureTensor expectedOutput = fixture.Expected.Tensor("output").RequireShape([.. ids.Shape, layer.OutputDim]);
        ConformanceAssert.Matches("output", expectedOutput.ToFloats(), output, expectedOutput.Shape, fixture.Tolerance);

        if (layer.MaskZero)
        {
            FixtureTensor expectedMask = fixture.Expected.Tensor("mask").RequireShape(ids.Shape);
            bool[] mask = new bool[idValues.Length];
            layer.ComputeMask(idValues, mask);
            ConformanceAssert.Equal("mask", expectedMask.ToBools(), mask, expectedMask.Shape);
        }
        else
        {
            Assert.Null(fixture.Expected.OptionalField("mask"));
            Assert.Throws<NotSupportedException>(() => layer.ComputeMask(idValues, new bool[idValues.Length]));
        }
    }
}
