using System;
using System.Globalization;

namespace Embedding.Generated.Initializers;

/// <summary>
/// The argument checks the initializers share. Each throws before anything is written and names the value it found
/// and what was expected.
/// </summary>
internal static class InitializerGuard
{
    /// <summary>Throws unless the dimensions are valid (Keras: <c>input_dim &gt; 0</c>, <c>output_dim &gt;= 0</c>).</summary>
    public static void ValidateDimensions(int inputDim, int outputDim)
    {
        if (inputDim <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(inputDim), inputDim, string.Create(CultureInfo.InvariantCulture, $"inputDim must be greater than 0, but is {inputDim}."));
        }

        if (outputDim < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(outputDim), outputDim, string.Create(CultureInfo.InvariantCulture, $"outputDim must be 0 or more, but is {outputDim}."));
        }
    }

    /// <summary>Throws unless the dimensions are valid and <paramref name="weightsLength"/> is their product.</summary>
    public static void ValidateTable(int weightsLength, int inputDim, int outputDim)
    {
        ValidateDimensions(inputDim, outputDim);
        EmbeddingGuard.ValidateTableLength(weightsLength, inputDim, outputDim, "weights");
    }
}
