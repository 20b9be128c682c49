namespace Embedding.Generated.Initializers;

/// <summary>The distribution <see cref="VarianceScaling"/> draws from (Keras's <c>distribution</c>).</summary>
public enum VarianceDistribution
{
    /// <summary>
    /// <c>"truncated_normal"</c> (Keras also accepts <c>"normal"</c> for it): a normal cut at two standard deviations, whose
    /// deviation before the cut is chosen so that the deviation after it is <c>sqrt(scale / n)</c>.
    /// </summary>
    TruncatedNormal,

    /// <summary><c>"untruncated_normal"</c>: a normal of standard deviation <c>sqrt(scale / n)</c>.</summary>
    UntruncatedNormal,

    /// <summary><c>"uniform"</c>: uniform on <c>[-sqrt(3 scale / n), sqrt(3 scale / n))</c>, of standard deviation <c>sqrt(scale / n)</c>.</summary>
    Uniform,
}
