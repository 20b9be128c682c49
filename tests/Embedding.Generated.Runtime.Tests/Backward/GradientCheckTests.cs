using System;
using System.Collections.Generic;
using System.Linq;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Backward;

/// <summary>
/// Backward checked against the forward pass by central differences: loss(W) = sum(Forward(ids) .* U), so
/// dLoss/dW[r, c] is the sum of U over the positions that looked up row r. The loss is linear in W, so the only error
/// is rounding: the differences are taken in double over the float steps actually applied to the weight.
/// </summary>
public sealed class GradientCheckTests
{
    private const double Step = 1e-2;

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithWeights), MemberType = typeof(LayerCatalogue))]
    public void Backward_matches_central_differences_of_the_forward_loss(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        var random = new Random(601);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(601);
        int[] ids = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 4));
        float[] upstream = RandomInputs.UnitFloats(random, ids.Length * layerCase.OutputDim);
        float[] gradient = new float[layerCase.WeightCount];
        layer.Backward(ids, upstream, gradient.AsSpan());

        foreach (int weightIndex in WeightsToCheck(layerCase, ids))
        {
            float original = layer.Weights[weightIndex];
            float up = (float)(original + Step);
            float down = (float)(original - Step);
            layer.Weights[weightIndex] = up;
            double lossUp = Loss(layer, ids, upstream);
            layer.Weights[weightIndex] = down;
            double lossDown = Loss(layer, ids, upstream);
            layer.Weights[weightIndex] = original;

            double numeric = (lossUp - lossDown) / ((double)up - down);
            double tolerance = 1e-6 * (1 + SumOfMagnitudes(layerCase, ids, upstream, weightIndex));
            Assert.True(
                Math.Abs(numeric - gradient[weightIndex]) <= tolerance,
                $"dLoss/dW[{weightIndex / layerCase.OutputDim}, {weightIndex % layerCase.OutputDim}]: backward {gradient[weightIndex]:R}, central difference {numeric:R}.");
        }
    }

    private static double Loss(IEmbeddingLayer layer, int[] ids, float[] upstream)
    {
        float[] output = new float[upstream.Length];
        layer.Forward(ids, output);
        double loss = 0;
        for (int i = 0; i < output.Length; i++)
        {
            loss += (double)output[i] * upstream[i];
        }

        return loss;
    }

    /// <summary>A bound on the float rounding of the backward sum: it scales with the terms added into the weight.</summary>
    private static double SumOfMagnitudes(LayerCase layerCase, int[] ids, float[] upstream, int weightIndex)
    {
        int row = weightIndex / layerCase.OutputDim;
        int column = weightIndex % layerCase.OutputDim;
        double sum = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] == row)
            {
                sum += Math.Abs(upstream[(i * layerCase.OutputDim) + column]);
            }
        }

        return sum;
    }

    /// <summary>First, middle and last column of: the first id, the most repeated id, rows 0 and InputDim - 1, and a row no id uses.</summary>
    private static IEnumerable<int> WeightsToCheck(LayerCase layerCase, int[] ids)
    {
        var rows = new HashSet<int> { ids[0], ids.GroupBy(id => id).MaxBy(group => group.Count())!.Key, 0, layerCase.InputDim - 1 };
        int unused = Enumerable.Range(0, layerCase.InputDim).FirstOrDefault(row => !ids.Contains(row), -1);
        if (unused >= 0)
        {
            rows.Add(unused);
        }

        int[] columns = [0, layerCase.OutputDim / 2, layerCase.OutputDim - 1];
        return rows.SelectMany(row => columns.Distinct().Select(column => (row * layerCase.OutputDim) + column));
    }
}
