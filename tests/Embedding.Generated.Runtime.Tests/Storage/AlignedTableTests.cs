using System;
using System.Linq;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Storage;

/// <summary>
/// A generated layer's table starts on a 64-byte cache-line boundary and stays there, whichever constructor made it
/// and whatever the garbage collector does afterwards: a row of 64 floats then spans 4 cache lines, not 5.
/// </summary>
public sealed class AlignedTableTests
{
    [Theory]
    [MemberData(nameof(LayerCatalogue.WithWeights), MemberType = typeof(LayerCatalogue))]
    public void Every_constructor_puts_the_table_on_a_cache_line_boundary(string name)
    {
        LayerCase layerCase = LayerCatalogue.Get(name);
        IEmbeddingLayer seeded = layerCase.CreateWithSeed(1);
        float[] weights = Enumerable.Range(0, layerCase.WeightCount).Select(i => (float)i).ToArray();
        IEmbeddingLayer copied = layerCase.CreateFromWeights(weights);

        Assert.Equal(0, OffsetFromCacheLine(seeded.Weights));
        Assert.Equal(0, OffsetFromCacheLine(copied.Weights));
        Assert.Equal(weights, copied.Weights.ToArray());
    }

    [Fact]
    public void The_table_stays_on_its_boundary_through_compacting_collections()
    {
        // Arrays allocated between layers shift whatever a compacting collection may move; the tables must not move.
        var layers = Enumerable.Range(0, 20).Select(seed => (IEmbeddingLayer)new Dim33Layer(seed)).ToList();
        var garbage = Enumerable.Range(0, 2000).Select(i => new byte[1 + (i % 97)]).ToList();
        var large = new float[100_000];
        garbage.Clear();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.KeepAlive(large);

        Assert.All(layers, layer => Assert.Equal(0, OffsetFromCacheLine(layer.Weights)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(100_000)]
    public void Allocate_gives_zeros_of_the_length_asked_on_a_boundary(int length)
    {
        AlignedTable table = AlignedTable.Allocate(length);

        Assert.Equal(length, table.Length);
        Assert.Equal(length, table.Span.Length);
        Assert.True(table.Span.IndexOfAnyExcept(0f) < 0);
        Assert.Equal(0, OffsetFromCacheLine(table.Span));
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(table.Span), ref table.First));
    }

    [Fact]
    public void Allocate_with_a_negative_length_throws_naming_the_length()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => AlignedTable.Allocate(-3));

        Assert.Equal("length", exception.ParamName);
        Assert.Contains("-3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CopyOf_holds_its_own_copy()
    {
        float[] values = [1f, -2f, 3.5f];
        AlignedTable table = AlignedTable.CopyOf(values);
        values[0] = 99f;

        Assert.Equal([1f, -2f, 3.5f], table.Span.ToArray());
    }

    private static unsafe long OffsetFromCacheLine(Span<float> span) =>
        (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span)) % 64;
}
