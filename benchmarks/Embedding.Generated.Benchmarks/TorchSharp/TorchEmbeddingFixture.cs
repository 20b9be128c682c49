using System;
using System.Collections.Generic;
using Embedding.Generated.Benchmarks.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace Embedding.Generated.Benchmarks.TorchSharp;

/// <summary>
/// PyTorch's <c>nn.Embedding</c> through TorchSharp for one workload: a pool of id tensors cycled per call (as the
/// C# benchmarks cycle id batches), a forward lookup, and a dense training step with the same parts as the
/// runtime's: backward from a given output gradient, L2 penalty, RMSprop or Adam, max-norm of each row.
/// </summary>
public sealed class TorchEmbeddingFixture : IDisposable
{
    private readonly global::TorchSharp.Modules.Embedding _embedding;
    private readonly Tensor[] _ids;
    private readonly Tensor _outputGradient;
    private readonly optim.Optimizer? _optimizer;
    private readonly float _maxNorm;
    private int _next;

    /// <summary>Creates the module, its id pool and, when <paramref name="optimizer"/> is given, a trainer.</summary>
    /// <param name="shape">The workload.</param>
    /// <param name="pool">The same id batches the C# benchmarks use.</param>
    /// <param name="threads">Intra-op threads libtorch may use.</param>
    /// <param name="optimizer">"RmsProp", "Adam", or null for forward only.</param>
    /// <param name="l2">Keras's L2 coefficient; PyTorch's weight decay is its gradient factor, 2 x l2.</param>
    /// <param name="maxNorm">Keras's MaxNorm(axis: 1) value.</param>
    public TorchEmbeddingFixture(WorkloadShape shape, IdPool pool, int threads, string? optimizer = null, float l2 = 1e-4f, float maxNorm = 2f)
    {
        TorchSharpProbe.RequireAvailable();
        set_num_threads(threads);
        _embedding = nn.Embedding(shape.InputDim, shape.OutputDim);
        _maxNorm = maxNorm;
        _ids = new Tensor[IdPool.DefaultBatchCount];
        for (int b = 0; b < _ids.Length; b++)
        {
            ReadOnlySpan<int> batch = pool.Batch(b);
            var ids = new long[batch.Length];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = batch[i];
            }

            _ids[b] = tensor(ids, [shape.BatchSize, shape.InputLength]);
        }

        _outputGradient = full([shape.BatchSize, shape.InputLength, shape.OutputDim], 1e-3f, dtype: ScalarType.Float32);
        IEnumerable<global::TorchSharp.Modules.Parameter> parameters = _embedding.parameters();
        _optimizer = optimizer switch
        {
            null => null,
            // Keras's defaults (rho 0.9, epsilon 1e-7); PyTorch adds epsilon outside the square root, a negligible
            // difference for timing.
            "RmsProp" => optim.RMSProp(parameters, lr: 0.001, alpha: 0.9, eps: 1e-7, weight_decay: 2 * l2),
            "Adam" => optim.Adam(parameters, lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-7, weight_decay: 2 * l2),
            _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer, "RmsProp or Adam."),
        };
    }

    /// <summary>One lookup of the next id batch; the output tensor is freed before returning.</summary>
    public void Forward()
    {
        using DisposeScope scope = NewDisposeScope();
        using IDisposable noGrad = no_grad();
        _embedding.forward(NextIds());
    }

    /// <summary>One dense step: forward, backward, penalty and optimizer update of every row, max-norm of every row.</summary>
    public void DenseStep()
    {
        using DisposeScope scope = NewDisposeScope();
        _optimizer!.zero_grad();
        Tensor output = _embedding.forward(NextIds());
        output.backward([_outputGradient]);
        _optimizer.step();
        using IDisposable noGrad = no_grad();
        global::TorchSharp.Modules.Parameter weight = _embedding.weight!;
        weight.copy_(weight.renorm(2, 0, _maxNorm));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Tensor ids in _ids)
        {
            ids.Dispose();
        }

        _outputGradient.Dispose();
        _embedding.Dispose();
    }

    private Tensor NextIds()
    {
        Tensor ids = _ids[_next];
        _next = (_next + 1) % _ids.Length;
        return ids;
    }
}
