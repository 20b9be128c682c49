using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Embedding.Generated.Optimizers;

/// <summary>
/// Keras 3's <c>SGD(learning_rate = 0.01, momentum = 0, nesterov = False)</c>. Without momentum <c>w -= lr * g</c>;
/// with it, the slot <c>momentum</c> holds <c>m = momentum * m - lr * g</c> and <c>w += m</c>
/// (Nesterov: <c>w += momentum * m - lr * g</c>).
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates the optimizer with Keras 3's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An argument is out of range: the learning rate must be 0 or more and <paramref name="momentum"/> in [0, 1], as
    /// Keras 3 checks it (1 is allowed there: the velocity then never decays).
    /// </exception>
    public Sgd(float learningRate = 0.01f, double momentum = 0, bool nesterov = false)
        : base(learningRate, momentum > 0 ? ["momentum"] : [])
    {
        Momentum = NumberGuard.RequireFraction(momentum, nameof(momentum));
        Nesterov = nesterov;
    }

    /// <summary>The momentum coefficient in [0, 1]; 0 for plain gradient descent.</summary>
    public double Momentum { get; }

    /// <summary>Whether the Nesterov form is used.</summary>
    public bool Nesterov { get; }

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
        float momentum = (float)Momentum;
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        int i = 0;
        if (momentum == 0f)
        {
            // w -= lr * g
            if (Vector256.IsHardwareAccelerated)
            {
                var vlr = Vector256.Create(lr);
                for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
                {
                    Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref w, (nuint)i) - (vlr * Vector256.LoadUnsafe(ref g, (nuint)i)), ref w, (nuint)i);
                }
            }

            for (; i < length; i++)
            {
                Unsafe.Add(ref w, i) -= lr * Unsafe.Add(ref g, i);
            }

            return;
        }

        // m = momentum * m - lr * g; w += m (Nesterov: w += momentum * m - lr * g)
        ref float m = ref MemoryMarshal.GetReference(Slot(0, slotOffset, length));
        if (Vector256.IsHardwareAccelerated)
        {
            var vlr = Vector256.Create(lr);
            var vmomentum = Vector256.Create(momentum);
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> vg = Vector256.LoadUnsafe(ref g, (nuint)i);
                Vector256<float> vm = (vmomentum * Vector256.LoadUnsafe(ref m, (nuint)i)) - (vlr * vg);
                Vector256.StoreUnsafe(vm, ref m, (nuint)i);
                Vector256<float> move = Nesterov ? (vmomentum * vm) - (vlr * vg) : vm;
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref w, (nuint)i) + move, ref w, (nuint)i);
            }
        }

        for (; i < length; i++)
        {
            float gi = Unsafe.Add(ref g, i);
            ref float mi = ref Unsafe.Add(ref m, i);
            mi = (momentum * mi) - (lr * gi);
            Unsafe.Add(ref w, i) += Nesterov ? (momentum * mi) - (lr * gi) : mi;
        }
    }
}
