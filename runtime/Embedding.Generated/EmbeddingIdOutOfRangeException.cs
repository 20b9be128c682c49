using System;
using System.Globalization;

namespace Embedding.Generated;

/// <summary>
/// An id passed to an embedding layer lies outside <c>[0, InputDim)</c>. Thrown before anything is written, as
/// TensorFlow on CPU, PyTorch and TensorFlow.js do; the layer never clamps an id or returns zeros for it.
/// </summary>
public sealed class EmbeddingIdOutOfRangeException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for <paramref name="id"/> found at flat index <paramref name="index"/>.</summary>
    /// <param name="paramName">The argument that held the ids.</param>
    /// <param name="id">The offending id.</param>
    /// <param name="index">Its flat (row-major) index in the ids, or -1 for a single id.</param>
    /// <param name="inputDim">The layer's vocabulary size.</param>
    /// <param name="sequenceLength">The length of each sequence, to report <c>[batch, position]</c>; 0 when unknown.</param>
    public EmbeddingIdOutOfRangeException(string paramName, int id, int index, int inputDim, int sequenceLength)
        : base(paramName, id, FormatMessage(id, index, inputDim, sequenceLength))
    {
        Id = id;
        Index = index;
        InputDim = inputDim;
    }

    /// <summary>The offending id.</summary>
    public int Id { get; }

    /// <summary>The flat (row-major) index of the offending id, or -1 when a single id was passed.</summary>
    public int Index { get; }

    /// <summary>The vocabulary size: valid ids are <c>0</c> to <c>InputDim - 1</c>.</summary>
    public int InputDim { get; }

    private static string FormatMessage(int id, int index, int inputDim, int sequenceLength)
    {
        // Invariant culture: the numbers read the same everywhere (some cultures write minus as U+2212).
        CultureInfo invariant = CultureInfo.InvariantCulture;
        string position = index < 0 ? string.Empty
            : sequenceLength > 0 ? string.Create(invariant, $" at position [{index / sequenceLength}, {index % sequenceLength}] (flat index {index})")
            : string.Create(invariant, $" at index {index}");
        return string.Create(invariant, $"Id {id}{position} is outside the valid range [0, {inputDim}): ids must be at least 0 and less than InputDim = {inputDim}.");
    }
}
