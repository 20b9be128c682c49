using System;
using Embedding.Generated.Constraints;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;

namespace Embedding.Generated;

/// <summary>
/// What every generated embedding layer offers, so that generic code (optimizers, weight files, benchmarks,
/// test harnesses) can drive any layer. The generated class also has the same members with its dimensions as
/// constants; calls through this interface cost one interface dispatch per batch, never one per row.
/// </summary>
/// <remarks>
/// Shapes are flattened row-major spans: ids <c>(batch, length)</c>, outputs <c>(batch, length, OutputDim)</c>,
/// weights <c>(InputDim, OutputDim)</c>. Every method checks all lengths and ids before it writes anything, so a
/// call that throws leaves its outputs as they were.
/// </remarks>
public interface IEmbeddingLayer
{
    /// <summary>Size of the vocabulary: ids must lie in <c>[0, InputDim)</c>.</summary>
    int InputDim { get; }

    /// <summary>Length of each embedding vector.</summary>
    int OutputDim { get; }

    /// <summary>The fixed sequence length, or <see langword="null"/> when sequences may have any length.</summary>
    int? InputLength { get; }

    /// <summary>Whether id 0 is padding and <see cref="ComputeMask"/> is available.</summary>
    bool MaskZero { get; }

    /// <summary>The weight table, row-major <c>InputDim x OutputDim</c>. Writes change the layer.</summary>
    Span<float> Weights { get; }

    /// <summary>Looks up the vector of every id: <c>output[i, :] = Weights[ids[i], :]</c>.</summary>
    /// <param name="ids">Ids, <c>batch x length</c> flattened; each in <c>[0, InputDim)</c>.</param>
    /// <param name="output">Receives <c>ids.Length x OutputDim</c> floats.</param>
    /// <exception cref="EmbeddingIdOutOfRangeException">An id lies outside <c>[0, InputDim)</c>; nothing was written.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length; nothing was written.</exception>
    void Forward(ReadOnlySpan<int> ids, Span<float> output);

    /// <summary>Computes the padding mask <c>ids[i] != 0</c>, as Keras's <c>compute_mask</c>.</summary>
    /// <exception cref="NotSupportedException">The layer was declared without <c>MaskZero = true</c>.</exception>
    void ComputeMask(ReadOnlySpan<int> ids, Span<bool> mask);

    /// <summary>
    /// Adds the gradient of the loss with respect to the weights to <paramref name="weightGradient"/>:
    /// <c>weightGradient[ids[i], :] += outputGradient[i, :]</c>, with repeated ids accumulated.
    /// </summary>
    void Backward(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, Span<float> weightGradient);

    /// <summary>
    /// Adds the same gradient to a sparse set of rows: each row the ids touch appears once in
    /// <paramref name="weightGradient"/> with its summed gradient. The cost is proportional to the ids, not to
    /// the table. Call <see cref="SparseRowGradient.Clear"/> to start a new step.
    /// </summary>
    void Backward(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, SparseRowGradient weightGradient);

    /// <summary>
    /// Applies one lazy sparse training step to the rows held in <paramref name="gradient"/>: per row, the penalty's
    /// gradient, <paramref name="optimizer"/>'s update and a row-wise constraint, compiled for the layer's OutputDim. Rows
    /// the gradient does not hold, and their optimizer slots, do not change. An axis-0 constraint projects the whole table.
    /// </summary>
    void ApplySparseStep(SparseRowGradient gradient, Optimizer optimizer, IRegularizer? regularizer, IConstraint? constraint);
}
