using System;
using Embedding.Generated.Constraints;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;

namespace Embedding.Generated.Training;

/// <summary>
/// One training step of an embedding layer as Keras's <c>fit</c> does it for one batch, given the gradient of the loss
/// with respect to the layer's output: backward, the <c>embeddings_regularizer</c>'s gradient, the optimizer's update,
/// then the <c>embeddings_constraint</c>.
/// </summary>
/// <remarks>Buffers are allocated once, so steps after the first allocate nothing. Not thread-safe.</remarks>
public sealed class EmbeddingTrainer
{
    private readonly IEmbeddingLayer _layer;
    // On a cache-line boundary like a generated layer's table, so that a row of the gradient spans as few lines.
    private readonly AlignedTable? _denseGradient;
    private readonly SparseRowGradient? _sparseGradient;

    /// <summary>Creates a trainer for <paramref name="layer"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> or <paramref name="optimizer"/> is null.</exception>
    public EmbeddingTrainer(
        IEmbeddingLayer layer,
        Optimizer optimizer,
        UpdateMode mode = UpdateMode.Dense,
        IRegularizer? regularizer = null,
        IConstraint? constraint = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be {UpdateMode.Dense} or {UpdateMode.LazySparse}, but is {(int)mode}.");
        }

        _layer = layer;
        Optimizer = optimizer;
        Mode = mode;
        Regularizer = regularizer;
        Constraint = constraint;
        if (mode == UpdateMode.Dense)
        {
            _denseGradient = AlignedTable.Allocate(layer.Weights.Length);
        }
        else
        {
            _sparseGradient = new SparseRowGradient(layer.InputDim, layer.OutputDim);
        }
    }

    /// <summary>The optimizer that updates the table.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Dense (Keras) or lazy sparse updates.</summary>
    public UpdateMode Mode { get; }

    /// <summary>The penalty on the weights, if any (Keras's <c>embeddings_regularizer</c>).</summary>
    public IRegularizer? Regularizer { get; }

    /// <summary>The projection after each update, if any (Keras's <c>embeddings_constraint</c>).</summary>
    public IConstraint? Constraint { get; }

    /// <summary>
    /// The gradient the last step gave the optimizer: the whole table in dense mode (penalty included), or empty in
    /// lazy sparse mode (see <see cref="LastSparseGradient"/>).
    /// </summary>
    public ReadOnlySpan<float> LastDenseGradient => _denseGradient is { } gradient ? gradient.Span : [];

    /// <summary>The rows and gradients the last lazy sparse step gave the optimizer, or null in dense mode.</summary>
    public SparseRowGradient? LastSparseGradient => _sparseGradient;

    /// <summary>The penalty of the current weights (0 without a regularizer), to add to the loss as Keras adds <c>model.losses</c>.</summary>
    public double RegularizationLoss() => Regularizer?.Loss(_layer.Weights) ?? 0;

    /// <summary>
    /// Takes one step: the loss's gradient with respect to the forward output of <paramref name="ids"/> is
    /// <paramref name="outputGradient"/>. Everything is checked before the weights change.
    /// </summary>
    /// <exception cref="EmbeddingIdOutOfRangeException">An id is outside [0, InputDim); the weights are unchanged.</exception>
    /// <exception cref="ArgumentException">A length does not match; the weights are unchanged.</exception>
    public void Step(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient)
    {
        Span<float> weights = _layer.Weights;
        if (_denseGradient is { } table)
        {
            Span<float> gradient = table.Span;
            // Backward validates everything before it writes, and it writes only into the trainer's own buffer.
            gradient.Clear();
            _layer.Backward(ids, outputGradient, gradient);
            Regularizer?.AddGradient(weights, gradient);
            Optimizer.Step(weights, gradient, tableOwner: _layer);
            Constraint?.Apply(weights, _layer.InputDim, _layer.OutputDim);
            return;
        }

        SparseRowGradient sparse = _sparseGradient!;
        sparse.Clear();
        _layer.Backward(ids, outputGradient, sparse);
        // The generated layer fuses penalty, update and row-wise constraint per row, compiled for its OutputDim.
        _layer.ApplySparseStep(sparse, Optimizer, Regularizer, Constraint);
    }
}
