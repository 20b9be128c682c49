using System;
using System.Collections.Generic;
using Embedding.Generated.Constraints;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Training;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// A step the trainer refuses changes nothing: not the weights, not a slot, not the step count, and the next good step
/// gives what it would have given had the bad one never been tried. The trainer carries a penalty and a constraint,
/// so any work done before the check would show.
/// </summary>
public sealed class FailedStepTests
{
    public static TheoryData<UpdateMode, int> BadIds => new()
    {
        { UpdateMode.Dense, -1 }, { UpdateMode.Dense, TrainerSetup.InputDim }, { UpdateMode.Dense, int.MinValue },
        { UpdateMode.LazySparse, -1 }, { UpdateMode.LazySparse, TrainerSetup.InputDim }, { UpdateMode.LazySparse, int.MaxValue },
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public void A_step_with_an_out_of_range_id_throws_naming_it_and_changes_neither_weights_nor_slots(UpdateMode mode, int badId)
    {
        TrainerSetup setup = Create(mode);
        TrainerSetup twin = Create(mode);
        var good = TrainerSetup.Batch(seed: 7, firstRow: 0, rowCount: 30);
        setup.Step(good);
        twin.Step(good);
        float[] weights = setup.WeightsCopy();
        Dictionary<string, float[]> slots = setup.SlotsCopy();
        (int[] ids, float[] outputGradient) = TrainerSetup.Batch(seed: 8, firstRow: 0, rowCount: 30);
        ids[5] = badId;

        var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => setup.Trainer.Step(ids, outputGradient));

        MessageAssert.NamesIdPositionAndRange(exception, badId, flatIndex: 5, sequenceLength: 0, TrainerSetup.InputDim);
        AssertUnchanged(setup, weights, slots, iterations: 1);
        AssertNextStepAsIfNothingHappened(setup, twin);
    }

    [Theory]
    [InlineData(UpdateMode.Dense)]
    [InlineData(UpdateMode.LazySparse)]
    public void A_first_step_with_an_out_of_range_id_leaves_the_optimizer_unbuilt(UpdateMode mode)
    {
        TrainerSetup setup = Create(mode);
        float[] weights = setup.WeightsCopy();
        int[] ids = [1, 2, 99];

        Assert.Throws<EmbeddingIdOutOfRangeException>(() => setup.Trainer.Step(ids, new float[ids.Length * TrainerSetup.OutputDim]));

        FloatAssert.BitwiseEqual(weights, setup.Layer.Weights);
        Assert.Equal(0, setup.Optimizer.Iterations);
        foreach (string slot in setup.Optimizer.SlotNames)
        {
            Assert.True(setup.Optimizer.GetSlot(slot).Length == 0, $"Slot '{slot}' was built by a step that failed.");
        }
    }

    [Theory]
    [InlineData(UpdateMode.Dense)]
    [InlineData(UpdateMode.LazySparse)]
    public void A_step_whose_output_gradient_has_the_wrong_length_throws_naming_both_and_changes_nothing(UpdateMode mode)
    {
        TrainerSetup setup = Create(mode);
        TrainerSetup twin = Create(mode);
        var good = TrainerSetup.Batch(seed: 9, firstRow: 0, rowCount: 30);
        setup.Step(good);
        twin.Step(good);
        float[] weights = setup.WeightsCopy();
        Dictionary<string, float[]> slots = setup.SlotsCopy();
        int[] ids = [3, 4, 5];

        var exception = Assert.Throws<ArgumentException>(() => setup.Trainer.Step(ids, new float[(ids.Length * TrainerSetup.OutputDim) - 1]));

        MessageAssert.NamesNumbers(exception, (ids.Length * TrainerSetup.OutputDim) - 1, ids.Length, TrainerSetup.OutputDim);
        AssertUnchanged(setup, weights, slots, iterations: 1);
        AssertNextStepAsIfNothingHappened(setup, twin);
    }

    [Fact]
    public void An_undefined_update_mode_is_refused_naming_it()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddingTrainer(new Dim7Layer(1), new Sgd(), (UpdateMode)7));

        Assert.Equal("mode", exception.ParamName);
        MessageAssert.NamesNumbers(exception, 7);
    }

    [Fact]
    public void A_null_layer_or_optimizer_is_refused()
    {
        Assert.Equal("layer", Assert.Throws<ArgumentNullException>(() => new EmbeddingTrainer(null!, new Sgd())).ParamName);
        Assert.Equal("optimizer", Assert.Throws<ArgumentNullException>(() => new EmbeddingTrainer(new Dim7Layer(1), null!)).ParamName);
    }

    private static TrainerSetup Create(UpdateMode mode) =>
        new(new Adam(0.01f, amsgrad: true), mode, new L1L2(0.01f, 0.01f), new MaxNorm(0.8f, axis: 1));

    private static void AssertUnchanged(TrainerSetup setup, float[] weights, Dictionary<string, float[]> slots, int iterations)
    {
        FloatAssert.BitwiseEqual(weights, setup.Layer.Weights);
        Assert.Equal(iterations, setup.Optimizer.Iterations);
        foreach ((string name, float[] before) in slots)
        {
            FloatAssert.BitwiseEqual(before, setup.Optimizer.GetSlot(name));
        }
    }

    private static void AssertNextStepAsIfNothingHappened(TrainerSetup setup, TrainerSetup twin)
    {
        var next = TrainerSetup.Batch(seed: 10, firstRow: 20, rowCount: 30);
        setup.Step(next);
        twin.Step(next);

        FloatAssert.BitwiseEqual(twin.Layer.Weights, setup.Layer.Weights);
        foreach ((string name, float[] expected) in twin.SlotsCopy())
        {
            FloatAssert.BitwiseEqual(expected, setup.Optimizer.GetSlot(name));
        }
    }
}
