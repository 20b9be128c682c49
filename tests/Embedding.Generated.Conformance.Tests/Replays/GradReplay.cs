using System;
using Embedding.Generated.Conformance.Tests.Comparison;
using Embedding.Generated.Conformance.Tests.Fixtures;

namespace Embedding.Generated.Conformance.Tests.Replays;

/// <summary>
/// <c>grad</c>: d(sum(layer(ids) * upstream))/dW, the dense gradient with repeated ids summed and unused rows 0, from
/// <see cref="IEmbeddingLayer.Backward(System.ReadOnlySpan{int}, System.ReadOnlySpan{float}, System.Span{float})"/> into a
/// zero table and, the same contract in sparse form, into a <see cref="SparseRowGradient"/>. Also the loss itself,
/// summed from the layer's forward output as TensorFlow.js sums it.
/// </summary>
internal static class GradReplay
{
    public static void Run(FixtureCase fixture)
    {
        IEmbeddingLayer layer = CaseLayer.Create(fixture.Input);
        FixtureTensor ids = fixture.Input.Tensor("ids");
        int[] idValues = ids.ToInts();
        float[] upstream = fixture.Input.Tensor("upstream").RequireShape([.. ids.Shape, layer.OutputDim]).ToFloats();
        FixtureTensor expectedGradient = fixture.Expected.Tensor("grad_weights").RequireShape(layer.InputDim, layer.OutputDim);

        float[] gradient = new float[layer.InputDim * layer.OutputDim];
        layer.Backward(idValues, upstream, gradient);
        ConformanceAssert.Matches("grad_weights (dense Backward)", expectedGradient.ToFloats(), gradient, expectedGradient.Shape, fixture.Tolerance);

        var sparse = new SparseRowGradient(layer.InputDim, layer.OutputDim);
        layer.Backward(idValues, upstream, sparse);
        ConformanceAssert.Matches(
            "grad_weights (sparse Backward, rows scattered into a zero table)",
            expectedGradient.ToFloats(),
            Densify(sparse),
            expectedGradient.Shape,
            fixture.Tolerance);

        float[] output = new float[upstream.Length];
        layer.Forward(idValues, output);
        ConformanceAssert.Matches("loss = sum(output * upstream)", (float)fixture.Expected.Double("loss"), TfjsArithmetic.SumOfProducts(output, upstream), fixture.Tolerance);
    }

    private static float[] Densify(SparseRowGradient sparse)
    {
        float[] dense = new float[sparse.InputDim * sparse.OutputDim];
        for (int k = 0; k < sparse.Count; k++)
        {
            sparse.GetRowGradient(k).CopyTo(dense.AsSpan(sparse.Rows[k] * sparse.OutputDim));
        }

        return dense;
    }
}
