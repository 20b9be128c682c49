using System;
using System.Runtime.CompilerServices;
using Embedding.Generated.Benchmarks.Workloads;

namespace Embedding.Generated.Benchmarks.Layers;

/// <summary>
/// The generated layer of one workload, called through its own class (not the interface), as user code calls it.
/// Exactly one field is set; the null checks below cost a predicted branch per batch, not per row.
/// </summary>
public sealed class ScenarioLayer
{
    private readonly S1Embedding? _s1;
    private readonly S2Embedding? _s2;
    private readonly S3Embedding? _s3;

    private ScenarioLayer(S1Embedding? s1, S2Embedding? s2, S3Embedding? s3, IEmbeddingLayer layer)
    {
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
        Layer = layer;
    }

    /// <summary>The same layer through the runtime interface (for the trainer).</summary>
    public IEmbeddingLayer Layer { get; }

    /// <summary>Creates the generated layer of <paramref name="workload"/>, Keras's default initializer, seeded.</summary>
    public static ScenarioLayer Create(Workload workload, int seed) => workload switch
    {
        Workload.S1 => From(new S1Embedding(seed)),
        Workload.S2Uniform or Workload.S2Zipf => From(new S2Embedding(seed)),
        Workload.S3 => From(new S3Embedding(seed)),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, "Unknown workload."),
    };

    /// <summary>The generated lookup.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Forward(ReadOnlySpan<int> ids, Span<float> output)
    {
        if (_s1 is not null)
        {
            _s1.Forward(ids, output);
        }
        else if (_s2 is not null)
        {
            _s2.Forward(ids, output);
        }
        else
        {
            _s3!.Forward(ids, output);
        }
    }

    /// <summary>The generated dense backward.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Backward(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, Span<float> weightGradient)
    {
        if (_s1 is not null)
        {
            _s1.Backward(ids, outputGradient, weightGradient);
        }
        else if (_s2 is not null)
        {
            _s2.Backward(ids, outputGradient, weightGradient);
        }
        else
        {
            _s3!.Backward(ids, outputGradient, weightGradient);
        }
    }

    /// <summary>The generated layer's dense gradient (zeros, on cache-line boundaries).</summary>
    public Memory<float> CreateDenseGradient() =>
        _s1?.CreateDenseGradient() ?? _s2?.CreateDenseGradient() ?? _s3!.CreateDenseGradient();

    /// <summary>The generated sparse backward.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Backward(ReadOnlySpan<int> ids, ReadOnlySpan<float> outputGradient, SparseRowGradient weightGradient)
    {
        if (_s1 is not null)
        {
            _s1.Backward(ids, outputGradient, weightGradient);
        }
        else if (_s2 is not null)
        {
            _s2.Backward(ids, outputGradient, weightGradient);
        }
        else
        {
            _s3!.Backward(ids, outputGradient, weightGradient);
        }
    }

    private static ScenarioLayer From(S1Embedding layer) => new(layer, null, null, layer);

    private static ScenarioLayer From(S2Embedding layer) => new(null, layer, null, layer);

    private static ScenarioLayer From(S3Embedding layer) => new(null, null, layer, layer);
}
