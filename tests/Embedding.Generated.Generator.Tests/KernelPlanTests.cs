using Embedding.Generated.Generator.Model;
using Xunit;

namespace Embedding.Generated.Generator.Tests;

/// <summary>
/// The kernel decisions a layer's shape struct carries: rows are prefetched 16 ids ahead only for tables over 4 MiB,
/// a gather writes past the caches only for those tables with rows of whole 32-byte vectors, and a split scatter deals
/// rows in blocks of at least 1 KB.
/// </summary>
public sealed class KernelPlanTests
{
    [Theory]
    [InlineData(16_384, 64, 0, false)] // exactly 4 MiB: stays
    [InlineData(16_385, 64, 16, true)] // one row more
    [InlineData(20_000, 60, 16, false)] // large, but 240-byte rows are not whole 32-byte vectors
    [InlineData(1_000, 64, 0, false)]
    [InlineData(1_000_000, 0, 0, false)] // empty rows: nothing to prefetch
    public void Large_tables_prefetch_rows_and_may_write_past_the_caches(int inputDim, int outputDim, int expectedDistance, bool expectedPastCaches)
    {
        KernelPlan plan = KernelPlan.For(Layer(inputDim, outputDim));

        Assert.Equal(expectedDistance, plan.PrefetchDistance);
        Assert.Equal(expectedPastCaches, plan.WritesPastCaches);
    }

    [Theory]
    [InlineData(1, 8)] // 4-byte rows: 256 to a kilobyte
    [InlineData(64, 2)] // 256-byte rows: 4
    [InlineData(65, 2)] // 260-byte rows: 4 make 1,040 bytes
    [InlineData(300, 0)] // 1,200-byte rows: each its own block
    [InlineData(0, 0)]
    public void A_split_scatter_deals_rows_in_blocks_of_at_least_a_kilobyte(int outputDim, int expectedShift)
    {
        Assert.Equal(expectedShift, KernelPlan.For(Layer(100, outputDim)).ScatterBlockShift);
    }

    private static EmbeddingLayerSpec Layer(int inputDim, int outputDim) =>
        new("Samples", "Layer", EquatableArray<ContainingTypeSpec>.Empty, inputDim, outputDim, 0, MaskZero: false);
}
