using System;
using System.Linq;
using System.Text.Json;
using Embedding.Generated.Constraints;
using Embedding.Generated.Conformance.Tests.Comparison;
using Embedding.Generated.Conformance.Tests.Components;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Training;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Conformance.Tests.Replays;

/// <summary>
/// <c>train_step</c>: K steps of <see cref="EmbeddingTrainer"/> in <see cref="UpdateMode.Dense"/> mode, as Keras 3's
/// <c>fit</c> takes them, with loss = <c>sum(layer(ids) * upstream)</c> + penalty, so the output gradient is
/// <c>upstream</c>. Each step's loss (before the update), dense gradient (penalty included) and weights (after the
/// update and the constraint) are compared, then the optimizer's slots after the last step.
/// </summary>
/// <remarks>
/// Where TensorFlow.js's update rule is not Keras 3's (<c>keras3_identical</c> false: Adam, centered RMSprop), the
/// weights and slots are compared with the case's <c>expected_keras3</c> instead, and a step's loss (and, with a
/// penalty, its gradient) only on the first step: later ones in <c>expected/</c> follow tfjs's weights.
/// </remarks>
internal static class TrainStepReplay
{
    // The grad kind's rule, which the README prescribes for each step's gradient.
    private static readonly Tolerance GradientTolerance = Tolerance.CloseTo(1e-5, 1e-5);

    public static void Run(FixtureCase fixture)
    {
        JsonElement input = fixture.Input;
        JsonElement expected = fixture.Expected;
        IEmbeddingLayer layer = CaseLayer.Create(input);
        int[] tableShape = [layer.InputDim, layer.OutputDim];

        Optimizer optimizer = OptimizerFromFixture.Create(input.Field("optimizer"));
        OptimizerFromFixture.RequireKeras3Parameters(optimizer, expected.Field("optimizer_config").Field("keras3_params"));
        IRegularizer? regularizer = CreateRegularizer(input);
        IConstraint? constraint = input.OptionalField("constraint") is JsonElement constraintCase
            ? ConstraintFromFixture.Create(constraintCase.String("name"), constraintCase.Field("params"), expected.Field("constraint_config"))
            : null;
        var trainer = new EmbeddingTrainer(layer, optimizer, UpdateMode.Dense, regularizer, constraint);

        bool keras3Identical = input.Bool("keras3_identical");
        JsonElement[] inputSteps = [.. input.Field("steps").EnumerateArray()];
        JsonElement[] tfjsSteps = [.. expected.Field("steps").EnumerateArray()];
        JsonElement[] targetSteps = keras3Identical ? tfjsSteps : [.. input.Field("expected_keras3").Field("steps").EnumerateArray()];
        Assert.Equal(inputSteps.Length, tfjsSteps.Length);
        Assert.Equal(inputSteps.Length, targetSteps.Length);

        float[] previousTarget = input.Tensor("weights").ToFloats();
        for (int k = 0; k < inputSteps.Length; k++)
        {
            string step = $"step {k + 1} of {inputSteps.Length}";
            Assert.Equal(k + 1, tfjsSteps[k].Int("step"));
            Assert.Equal(k + 1, targetSteps[k].Int("step"));
            FixtureTensor ids = inputSteps[k].Tensor("ids");
            int[] idValues = ids.ToInts();
            float[] upstream = inputSteps[k].Tensor("upstream").RequireShape([.. ids.Shape, layer.OutputDim]).ToFloats();
            float[] expectedGradient = tfjsSteps[k].Tensor("grad").RequireShape(tableShape).ToFloats();

            // After the first step, expected/ follows tfjs's weights, which differ from Keras 3's where the rules differ.
            bool tfjsWeightsDiverged = !keras3Identical && k > 0;

            float[] output = new float[upstream.Length];
            layer.Forward(idValues, output);
            double loss = TfjsArithmetic.SumOfProducts(output, upstream) + trainer.RegularizationLoss();
            if (!tfjsWeightsDiverged)
            {
                ConformanceAssert.CloseScalar(
                    $"{step}: loss before the update",
                    tfjsSteps[k].Double("loss"),
                    loss,
                    rtol: 3e-5,
                    atol: 1e-7 + LossMoveWithinWeightTolerance(expectedGradient, previousTarget, fixture.Tolerance, isFirstStep: k == 0));
            }

            trainer.Step(idValues, upstream);

            if (!tfjsWeightsDiverged || regularizer is null)
            {
                ConformanceAssert.Matches($"{step}: dense gradient given to the optimizer", expectedGradient, trainer.LastDenseGradient, tableShape, GradientTolerance);
            }

            float[] target = targetSteps[k].Tensor("weights").RequireShape(tableShape).ToFloats();
            string source = keras3Identical ? "expected/" : "expected_keras3";
            ConformanceAssert.Matches($"{step}: weights after the update (vs {source})", target, layer.Weights, tableShape, fixture.Tolerance);
            previousTarget = target;
        }

        Assert.Equal(expected.Int("iterations"), optimizer.Iterations);
        CompareSlots(fixture, optimizer, keras3Identical, tableShape);
    }

