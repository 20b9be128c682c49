using System;
using System.Globalization;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Constraints;

/// <summary>
/// Keras's <c>MaxNorm(max_value = 2, axis = 0)</c>: slices whose norm exceeds <see cref="MaxValue"/> are scaled down
/// to it: <c>w * clip(n, 0, max_value) / (epsilon + n)</c>. Pass <c>axis: 1</c> to bound each token's vector.
/// </summary>
public sealed class MaxNorm : NormConstraint
{
    /// <summary>Creates the constraint.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public MaxNorm(float maxValue = 2f, int axis = 0)
        : base(axis)
    {
        MaxValue = NumberGuard.Require(maxValue, ParameterRanges.MaxNorm.MaxValue);
    }

    /// <summary>The largest norm a slice may keep.</summary>
    public float MaxValue { get; }

    /// <inheritdoc />
    protected override float DesiredNorm(float norm) => Math.Clamp(norm, 0f, MaxValue);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"MaxNorm(maxValue: {MaxValue}, axis: {Axis})");
}
