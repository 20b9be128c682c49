using System;

namespace Embedding.Generated.Optimizers;

/// <summary>
/// Keras 3's <c>SGD(learning_rate = 0.01, momentum = 0, nesterov = False)</c>. Without momentum <c>w -= lr * g</c>;
/// with it, the slot <c>momentum</c> holds <c>m = momentum * m - lr * g</c> and <c>w += m</c>
/// (Nesterov: <c>w += momentum * m - lr * g</c>).
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates the optimizer with Keras 3's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public Sgd(float learningRate = 0.01f, double momentum = 0, bool nesterov = false)
        : base(learningRate, momentum > 0 ? ["momentum"] : [])
    {
        Momentum = momentum > 0 ? RequireDecay(momentum, nameof(momentum)) : RequireNonNegative(momentum, nameof(momentum));
        Nesterov = nesterov;
    }

    /// <summary>The momentum coefficient; 0 for plain gradient descent.</summary>
    public double Momentum { get; }

    /// <summary>Whether the Nesterov form is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step)
    {
        float lr = step.LearningRate;
        float momentum = (float)Momentum;
        if (momentum == 0f)
        {
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] -= lr * gradient[i];
            }

            return;
        }

        Span<float> m = Slot(0, slotOffset, weights.Length);
        for (int i = 0; i < weights.Length; i++)
        {
            float g = gradient[i];
            m[i] = (momentum * m[i]) - (lr * g);
            weights[i] += Nesterov ? (momentum * m[i]) - (lr * g) : m[i];
        }
    }
}
