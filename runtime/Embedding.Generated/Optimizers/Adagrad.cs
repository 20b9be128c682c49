using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        InitialAccumulatorValue = NumberGuard.RequireNonNegative(initialAccumulatorValue, nameof(initialAccumulatorValue));
        Epsilon = NumberGuard.RequirePositive(epsilon, nameof(epsilon));
    }

    /// <summary>The value every accumulator starts at.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>Added to the accumulator inside the square root.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    protected override float InitialSlotValue(int slotIndex) => (float)InitialAccumulatorValue;

    /// <inheritdoc />
    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step) =>
        Apply(weights, gradient, slotOffset, step, weights.Length);

    /// <inheritdoc />
    protected override void UpdateRow<TRowLength>(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step) =>
        Apply(weights, gradient, slotOffset, step, TRowLength.Value);

    // accumulator += g^2; w -= lr * g / sqrt(accumulator + epsilon). Inlined, so a row's constant length is the bound.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Apply(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step, int length)
    {
        float lr = step.LearningRate;
        float epsilon = (float)Epsilon;
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        ref float accumulator = ref MemoryMarshal.GetReference(Slot(0, slotOffset, length));
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vlr = Vector256.Create(lr);
            var vepsilon = Vector256.Create(epsilon);
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> vg = Vector256.LoadUnsafe(ref g, (nuint)i);
                Vector256<float> va = Vector256.LoadUnsafe(ref accumulator, (nuint)i) + (vg * vg);
                Vector256.StoreUnsafe(va, ref accumulator, (nuint)i);
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref w, (nuint)i) - (vlr * vg / Vector256.Sqrt(va + vepsilon)), ref w, (nuint)i);
            }
        }

        for (; i < length; i++)
        {
            float gi = Unsafe.Add(ref g, i);
            ref float ai = ref Unsafe.Add(ref accumulator, i);
            ai += gi * gi;
            Unsafe.Add(ref w, i) -= lr * gi / MathF.Sqrt(ai + epsilon);
        }
    }
}
