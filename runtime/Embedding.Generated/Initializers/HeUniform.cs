namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras 3's <c>HeUniform()</c>: <see cref="VarianceScaling"/> with scale 2.0, mode <c>fan_in</c> and distribution <c>uniform</c>.
/// For a table of shape <c>(InputDim, OutputDim)</c> the weights are uniform on <c>[-limit, limit)</c>, <c>limit = sqrt(6 / InputDim)</c>.
/// </summary>
public sealed class HeUniform : VarianceScaling
{
    /// <summary>Creates the initializer.</summary>
    public HeUniform()
        : base(2.0, FanMode.FanIn, VarianceDistribution.Uniform)
    {
    }
}
