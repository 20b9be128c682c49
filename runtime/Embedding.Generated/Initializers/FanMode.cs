namespace Embedding.Generated.Initializers;

/// <summary>Which fan <see cref="VarianceScaling"/> divides its scale by (Keras's <c>mode</c>).</summary>
/// <remarks>For an embedding table of shape <c>(InputDim, OutputDim)</c>, fan_in is <c>InputDim</c>, the vocabulary size, and fan_out is <c>OutputDim</c>.</remarks>
public enum FanMode
{
    /// <summary><c>"fan_in"</c>: the number of rows, <c>InputDim</c>.</summary>
    FanIn,

    /// <summary><c>"fan_out"</c>: the number of columns, <c>OutputDim</c>.</summary>
    FanOut,

    /// <summary><c>"fan_avg"</c>: <c>(InputDim + OutputDim) / 2</c>.</summary>
    FanAvg,
}
