using System;
using BenchmarkDotNet.Attributes;
using Embedding.Generated.Benchmarks.Baselines;
using Embedding.Generated.Benchmarks.Config;
using Embedding.Generated.Benchmarks.Experiments;
using Embedding.Generated.Benchmarks.Layers;
using Embedding.Generated.Benchmarks.TorchSharp;
using Embedding.Generated.Benchmarks.Workloads;

namespace Embedding.Generated.Benchmarks.Forward;

/// <summary>
/// The lookup, <c>output[i, :] = W[ids[i], :]</c>, for S1, S2 (uniform and Zipf ids) and S3, against memcpy of the same
/// bytes (the baseline, the limit) and the same algorithm with runtime dimensions. Each call takes the next batch of a
/// pre-generated pool. <c>Generated</c> is the layer as users get it, splitting outputs of 1 MB or more across cores
/// (RowParallelism); <c>GeneratedOneThread</c> holds it to one thread. Rows named Experiment measure changes the issue
/// asks about (huge pages, a plainer prefetch) without making them in the library.
/// </summary>
[MemoryDiagnoser]
[MovesPayload]
public class ForwardBenchmarks
{
    private const int Seed = 42;

    private WorkloadShape _shape;
    private IdPool _pool = null!;
    private Memory<float> _output;
    private Memory<float> _copySource;
    private ScenarioLayer _layer = null!;
    private RuntimeEmbedding _runtime = null!;
    private TorchEmbeddingFixture? _torch;

    /// <summary>The scenario.</summary>
    [Params(Workload.S1, Workload.S2Uniform, Workload.S2Zipf, Workload.S3)]
    public Workload Workload { get; set; }

    /// <summary>Setup of the memcpy limit: a contiguous source as large as the output.</summary>
    [GlobalSetup(Target = nameof(Memcpy))]
    public void SetupMemcpy()
    {
        SetupCommon();
        _copySource = Buffers.OnCacheLines(Buffers.SmallRandom(_shape.PayloadFloats));
    }

    /// <summary>Setup of the generated layer's rows.</summary>
    [GlobalSetup(Target = nameof(Generated))]
    public void SetupGenerated()
    {
        RowParallelism.MaxThreads = Environment.ProcessorCount;
        SetupGeneratedLayer();
    }

    /// <summary>Setup of the generated layer held to the calling thread (the single-thread targets).</summary>
    [GlobalSetup(Target = nameof(GeneratedOneThread))]
    public void SetupGeneratedOneThread()
    {
        SetupGeneratedLayer();
        RowParallelism.MaxThreads = 1;
    }

    private void SetupGeneratedLayer()
    {
        SetupCommon();
        _layer = ScenarioLayer.Create(Workload, Seed);
    }

    /// <summary>Setup of the runtime-dimension baseline.</summary>
    [GlobalSetup(Target = nameof(RuntimeDims))]
    public void SetupRuntimeDims()
    {
        SetupCommon();
        _runtime = new RuntimeEmbedding(_shape.InputDim, _shape.OutputDim, _shape.InputLength, Seed);
    }

    /// <summary>Setup of PyTorch's lookup on one thread.</summary>
    [GlobalSetup(Target = nameof(TorchSharpOneThread))]
    public void SetupTorchOneThread()
    {
        SetupCommon();
        _torch = new TorchEmbeddingFixture(_shape, _pool, threads: 1);
    }

    /// <summary>Setup of PyTorch's lookup on two threads.</summary>
    [GlobalSetup(Target = nameof(TorchSharpTwoThreads))]
    public void SetupTorchTwoThreads()
    {
        SetupCommon();
        _torch = new TorchEmbeddingFixture(_shape, _pool, threads: 2);
    }

    /// <summary>Setup of the huge-page experiment: the generated layer, its table then collapsed into 2 MB pages.</summary>
    [GlobalSetup(Target = nameof(ExperimentHugePages))]
    public void SetupHugePages()
    {
        SetupGeneratedOneThread();
        Console.WriteLine("// Huge pages: " + HugePages.TryCollapse(_layer.Layer.Weights));
    }

    /// <summary>Setup of the prefetch experiment: a runtime-dimension table.</summary>
    [GlobalSetup(Target = nameof(ExperimentPrefetch))]
    public void SetupPrefetch() => SetupRuntimeDims();

    /// <summary>Frees libtorch's tensors.</summary>
    [GlobalCleanup]
    public void Cleanup() => _torch?.Dispose();

    /// <summary>The limit: the output's bytes copied from one contiguous block.</summary>
    [Benchmark(Baseline = true)]
    public void Memcpy() => ContiguousLimit.Copy(_copySource.Span, _output.Span);

    /// <summary>The generated layer's lookup, called through its own class.</summary>
    [Benchmark]
    [RuntimeDimsCounterpart(nameof(RuntimeDims))]
    public void Generated() => _layer.Forward(_pool.Next(), _output.Span);

    /// <summary>The generated layer's lookup with <c>RowParallelism.MaxThreads = 1</c>: one thread at every size.</summary>
    [Benchmark]
    public void GeneratedOneThread() => _layer.Forward(_pool.Next(), _output.Span);

    /// <summary>The same algorithm with dimensions as fields: one <c>Span.CopyTo</c> per row.</summary>
    [Benchmark]
    public void RuntimeDims() => _runtime.Forward(_pool.Next(), _output.Span);

    /// <summary>Experiment: the generated lookup on one thread with the table on 2 MB pages (what huge pages would give).</summary>
    [Benchmark]
    [BenchmarkCategory(BenchmarkCases.ExperimentCategory)]
    public void ExperimentHugePages() => _layer.Forward(_pool.Next(), _output.Span);

    /// <summary>Experiment: a runtime-dimension gather that prefetches 16 rows ahead (what prefetch would give).</summary>
    [Benchmark]
    [BenchmarkCategory(BenchmarkCases.ExperimentCategory)]
    public void ExperimentPrefetch() =>
        PrefetchingGather.Forward(_runtime.Weights, _shape.OutputDim, _shape.InputLength, _pool.Next(), _output.Span);

    /// <summary>PyTorch's <c>nn.Embedding</c> lookup, one intra-op thread.</summary>
    [Benchmark]
    [BenchmarkCategory(TorchSharpProbe.Category)]
    public void TorchSharpOneThread() => _torch!.Forward();

    /// <summary>PyTorch's <c>nn.Embedding</c> lookup, two intra-op threads.</summary>
    [Benchmark]
    [BenchmarkCategory(TorchSharpProbe.Category)]
    public void TorchSharpTwoThreads() => _torch!.Forward();

    private void SetupCommon()
    {
        _shape = WorkloadShape.Of(Workload);
        _pool = IdPool.Create(_shape);
        _output = Buffers.OnCacheLines(new float[_shape.PayloadFloats]);
    }
}
