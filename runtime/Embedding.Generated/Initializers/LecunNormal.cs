namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras 3's <c>LecunNormal()</c>: <see cref="VarianceScaling"/> with scale 1.0, mode <c>fan_in</c> and distribution <c>truncated_normal</c>.
/// For a table of shape <c>(InputDim, OutputDim)</c> the weights have standard deviation <c>sqrt(1 / InputDim)</c> after truncation at two standard deviations.
/// </summary>
public sealed class LecunNormal : VarianceScaling
{
    /// <summary>Creates the initializer.</summary>
    public LecunNormal()
        : base(1.0, FanMode.FanIn, VarianceDistribution.TruncatedNormal)
    {
    }
}
