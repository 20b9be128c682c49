using System;

namespace Embedding.Generated.Optimizers;

/// <summary>
/// Keras 3's <c>Adagrad(learning_rate = 0.001, initial_accumulator_value = 0.1, epsilon = 1e-7)</c>:
/// <c>accumulator += g^2</c>, <c>w -= lr * g / sqrt(accumulator + epsilon)</c>.
/// </summary>
public sealed class Adagrad : Optimizer
{
    /// <summary>Creates the optimizer with Keras 3's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public Adagrad(float learningRate = 0.001f, double initialAccumulatorValue = 0.1, double epsilon = 1e-7)
        : base(learningRate, "accumulator")
    {
        InitialAccumulatorValue = RequireNonNegative(initialAccumulatorValue, nameof(initialAccumulatorValue));
        Epsilon = RequirePositive(epsilon, nameof(epsilon));
    }

    /// <summary>The value every accumulator starts at.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>Added to the accumulator inside the square root.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    protected override float InitialSlotValue(int slotIndex) => (float)InitialAccumulatorValue;

    /// <inheritdoc />
    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step)
    {
        float lr = step.LearningRate;
        float epsilon = (float)Epsilon;
        Span<float> accumulator = Slot(0, slotOffset, weights.Length);
        for (int i = 0; i < weights.Length; i++)
        {
            float g = gradient[i];
            accumulator[i] += g * g;
            weights[i] -= lr * g / MathF.Sqrt(accumulator[i] + epsilon);
        }
    }
}
