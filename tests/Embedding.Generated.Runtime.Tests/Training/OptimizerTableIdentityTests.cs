using System;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Training;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// An optimizer's slots and step count belong to one table: a second table of the same size is refused, through every
/// way of stepping, and leaves its weights as they were, while the first table keeps training, even when the garbage
/// collector has moved it.
/// </summary>
public sealed class OptimizerTableIdentityTests
{
    [Theory]
    [InlineData(UpdateMode.Dense, "another table of 850 weights")]
    [InlineData(UpdateMode.LazySparse, "another table of 50 x 17")]
    public void A_trainer_of_a_second_layer_of_the_same_shape_is_refused_and_leaves_its_weights(UpdateMode mode, string describedTable)
    {
        var optimizer = new RmsProp(0.01f);
        var first = new TrainerSetup(optimizer, mode);
        var second = new TrainerSetup(optimizer, mode);
        var batch = TrainerSetup.Batch(seed: 1, firstRow: 0, rowCount: 20);
        first.Step(batch);
        float[] secondBefore = second.WeightsCopy();
        // A collection between the steps: the refusal must not depend on the tables staying where they were.
        GC.Collect();

        var exception = Assert.Throws<ArgumentException>(() => second.Step(batch));

        Assert.Contains($"This RmsProp already holds slots for {describedTable}", exception.Message, StringComparison.Ordinal);
        Assert.Contains("create one optimizer per table", exception.Message, StringComparison.Ordinal);
        FloatAssert.BitwiseEqual(secondBefore, second.WeightsCopy());
        Assert.Equal(1, optimizer.Iterations);
        first.Step(batch);
        Assert.Equal(2, optimizer.Iterations);
    }

    [Fact]
    public void ApplySparseStep_on_a_second_layer_of_the_same_shape_is_refused_and_leaves_its_weights()
    {
        var optimizer = new Adam(0.01f);
        var first = new Dim17Layer(seed: 1);
        var second = new Dim17Layer(seed: 2);
        first.ApplySparseStep(RowGradient(first), optimizer);
        float[] secondBefore = second.Weights.ToArray();
        GC.Collect();

        Assert.Throws<ArgumentException>(() => second.ApplySparseStep(RowGradient(second), optimizer));

        FloatAssert.BitwiseEqual(secondBefore, second.Weights.ToArray());
        first.ApplySparseStep(RowGradient(first), optimizer);
        Assert.Equal(2, optimizer.Iterations);
    }

    [Fact]
    public void A_direct_step_on_a_second_array_of_the_same_length_is_refused_and_leaves_it()
    {
        // A plain array can be moved by a collection, after which another array cannot be told from this one moved: an
        // attempt counts only if no collection ran during it, and one in a few attempts suffices.
        for (int attempt = 0; attempt < 20; attempt++)
        {
            var optimizer = new Sgd(0.5f, momentum: 0.9);
            float[] first = [1f, 2f, 3f];
            float[] second = [4f, 5f, 6f];
            int collections = GC.CollectionCount(0);
            optimizer.Step(first, [1f, 1f, 1f]);
            Exception? refusal = Record.Exception(() => optimizer.Step(second, [1f, 1f, 1f]));
            if (GC.CollectionCount(0) != collections)
            {
                continue;
            }

            Assert.IsType<ArgumentException>(refusal);
            Assert.Contains("This Sgd already holds slots for another table of 3 weights", refusal.Message, StringComparison.Ordinal);
            Assert.Equal([4f, 5f, 6f], second);
            return;
        }

        Assert.Fail("Every attempt had a garbage collection in it.");
    }

    [Fact]
    public void The_same_array_keeps_training_after_a_collection_has_moved_it()
    {
        var optimizer = new Sgd(0.5f);
        float[] weights = [1f, 2f, 3f];
        optimizer.Step(weights, [1f, 1f, 1f]);

        // A young array is moved when the collector compacts the generation it is in.
        GC.Collect(0, GCCollectionMode.Forced, blocking: true, compacting: true);
        optimizer.Step(weights, [2f, 2f, 2f]);

        // w - 0.5 * 1 - 0.5 * 2
        Assert.Equal([-0.5f, 0.5f, 1.5f], weights);
        Assert.Equal(2, optimizer.Iterations);
    }

    [Fact]
    public void A_fused_row_step_on_a_plain_array_keeps_training_after_a_collection_has_moved_it()
    {
        // StepRows is public: a caller may give it an array of its own, which a collection can move between two steps.
        var optimizer = new Sgd(0.5f);
        float[] weights = [1f, 2f, 3f, 4f];
        var gradient = new SparseRowGradient(inputDim: 2, outputDim: 2);
        gradient.AssignSlots([1]);
        gradient.GetRowGradient(0).Fill(1f);
        optimizer.StepRows<Two>(weights, gradient);

        GC.Collect(0, GCCollectionMode.Forced, blocking: true, compacting: true);
        optimizer.StepRows<Two>(weights, gradient);

        // Row 1 moves by -0.5 twice; row 0 is not in the gradient.
        Assert.Equal([1f, 2f, 2f, 3f], weights);
        Assert.Equal(2, optimizer.Iterations);
    }

    [Fact]
    public void A_layer_stepped_densely_then_sparsely_is_one_table()
    {
        var optimizer = new Adagrad(0.1f);
        var layer = new Dim17Layer(seed: 3);
        optimizer.Step(layer.Weights, new float[layer.Weights.Length]);
        GC.Collect();

        layer.ApplySparseStep(RowGradient(layer), optimizer);

        Assert.Equal(2, optimizer.Iterations);
    }

    [Fact]
    public void After_Reset_the_optimizer_takes_a_second_table()
    {
        var optimizer = new RmsProp(0.01f);
        var first = new Dim17Layer(seed: 1);
        var second = new Dim17Layer(seed: 2);
        first.ApplySparseStep(RowGradient(first), optimizer);
        float[] secondBefore = second.Weights.ToArray();

        optimizer.Reset();
        second.ApplySparseStep(RowGradient(second), optimizer);

        Assert.NotEqual(secondBefore, second.Weights.ToArray());
        Assert.Equal(1, optimizer.Iterations);
    }

    /// <summary>A gradient of 1 on every weight of rows 3 and 7.</summary>
    private static SparseRowGradient RowGradient(Dim17Layer layer)
    {
        SparseRowGradient gradient = layer.CreateSparseGradient();
        var ones = new float[2 * TrainerSetup.OutputDim];
        Array.Fill(ones, 1f);
        layer.Backward([3, 7], ones, gradient);
        return gradient;
    }

    private readonly struct Two : IRowLength
    {
        public static int Value => 2;
    }
}
