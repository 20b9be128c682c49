using System;

namespace Embedding.Generated.Regularizers;

/// <summary>
/// A penalty added to the loss, as a Keras <c>embeddings_regularizer</c> (on the weights) or
/// <c>activity_regularizer</c> (on the layer's output).
/// </summary>
public interface IRegularizer
{
    /// <summary>The penalty of <paramref name="values"/>.</summary>
    double Loss(ReadOnlySpan<float> values);

    /// <summary>Adds <paramref name="scale"/> times the penalty's gradient with respect to <paramref name="values"/> into <paramref name="gradient"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    void AddGradient(ReadOnlySpan<float> values, Span<float> gradient, float scale = 1f);
}
