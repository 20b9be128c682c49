using System;
using System.Globalization;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Constraints;

/// <summary>
/// Keras's <c>MinMaxNorm(min_value = 0, max_value = 1, rate = 1, axis = 0)</c>: slice norms are moved into
/// <c>[min_value, max_value]</c>, by the fraction <c>rate</c>: <c>w * (rate * clip(n, min, max) + (1 - rate) * n) / (epsilon + n)</c>.
/// </summary>
public sealed class MinMaxNorm : NormConstraint
{
    /// <summary>Creates the constraint.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range, or <paramref name="minValue"/> exceeds <paramref name="maxValue"/>.</exception>
    public MinMaxNorm(float minValue = 0f, float maxValue = 1f, float rate = 1f, int axis = 0)
        : base(axis)
    {
        MinValue = NumberGuard.Require(minValue, ParameterRanges.MinMaxNorm.MinValue);
        MaxValue = NumberGuard.Require(maxValue, ParameterRanges.MinMaxNorm.MaxValue);
        NumberGuard.RequireOrdered(minValue, maxValue, ParameterRanges.MinMaxNorm.Component.Order!);
        Rate = NumberGuard.Require(rate, ParameterRanges.MinMaxNorm.Rate);
    }

    /// <summary>The smallest norm a slice is moved towards.</summary>
    public float MinValue { get; }

    /// <summary>The largest norm a slice is moved towards.</summary>
    public float MaxValue { get; }

    /// <summary>How far each step moves a slice's norm into the range: 1 at once, 0 not at all.</summary>
    public float Rate { get; }

    /// <inheritdoc />
    protected override float DesiredNorm(float norm) => (Rate * Math.Clamp(norm, MinValue, MaxValue)) + ((1f - Rate) * norm);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"MinMaxNorm(minValue: {MinValue}, maxValue: {MaxValue}, rate: {Rate}, axis: {Axis})");
}
