using System;
using System.Threading.Tasks;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.Parallelism;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Forward;

/// <summary>
/// A batch large enough for <see cref="RowParallelism"/> to split across cores gives exactly the reference output, and
/// a bad id anywhere still writes nothing.
/// </summary>
[Collection(RowParallelismCollection.Name)]
public sealed class SplitForwardTests
{
    // 251 sequences of 20 = 5,020 ids x 65 floats = 326,300 floats, above RowParallelism.MinimumFloats.
    private const int IdCount = 5020;

    [Fact]
    public void A_batch_above_the_split_threshold_equals_the_scalar_reference_bit_for_bit()
    {
        Assert.True((long)IdCount * PrefetchingLayer.OutputDim >= RowParallelism.MinimumFloats);
        var layer = new PrefetchingLayer(seed: 21);
        int[] ids = RandomIds(new Random(21), IdCount);
        var output = new float[ids.Length * PrefetchingLayer.OutputDim];

        ((IEmbeddingLayer)layer).Forward(ids, output);

        FloatAssert.BitwiseEqual(ScalarReference.Forward(layer.Weights.ToArray(), PrefetchingLayer.OutputDim, ids), output);
    }

    [Fact]
    public void A_bad_id_at_the_end_of_a_split_sized_batch_writes_nothing()
    {
        var layer = new PrefetchingLayer(seed: 22);
        int[] ids = RandomIds(new Random(22), IdCount);
        ids[^1] = PrefetchingLayer.InputDim;
        var output = new float[ids.Length * PrefetchingLayer.OutputDim];

        Assert.Throws<EmbeddingIdOutOfRangeException>(() => ((IEmbeddingLayer)layer).Forward(ids, output));

        Assert.All(output, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void A_warmed_up_split_forward_allocates_nothing_on_the_calling_thread()
    {
        // Parallel.For, used before, allocated about 1.8 KB per call here; the kept helper threads allocate nothing.
        var layer = new PrefetchingLayer(seed: 23);
        int[] ids = RandomIds(new Random(23), IdCount);
        var output = new float[ids.Length * PrefetchingLayer.OutputDim];
        for (int call = 0; call < 20; call++)
        {
            layer.Forward(ids, output);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int call = 0; call < 10; call++)
        {
            layer.Forward(ids, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Concurrent_split_sized_forwards_each_equal_the_reference()
    {
        // One split pass holds the helpers at a time; the others run on their own threads. All must be exact.
        var layer = new PrefetchingLayer(seed: 24);
        float[] table = layer.Weights.ToArray();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, caller =>
        {
            int[] ids = RandomIds(new Random(100 + caller), IdCount);
            var output = new float[ids.Length * PrefetchingLayer.OutputDim];
            for (int repeat = 0; repeat < 5; repeat++)
            {
                layer.Forward(ids, output);
                FloatAssert.BitwiseEqual(ScalarReference.Forward(table, PrefetchingLayer.OutputDim, ids), output);
            }
        });
    }

    [Fact]
    public void MaxThreads_below_1_is_rejected()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => RowParallelism.MaxThreads = 0);

        Assert.Equal("value", exception.ParamName);
    }

    [Fact]
    public void MaxThreads_above_the_limit_is_rejected_naming_the_value_and_the_range_and_keeps_the_setting()
    {
        using (new MaxThreadsScope(2))
        {
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => RowParallelism.MaxThreads = 10_000);

            Assert.Equal("value", exception.ParamName);
            Assert.Contains("10000", exception.Message, StringComparison.Ordinal);
            Assert.Contains("[1, 256]", exception.Message, StringComparison.Ordinal);
            Assert.Equal(2, RowParallelism.MaxThreads);
        }
    }

    [Fact]
    public void MaxThreads_accepts_the_limit_of_256_and_rejects_one_more()
    {
        using (new MaxThreadsScope(256))
        {
            Assert.Equal(256, RowParallelism.MaxThreads);
            Assert.Throws<ArgumentOutOfRangeException>(() => RowParallelism.MaxThreads = 257);
        }
    }

    private static int[] RandomIds(Random random, int count)
    {
        var ids = new int[count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = random.Next(PrefetchingLayer.InputDim);
        }

        return ids;
    }
}
