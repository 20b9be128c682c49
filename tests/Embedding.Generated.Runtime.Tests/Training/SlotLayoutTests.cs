using System;
using System.Linq;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// An optimizer lays its slots out row by row when its first step is sparse and slot by slot when it is dense. The
/// layout must never show: from the same first step (a sparse step holding every row updates every weight exactly as a
/// dense step does), any later mix of dense steps, general sparse steps and fused constant-length steps gives the same
/// weights and the same <see cref="Optimizer.GetSlot"/> values, bit for bit.
/// </summary>
public sealed class SlotLayoutTests
{
    private const int InputDim = 6;
    private const int OutputDim = 12;
    private const int Weights = InputDim * OutputDim;

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void Slots_laid_out_by_row_step_exactly_as_slots_laid_out_whole(string name)
    {
        AssertSameSteps(OptimizerCases.Create(name), OptimizerCases.Create(name), name);
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void Slots_spread_over_several_arrays_step_exactly_as_slots_in_one(string name)
    {
        // Two rows' segments per array: the layout a table of more than 2^30 slot values gets.
        Optimizer byRowInSmallArrays = OptimizerCases.Create(name);
        byRowInSmallArrays.MaxSlotChunkValues = 2 * OutputDim;

        AssertSameSteps(byRowInSmallArrays, OptimizerCases.Create(name), name);
    }

    [Fact]
    public void A_sparse_first_step_leaves_the_slots_in_the_tables_order()
    {
        // Adagrad's accumulator after one step is initial + g^2, so the expected slot follows from the gradient alone.
        var optimizer = new Adagrad(0.1f, initialAccumulatorValue: 0.5);
        float[] gradient = Gradient(seed: 1);

        optimizer.Step(new float[Weights], SparseOverEveryRow(gradient, rowOrder: [4, 1, 5, 0, 3, 2]));

        float[] expected = gradient.Select(g => 0.5f + (g * g)).ToArray();
        FloatAssert.BitwiseEqual(expected, optimizer.GetSlot("accumulator"));
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void A_table_without_weights_takes_dense_and_sparse_steps_and_keeps_empty_slots(string name)
    {
        // Rows of length 0 are a valid shape for the runtime (the analyzer stops OutputDim = 0 in generated layers).
        Optimizer sparseFirst = OptimizerCases.Create(name), denseFirst = OptimizerCases.Create(name);
        var emptyRows = new SparseRowGradient(inputDim: 4, outputDim: 0);
        emptyRows.AssignSlots([2, 0]);

        sparseFirst.Step([], emptyRows);
        sparseFirst.Step([], []);
        denseFirst.Step([], []);
        denseFirst.Step([], emptyRows);

        Assert.Equal(2, sparseFirst.Iterations);
        Assert.Equal(2, denseFirst.Iterations);
        foreach (string slot in sparseFirst.SlotNames)
        {
            Assert.Empty(sparseFirst.GetSlot(slot));
            Assert.Empty(denseFirst.GetSlot(slot));
        }
    }

    [Fact]
    public void Rows_of_another_length_over_a_table_large_enough_to_prefetch_step_as_with_slots_laid_out_whole()
    {
        // 4.3 MB of weights: above the size from which a step prefetches rows and their slots ahead of time.
        const int weights = 90_000 * OutputDim;
        // One row's momentum and velocity per array, so that a run past a block's end would also leave its array.
        var byRow = new Adam(0.05f) { MaxSlotChunkValues = 2 * OutputDim };
        var whole = new Adam(0.05f);
        float[] byRowWeights = new float[weights], wholeWeights = new float[weights];
        float[] gradient = Enumerable.Range(0, weights).Select(i => (i % 13) - 6f).ToArray();
        byRow.StepRows<Twelve>(byRowWeights, SparseOf(gradient, Enumerable.Range(0, 90_000).Reverse().ToArray(), inputDim: 90_000));
        whole.Step(wholeWeights, gradient);

        // Rows of 9 start inside one block of 12 and end in the next: what is prefetched must stop where a block does.
        int[] nineWideRows = Enumerable.Range(0, 40).Select(k => 1 + ((k * 7919) % 110_000)).ToArray();
        SparseRowGradient nineWide = SparseOf(gradient, nineWideRows, inputDim: 120_000, outputDim: 9);
        byRow.StepRows<Nine>(byRowWeights, nineWide);
        whole.StepRows<Nine>(wholeWeights, nineWide);
        byRow.Step(byRowWeights, nineWide);
        whole.Step(wholeWeights, nineWide);

        Assert.True(byRowWeights.AsSpan().SequenceEqual(wholeWeights), "The weights differ.");
        FloatAssert.BitwiseEqual(whole.GetSlot("velocity"), byRow.GetSlot("velocity"));
    }

    private static void AssertSameSteps(Optimizer byRow, Optimizer whole, string name)
    {
        float[] byRowWeights = InitialWeights(), wholeWeights = InitialWeights();

        float[] first = Gradient(seed: 10);
        byRow.Step(byRowWeights, SparseOverEveryRow(first, rowOrder: [2, 5, 0, 1, 4, 3]));
        whole.Step(wholeWeights, first);
        AssertSame("the first step");

        float[] dense = Gradient(seed: 11);
        byRow.Step(byRowWeights, dense);
        whole.Step(wholeWeights, dense);
        AssertSame("a dense step");

        SparseRowGradient someRows = SparseOf(Gradient(seed: 12), rows: [3, 0, 4]);
        byRow.Step(byRowWeights, someRows);
        whole.Step(wholeWeights, someRows);
        AssertSame("a general sparse step");

        SparseRowGradient fused = SparseOf(Gradient(seed: 13), rows: [1, 3, 5]);
        byRow.StepRows<Twelve>(byRowWeights, fused);
        whole.StepRows<Twelve>(wholeWeights, fused);
        AssertSame("a fused step");

        // The same weight count read as 8 rows of 9: a row of 9 crosses the row-by-row layout's blocks of 12.
        SparseRowGradient otherShape = SparseOf(Gradient(seed: 14), rows: [7, 2, 4], inputDim: 8, outputDim: 9);
        byRow.StepRows<Nine>(byRowWeights, otherShape);
        whole.StepRows<Nine>(wholeWeights, otherShape);
        AssertSame("a fused step over rows of another length");

        void AssertSame(string after)
        {
            Assert.True(byRowWeights.AsSpan().SequenceEqual(wholeWeights), $"{name}: the weights differ after {after}.");
            foreach (string slot in whole.SlotNames)
            {
                FloatAssert.BitwiseEqual(whole.GetSlot(slot), byRow.GetSlot(slot));
            }
        }
    }

    private static SparseRowGradient SparseOverEveryRow(float[] dense, int[] rowOrder) => SparseOf(dense, rowOrder);

    /// <summary>A sparse gradient holding <paramref name="rows"/> in that order, each with its row of <paramref name="dense"/>.</summary>
    internal static SparseRowGradient SparseOf(float[] dense, int[] rows, int inputDim = InputDim, int outputDim = OutputDim)
    {
        var sparse = new SparseRowGradient(inputDim, outputDim);
        sparse.AssignSlots(rows);
        for (int k = 0; k < rows.Length; k++)
        {
            dense.AsSpan(rows[k] * outputDim, outputDim).CopyTo(sparse.GetRowGradient(k));
        }

        return sparse;
    }

    private static float[] InitialWeights() => Gradient(seed: 99);

    private static float[] Gradient(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Weights).Select(_ => (random.NextSingle() * 2f) - 1f).ToArray();
    }

    private readonly struct Twelve : IRowLength
    {
        public static int Value => OutputDim;
    }

    private readonly struct Nine : IRowLength
    {
        public static int Value => 9;
    }
}
