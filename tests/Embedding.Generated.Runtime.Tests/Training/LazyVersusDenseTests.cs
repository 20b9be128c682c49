using System;
using System.Collections.Generic;
using System.Linq;
using Embedding.Generated.Constraints;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Training;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// Dense steps (Keras: every weight's slots update every step) against lazy sparse steps (only the rows a batch
/// touched, as TensorFlow's LazyAdam). Where a zero gradient changes nothing, they must agree bit for bit; where slots
/// carry a row on, they may differ only in rows the batch left out. Batch A draws rows 0-19, batch B rows 10-29, and
/// rows 30-49 are never touched.
/// </summary>
public sealed class LazyVersusDenseTests
{
    private static readonly (int[] Ids, float[] OutputGradient) BatchA = TrainerSetup.Batch(seed: 1, firstRow: 0, rowCount: 20);
    private static readonly (int[] Ids, float[] OutputGradient) BatchB = TrainerSetup.Batch(seed: 2, firstRow: 10, rowCount: 20);

    [Theory]
    [MemberData(nameof(OptimizerCases.WithoutMomentum), MemberType = typeof(OptimizerCases))]
    public void Without_momentum_or_penalty_lazy_and_dense_steps_give_bit_identical_weights(string name)
    {
        var dense = new TrainerSetup(OptimizerCases.Create(name), UpdateMode.Dense);
        var lazy = new TrainerSetup(OptimizerCases.Create(name), UpdateMode.LazySparse);

        for (int step = 0; step < 6; step++)
        {
            var batch = TrainerSetup.Batch(seed: 100 + step, firstRow: 5 * step, rowCount: 20);
            dense.Step(batch);
            lazy.Step(batch);

            FloatAssert.BitwiseEqual(dense.Layer.Weights, lazy.Layer.Weights);
        }
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.WithMomentum), MemberType = typeof(OptimizerCases))]
    public void With_momentum_the_modes_differ_only_in_rows_the_batch_left_out_which_dense_moves_and_lazy_does_not(string name)
    {
        var dense = new TrainerSetup(OptimizerCases.Create(name), UpdateMode.Dense);
        var lazy = new TrainerSetup(OptimizerCases.Create(name), UpdateMode.LazySparse);
        float[] initial = TrainerSetup.InitialWeights();

        // Step 1: every slot starts at 0, so a row without gradient stays put in both modes.
        dense.Step(BatchA);
        lazy.Step(BatchA);
        FloatAssert.BitwiseEqual(dense.Layer.Weights, lazy.Layer.Weights);
        float[] afterA = lazy.WeightsCopy();

        dense.Step(BatchB);
        lazy.Step(BatchB);

        HashSet<int> rowsA = TrainerSetup.RowsOf(BatchA.Ids), rowsB = TrainerSetup.RowsOf(BatchB.Ids);
        Assert.NotEmpty(rowsA.Except(rowsB));
        for (int row = 0; row < TrainerSetup.InputDim; row++)
        {
            ReadOnlySpan<float> denseRow = dense.Row(row), lazyRow = lazy.Row(row);
            if (rowsB.Contains(row))
            {
                // Touched by this batch: the same update from the same slots.
                FloatAssert.BitwiseEqual(denseRow, lazyRow);
            }
            else if (rowsA.Contains(row))
            {
                // Left out of this batch after being touched: dense carries it on with its slots, lazy leaves it.
                FloatAssert.BitwiseEqual(afterA.AsSpan(row * TrainerSetup.OutputDim, TrainerSetup.OutputDim), lazyRow);
                Assert.False(denseRow.SequenceEqual(lazyRow), $"Dense mode should have moved row {row}, which only batch A touched.");
            }
            else
            {
                // Never touched: nothing moves it in either mode.
                FloatAssert.BitwiseEqual(initial.AsSpan(row * TrainerSetup.OutputDim, TrainerSetup.OutputDim), denseRow);
                FloatAssert.BitwiseEqual(denseRow, lazyRow);
            }
        }
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void A_lazy_step_leaves_untouched_rows_and_their_slots_bit_identical(string name)
    {
        var lazy = new TrainerSetup(OptimizerCases.Create(name), UpdateMode.LazySparse, new L1L2(0.01f, 0.02f), new MaxNorm(1.5f, axis: 1));
        lazy.Step(BatchA);
        lazy.Step(TrainerSetup.Batch(seed: 3, firstRow: 25, rowCount: 25));
        float[] weightsBefore = lazy.WeightsCopy();
        Dictionary<string, float[]> slotsBefore = lazy.SlotsCopy();

        lazy.Step(BatchB);

        HashSet<int> touched = TrainerSetup.RowsOf(BatchB.Ids);
        Dictionary<string, float[]> slotsAfter = lazy.SlotsCopy();
        for (int row = 0; row < TrainerSetup.InputDim; row++)
        {
            Range slice = new(row * TrainerSetup.OutputDim, (row + 1) * TrainerSetup.OutputDim);
            if (touched.Contains(row))
            {
                Assert.False(weightsBefore.AsSpan(slice).SequenceEqual(lazy.Row(row)), $"Row {row} was in the batch but did not move.");
                continue;
            }

            FloatAssert.BitwiseEqual(weightsBefore.AsSpan(slice), lazy.Row(row));
            foreach ((string slot, float[] before) in slotsBefore)
            {
                FloatAssert.BitwiseEqual(before.AsSpan(slice), slotsAfter[slot].AsSpan(slice));
            }

        }
    }

    [Fact]
    public void A_lazy_step_with_a_row_wise_MaxNorm_projects_only_the_touched_rows()
    {
        // Every row starts with norm sqrt(17) ~ 4.1, above the bound of 1.
        float[] ones = Enumerable.Repeat(1f, TrainerSetup.InputDim * TrainerSetup.OutputDim).ToArray();
        var lazy = new TrainerSetup(new Sgd(0.01f), UpdateMode.LazySparse, constraint: new MaxNorm(1f, axis: 1), weights: ones);

        lazy.Step(BatchB);

        HashSet<int> touched = TrainerSetup.RowsOf(BatchB.Ids);
        for (int row = 0; row < TrainerSetup.InputDim; row++)
        {
            if (touched.Contains(row))
            {
                AssertNormAtMost(lazy.Row(row), 1f, $"touched row {row}");
            }
            else
            {
                FloatAssert.BitwiseEqual(ones.AsSpan(0, TrainerSetup.OutputDim), lazy.Row(row));
            }
        }
    }

    [Fact]
    public void A_dense_step_with_a_row_wise_MaxNorm_projects_every_row()
    {
        float[] ones = Enumerable.Repeat(1f, TrainerSetup.InputDim * TrainerSetup.OutputDim).ToArray();
        var dense = new TrainerSetup(new Sgd(0.01f), UpdateMode.Dense, constraint: new MaxNorm(1f, axis: 1), weights: ones);

        dense.Step(BatchB);

        for (int row = 0; row < TrainerSetup.InputDim; row++)
        {
            AssertNormAtMost(dense.Row(row), 1f, $"row {row}");
        }
    }

    [Theory]
    [InlineData(UpdateMode.LazySparse)]
    [InlineData(UpdateMode.Dense)]
    public void An_axis_0_constraint_projects_the_whole_table_in_either_mode(UpdateMode mode)
    {
        // Each column spans every row, so even a lazy step must project all of them: the result is the unconstrained
        // step followed by the constraint over the whole table.
        var constrained = new TrainerSetup(new Adam(0.01f), mode, constraint: new MaxNorm(1f, axis: 0));
        var free = new TrainerSetup(new Adam(0.01f), mode);

        constrained.Step(BatchB);
        free.Step(BatchB);
        float[] expected = free.WeightsCopy();
        new MaxNorm(1f, axis: 0).Apply(expected, TrainerSetup.InputDim, TrainerSetup.OutputDim);

        FloatAssert.BitwiseEqual(expected, constrained.Layer.Weights);
        HashSet<int> touched = TrainerSetup.RowsOf(BatchB.Ids);
        int untouched = Enumerable.Range(0, TrainerSetup.InputDim).First(row => !touched.Contains(row));
        Assert.False(
            free.Row(untouched).SequenceEqual(constrained.Row(untouched)),
            $"Row {untouched} was not in the batch, but the column norms (about 4 each: 50 values in [-1, 1)) exceed 1, so it must shrink.");
    }

    private static void AssertNormAtMost(ReadOnlySpan<float> row, float bound, string what)
    {
        double squareSum = 0;
        foreach (float value in row)
        {
            squareSum += (double)value * value;
        }

        if (!(Math.Sqrt(squareSum) <= bound * (1 + 1e-6)))
        {
            throw new XunitException($"The norm of {what} is {Math.Sqrt(squareSum):R}, above {bound}.");
        }
    }
}
