using System;
using Embedding.Generated.Constraints;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.Parallelism;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// A lazy step over enough rows to be split across cores (held rows x OutputDim at least
/// <see cref="RowParallelism.MinimumFloats"/>), on a table large enough to be prefetched, equals the same step taken in
/// separate single-thread passes through the general API, bit for bit, weights and slots; and allocates nothing.
/// </summary>
[Collection(RowParallelismCollection.Name)]
public sealed class SplitSparseStepTests
{
    // 4,500 distinct rows (i * 7919 mod 20,000 never repeats, 7919 being prime to 20,000) and 520 repeats:
    // 4,500 x 65 = 292,500 floats, above the threshold.
    private const int DistinctRows = 4500;
    private const int IdCount = 5020;

    [Theory]
    [MemberData(nameof(OptimizerCases.All), MemberType = typeof(OptimizerCases))]
    public void A_split_step_equals_the_separate_single_thread_passes_bit_for_bit(string optimizerName)
    {
        using (new MaxThreadsScope(2))
        {
            var fused = new PrefetchingLayer(seed: 31);
            var separate = new PrefetchingLayer(seed: 31);
            var regularizer = new L1L2(l1: 0.001f, l2: 0.002f);
            var constraint = new MaxNorm(0.25f, axis: 1);
            Optimizer fusedOptimizer = OptimizerCases.Create(optimizerName);
            Optimizer separateOptimizer = OptimizerCases.Create(optimizerName);
            int[] ids = Ids();
            Assert.True((long)DistinctRows * PrefetchingLayer.OutputDim >= RowParallelism.MinimumFloats);

            for (int step = 0; step < 3; step++)
            {
                float[] outputGradient = RandomInputs.UnitFloats(new Random(40 + step), ids.Length * PrefetchingLayer.OutputDim);

                var fusedGradient = fused.CreateSparseGradient();
                fused.Backward(ids, outputGradient, fusedGradient);
                fused.ApplySparseStep(fusedGradient, fusedOptimizer, regularizer, constraint);

                var gradient = separate.CreateSparseGradient();
                separate.Backward(ids, outputGradient, gradient);
                for (int k = 0; k < gradient.Count; k++)
                {
                    regularizer.AddGradient(separate.GetRow(gradient.Rows[k]), gradient.GetRowGradient(k));
                }

                separateOptimizer.Step(separate.Weights, gradient);
                foreach (int row in gradient.Rows)
                {
                    constraint.ApplyToRow(separate.GetRow(row));
                }
            }

            FloatAssert.BitwiseEqual(separate.Weights.ToArray(), fused.Weights);
            foreach (string slot in separateOptimizer.SlotNames)
            {
                FloatAssert.BitwiseEqual(separateOptimizer.GetSlot(slot), fusedOptimizer.GetSlot(slot));
            }
        }
    }

    [Fact]
    public void A_warmed_up_split_step_allocates_nothing_on_the_calling_thread()
    {
        using (new MaxThreadsScope(2))
        {
            var layer = new PrefetchingLayer(seed: 32);
            var optimizer = new Adam();
            var regularizer = new L2(1e-4f);
            var constraint = new MaxNorm(2f, axis: 1);
            var gradient = layer.CreateSparseGradient();
            int[] ids = Ids();
            float[] outputGradient = RandomInputs.UnitFloats(new Random(33), ids.Length * PrefetchingLayer.OutputDim);
            for (int step = 0; step < 10; step++)
            {
                gradient.Clear();
                layer.Backward(ids, outputGradient, gradient);
                layer.ApplySparseStep(gradient, optimizer, regularizer, constraint);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int step = 0; step < 5; step++)
            {
                gradient.Clear();
                layer.Backward(ids, outputGradient, gradient);
                layer.ApplySparseStep(gradient, optimizer, regularizer, constraint);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    [Fact]
    public void A_regularizer_from_outside_the_library_is_called_on_the_calling_thread_only()
    {
        // The split is kept to the library's own components, whose per-row methods are known to be safe on any thread;
        // a user's may not be, so a step with one runs on the caller's thread, every row.
        using (new MaxThreadsScope(2))
        {
            var layer = new PrefetchingLayer(seed: 34);
            var regularizer = new ThreadRecordingRegularizer();
            var gradient = layer.CreateSparseGradient();
            int[] ids = Ids();
            layer.Backward(ids, RandomInputs.UnitFloats(new Random(34), ids.Length * PrefetchingLayer.OutputDim), gradient);

            layer.ApplySparseStep(gradient, new Adam(), regularizer);

            Assert.Equal(DistinctRows, regularizer.Calls);
            Assert.Equal([Environment.CurrentManagedThreadId], regularizer.Threads);
        }
    }

    private sealed class ThreadRecordingRegularizer : IRegularizer
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> _threads = new();
        private int _calls;

        public int Calls => _calls;

        public int[] Threads => [.. _threads.Keys];

        public double Loss(ReadOnlySpan<float> values) => 0;

        public void AddGradient(ReadOnlySpan<float> values, Span<float> gradient, float scale = 1f)
        {
            System.Threading.Interlocked.Increment(ref _calls);
            _threads.TryAdd(Environment.CurrentManagedThreadId, 0);
        }
    }

    private static int[] Ids()
    {
        var ids = new int[IdCount];
        for (int i = 0; i < DistinctRows; i++)
        {
            ids[i] = (int)((long)i * 7919 % PrefetchingLayer.InputDim);
        }

        for (int i = DistinctRows; i < IdCount; i++)
        {
            ids[i] = ids[(i * 31) % DistinctRows];
        }

        return ids;
    }
}
