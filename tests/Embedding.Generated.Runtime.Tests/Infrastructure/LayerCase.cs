using System;

namespace Embedding.Generated.Runtime.Tests.Infrastructure;

/// <summary>
/// One generated layer type, seen through what every test needs: its declared configuration (read from its
/// <see cref="EmbeddingLayerAttribute"/>, not from the generated constants) and delegates to the concrete members the
/// <see cref="IEmbeddingLayer"/> interface does not offer.
/// </summary>
public sealed class LayerCase
{
    public required string Name { get; init; }

    public required int InputDim { get; init; }

    public required int OutputDim { get; init; }

    /// <summary>The declared InputLength, or <see langword="null"/> when the attribute leaves it unset.</summary>
    public required int? InputLength { get; init; }

    public required bool MaskZero { get; init; }

    public int WeightCount => InputDim * OutputDim;

    public required Func<int, IEmbeddingLayer> CreateWithSeed { get; init; }

    public required Func<float[], IEmbeddingLayer> CreateFromWeights { get; init; }

    public required RowAccessor GetRow { get; init; }

    public required Func<IEmbeddingLayer, int[,], float[,,]> ForwardArray { get; init; }

    public required Action<IEmbeddingLayer, int[,], float[,,]> ForwardIntoArray { get; init; }

    /// <summary>The concrete <c>Forward(ids, output, mask)</c>; <see langword="null"/> on layers without MaskZero.</summary>
    public required MaskedForward? ForwardWithMask { get; init; }

    public required Func<IEmbeddingLayer, SparseRowGradient> CreateSparseGradient { get; init; }

    /// <summary>How many ids a batch of <paramref name="sequences"/> holds: whole sequences where the length is fixed.</summary>
    public int PositionsFor(int sequences) => sequences * SequenceLength;

    /// <summary>The sequence length tests use: the declared one, or an arbitrary 6 where any length is allowed.</summary>
    public int SequenceLength => InputLength ?? 6;

    public override string ToString() => Name;
}

public delegate Span<float> RowAccessor(IEmbeddingLayer layer, int id);

public delegate void MaskedForward(IEmbeddingLayer layer, ReadOnlySpan<int> ids, Span<float> output, Span<bool> mask);
