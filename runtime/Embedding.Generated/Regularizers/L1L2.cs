using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Kernels;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Regularizers;

/// <summary>
/// Keras 3's <c>L1L2(l1, l2)</c>: <c>l1 * sum(|w|) + l2 * sum(w^2)</c>, with no 1/2 factor and no mean. Its
/// defaults are 0 and 0, as in Keras 3 (tf.keras's <c>l1_l2()</c> function defaulted to 0.01 each).
/// </summary>
/// <remarks>
/// The gradient is <c>l1 * sign(w) + 2 * l2 * w</c>, with <c>sign(0) = 0</c> as TensorFlow's <c>sign</c>.
/// The loss is summed in double and the gradient computed in float.
/// </remarks>
public class L1L2 : IRegularizer
{
    /// <summary>Creates the regularizer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coefficient is negative, NaN or infinite.</exception>
    public L1L2(float l1 = 0f, float l2 = 0f)
    {
        L1 = NumberGuard.Require(l1, ParameterRanges.L1L2.L1);
        L2 = NumberGuard.Require(l2, ParameterRanges.L1L2.L2);
    }

    /// <summary>The coefficient of <c>sum(|w|)</c>.</summary>
    public float L1 { get; }

    /// <summary>The coefficient of <c>sum(w^2)</c>.</summary>
    public float L2 { get; }

    /// <inheritdoc />
    public double Loss(ReadOnlySpan<float> values)
    {
        double absoluteSum = 0, squareSum = 0;
        foreach (float value in values)
        {
            absoluteSum += Math.Abs(value);
            squareSum += (double)value * value;
        }

        // A zero coefficient's term is skipped, as Keras does, so an infinite weight with l1 = 0 gives no NaN.
        double loss = 0;
        if (L1 != 0)
        {
            loss += L1 * absoluteSum;
        }

        if (L2 != 0)
        {
            loss += L2 * squareSum;
        }

        return loss;
    }

    /// <inheritdoc />
    public void AddGradient(ReadOnlySpan<float> values, Span<float> gradient, float scale = 1f)
    {
        EmbeddingGuard.ValidateSameLength(gradient.Length, values.Length, nameof(gradient));
        // As in the loss, a zero coefficient's term is left out (Keras never builds it), so an infinite weight with
        // l2 = 0 gets no NaN from 0 * infinity. Elementwise, so the vector and scalar loops give the same floats.
        float l1 = scale * L1;
        float twoL2 = scale * 2f * L2;
        bool hasL1 = l1 != 0;
        bool hasL2 = twoL2 != 0;
        var streams = new ElementStreams
        {
            Target = ref MemoryMarshal.GetReference(gradient),
            Input = ref MemoryMarshal.GetReference(values),
        };
        ElementwiseLadder.Run(new GradientKernel(l1, twoL2, hasL1, hasL2), ref streams, values.Length);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{GetType().Name}(l1: {L1}, l2: {L2})");

    // gradient += l1 * sign(w) + 2 * l2 * w. Target: the gradient; Input: the weights. Sign gives NaN weights no l1
    // push (the l2 term, if l2 > 0, carries the NaN on).
    private readonly struct GradientKernel(float l1, float twoL2, bool hasL1, bool hasL2) : IElementwiseKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke<T>(scoped ref ElementStreams streams, nuint i)
            where T : struct, IFloatLanes<T>
        {
            T w = T.LoadUnsafe(ref streams.Input, i);
            T term = hasL2 ? T.Create(twoL2) * w : T.Create(0f);
            if (hasL1)
            {
                term = (T.Create(l1) * T.Sign(w)) + term;
            }

            T.StoreUnsafe(T.LoadUnsafe(ref streams.Target, i) + term, ref streams.Target, i);
        }
    }
}

/// <summary>Keras 3's <c>L1(l1 = 0.01)</c>: <c>l1 * sum(|w|)</c>.</summary>
public sealed class L1 : L1L2
{
    /// <summary>Creates the regularizer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="l1"/> is negative, NaN or infinite.</exception>
    public L1(float l1 = 0.01f)
        : base(l1: l1)
    {
    }
}

/// <summary>Keras 3's <c>L2(l2 = 0.01)</c>: <c>l2 * sum(w^2)</c>, with no 1/2 factor.</summary>
public sealed class L2 : L1L2
{
    /// <summary>Creates the regularizer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="l2"/> is negative, NaN or infinite.</exception>
    public L2(float l2 = 0.01f)
        : base(l2: l2)
    {
    }
}
