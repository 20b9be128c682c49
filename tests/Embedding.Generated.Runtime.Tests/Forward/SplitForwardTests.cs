using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Forward;

/// <summary>
/// A batch large enough for <see cref="RowParallelism"/> to split across cores gives exactly the reference output, and
/// a bad id anywhere still writes nothing.
/// </summary>
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
    public void MaxThreads_below_1_is_rejected()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => RowParallelism.MaxThreads = 0);

        Assert.Equal("value", exception.ParamName);
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
