using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Kernels;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Optimizers;

/// <summary>
/// Keras 3's <c>RMSprop(learning_rate = 0.001, rho = 0.9, momentum = 0, epsilon = 1e-7, centered = False)</c>:
/// <c>v = rho * v + (1 - rho) * g^2</c>, <c>increment = lr * g / sqrt(v + epsilon)</c>. Epsilon sits <b>inside</b> the
/// square root, as in Keras and TensorFlow (PyTorch adds it outside). Centered: the divisor is
/// <c>sqrt(v - mg^2 + epsilon)</c> with <c>mg</c> the running mean gradient. With momentum:
/// <c>mom = momentum * mom + increment; w -= mom</c>.
/// </summary>
public sealed class RmsProp : Optimizer
{
    private readonly int _momentumSlot;
    private readonly int _averageGradientSlot;

    /// <summary>Creates the optimizer with Keras 3's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public RmsProp(float learningRate = 0.001f, double rho = 0.9, double momentum = 0, double epsilon = 1e-7, bool centered = false)
        : base(learningRate, SlotNamesFor(momentum, centered))
    {
        Rho = NumberGuard.Require(rho, ParameterRanges.RmsProp.Rho);
        Momentum = NumberGuard.Require(momentum, ParameterRanges.RmsProp.Momentum);
        Epsilon = NumberGuard.Require(epsilon, ParameterRanges.Optimizer.Epsilon);
        Centered = centered;
        _momentumSlot = momentum > 0 ? 1 : -1;
        _averageGradientSlot = centered ? (momentum > 0 ? 2 : 1) : -1;
    }

    /// <summary>The decay of the running mean of squared gradients.</summary>
    public double Rho { get; }

    /// <summary>The momentum coefficient; 0 for none.</summary>
    public double Momentum { get; }

    /// <summary>Added to the mean square inside the square root.</summary>
    public double Epsilon { get; }

    /// <summary>Whether the variance (mean square minus squared mean gradient) is used instead of the mean square.</summary>
    public bool Centered { get; }

    /// <inheritdoc />
    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step) =>
        Apply(weights, gradient, slotOffset, step, weights.Length);

    /// <inheritdoc />
    protected override void UpdateRow<TRowLength>(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step) =>
        Apply(weights, gradient, slotOffset, step, TRowLength.Value);

    // One body for both callers: inlined, so a row's constant length becomes the loops' constant bound.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Apply(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step, int length)
    {
        bool hasMomentum = _momentumSlot >= 0;
        var streams = new ElementStreams
        {
            Target = ref MemoryMarshal.GetReference(weights),
            Input = ref MemoryMarshal.GetReference(gradient),
            Slot0 = ref MemoryMarshal.GetReference(Slot(0, slotOffset, length)),
        };
        if (hasMomentum)
        {
            streams.Slot1 = ref MemoryMarshal.GetReference(Slot(_momentumSlot, slotOffset, length));
        }

        if (Centered)
        {
            streams.Slot2 = ref MemoryMarshal.GetReference(Slot(_averageGradientSlot, slotOffset, length));
        }

        var kernel = new Kernel(step.LearningRate, (float)Rho, (float)(1 - Rho), (float)Momentum, (float)Epsilon, hasMomentum, Centered);
        ElementwiseLadder.Run(kernel, ref streams, length);
    }

    // Target: the weights; Input: the gradient; Slot0: velocity; Slot1: momentum; Slot2: the average gradient.
    private readonly struct Kernel(float learningRate, float rho, float oneMinusRho, float momentum, float epsilon, bool hasMomentum, bool centered)
        : IElementwiseKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke<T>(scoped ref ElementStreams streams, nuint i)
            where T : struct, IFloatLanes<T>
        {
            T g = T.LoadUnsafe(ref streams.Input, i);
            T velocity = (T.Create(rho) * T.LoadUnsafe(ref streams.Slot0, i)) + (T.Create(oneMinusRho) * (g * g));
            T.StoreUnsafe(velocity, ref streams.Slot0, i);
            T denominator;
            if (centered)
            {
                T average = (T.Create(rho) * T.LoadUnsafe(ref streams.Slot2, i)) + (T.Create(oneMinusRho) * g);
                T.StoreUnsafe(average, ref streams.Slot2, i);
                denominator = velocity - (average * average) + T.Create(epsilon);
            }
            else
            {
                denominator = velocity + T.Create(epsilon);
            }

            T increment = T.Create(learningRate) * g / T.Sqrt(denominator);
            if (hasMomentum)
            {
                increment = (T.Create(momentum) * T.LoadUnsafe(ref streams.Slot1, i)) + increment;
                T.StoreUnsafe(increment, ref streams.Slot1, i);
            }

            T.StoreUnsafe(T.LoadUnsafe(ref streams.Target, i) - increment, ref streams.Target, i);
        }
    }

    private static string[] SlotNamesFor(double momentum, bool centered) => (momentum > 0, centered) switch
    {
        (true, true) => ["velocity", "momentum", "average_gradient"],
        (true, false) => ["velocity", "momentum"],
        (false, true) => ["velocity", "average_gradient"],
        _ => ["velocity"],
    };
}
