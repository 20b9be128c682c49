using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Constraints;
using Embedding.Generated.Initializers;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;

namespace Embedding.Generated.Benchmarks.Baselines;

/// <summary>
/// The baseline a user writes by hand: the same algorithm as a generated layer (validate everything once, then one
/// row copy or row add per id, the same sparse slot assignment), with the dimensions as fields instead of constants.
/// Implements <see cref="IEmbeddingLayer"/>, so the runtime's trainer drives it exactly as it drives a generated layer.
/// </summary>
/// <remarks>
/// Its lazy sparse step is what the runtime's public API gives a row length known only at run time: the penalty per
/// row, the optimizer's sparse step over the rows, the constraint per row (three passes, not fused per row).
/// </remarks>
public sealed class RuntimeEmbedding : IEmbeddingLayer
{
    private readonly float[] _weights;
    private readonly int _inputLength;

    /// <summary>Creates the layer with Keras's default initializer from <paramref name="seed"/>, as a generated layer does.</summary>
    public RuntimeEmbedding(int inputDim, int outputDim, int inputLength, int seed)
    {
        InputDim = inputDim;
        OutputDim = outputDim;
        _inputLength = inputLength;
        _weights = new float[checked(inputDim * outputDim)];
        RandomUniform.KerasDefault.Initialize(_weights, inputDim, outputDim, seed);
    }

    /// <inheritdoc />
    public int InputDim { get; }

    /// <inheritdoc />
    public int OutputDim { get; }

    /// <inheritdoc />
    public int? InputLength => _inputLength;

    /// <inheritdoc />
    public bool MaskZero => false;

    /// <inheritdoc />
    public Span<float> Weights => _weights;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<int> ids, Span<float> output)
    {
        int outputDim = OutputDim;
        EmbeddingGuard.ValidateWholeSequences(ids.Length, _inputLength, nameof(ids));
        EmbeddingGuard.ValidateVectorsLength(output.Length, ids.Length, outputDim, nameof(output));
        EmbeddingGuard.ValidateIds(ids, InputDim, _inputLength, nameof(ids));
        ReadOnlySpan<float> table = _weights;
        for (int i = 0; i < ids.Length; i++)
        {
            table.Slice(ids[i] * outputDim, outputDim).CopyTo(output.Slice(i * outputDim, outputDim));
        }
    }

    /// <inheritdoc />
    public void ComputeMask(ReadOnlySpan<int> ids, Span<bool> mask) =>
        throw new NotSupportedException("The runtime-dimension baseline has no padding mask.");

    /// <inheritdoc />
    public void Backward(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, Span<float> weightGradient)
    {
        int outputDim = OutputDim;
        EmbeddingGuard.ValidateWholeSequences(ids.Length, _inputLength, nameof(ids));
        EmbeddingGuard.ValidateVectorsLength(outputGradient.Length, ids.Length, outputDim, nameof(outputGradient));
        EmbeddingGuard.ValidateTableLength(weightGradient.Length, InputDim, outputDim, nameof(weightGradient));
        EmbeddingGuard.ValidateIds(ids, InputDim, _inputLength, nameof(ids));
        ref float source = ref MemoryMarshal.GetReference(outputGradient);
        ref float table = ref MemoryMarshal.GetReference(weightGradient);
        for (int i = 0; i < ids.Length; i++)
        {
            RuntimeRowMath.Add(
                ref Unsafe.Add(ref source, (nint)i * outputDim),
                ref Unsafe.Add(ref table, (nint)ids[i] * outputDim),
                (nuint)outputDim);
        }
    }

    /// <inheritdoc />
    public void Backward(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, SparseRowGradient weightGradient)
    {
        int outputDim = OutputDim;
        EmbeddingGuard.ValidateWholeSequences(ids.Length, _inputLength, nameof(ids));
        EmbeddingGuard.ValidateVectorsLength(outputGradient.Length, ids.Length, outputDim, nameof(outputGradient));
        EmbeddingGuard.ValidateSparseGradient(weightGradient, InputDim, outputDim, nameof(weightGradient));
        EmbeddingGuard.ValidateIds(ids, InputDim, _inputLength, nameof(ids));

        // The runtime's slot assignment, as the generated code uses it: ~slot marks a row's first position.
        ReadOnlySpan<int> slots = weightGradient.AssignSlots(ids);
        ref float source = ref MemoryMarshal.GetReference(outputGradient);
        ref float rows = ref weightGradient.GetValuesReference();
        for (int i = 0; i < slots.Length; i++)
        {
            int slot = slots[i];
            ref float positionGradient = ref Unsafe.Add(ref source, (nint)i * outputDim);
            if (slot < 0)
            {
                MemoryMarshal.CreateReadOnlySpan(ref positionGradient, outputDim)
                    .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref rows, (nint)(~slot) * outputDim), outputDim));
            }
            else
            {
                RuntimeRowMath.Add(ref positionGradient, ref Unsafe.Add(ref rows, (nint)slot * outputDim), (nuint)outputDim);
            }
        }
    }

    /// <inheritdoc />
    public void ApplySparseStep(SparseRowGradient gradient, Optimizer optimizer, IRegularizer? regularizer, IConstraint? constraint)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(optimizer);
        EmbeddingGuard.ValidateSparseGradient(gradient, InputDim, OutputDim, nameof(gradient));
        int outputDim = OutputDim;
        Span<float> weights = _weights;
        ReadOnlySpan<int> rows = gradient.Rows;
        if (regularizer is not null)
        {
            for (int k = 0; k < rows.Length; k++)
            {
                regularizer.AddGradient(weights.Slice(rows[k] * outputDim, outputDim), gradient.GetRowGradient(k));
            }
        }

        optimizer.Step(weights, gradient);
        if (constraint is { IsRowWise: true })
        {
            foreach (int row in rows)
            {
                constraint.ApplyToRow(weights.Slice(row * outputDim, outputDim));
            }
        }
        else
        {
            constraint?.Apply(weights, InputDim, outputDim);
        }
    }
}
