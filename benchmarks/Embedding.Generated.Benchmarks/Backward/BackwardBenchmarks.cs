using System;
using BenchmarkDotNet.Attributes;
using Embedding.Generated.Benchmarks.Baselines;
using Embedding.Generated.Benchmarks.Config;
using Embedding.Generated.Benchmarks.Experiments;
using Embedding.Generated.Benchmarks.Layers;
using Embedding.Generated.Benchmarks.Workloads;

namespace Embedding.Generated.Benchmarks.Backward;

/// <summary>
/// The gradient of the table, <c>dW[ids[i], :] += dOut[i, :]</c>, dense (into a table-sized gradient) and sparse (into
/// the rows the batch touched, cleared each call as a training step clears it), against a contiguous read-modify-write
/// of the same bytes (the baseline, the limit) and the same algorithms with runtime dimensions. One thread, except
/// <c>Dense</c>, which splits large batches across cores as users get it (RowParallelism); <c>DenseOneThread</c> is the
/// same call held to one thread.
/// </summary>
/// <remarks>
/// The dense gradient is not cleared between calls: clearing the table is the training step's cost (measured there),
/// not backward's. It only accumulates small values, so it stays finite and normal. The generated rows add into the
/// gradient the layer's <c>CreateDenseGradient()</c> gives (on cache-line boundaries, as its documentation advises); the
/// runtime-dimension rows into a plain <c>new float[]</c>, as hand-written code would.
/// </remarks>
[MemoryDiagnoser]
[MovesPayload]
public class BackwardBenchmarks
{
    private const int Seed = 42;

    private WorkloadShape _shape;
    private IdPool _pool = null!;
    private Memory<float> _outputGradient;
    private Memory<float> _accumulator;
    private Memory<float> _denseGradient;
    private SparseRowGradient _sparseGradient = null!;
    private ScenarioLayer _layer = null!;
    private RuntimeEmbedding _runtime = null!;

    /// <summary>The scenario.</summary>
    [Params(Workload.S1, Workload.S2Uniform, Workload.S2Zipf, Workload.S3)]
    public Workload Workload { get; set; }

    /// <summary>Setup of the limit: a contiguous destination as large as the output gradient.</summary>
    [GlobalSetup(Target = nameof(ContiguousAccumulate))]
    public void SetupLimit()
    {
        SetupCommon();
        _accumulator = Buffers.OnCacheLines(Buffers.SmallRandom(_shape.PayloadFloats, seed: 11));
    }

    /// <summary>Setup of the generated layer, dense.</summary>
    [GlobalSetup(Target = nameof(Dense))]
    public void SetupGeneratedDense()
    {
        RowParallelism.MaxThreads = Environment.ProcessorCount;
        SetupGeneratedDenseLayer();
    }

    /// <summary>Setup of the generated layer, dense, held to the calling thread.</summary>
    [GlobalSetup(Target = nameof(DenseOneThread))]
    public void SetupGeneratedDenseOneThread()
    {
        SetupGeneratedDenseLayer();
        RowParallelism.MaxThreads = 1;
    }

    private void SetupGeneratedDenseLayer()
    {
        SetupCommon();
        _layer = ScenarioLayer.Create(Workload, Seed);
        _denseGradient = _layer.CreateDenseGradient();
    }

    /// <summary>Setup of the huge-page experiment: the dense gradient collapsed into 2 MB pages.</summary>
    [GlobalSetup(Target = nameof(ExperimentDenseHugePages))]
    public void SetupGeneratedDenseHugePages()
    {
        SetupGeneratedDenseOneThread();
        // A fresh large array is not yet backed by memory, and only resident pages can be collapsed: touch it first.
        _denseGradient.Span.Fill(0f);
        Console.WriteLine("// Huge pages: " + HugePages.TryCollapse(_denseGradient.Span));
    }

    /// <summary>Setup of the generated layer, sparse.</summary>
    [GlobalSetup(Target = nameof(Sparse))]
    public void SetupGeneratedSparse()
    {
        SetupCommon();
        _layer = ScenarioLayer.Create(Workload, Seed);
        _sparseGradient = new SparseRowGradient(_shape.InputDim, _shape.OutputDim);
    }

    /// <summary>Setup of the runtime-dimension baseline, dense.</summary>
    [GlobalSetup(Target = nameof(DenseRuntimeDims))]
    public void SetupRuntimeDense()
    {
        SetupCommon();
        _runtime = new RuntimeEmbedding(_shape.InputDim, _shape.OutputDim, _shape.InputLength, Seed);
        _denseGradient = new float[_shape.TableFloats];
    }

    /// <summary>Setup of the runtime-dimension baseline, sparse.</summary>
    [GlobalSetup(Target = nameof(SparseRuntimeDims))]
    public void SetupRuntimeSparse()
    {
        SetupCommon();
        _runtime = new RuntimeEmbedding(_shape.InputDim, _shape.OutputDim, _shape.InputLength, Seed);
        _sparseGradient = new SparseRowGradient(_shape.InputDim, _shape.OutputDim);
    }

    /// <summary>The limit: the output gradient added into one contiguous block of the same size.</summary>
    [Benchmark(Baseline = true)]
    public void ContiguousAccumulate() => ContiguousLimit.Accumulate(_outputGradient.Span, _accumulator.Span);

    /// <summary>The generated dense backward.</summary>
    [Benchmark]
    [RuntimeDimsCounterpart(nameof(DenseRuntimeDims))]
    public void Dense() => _layer.Backward(_pool.Next(), _outputGradient.Span, _denseGradient.Span);

    /// <summary>The generated dense backward with <c>RowParallelism.MaxThreads = 1</c>: one thread at every size.</summary>
    [Benchmark]
    public void DenseOneThread() => _layer.Backward(_pool.Next(), _outputGradient.Span, _denseGradient.Span);

    /// <summary>Experiment: the generated dense backward on one thread into a gradient on 2 MB pages (what huge pages would give).</summary>
    [Benchmark]
    [BenchmarkCategory(BenchmarkCases.ExperimentCategory)]
    public void ExperimentDenseHugePages() => _layer.Backward(_pool.Next(), _outputGradient.Span, _denseGradient.Span);

    /// <summary>The dense backward with dimensions as fields: one vectorised runtime-length row add per id.</summary>
    [Benchmark]
    public void DenseRuntimeDims() => _runtime.Backward(_pool.Next(), _outputGradient.Span, _denseGradient.Span);

    /// <summary>The generated sparse backward, after clearing the rows of the previous call.</summary>
    [Benchmark]
    [RuntimeDimsCounterpart(nameof(SparseRuntimeDims))]
    public void Sparse()
    {
        _sparseGradient.Clear();
        _layer.Backward(_pool.Next(), _outputGradient.Span, _sparseGradient);
    }

    /// <summary>The sparse backward with dimensions as fields (the same slot assignment).</summary>
    [Benchmark]
    public void SparseRuntimeDims()
    {
        _sparseGradient.Clear();
        _runtime.Backward(_pool.Next(), _outputGradient.Span, _sparseGradient);
    }

    private void SetupCommon()
    {
        _shape = WorkloadShape.Of(Workload);
        _pool = IdPool.Create(_shape);
        _outputGradient = Buffers.OnCacheLines(Buffers.SmallRandom(_shape.PayloadFloats));
    }
}
