using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Embedding.Generated.Optimizers;

/// <summary>
/// Keras 3's <c>Adam(learning_rate = 0.001, beta_1 = 0.9, beta_2 = 0.999, epsilon = 1e-7, amsgrad = False)</c>:
/// <c>m += (g - m) * (1 - beta_1)</c>, <c>v += (g^2 - v) * (1 - beta_2)</c>,
/// <c>alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)</c>, <c>w -= alpha * m / (sqrt(v) + epsilon)</c>. Keras's epsilon is
/// "epsilon hat": it is added after the bias correction is folded into <c>alpha</c>, unlike TensorFlow.js and PyTorch.
/// The powers are float32 (<c>0.999f</c> is 0.99900001287), as in Keras; <c>1 - beta</c> is computed before rounding.
/// </summary>
public sealed class Adam : Optimizer
{
    // alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t) of the step under way (BeginStep).
    private float _alpha;

    /// <summary>Creates the optimizer with Keras 3's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public Adam(float learningRate = 0.001f, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7, bool amsgrad = false)
        : base(learningRate, amsgrad ? ["momentum", "velocity", "velocity_hat"] : ["momentum", "velocity"])
    {
        Beta1 = NumberGuard.RequireDecay(beta1, nameof(beta1));
        Beta2 = NumberGuard.RequireDecay(beta2, nameof(beta2));
        Epsilon = NumberGuard.RequirePositive(epsilon, nameof(epsilon));
        Amsgrad = amsgrad;
    }

    /// <summary>The decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>The decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>Added to <c>sqrt(v)</c> in the divisor.</summary>
    public double Epsilon { get; }

    /// <summary>Whether the running maximum of the second moment is used (AMSGrad).</summary>
    public bool Amsgrad { get; }

    /// <inheritdoc />
    protected override void BeginStep(in StepContext step)
    {
        // The powers use the float32 betas (Keras casts beta to the variable's dtype first). Two powers per row cost
        // more than the row's update itself, so this is computed once per step.
        float t = step.Number;
        _alpha = step.LearningRate * MathF.Sqrt(1f - MathF.Pow((float)Beta2, t)) / (1f - MathF.Pow((float)Beta1, t));
    }

    /// <inheritdoc />
    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step) =>
        Apply(weights, gradient, slotOffset, weights.Length);

    /// <inheritdoc />
    protected override void UpdateRow<TRowLength>(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step) =>
        Apply(weights, gradient, slotOffset, TRowLength.Value);

    // One body for both callers: inlined, so a row's constant length becomes the loops' constant bound.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Apply(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, int length)
    {
        // The (1 - beta) factors are computed from the doubles and then rounded, as Keras's Python arithmetic does.
        float alpha = _alpha;
        float oneMinusBeta1 = (float)(1 - Beta1);
        float oneMinusBeta2 = (float)(1 - Beta2);
        float epsilon = (float)Epsilon;
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        ref float m = ref MemoryMarshal.GetReference(Slot(0, slotOffset, length));
        ref float v = ref MemoryMarshal.GetReference(Slot(1, slotOffset, length));
        ref float vHat = ref Amsgrad ? ref MemoryMarshal.GetReference(Slot(2, slotOffset, length)) : ref v;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var valpha = Vector256.Create(alpha);
            var vb1 = Vector256.Create(oneMinusBeta1);
            var vb2 = Vector256.Create(oneMinusBeta2);
            var vepsilon = Vector256.Create(epsilon);
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> vg = Vector256.LoadUnsafe(ref g, (nuint)i);
                Vector256<float> vm = Vector256.LoadUnsafe(ref m, (nuint)i);
                Vector256<float> vv = Vector256.LoadUnsafe(ref v, (nuint)i);
                vm += (vg - vm) * vb1;
                vv += ((vg * vg) - vv) * vb2;
                Vector256.StoreUnsafe(vm, ref m, (nuint)i);
                Vector256.StoreUnsafe(vv, ref v, (nuint)i);
                Vector256<float> second = vv;
                if (Amsgrad)
                {
                    second = Vector256.Max(Vector256.LoadUnsafe(ref vHat, (nuint)i), vv);
                    Vector256.StoreUnsafe(second, ref vHat, (nuint)i);
                }

                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref w, (nuint)i) - (valpha * vm / (Vector256.Sqrt(second) + vepsilon)), ref w, (nuint)i);
            }
        }

        for (; i < length; i++)
        {
            float gi = Unsafe.Add(ref g, i);
            ref float mi = ref Unsafe.Add(ref m, i);
            ref float vi = ref Unsafe.Add(ref v, i);
            mi += (gi - mi) * oneMinusBeta1;
            vi += ((gi * gi) - vi) * oneMinusBeta2;
            float second = vi;
            if (Amsgrad)
            {
                ref float hi = ref Unsafe.Add(ref vHat, i);
                hi = MathF.Max(hi, vi);
                second = hi;
            }

            Unsafe.Add(ref w, i) -= alpha * mi / (MathF.Sqrt(second) + epsilon);
        }
    }
}
