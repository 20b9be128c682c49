using System;
using System.Globalization;

namespace Embedding.Generated.Initializers;

/// <summary>
/// A table the user supplies, such as pre-trained vectors: <see cref="Values"/>, row-major
/// <c>InputDim x OutputDim</c>, copied as they are (Keras passes such a matrix through <c>Constant</c> or
/// <c>weights=[matrix]</c>).
/// </summary>
/// <remarks>
/// The values are read when <see cref="Initialize"/> runs, not copied by the constructor, so a large matrix is not held
/// twice; changes made to the underlying memory in between are seen. They are copied bit for bit, without any check.
/// </remarks>
public sealed class MatrixInitializer : IEmbeddingInitializer
{
    /// <summary>Creates the initializer.</summary>
    public MatrixInitializer(ReadOnlyMemory<float> values) => Values = values;

    /// <summary>The table, row-major.</summary>
    public ReadOnlyMemory<float> Values { get; }

    /// <inheritdoc />
    /// <remarks>The seed is not used.</remarks>
    /// <exception cref="ArgumentException"><see cref="Values"/> does not hold exactly <c>inputDim * outputDim</c> floats, or <paramref name="weights"/> does not.</exception>
    public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
    {
        InitializerGuard.ValidateTable(weights.Length, inputDim, outputDim);
        if (Values.Length != weights.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The matrix has {Values.Length} values, but the table InputDim {inputDim} x OutputDim {outputDim} needs exactly {weights.Length}."),
                nameof(weights));
        }

        Values.Span.CopyTo(weights);
    }
}
