using System;
using Embedding.Generated.Constraints;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// A generated layer's <c>ApplySparseStep</c> (penalty, update and row-wise constraint fused per row, compiled for the
/// layer's OutputDim) against the same step taken in separate passes through the runtime's general API.
/// </summary>
public sealed class FusedSparseStepTests
{
    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void Fused_step_on_a_17_wide_layer_equals_penalty_then_sparse_step_then_row_constraint_bit_for_bit(string optimizerName)
    {
        // OutputDim 17 takes the vector loop twice and the scalar tail once.
        AssertFusedEqualsSeparate(new Dim17Layer(seed: 3), new Dim17Layer(seed: 3), optimizerName);
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void Fused_step_on_a_3_wide_layer_equals_the_separate_passes_bit_for_bit(string optimizerName)
    {
        // OutputDim 3 is narrower than any vector: scalar tail only.
        AssertFusedEqualsSeparate(new Dim3Layer(seed: 4), new Dim3Layer(seed: 4), optimizerName);
    }

    [Fact]
    public void Fused_step_with_an_axis_0_constraint_projects_the_whole_table_after_the_rows()
    {
        IEmbeddingLayer fused = new Dim8Layer(seed: 5);
        IEmbeddingLayer separate = new Dim8Layer(seed: 5);
        var constraint = new UnitNorm(axis: 0);
        int[] ids = [3, 7, 3, 40, 1];
        float[] outputGradient = Gradient(ids.Length * fused.OutputDim, seed: 6);

        SparseRowGradient fusedGradient = Backward(fused, ids, outputGradient);
        fused.ApplySparseStep(fusedGradient, new Sgd(0.5f), regularizer: null, constraint);

        var optimizer = new Sgd(0.5f);
        optimizer.Step(separate.Weights, Backward(separate, ids, outputGradient));
        constraint.Apply(separate.Weights, separate.InputDim, separate.OutputDim);

        FloatAssert.BitwiseEqual(separate.Weights.ToArray(), fused.Weights);
    }

    private static void AssertFusedEqualsSeparate(IEmbeddingLayer fused, IEmbeddingLayer separate, string optimizerName)
    {
        var regularizer = new L1L2(l1: 0.01f, l2: 0.02f);
        var constraint = new MaxNorm(0.3f, axis: 1);
        Optimizer fusedOptimizer = OptimizerCases.Create(optimizerName);
        Optimizer separateOptimizer = OptimizerCases.Create(optimizerName);
        int outputDim = fused.OutputDim;

        for (int step = 0; step < 4; step++)
        {
            int[] ids = [step, 9, 9, 30 + step, 49, 0];
            float[] outputGradient = Gradient(ids.Length * outputDim, seed: 100 + step);

            fused.ApplySparseStep(Backward(fused, ids, outputGradient), fusedOptimizer, regularizer, constraint);

            SparseRowGradient gradient = Backward(separate, ids, outputGradient);
            for (int k = 0; k < gradient.Count; k++)
            {
                regularizer.AddGradient(separate.Weights.Slice(gradient.Rows[k] * outputDim, outputDim), gradient.GetRowGradient(k));
            }

            separateOptimizer.Step(separate.Weights, gradient);
            foreach (int row in gradient.Rows)
            {
                constraint.ApplyToRow(separate.Weights.Slice(row * outputDim, outputDim));
            }
        }

        FloatAssert.BitwiseEqual(separate.Weights.ToArray(), fused.Weights);
        foreach (string slot in separateOptimizer.SlotNames)
        {
            FloatAssert.BitwiseEqual(separateOptimizer.GetSlot(slot), fusedOptimizer.GetSlot(slot));
        }

        Assert.Equal(separateOptimizer.Iterations, fusedOptimizer.Iterations);
    }

    private static SparseRowGradient Backward(IEmbeddingLayer layer, int[] ids, float[] outputGradient)
    {
        var gradient = new SparseRowGradient(layer.InputDim, layer.OutputDim);
        layer.Backward(ids, outputGradient, gradient);
        return gradient;
    }

    private static float[] Gradient(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }
}
