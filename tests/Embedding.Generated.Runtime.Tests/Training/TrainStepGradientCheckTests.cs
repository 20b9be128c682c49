using System;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Training;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// A whole training step checked against central differences of the loss it minimises. With plain SGD of learning
/// rate 1, <c>W_after = W - dL/dW</c>, where <c>L(W) = sum(Forward(ids) .* U) + l1 * sum|W| + l2 * sum W^2</c> (U the gradient
/// of the loss with respect to the layer's output). L is computed here in double from its definition (a gather of rows,
/// the penalty written out), so the check covers backward, the penalty's gradient and the update together. The
/// weights lie away from 0, where the L1 term is smooth, and L is quadratic, so the differences are exact up to rounding.
/// </summary>
public sealed class TrainStepGradientCheckTests
{
    private const float L1 = 0.05f;
    private const float L2 = 0.1f;
    private const double Step = 1e-3;

    public static TheoryData<string> Layers => new() { "Dim1Layer", "Dim7Layer", "Dim17Layer", "Dim33Layer", "Dim64Layer" };

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_dense_step_of_SGD_with_rate_1_moves_every_weight_by_minus_the_central_difference_gradient(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        (IEmbeddingLayer layer, int[] ids, float[] upstream) = Setup(layerCase, seed: 41);
        float[] before = layer.Weights.ToArray();
        var trainer = new EmbeddingTrainer(layer, new Sgd(learningRate: 1f), UpdateMode.Dense, new L1L2(L1, L2));

        trainer.Step(ids, upstream);

        for (int i = 0; i < before.Length; i++)
        {
            AssertMovedByMinusGradient(layerCase, before, layer.Weights[i], i, CentralDifference(layerCase, before, ids, upstream, i));
        }
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_lazy_step_moves_the_touched_rows_by_minus_the_central_difference_gradient_and_no_other_row(string layerName)
    {
        // Lazy mode takes the penalty's gradient on the rows the batch touched only (as LazyAdam does); elsewhere it
        // writes nothing at all.
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        (IEmbeddingLayer layer, int[] ids, float[] upstream) = Setup(layerCase, seed: 43);
        float[] before = layer.Weights.ToArray();
        var trainer = new EmbeddingTrainer(layer, new Sgd(learningRate: 1f), UpdateMode.LazySparse, new L1L2(L1, L2));
        bool[] touched = new bool[layerCase.InputDim];
        foreach (int id in ids)
        {
            touched[id] = true;
        }

        trainer.Step(ids, upstream);

        for (int i = 0; i < before.Length; i++)
        {
            if (touched[i / layerCase.OutputDim])
            {
                AssertMovedByMinusGradient(layerCase, before, layer.Weights[i], i, CentralDifference(layerCase, before, ids, upstream, i));
            }
            else
            {
                Assert.Equal(BitConverter.SingleToUInt32Bits(before[i]), BitConverter.SingleToUInt32Bits(layer.Weights[i]));
            }
        }
    }

    [Fact]
    public void RegularizationLoss_is_the_penalty_of_the_current_weights()
    {
        LayerCase layerCase = LayerCatalogue.Get("Dim7Layer");
        (IEmbeddingLayer layer, _, _) = Setup(layerCase, seed: 47);
        double expected = 0;
        foreach (float w in layer.Weights)
        {
            expected += (L1 * Math.Abs((double)w)) + (L2 * (double)w * w);
        }

        Assert.Equal(expected, new EmbeddingTrainer(layer, new Sgd(), regularizer: new L1L2(L1, L2)).RegularizationLoss(), 1e-9 * expected);
        Assert.Equal(0, new EmbeddingTrainer(layer, new Sgd()).RegularizationLoss());
    }

    private static void AssertMovedByMinusGradient(LayerCase layerCase, float[] before, float after, int index, double gradient)
    {
        double moved = (double)after - before[index];

        // Float rounding of the summed gradient and of w - g: a few ulps of the larger of the two.
        double tolerance = 1e-6 * (1 + Math.Abs(before[index]) + Math.Abs(gradient));
        if (!(Math.Abs(moved + gradient) <= tolerance))
        {
            throw new XunitException(
                $"W[{index / layerCase.OutputDim}, {index % layerCase.OutputDim}] = {before[index]:R} moved by {moved:R}; -dL/dW by central differences is {-gradient:R}.");
        }
    }

    private static double CentralDifference(LayerCase layerCase, float[] weights, int[] ids, float[] upstream, int index)
    {
        double[] w = Array.ConvertAll(weights, value => (double)value);
        w[index] = weights[index] + Step;
        double up = Loss(layerCase, w, ids, upstream);
        w[index] = weights[index] - Step;
        double down = Loss(layerCase, w, ids, upstream);
        return (up - down) / (2 * Step);
    }

    /// <summary>sum over positions i and columns c of W[ids[i], c] * U[i, c], plus l1 * sum|W| + l2 * sum W^2.</summary>
    private static double Loss(LayerCase layerCase, double[] w, int[] ids, float[] upstream)
    {
        int outputDim = layerCase.OutputDim;
        double loss = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            for (int c = 0; c < outputDim; c++)
            {
                loss += w[(ids[i] * outputDim) + c] * upstream[(i * outputDim) + c];
            }
        }

        foreach (double value in w)
        {
            loss += (L1 * Math.Abs(value)) + (L2 * value * value);
        }

        return loss;
    }

    /// <summary>A layer whose weights have magnitudes in [0.2, 1], both signs; ids that repeat and include both ends; U in [-1, 1).</summary>
    private static (IEmbeddingLayer Layer, int[] Ids, float[] Upstream) Setup(LayerCase layerCase, int seed)
    {
        var random = new Random(seed);
        float[] weights = new float[layerCase.WeightCount];
        for (int i = 0; i < weights.Length; i++)
        {
            float magnitude = 0.2f + (0.8f * random.NextSingle());
            weights[i] = random.Next(2) == 0 ? magnitude : -magnitude;
        }

        int[] ids = RandomInputs.Ids(random, layerCase.InputDim, layerCase.PositionsFor(sequences: 2));
        float[] upstream = RandomInputs.UnitFloats(random, ids.Length * layerCase.OutputDim);
        return (layerCase.CreateFromWeights(weights), ids, upstream);
    }
}
