namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras 3's <c>GlorotUniform()</c>: <see cref="VarianceScaling"/> with scale 1.0, mode <c>fan_avg</c> and distribution <c>uniform</c>.
/// For a table of shape <c>(InputDim, OutputDim)</c> the weights are uniform on <c>[-limit, limit)</c>, <c>limit = sqrt(6 / (InputDim + OutputDim))</c>.
/// </summary>
public sealed class GlorotUniform : VarianceScaling
{
    /// <summary>Creates the initializer.</summary>
    public GlorotUniform()
        : base(1.0, FanMode.FanAvg, VarianceDistribution.Uniform)
    {
    }
}
