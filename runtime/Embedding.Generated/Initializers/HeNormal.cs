namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras 3's <c>HeNormal()</c>: <see cref="VarianceScaling"/> with scale 2.0, mode <c>fan_in</c> and distribution <c>truncated_normal</c>.
/// For a table of shape <c>(InputDim, OutputDim)</c> the weights have standard deviation <c>sqrt(2 / InputDim)</c> after truncation at two standard deviations.
/// </summary>
public sealed class HeNormal : VarianceScaling
{
    /// <summary>Creates the initializer.</summary>
    public HeNormal()
        : base(2.0, FanMode.FanIn, VarianceDistribution.TruncatedNormal)
    {
    }
}
