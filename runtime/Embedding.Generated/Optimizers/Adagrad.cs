using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Kernels;
using Embedding.Generated.Parameters;

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
        InitialAccumulatorValue = NumberGuard.Require(initialAccumulatorValue, ParameterRanges.Adagrad.InitialAccumulatorValue);
        Epsilon = NumberGuard.Require(epsilon, ParameterRanges.Optimizer.Epsilon);
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
        var streams = new ElementStreams
        {
            Target = ref MemoryMarshal.GetReference(weights),
            Input = ref MemoryMarshal.GetReference(gradient),
            Slot0 = ref MemoryMarshal.GetReference(Slot(0, slotOffset, length)),
        };
        ElementwiseLadder.Run(new Kernel(step.LearningRate, (float)Epsilon), ref streams, length);
    }

    // Target: the weights; Input: the gradient; Slot0: the accumulator.
    private readonly struct Kernel(float learningRate, float epsilon) : IElementwiseKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke<T>(scoped ref ElementStreams streams, nuint i)
            where T : struct, IFloatLanes<T>
        {
            T g = T.LoadUnsafe(ref streams.Input, i);
            T accumulator = T.LoadUnsafe(ref streams.Slot0, i) + (g * g);
            T.StoreUnsafe(accumulator, ref streams.Slot0, i);
            T.StoreUnsafe(T.LoadUnsafe(ref streams.Target, i) - (T.Create(learningRate) * g / T.Sqrt(accumulator + T.Create(epsilon))), ref streams.Target, i);
        }
    }
}
