using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Kernels;
using Embedding.Generated.Parameters;

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
        Momentum = NumberGuard.Require(momentum, ParameterRanges.Sgd.Momentum);
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
        var streams = new ElementStreams
        {
            Target = ref MemoryMarshal.GetReference(weights),
            Input = ref MemoryMarshal.GetReference(gradient),
        };
        float momentum = (float)Momentum;
        if (momentum == 0f)
        {
            ElementwiseLadder.Run(new PlainKernel(step.LearningRate), ref streams, length);
            return;
        }

        streams.Slot0 = ref MemoryMarshal.GetReference(Slot(0, slotOffset, length));
        ElementwiseLadder.Run(new MomentumKernel(step.LearningRate, momentum, Nesterov), ref streams, length);
    }

    // w -= lr * g. Target: the weights; Input: the gradient.
    private readonly struct PlainKernel(float learningRate) : IElementwiseKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke<T>(scoped ref ElementStreams streams, nuint i)
            where T : struct, IFloatLanes<T> =>
            T.StoreUnsafe(T.LoadUnsafe(ref streams.Target, i) - (T.Create(learningRate) * T.LoadUnsafe(ref streams.Input, i)), ref streams.Target, i);
    }

    // m = momentum * m - lr * g; w += m (Nesterov: w += momentum * m - lr * g). Slot0: m.
    private readonly struct MomentumKernel(float learningRate, float momentum, bool nesterov) : IElementwiseKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke<T>(scoped ref ElementStreams streams, nuint i)
            where T : struct, IFloatLanes<T>
        {
            T g = T.LoadUnsafe(ref streams.Input, i);
            T m = (T.Create(momentum) * T.LoadUnsafe(ref streams.Slot0, i)) - (T.Create(learningRate) * g);
            T.StoreUnsafe(m, ref streams.Slot0, i);
            T move = nesterov ? (T.Create(momentum) * m) - (T.Create(learningRate) * g) : m;
            T.StoreUnsafe(T.LoadUnsafe(ref streams.Target, i) + move, ref streams.Target, i);
        }
    }
}
