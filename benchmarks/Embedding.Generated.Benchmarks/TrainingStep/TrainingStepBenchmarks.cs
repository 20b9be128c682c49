using System;
using BenchmarkDotNet.Attributes;
using Embedding.Generated.Benchmarks.Baselines;
using Embedding.Generated.Benchmarks.Config;
using Embedding.Generated.Benchmarks.Layers;
using Embedding.Generated.Benchmarks.TorchSharp;
using Embedding.Generated.Benchmarks.Workloads;
using Embedding.Generated.Constraints;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Training;

namespace Embedding.Generated.Benchmarks.TrainingStep;

/// <summary>
/// A full training step as Keras's <c>fit</c> takes it for one batch, given the loss's gradient with respect to the
/// layer's output: forward, backward, L2 penalty gradient, RMSprop or Adam update, MaxNorm(2, axis: 1) of each row.
/// Dense (Keras, the whole table; the baseline) against lazy sparse (the rows the batch touched), for the generated
/// layer and the runtime-dimension baseline driven by the same <see cref="EmbeddingTrainer"/>. The generated layer
/// splits large passes across cores as users get it (RowParallelism), except in the rows named OneThread; TorchSharp
/// uses libtorch's two threads.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private const int Seed = 42;
    private const float L2Coefficient = 1e-4f;
    private const float MaxRowNorm = 2f;

    private WorkloadShape _shape;
    private IdPool _pool = null!;
    private float[] _output = [];
    private float[] _outputGradient = [];
    private ScenarioLayer _layer = null!;
    private RuntimeEmbedding _runtime = null!;
    private EmbeddingTrainer _trainer = null!;
    private TorchEmbeddingFixture? _torch;

    /// <summary>The scenario.</summary>
    [Params(Workload.S1, Workload.S2Uniform, Workload.S2Zipf, Workload.S3)]
    public Workload Workload { get; set; }

    /// <summary>The optimizer.</summary>
    [Params(OptimizerKind.RmsProp, OptimizerKind.Adam)]
    public OptimizerKind Optimizer { get; set; }

    /// <summary>Setup of the generated layer with a dense trainer.</summary>
    [GlobalSetup(Target = nameof(DenseKerasStep))]
    public void SetupGeneratedDense() => SetupGenerated(UpdateMode.Dense);

    /// <summary>Setup of the generated layer with a lazy sparse trainer.</summary>
    [GlobalSetup(Target = nameof(LazySparseStep))]
    public void SetupGeneratedLazy() => SetupGenerated(UpdateMode.LazySparse);

    /// <summary>Setup of the generated layer with a lazy sparse trainer held to the calling thread.</summary>
    [GlobalSetup(Target = nameof(LazySparseStepOneThread))]
    public void SetupGeneratedLazyOneThread()
    {
        SetupGenerated(UpdateMode.LazySparse);
        RowParallelism.MaxThreads = 1;
    }

    /// <summary>Setup of the runtime-dimension baseline with a dense trainer.</summary>
    [GlobalSetup(Target = nameof(DenseRuntimeDims))]
    public void SetupRuntimeDense() => SetupRuntime(UpdateMode.Dense);

    /// <summary>Setup of the runtime-dimension baseline with a lazy sparse trainer.</summary>
    [GlobalSetup(Target = nameof(LazySparseRuntimeDims))]
    public void SetupRuntimeLazy() => SetupRuntime(UpdateMode.LazySparse);

    /// <summary>Setup of PyTorch's dense step.</summary>
    [GlobalSetup(Target = nameof(TorchSharpDenseStep))]
    public void SetupTorch()
    {
        SetupCommon();
        _torch = new TorchEmbeddingFixture(_shape, _pool, threads: 2, Optimizer.ToString(), L2Coefficient, MaxRowNorm);
    }

    /// <summary>Frees libtorch's tensors.</summary>
    [GlobalCleanup]
    public void Cleanup() => _torch?.Dispose();

    /// <summary>The Keras step: every weight's slots, the penalty over the whole table, the constraint on every row.</summary>
    [Benchmark(Baseline = true)]
    [RuntimeDimsCounterpart(nameof(DenseRuntimeDims))]
    public void DenseKerasStep()
    {
        ReadOnlySpan<int> ids = _pool.Next();
        _layer.Forward(ids, _output);
        _trainer.Step(ids, _outputGradient);
    }

    /// <summary>The lazy sparse step: only the rows the batch touched, their slots, penalty and constraint.</summary>
    [Benchmark]
    [RuntimeDimsCounterpart(nameof(LazySparseRuntimeDims))]
    public void LazySparseStep()
    {
        ReadOnlySpan<int> ids = _pool.Next();
        _layer.Forward(ids, _output);
        _trainer.Step(ids, _outputGradient);
    }

    /// <summary>The lazy sparse step with <c>RowParallelism.MaxThreads = 1</c>: forward and step on one thread.</summary>
    [Benchmark]
    public void LazySparseStepOneThread()
    {
        ReadOnlySpan<int> ids = _pool.Next();
        _layer.Forward(ids, _output);
        _trainer.Step(ids, _outputGradient);
    }

    /// <summary>The dense step of the runtime-dimension baseline.</summary>
    [Benchmark]
    public void DenseRuntimeDims()
    {
        ReadOnlySpan<int> ids = _pool.Next();
        _runtime.Forward(ids, _output);
        _trainer.Step(ids, _outputGradient);
    }

    /// <summary>The lazy sparse step of the runtime-dimension baseline.</summary>
    [Benchmark]
    public void LazySparseRuntimeDims()
    {
        ReadOnlySpan<int> ids = _pool.Next();
        _runtime.Forward(ids, _output);
        _trainer.Step(ids, _outputGradient);
    }

    /// <summary>PyTorch's dense step (<c>nn.Embedding(sparse=False)</c>), two intra-op threads.</summary>
    [Benchmark]
    [BenchmarkCategory(TorchSharpProbe.Category)]
    public void TorchSharpDenseStep() => _torch!.DenseStep();

    private void SetupGenerated(UpdateMode mode)
    {
        SetupCommon();
        _layer = ScenarioLayer.Create(Workload, Seed);
        _trainer = CreateTrainer(_layer.Layer, mode);
    }

    private void SetupRuntime(UpdateMode mode)
    {
        SetupCommon();
        _runtime = new RuntimeEmbedding(_shape.InputDim, _shape.OutputDim, _shape.InputLength, Seed);
        _trainer = CreateTrainer(_runtime, mode);
    }

    private EmbeddingTrainer CreateTrainer(IEmbeddingLayer layer, UpdateMode mode)
    {
        Optimizer optimizer = Optimizer switch
        {
            OptimizerKind.RmsProp => new RmsProp(),
            OptimizerKind.Adam => new Adam(),
            _ => throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, "Unknown optimizer."),
        };
        return new EmbeddingTrainer(layer, optimizer, mode, new L2(L2Coefficient), new MaxNorm(MaxRowNorm, axis: 1));
    }

    private void SetupCommon()
    {
        _shape = WorkloadShape.Of(Workload);
        _pool = IdPool.Create(_shape);
        _output = new float[_shape.PayloadFloats];
        _outputGradient = Buffers.SmallRandom(_shape.PayloadFloats);
    }
}
