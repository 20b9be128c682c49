namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras 3's <c>LecunUniform()</c>: <see cref="VarianceScaling"/> with scale 1.0, mode <c>fan_in</c> and distribution <c>uniform</c>.
/// For a table of shape <c>(InputDim, OutputDim)</c> the weights are uniform on <c>[-limit, limit)</c>, <c>limit = sqrt(3 / InputDim)</c>.
/// </summary>
public sealed class LecunUniform : VarianceScaling
{
    /// <summary>Creates the initializer.</summary>
    public LecunUniform()
        : base(1.0, FanMode.FanIn, VarianceDistribution.Uniform)
    {
    }
}