    private static IRegularizer? CreateRegularizer(JsonElement input) =>
        input.OptionalField("regularizer") is JsonElement regularizer
            ? RegularizerFromFixture.Create(regularizer.String("name"), regularizer.OptionalDouble("l1") ?? 0, regularizer.OptionalDouble("l2") ?? 0)
            : null;

    /// <summary>
    /// How far the loss may move when the weights it is computed from are anywhere within their tolerance of the
    /// previous step's target: the loss is linear in the weights up to the penalty, so by at most
    /// <c>sum_i |dloss/dw_i| * (atol + rtol * |w_i|)</c>, and <c>dloss/dw</c> is the step's expected gradient.
    /// Nothing on the first step, whose weights are the case's own.
    /// </summary>
    private static double LossMoveWithinWeightTolerance(float[] gradient, float[] previousWeights, Tolerance weightTolerance, bool isFirstStep)
    {
        if (isFirstStep)
        {
            return 0;
        }

        double bound = 0;
        for (int i = 0; i < gradient.Length; i++)
        {
            bound += Math.Abs(gradient[i]) * (weightTolerance.Atol + (weightTolerance.Rtol * Math.Abs(previousWeights[i])));
        }

        return bound;
    }

    private static void CompareSlots(FixtureCase fixture, Optimizer optimizer, bool keras3Identical, int[] tableShape)
    {
        JsonElement slotTolerance = fixture.Input.Field("tolerance").Field("slots");
        double rtol = slotTolerance.Double("rtol");
        double atolRelativeToMaxAbs = slotTolerance.Double("atol_relative_to_max_abs");
        JsonElement[] slots = keras3Identical
            ? [.. fixture.Expected.Field("slots").EnumerateArray()]
            : [.. fixture.Input.Field("expected_keras3").Field("slots").EnumerateArray()];

        // A slot without a Keras 3 name (RMSprop's momentum when momentum is 0) is one Keras 3 does not keep.
        string[] keras3Names = slots.Select(slot => slot.OptionalString("keras3_name")).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(keras3Names, optimizer.SlotNames.Order(StringComparer.Ordinal));

        foreach (JsonElement slot in slots)
        {
            if (slot.OptionalString("keras3_name") is not string name)
            {
                continue;
            }

            float[] values = slot.Tensor("tensor").RequireShape(tableShape).ToFloats();
            // expected_keras3 holds Keras 3's values already; expected/ holds tfjs's, related to Keras 3's as stated.
            double scale = keras3Identical ? Keras3Scale(slot.String("keras3_relation"), optimizer.LearningRate) : 1;
            float[] target = Array.ConvertAll(values, value => (float)(scale * value));
            double atol = atolRelativeToMaxAbs * target.Max(value => Math.Abs(value));
            ConformanceAssert.Close($"slot '{name}' after the last step", target, optimizer.GetSlot(name), tableShape, rtol, atol);
        }
    }

    // The relations the oracle states between a tfjs slot and its Keras 3 counterpart.
    private static double Keras3Scale(string relation, float learningRate) =>
        relation.StartsWith("same quantity", StringComparison.Ordinal) ? 1
        : relation.Contains("= -learning_rate * this", StringComparison.Ordinal) ? -(double)learningRate
        : throw new XunitException($"The harness does not know the slot relation '{relation}'.");
}
