using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Embedding.Generated.Benchmarks.Baselines;
using Embedding.Generated.Benchmarks.Config;
using Embedding.Generated.Benchmarks.Layers;
using Embedding.Generated.Benchmarks.Workloads;

namespace Embedding.Generated.Benchmarks.OutputDimSweep;

/// <summary>
/// Forward and dense backward for OutputDim 3, 17, 64, 100 and 300 (S1's vocabulary and batch: 1,000 rows, 32 x 10
/// ids), each against its limit (the baseline of its category) and the same algorithm with runtime dimensions, which
/// every width must match or beat. One thread. The generated backward adds into the layer's <c>CreateDenseGradient()</c>,
/// the runtime-dimension one into a plain <c>new float[]</c>, as each would be written.
/// </summary>
[MemoryDiagnoser]
[MovesPayload]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class OutputDimSweepBenchmarks
{
    private const string ForwardCategory = "Forward";
    private const string BackwardCategory = "Backward";
    private const int Seed = 42;

    private IdPool _pool = null!;
    private SweepLayer _layer = null!;
    private RuntimeEmbedding _runtime = null!;
    private Memory<float> _output;
    private Memory<float> _copySource;
    private Memory<float> _outputGradient;
    private Memory<float> _accumulator;
    private Memory<float> _generatedGradient;
    private float[] _runtimeGradient = [];

    /// <summary>The width of every row.</summary>
    [Params(3, 17, 64, 100, 300)]
    public int OutputDim { get; set; }

    /// <summary>Creates both layers and every buffer (a few MB at most).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var shape = new WorkloadShape(SweepLayer.InputDim, OutputDim, SweepLayer.BatchSize, SweepLayer.InputLength, IdDistribution.Uniform);
        _pool = IdPool.Create(shape);
        _layer = new SweepLayer(OutputDim, Seed);
        _runtime = new RuntimeEmbedding(shape.InputDim, OutputDim, shape.InputLength, Seed);
        _output = Buffers.OnCacheLines(new float[shape.PayloadFloats]);
        _copySource = Buffers.OnCacheLines(Buffers.SmallRandom(shape.PayloadFloats, seed: 3));
        _outputGradient = Buffers.OnCacheLines(Buffers.SmallRandom(shape.PayloadFloats));
        _accumulator = Buffers.OnCacheLines(Buffers.SmallRandom(shape.PayloadFloats, seed: 11));
        _generatedGradient = _layer.CreateDenseGradient();
        _runtimeGradient = new float[shape.TableFloats];
    }

    /// <summary>Forward's limit: memcpy of the output's bytes.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(ForwardCategory)]
    public void Memcpy() => ContiguousLimit.Copy(_copySource.Span, _output.Span);

    /// <summary>The generated lookup.</summary>
    [Benchmark]
    [BenchmarkCategory(ForwardCategory)]
    [RuntimeDimsCounterpart(nameof(ForwardRuntimeDims))]
    public void Forward() => _layer.Forward(_pool.Next(), _output.Span);

    /// <summary>The lookup with runtime dimensions.</summary>
    [Benchmark]
    [BenchmarkCategory(ForwardCategory)]
    public void ForwardRuntimeDims() => _runtime.Forward(_pool.Next(), _output.Span);

    /// <summary>Backward's limit: contiguous read-modify-write of the gradient's bytes.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(BackwardCategory)]
    public void ContiguousAccumulate() => ContiguousLimit.Accumulate(_outputGradient.Span, _accumulator.Span);

    /// <summary>The generated dense backward.</summary>
    [Benchmark]
    [BenchmarkCategory(BackwardCategory)]
    [RuntimeDimsCounterpart(nameof(BackwardRuntimeDims))]
    public void Backward() => _layer.Backward(_pool.Next(), _outputGradient.Span, _generatedGradient.Span);

    /// <summary>The dense backward with runtime dimensions.</summary>
    [Benchmark]
    [BenchmarkCategory(BackwardCategory)]
    public void BackwardRuntimeDims() => _runtime.Backward(_pool.Next(), _outputGradient.Span, _runtimeGradient);
}
