using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Kernels;
using Embedding.Generated.Parameters;

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
        Beta1 = NumberGuard.Require(beta1, ParameterRanges.Adam.Beta1);
        Beta2 = NumberGuard.Require(beta2, ParameterRanges.Adam.Beta2);
        Epsilon = NumberGuard.Require(epsilon, ParameterRanges.Optimizer.Epsilon);
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
        var streams = new ElementStreams
        {
            Target = ref MemoryMarshal.GetReference(weights),
            Input = ref MemoryMarshal.GetReference(gradient),
            Slot0 = ref MemoryMarshal.GetReference(Slot(0, slotOffset, length)),
            Slot1 = ref MemoryMarshal.GetReference(Slot(1, slotOffset, length)),
        };
        if (Amsgrad)
        {
            streams.Slot2 = ref MemoryMarshal.GetReference(Slot(2, slotOffset, length));
        }

        // The (1 - beta) factors are computed from the doubles and then rounded, as Keras's Python arithmetic does.
        var kernel = new Kernel(_alpha, (float)(1 - Beta1), (float)(1 - Beta2), (float)Epsilon, Amsgrad);
        ElementwiseLadder.Run(kernel, ref streams, length);
    }

    // Target: the weights; Input: the gradient; Slot0: m; Slot1: v; Slot2: the running maximum of v (AMSGrad).
    private readonly struct Kernel(float alpha, float oneMinusBeta1, float oneMinusBeta2, float epsilon, bool amsgrad) : IElementwiseKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke<T>(scoped ref ElementStreams streams, nuint i)
            where T : struct, IFloatLanes<T>
        {
            T g = T.LoadUnsafe(ref streams.Input, i);
            T m = T.LoadUnsafe(ref streams.Slot0, i);
            T v = T.LoadUnsafe(ref streams.Slot1, i);
            m += (g - m) * T.Create(oneMinusBeta1);
            v += ((g * g) - v) * T.Create(oneMinusBeta2);
            T.StoreUnsafe(m, ref streams.Slot0, i);
            T.StoreUnsafe(v, ref streams.Slot1, i);
            T second = v;
            if (amsgrad)
            {
                second = T.Max(T.LoadUnsafe(ref streams.Slot2, i), v);
                T.StoreUnsafe(second, ref streams.Slot2, i);
            }

            T.StoreUnsafe(T.LoadUnsafe(ref streams.Target, i) - (T.Create(alpha) * m / (T.Sqrt(second) + T.Create(epsilon))), ref streams.Target, i);
        }
    }
}
