using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        Rho = NumberGuard.RequireDecay(rho, nameof(rho));
        Momentum = momentum > 0 ? NumberGuard.RequireDecay(momentum, nameof(momentum)) : NumberGuard.RequireNonNegative(momentum, nameof(momentum));
        Epsilon = NumberGuard.RequirePositive(epsilon, nameof(epsilon));
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
        float lr = step.LearningRate;
        float rho = (float)Rho;
        float oneMinusRho = (float)(1 - Rho);
        float momentumCoefficient = (float)Momentum;
        float epsilon = (float)Epsilon;
        bool hasMomentum = _momentumSlot >= 0;
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        ref float velocity = ref MemoryMarshal.GetReference(Slot(0, slotOffset, length));
        ref float momentum = ref hasMomentum ? ref MemoryMarshal.GetReference(Slot(_momentumSlot, slotOffset, length)) : ref velocity;
        ref float average = ref Centered ? ref MemoryMarshal.GetReference(Slot(_averageGradientSlot, slotOffset, length)) : ref velocity;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vlr = Vector256.Create(lr);
            var vrho = Vector256.Create(rho);
            var vOneMinusRho = Vector256.Create(oneMinusRho);
            var vmomentum = Vector256.Create(momentumCoefficient);
            var vepsilon = Vector256.Create(epsilon);
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> vg = Vector256.LoadUnsafe(ref g, (nuint)i);
                Vector256<float> vv = (vrho * Vector256.LoadUnsafe(ref velocity, (nuint)i)) + (vOneMinusRho * (vg * vg));
                Vector256.StoreUnsafe(vv, ref velocity, (nuint)i);
                Vector256<float> denominator;
                if (Centered)
                {
                    Vector256<float> va = (vrho * Vector256.LoadUnsafe(ref average, (nuint)i)) + (vOneMinusRho * vg);
                    Vector256.StoreUnsafe(va, ref average, (nuint)i);
                    denominator = vv - (va * va) + vepsilon;
                }
                else
                {
                    denominator = vv + vepsilon;
                }

                Vector256<float> increment = vlr * vg / Vector256.Sqrt(denominator);
                if (hasMomentum)
                {
                    increment = (vmomentum * Vector256.LoadUnsafe(ref momentum, (nuint)i)) + increment;
                    Vector256.StoreUnsafe(increment, ref momentum, (nuint)i);
                }

                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref w, (nuint)i) - increment, ref w, (nuint)i);
            }
        }

        for (; i < length; i++)
        {
            float gi = Unsafe.Add(ref g, i);
            ref float vi = ref Unsafe.Add(ref velocity, i);
            vi = (rho * vi) + (oneMinusRho * (gi * gi));
            float denominator;
            if (Centered)
            {
                ref float ai = ref Unsafe.Add(ref average, i);
                ai = (rho * ai) + (oneMinusRho * gi);
                denominator = vi - (ai * ai) + epsilon;
            }
            else
            {
                denominator = vi + epsilon;
            }

            float increment = lr * gi / MathF.Sqrt(denominator);
            if (hasMomentum)
            {
                ref float mi = ref Unsafe.Add(ref momentum, i);
                mi = (momentumCoefficient * mi) + increment;
                increment = mi;
            }

            Unsafe.Add(ref w, i) -= increment;
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
