using System;

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
    /// <summary>Creates the optimizer with Keras 3's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public Adam(float learningRate = 0.001f, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7, bool amsgrad = false)
        : base(learningRate, amsgrad ? ["momentum", "velocity", "velocity_hat"] : ["momentum", "velocity"])
    {
        Beta1 = RequireDecay(beta1, nameof(beta1));
        Beta2 = RequireDecay(beta2, nameof(beta2));
        Epsilon = RequirePositive(epsilon, nameof(epsilon));
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
    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step)
    {
        // The powers use the float32 betas (Keras casts beta to the variable's dtype first); the (1 - beta) factors are
        // computed from the doubles and then rounded, as Keras's Python arithmetic does.
        float t = step.Number;
        float alpha = step.LearningRate * MathF.Sqrt(1f - MathF.Pow((float)Beta2, t)) / (1f - MathF.Pow((float)Beta1, t));
        float oneMinusBeta1 = (float)(1 - Beta1);
        float oneMinusBeta2 = (float)(1 - Beta2);
        float epsilon = (float)Epsilon;
        Span<float> m = Slot(0, slotOffset, weights.Length);
        Span<float> v = Slot(1, slotOffset, weights.Length);
        Span<float> vHat = Amsgrad ? Slot(2, slotOffset, weights.Length) : default;
        for (int i = 0; i < weights.Length; i++)
        {
            float g = gradient[i];
            m[i] += (g - m[i]) * oneMinusBeta1;
            v[i] += ((g * g) - v[i]) * oneMinusBeta2;
            float second = v[i];
            if (Amsgrad)
            {
                vHat[i] = MathF.Max(vHat[i], v[i]);
                second = vHat[i];
            }

            weights[i] -= alpha * m[i] / (MathF.Sqrt(second) + epsilon);
        }
    }
}
