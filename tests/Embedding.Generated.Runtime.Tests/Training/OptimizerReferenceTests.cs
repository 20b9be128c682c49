using System;
using System.Collections.Generic;
using Embedding.Generated.Optimizers;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// A few dense steps of each optimizer on a small vector, against <see cref="KerasOptimizerFormulas"/> in double. The
/// gradients shrink step by step (so AMSGrad's running maximum differs from the velocity), change sign, and hold a
/// weight whose gradient is always 0 and one whose gradient stops, so momentum carries it on alone.
/// </summary>
public sealed class OptimizerReferenceTests
{
    private const int Length = 9;
    private const int Steps = 6;

    // Float32 arithmetic against double: a few roundings per operation over six steps, and Keras's own float32
    // 1 - beta_2^t, which loses about 1e-4 of itself to cancellation at t = 1.
    private const double Tolerance = 1e-5;

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void Each_step_matches_Keras_3_formulas_computed_in_double(string name)
    {
        AssertStepsMatchReference(name, (optimizer, weights, gradient) => optimizer.Step(weights, gradient));
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void Sparse_steps_holding_every_row_match_the_same_formulas(string name)
    {
        // Held rows in another order than the table's: the slots are then laid out row by row, and must still hold
        // each weight's values where GetSlot reports them.
        AssertStepsMatchReference(name, (optimizer, weights, gradient) => optimizer.Step(weights, EveryRowOf(gradient, rowOrder: [2, 0, 1])));
    }

    private static void AssertStepsMatchReference(string name, Action<Optimizer, float[], float[]> step)
    {
        Optimizer optimizer = OptimizerCases.Create(name);
        KerasOptimizerFormulas reference = OptimizerCases.Reference(name, Length);
        float[] weights = InitialWeights();
        double[] expected = Array.ConvertAll(weights, value => (double)value);

        foreach (float[] gradient in Gradients())
        {
            step(optimizer, weights, gradient);
            reference.Step(expected, gradient);

            AssertClose(expected, weights, floor: 1, $"{name}, weights after step {reference.Iterations}");
        }

        Assert.Equal(Steps, optimizer.Iterations);
        Assert.Equal(reference.Slots.Keys, optimizer.SlotNames);
        foreach ((string slot, double[] values) in reference.Slots)
        {
            AssertClose(values, optimizer.GetSlot(slot), floor: LargestMagnitude(values) * 1e-2, $"{name}, slot '{slot}' after {Steps} steps");
        }
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void A_weight_whose_gradient_is_always_zero_never_moves(string name)
    {
        Optimizer optimizer = OptimizerCases.Create(name);
        float[] weights = InitialWeights();
        float start = weights[0];

        foreach (float[] gradient in Gradients())
        {
            optimizer.Step(weights, gradient);
        }

        Assert.Equal(start, weights[0]);
    }

    /// <summary>
    /// The cases are only worth running if the reference separates each variant from its nearest neighbour by far more
    /// than the tolerance: otherwise an optimizer that ignored momentum, Nesterov, centering or AMSGrad would pass.
    /// </summary>
    [Theory]
    [InlineData("SGD", "SGD momentum")]
    [InlineData("SGD momentum", "SGD Nesterov")]
    [InlineData("RMSprop", "RMSprop momentum")]
    [InlineData("RMSprop", "RMSprop epsilon 1e-2")]
    [InlineData("RMSprop momentum", "RMSprop centered momentum")]
    [InlineData("Adam", "Adam beta2 0.9")]
    [InlineData("Adam beta2 0.9", "Adam AMSGrad beta2 0.9")]
    [InlineData("Adam", "Adam betas 0.8 0.99 epsilon 1e-3")]
    [InlineData("Adagrad", "Adagrad accumulator 0.5 epsilon 1e-2")]
    public void The_reference_tells_neighbouring_variants_apart_by_far_more_than_the_tolerance(string first, string second)
    {
        double[] a = RunReference(first);
        double[] b = RunReference(second);

        double largest = 0;
        for (int i = 0; i < Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(a[i] - b[i]) / (1 + Math.Abs(a[i])));
        }

        Assert.True(largest > 100 * Tolerance, $"{first} and {second} differ by at most {largest:R} after {Steps} steps.");
    }

    [Fact]
    public void Nesterov_without_momentum_is_plain_gradient_descent()
    {
        // Keras: nesterov only changes the momentum update, and momentum 0 has none.
        var plain = new Sgd(0.1f);
        var nesterov = new Sgd(0.1f, momentum: 0, nesterov: true);
        float[] a = InitialWeights(), b = InitialWeights();

        foreach (float[] gradient in Gradients())
        {
            plain.Step(a, gradient);
            nesterov.Step(b, gradient);
        }

        Assert.Equal(a, b);
        Assert.Empty(nesterov.SlotNames);
    }

    private static double[] RunReference(string name)
    {
        KerasOptimizerFormulas reference = OptimizerCases.Reference(name, Length);
        double[] weights = Array.ConvertAll(InitialWeights(), value => (double)value);
        foreach (float[] gradient in Gradients())
        {
            reference.Step(weights, gradient);
        }

        return weights;
    }

    /// <summary>The 9 weights as 3 rows of 3, every row held, in <paramref name="rowOrder"/>.</summary>
    private static SparseRowGradient EveryRowOf(float[] gradient, int[] rowOrder) =>
        SlotLayoutTests.SparseOf(gradient, rowOrder, inputDim: 3, outputDim: Length / 3);

    private static float[] InitialWeights() => [0.75f, -1.25f, 0.5f, 2f, -0.125f, 1f, -3f, 0.3f, -0.6f];

    /// <summary>
    /// Six gradients: element 0 always 0, element 1 nonzero only on the first two steps, the rest random in sign with
    /// magnitudes falling from about 3 to about 0.01.
    /// </summary>
    private static IEnumerable<float[]> Gradients()
    {
        var random = new Random(2024);
        float scale = 3f;
        for (int step = 0; step < Steps; step++)
        {
            var gradient = new float[Length];
            for (int i = 1; i < Length; i++)
            {
                float magnitude = scale * (0.5f + (0.5f * random.NextSingle()));
                gradient[i] = random.Next(2) == 0 ? magnitude : -magnitude;
            }

            if (step >= 2)
            {
                gradient[1] = 0f;
            }

            yield return gradient;
            scale *= 0.35f;
        }
    }

    /// <summary>Each element within <see cref="Tolerance"/> times (its magnitude + <paramref name="floor"/>).</summary>
    /// <param name="floor">
    /// 1 for weights (of order 1); for slots a hundredth of the slot's largest value, since an entry that cancels to
    /// nearly 0 still carries the rounding of the terms it came from.
    /// </param>
    private static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double floor, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = Tolerance * (Math.Abs(expected[i]) + floor);
            if (!(Math.Abs(actual[i] - expected[i]) <= tolerance))
            {
                throw new XunitException($"{what}: element {i} is {actual[i]:R}, Keras's formula gives {expected[i]:R} (tolerance {tolerance:R}).");
            }
        }
    }

    private static double LargestMagnitude(ReadOnlySpan<double> values)
    {
        double largest = 0;
        foreach (double value in values)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        return largest;
    }
}
