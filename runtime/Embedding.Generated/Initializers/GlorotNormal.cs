namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras 3's <c>GlorotNormal()</c>: <see cref="VarianceScaling"/> with scale 1.0, mode <c>fan_avg</c> and distribution <c>truncated_normal</c>.
/// For a table of shape <c>(InputDim, OutputDim)</c> the weights have standard deviation <c>sqrt(2 / (InputDim + OutputDim))</c> after truncation at two standard deviations.
/// </summary>
public sealed class GlorotNormal : VarianceScaling
{
    /// <summary>Creates the initializer.</summary>
    public GlorotNormal()
        : base(1.0, FanMode.FanAvg, VarianceDistribution.TruncatedNormal)
    {
    }
}
