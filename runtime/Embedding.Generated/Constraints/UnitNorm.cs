using System.Globalization;

namespace Embedding.Generated.Constraints;

/// <summary>
/// Keras's <c>UnitNorm(axis = 0)</c>: every slice is scaled to norm 1: <c>w / (epsilon + n)</c>. Pass <c>axis: 1</c>
/// for unit-length token vectors. An all-zero slice stays zero.
/// </summary>
public sealed class UnitNorm : NormConstraint
{
    /// <summary>Creates the constraint.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="axis"/> is not 0, 1 or -1.</exception>
    public UnitNorm(int axis = 0)
        : base(axis)
    {
    }

    /// <inheritdoc />
    protected override float DesiredNorm(float norm) => 1f;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"UnitNorm(axis: {Axis})");
}
