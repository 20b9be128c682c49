using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.Parallelism;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Backward;

/// <summary>
/// A dense backward large enough to be split across cores (ids x OutputDim at least
/// <see cref="RowParallelism.MinimumFloats"/>): each part adds only the rows it owns, so the result must equal the
/// left-to-right scalar scatter bit for bit, repeated ids included, for any thread count.
/// </summary>
[Collection(RowParallelismCollection.Name)]
public sealed class SplitBackwardTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_prefetching_layer_split_over_threads_equals_the_scalar_scatter_bit_for_bit(int maxThreads)
    {
        // 20,000 x 65 (a prefetched table); 5,020 ids, most of them from a few hundred rows so that rows repeat.
        int[] ids = SkewedIds(new Random(51), 5020, PrefetchingLayer.InputDim);
        AssertSplitEqualsReference(new PrefetchingLayer(seed: 51), ids, maxThreads);
    }

    [Fact]
    public void A_small_table_with_a_long_batch_splits_without_prefetch_and_stays_exact()
    {
        // 50 x 64: 4 rows per block of 1 KB, so the two parts own alternate blocks of the 50 rows.
        int[] ids = SkewedIds(new Random(52), 4100, Dim64Layer.InputDim);
        AssertSplitEqualsReference(new Dim64Layer(seed: 52), ids, maxThreads: 2);
    }

    [Fact]
    public void A_narrow_layer_whose_whole_table_is_one_block_still_adds_every_row()
    {
        // OutputDim 3: a block is 128 rows, more than the 50 rows of the table, so part 0 owns them all.
        int[] ids = SkewedIds(new Random(53), 87_390, Dim3Layer.InputDim);
        Assert.True((long)ids.Length * Dim3Layer.OutputDim >= RowParallelism.MinimumFloats);
        AssertSplitEqualsReference(new Dim3Layer(seed: 53), ids, maxThreads: 2);
    }

    [Fact]
    public void A_bad_id_at_the_end_of_a_split_sized_batch_writes_nothing()
    {
        using (new MaxThreadsScope(2))
        {
            var layer = new PrefetchingLayer(seed: 54);
            int[] ids = SkewedIds(new Random(54), 5020, PrefetchingLayer.InputDim);
            ids[^1] = -1;
            float[] outputGradient = RandomInputs.UnitFloats(new Random(54), ids.Length * PrefetchingLayer.OutputDim);
            float[] weightGradient = new float[PrefetchingLayer.WeightCount];
            weightGradient.AsSpan().Fill(7f);

            Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Backward(ids, outputGradient, weightGradient));

            Assert.All(weightGradient, value => Assert.Equal(7f, value));
        }
    }

    [Fact]
    public void A_warmed_up_split_backward_allocates_nothing_on_the_calling_thread()
    {
        using (new MaxThreadsScope(2))
        {
            var layer = new PrefetchingLayer(seed: 55);
            int[] ids = SkewedIds(new Random(55), 5020, PrefetchingLayer.InputDim);
            float[] outputGradient = RandomInputs.UnitFloats(new Random(55), ids.Length * PrefetchingLayer.OutputDim);
            float[] weightGradient = new float[PrefetchingLayer.WeightCount];
            for (int call = 0; call < 10; call++)
            {
                layer.Backward(ids, outputGradient, weightGradient);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int call = 0; call < 5; call++)
            {
                layer.Backward(ids, outputGradient, weightGradient);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(6, 4)]
    [InlineData(256, 256)]
    public void A_dense_backward_is_split_into_the_largest_power_of_two_of_parts_up_to_MaxThreads(int maxThreads, int expectedParts)
    {
        // A row's part is its block number masked with parts - 1, which covers every part only for a power of two.
        using (new MaxThreadsScope(maxThreads))
        {
            Assert.Equal(expectedParts, RowParallelism.ScatterParts(RowParallelism.MinimumFloats, outputDim: 1));
            Assert.Equal(1, RowParallelism.ScatterParts(RowParallelism.MinimumFloats - 1, outputDim: 1));
        }
    }

    private static void AssertSplitEqualsReference(IEmbeddingLayer layer, int[] ids, int maxThreads)
    {
        Assert.True((long)ids.Length * layer.OutputDim >= RowParallelism.MinimumFloats);
        float[] outputGradient = RandomInputs.UnitFloats(new Random(ids.Length), ids.Length * layer.OutputDim);
        // Start from a gradient that is not zero: Backward adds to what is there.
        float[] start = RandomInputs.UnitFloats(new Random(maxThreads), layer.InputDim * layer.OutputDim);
        float[] expected = (float[])start.Clone();
        ScalarReference.DenseBackward(ids, outputGradient, layer.OutputDim, expected);
        float[] actual = (float[])start.Clone();

        using (new MaxThreadsScope(maxThreads))
        {
            layer.Backward(ids, outputGradient, actual);
        }

        FloatAssert.BitwiseEqual(expected, actual);
    }

    // Half the ids from the first 300 rows (so rows repeat many times and their sums depend on order), half uniform.
    private static int[] SkewedIds(Random random, int count, int inputDim)
    {
        var ids = new int[count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = random.Next(2) == 0 ? random.Next(Math.Min(300, inputDim)) : random.Next(inputDim);
        }

        return ids;
    }
}
