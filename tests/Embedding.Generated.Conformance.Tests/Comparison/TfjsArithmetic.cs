using System;

namespace Embedding.Generated.Conformance.Tests.Comparison;

/// <summary>
/// The harness's own arithmetic where it computes what TensorFlow.js computed, done the way TensorFlow.js's cpu
/// backend does it, so that a hand-checkable or exact case can be compared bit for bit.
/// </summary>
internal static class TfjsArithmetic
{
    /// <summary>
    /// <c>sum(a * b)</c> as <c>tf.sum(tf.mul(a, b))</c>: each product rounded to float32 (a Float32Array), the sum
    /// accumulated in float64 (JavaScript numbers) and rounded to float32 once at the end.
    /// </summary>
    public static float SumOfProducts(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The spans hold {a.Length} and {b.Length} values.", nameof(b));
        }

        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            // float * float is a float32 product, as tf.mul gives; the cast only states it.
            sum += (float)(a[i] * b[i]);
        }

        return (float)sum;
    }
}
