using System;

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
        Rho = RequireDecay(rho, nameof(rho));
        Momentum = momentum > 0 ? RequireDecay(momentum, nameof(momentum)) : RequireNonNegative(momentum, nameof(momentum));
        Epsilon = RequirePositive(epsilon, nameof(epsilon));
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
    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step)
    {
        float lr = step.LearningRate;
        float rho = (float)Rho;
        float oneMinusRho = (float)(1 - Rho);
        float momentumCoefficient = (float)Momentum;
        float epsilon = (float)Epsilon;
        Span<float> velocity = Slot(0, slotOffset, weights.Length);
        Span<float> momentum = _momentumSlot < 0 ? default : Slot(_momentumSlot, slotOffset, weights.Length);
        Span<float> averageGradient = _averageGradientSlot < 0 ? default : Slot(_averageGradientSlot, slotOffset, weights.Length);
        for (int i = 0; i < weights.Length; i++)
        {
            float g = gradient[i];
            velocity[i] = (rho * velocity[i]) + (oneMinusRho * (g * g));
            float denominator;
            if (Centered)
            {
                averageGradient[i] = (rho * averageGradient[i]) + (oneMinusRho * g);
                denominator = velocity[i] - (averageGradient[i] * averageGradient[i]) + epsilon;
            }
            else
            {
                denominator = velocity[i] + epsilon;
            }

            float increment = lr * g / MathF.Sqrt(denominator);
            if (_momentumSlot >= 0)
            {
                momentum[i] = (momentumCoefficient * momentum[i]) + increment;
                weights[i] -= momentum[i];
            }
            else
            {
                weights[i] -= increment;
            }
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
