using System;
using System.Linq;
using System.Text.Json;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Conformance.Tests.Replays;

/// <summary>
/// <c>out_of_range</c>: TensorFlow.js throws for an id outside <c>[0, input_dim)</c> through the layer, a bare gather
/// and the gradient, and so must the layer's forward and both backward passes, with
/// <see cref="EmbeddingIdOutOfRangeException"/> naming the id and nothing written (DESIGN.md). Only the outcome is
/// compared, never the message text.
/// </summary>
internal static class OutOfRangeReplay
{
    public static void Run(FixtureCase fixture)
    {
        RequireErrorOutcome(fixture.Expected, "layer_apply");
        RequireErrorOutcome(fixture.Expected, "grad_of_sum_gather");

        IEmbeddingLayer layer = CaseLayer.Create(fixture.Input);
        int[] ids = fixture.Input.Tensor("ids").ToInts();
        int[] badIds = ids.Where(id => id < 0 || id >= layer.InputDim).ToArray();
        Assert.NotEmpty(badIds);

        // NaN marks every element the layer must leave alone.
        float[] output = new float[ids.Length * layer.OutputDim];
        Array.Fill(output, float.NaN);
        var forward = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Forward(ids, output));
        Assert.Contains(forward.Id, badIds);
        Assert.All(output, value => Assert.True(float.IsNaN(value), "Forward wrote to its output before it threw."));

        float[] upstream = new float[output.Length];
        Array.Fill(upstream, 1f);
        float[] gradient = new float[layer.InputDim * layer.OutputDim];
        var backward = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Backward(ids, upstream, gradient));
        Assert.Contains(backward.Id, badIds);
        Assert.All(gradient, value => Assert.Equal(0f, value));

        var sparse = new SparseRowGradient(layer.InputDim, layer.OutputDim);
        var sparseBackward = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Backward(ids, upstream, sparse));
        Assert.Contains(sparseBackward.Id, badIds);
        Assert.Equal(0, sparse.Count);
    }

    private static void RequireErrorOutcome(JsonElement expected, string path)
    {
        string outcome = expected.Field(path).String("outcome");
        if (outcome != "error")
        {
            throw new XunitException(
                $"TensorFlow.js's {path} gave the outcome '{outcome}', but this library always throws for an out-of-range id (DESIGN.md); the fixture and the design disagree.");
        }
    }
}
