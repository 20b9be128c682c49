using System;

namespace Embedding.Generated.Regularizers;

/// <summary>
/// Keras 3's <c>activity_regularizer</c> (3.14 and later): the regularizer of the layer's output divided by the
/// batch size, and the matching term of the output gradient.
/// </summary>
public static class ActivityRegularization
{
    /// <summary>The penalty of a <c>(batch, ...)</c> output: <c>regularizer(output) / batchSize</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    public static double Loss(IRegularizer regularizer, ReadOnlySpan<float> output, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(regularizer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return regularizer.Loss(output) / batchSize;
    }

    /// <summary>Adds the penalty's gradient with respect to the output into <paramref name="outputGradient"/>.</summary>
    public static void AddGradient(IRegularizer regularizer, ReadOnlySpan<float> output, Span<float> outputGradient, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(regularizer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        regularizer.AddGradient(output, outputGradient, 1f / batchSize);
    }
}
