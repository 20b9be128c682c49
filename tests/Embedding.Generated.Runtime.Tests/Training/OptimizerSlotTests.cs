using System;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// Slots as Keras 3 names and keeps them (<c>add_optimizer_variables(var_list, name)</c> in each optimizer's
/// <c>build</c>), one optimizer per table, and <see cref="Optimizer.Reset"/>.
/// </summary>
public sealed class OptimizerSlotTests
{
    public static TheoryData<string, string[]> KerasSlotNames => new()
    {
        { "SGD", [] },
        { "SGD momentum", ["momentum"] },
        { "SGD Nesterov", ["momentum"] },
        { "RMSprop", ["velocity"] },
        { "RMSprop momentum", ["velocity", "momentum"] },
        { "RMSprop centered", ["velocity", "average_gradient"] },
        { "RMSprop centered momentum", ["velocity", "momentum", "average_gradient"] },
        { "Adam", ["momentum", "velocity"] },
        { "Adam AMSGrad beta2 0.9", ["momentum", "velocity", "velocity_hat"] },
        { "Adagrad", ["accumulator"] },
    };

    [Theory]
    [MemberData(nameof(KerasSlotNames))]
    public void SlotNames_are_Keras_3s(string name, string[] expected)
    {
        Assert.Equal(expected, OptimizerCases.Create(name).SlotNames);
    }

    [Theory]
    [MemberData(nameof(KerasSlotNames))]
    public void Slots_are_empty_before_the_first_step_and_one_per_weight_after_it(string name, string[] slots)
    {
        Optimizer optimizer = OptimizerCases.Create(name);
        foreach (string slot in slots)
        {
            Assert.Empty(optimizer.GetSlot(slot));
        }

        optimizer.Step(new float[12], new float[12]);

        foreach (string slot in slots)
        {
            Assert.Equal(12, optimizer.GetSlot(slot).Length);
        }
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void Adagrad_accumulators_start_at_the_initial_value(double initial)
    {
        var optimizer = new Adagrad(0.1f, initialAccumulatorValue: initial);
        float[] weights = [1f, 2f, 3f];

        optimizer.Step(weights, [0f, 2f, 0f]);

        Assert.Equal([(float)initial, (float)initial + 4f, (float)initial], optimizer.GetSlot("accumulator"));
    }

    [Fact]
    public void GetSlot_with_an_unknown_name_throws_naming_it_and_the_slots_there_are()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Adam().GetSlot("m"));

        Assert.Equal("name", exception.ParamName);
        Assert.Contains("'m'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("momentum, velocity", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void One_optimizer_on_two_tables_of_different_sizes_throws_and_leaves_the_second_table_alone(string name)
    {
        Optimizer optimizer = OptimizerCases.Create(name);
        optimizer.Step(new float[6], Filled(6, 0.5f));
        float[] other = Sentinel.Floats(8);

        var dense = Assert.Throws<ArgumentException>(() => optimizer.Step(other, Filled(8, 0.5f)));
        var sparse = Assert.Throws<ArgumentException>(() => optimizer.Step(other, SparseGradientOfRow(4, 2, row: 1)));

        MessageAssert.NamesNumbers(dense, 6, 8);
        MessageAssert.NamesNumbers(sparse, 6, 8);
        FloatAssert.AllSentinel(other);
        Assert.Equal(1, optimizer.Iterations);
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void Reset_forgets_slots_and_iterations_so_the_next_step_is_a_first_step_again(string name)
    {
        Optimizer used = OptimizerCases.Create(name);
        var table = new float[6];
        used.Step(table, Filled(6, 0.5f));
        used.Step(table, Filled(6, -0.25f));

        used.Reset();

        Assert.Equal(0, used.Iterations);
        foreach (string slot in used.SlotNames)
        {
            Assert.Empty(used.GetSlot(slot));
        }

        // A table of another size is now accepted, and the step equals a fresh optimizer's first step bit for bit.
        Optimizer fresh = OptimizerCases.Create(name);
        float[] afterReset = [0.5f, -1f, 2f], afterFresh = [0.5f, -1f, 2f];
        float[] gradient = [0.3f, -0.7f, 1.1f];
        used.Step(afterReset, gradient);
        fresh.Step(afterFresh, gradient);

        FloatAssert.BitwiseEqual(afterFresh, afterReset);
        foreach (string slot in used.SlotNames)
        {
            FloatAssert.BitwiseEqual(fresh.GetSlot(slot), used.GetSlot(slot));
        }
    }

    [Fact]
    public void Iterations_counts_dense_and_sparse_steps()
    {
        var optimizer = new Adam();
        float[] weights = new float[8];

        optimizer.Step(weights, new float[8]);
        optimizer.Step(weights, SparseGradientOfRow(4, 2, row: 3));
        optimizer.Step(weights, new SparseRowGradient(4, 2));

        Assert.Equal(3, optimizer.Iterations);
    }

    [Fact]
    public void A_dense_gradient_of_another_length_is_refused_before_anything_changes()
    {
        var optimizer = new Adam();
        float[] weights = Sentinel.Floats(5);

        var exception = Assert.Throws<ArgumentException>(() => optimizer.Step(weights, new float[4]));

        MessageAssert.NamesNumbers(exception, 4, 5);
        FloatAssert.AllSentinel(weights);
        Assert.Equal(0, optimizer.Iterations);
        Assert.Empty(optimizer.GetSlot("momentum"));
    }

    private static float[] Filled(int length, float value)
    {
        var values = new float[length];
        values.AsSpan().Fill(value);
        return values;
    }

    /// <summary>A sparse gradient of a <paramref name="inputDim"/> x <paramref name="outputDim"/> table holding one row of ones.</summary>
    private static SparseRowGradient SparseGradientOfRow(int inputDim, int outputDim, int row)
    {
        var gradient = new SparseRowGradient(inputDim, outputDim);
        gradient.AssignSlots([row]);
        gradient.GetRowGradient(0).Fill(1f);
        return gradient;
    }
}
