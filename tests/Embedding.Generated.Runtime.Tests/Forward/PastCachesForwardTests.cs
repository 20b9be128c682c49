using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.Parallelism;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Forward;

/// <summary>
/// An output large enough to be written past the caches (non-temporal stores) is exactly the reference output, on both
/// cores and on one, and an output off the 32-byte boundary such stores need takes ordinary stores and is exact too.
/// </summary>
[Collection(RowParallelismCollection.Name)]
public sealed class PastCachesForwardTests
{
    // 65,536 ids x 64 floats = 4 Mi floats (16 MB): each half of a split pass is at the past-the-caches threshold.
    private const int IdCount = 1 << 16;
    private const int OutputFloats = IdCount * PastCachesLayer.OutputDim;

    [Theory]
    [InlineData(2, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(1, 3)]
    public void A_large_output_equals_the_scalar_reference_bit_for_bit(int maxThreads, int floatsOffTheBoundary)
    {
        Assert.True(OutputFloats / 2 >= RowStores.PastCachesMinimumFloats);
        var layer = new PastCachesLayer(seed: 31);
        int[] ids = RandomInputs.Ids(new Random(31 + floatsOffTheBoundary), PastCachesLayer.InputDim, IdCount);
        // An aligned table's memory, shifted by whole floats: 0 keeps the 32-byte boundary, 1 or 3 leave it.
        Span<float> output = AlignedTable.Allocate(OutputFloats + floatsOffTheBoundary).Span[floatsOffTheBoundary..];

        using (new MaxThreadsScope(maxThreads))
        {
            layer.Forward(ids, output);
        }

        FloatAssert.BitwiseEqual(ScalarReference.Forward(layer.Weights.ToArray(), PastCachesLayer.OutputDim, ids), output.ToArray());
    }

    [Theory]
    [InlineData(64, 0)]
    [InlineData(64, 1)]
    [InlineData(8, 0)]
    [InlineData(13, 0)]
    [InlineData(13, 5)]
    public void CopyRowPastCaches_copies_every_float_whatever_the_alignment(int length, int floatsOffTheBoundary)
    {
        float[] source = new float[length];
        for (int j = 0; j < length; j++)
        {
            source[j] = (j * 1.5f) - 7f;
        }

        Span<float> destination = AlignedTable.Allocate(length + floatsOffTheBoundary + 1).Span.Slice(floatsOffTheBoundary, length + 1);
        destination[length] = 42f;

        RowStores.CopyRowPastCaches(ref source[0], ref destination[0], length);
        RowStores.FinishPastCaches();

        Assert.Equal(source, destination[..length].ToArray());
        Assert.Equal(42f, destination[length]);
    }

    [Fact]
    public void Only_outputs_at_the_threshold_are_written_past_the_caches()
    {
        Assert.False(RowStores.WritePastCaches(RowStores.PastCachesMinimumFloats - 1));
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx.IsSupported, RowStores.WritePastCaches(RowStores.PastCachesMinimumFloats));
    }
}
