using System;
using System.Linq;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Embedding.Generated.Training;
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

    [Fact]
    public void A_dense_trainers_gradient_starts_on_a_cache_line_boundary()
    {
        var trainer = new EmbeddingTrainer(new Dim33Layer(seed: 1), new Sgd(0.1f), UpdateMode.Dense);

        Assert.Equal(0, OffsetFromCacheLine(trainer.LastDenseGradient));
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(64, 3)]
    [InlineData(64, 2)]
    public void Slots_laid_out_by_row_start_every_row_on_a_cache_line_boundary_when_rows_are_whole_lines(int rowLength, int slotCount)
    {
        var optimizer = new SlotAddressProbe(slotCount);
        var gradient = new SparseRowGradient(inputDim: 40, outputDim: rowLength);
        gradient.AssignSlots([7, 0, 39, 12]);

        optimizer.Step(new float[40 * rowLength], gradient);

        Assert.Equal(4 * slotCount, optimizer.SlotOffsetsFromCacheLine.Count);
        Assert.All(optimizer.SlotOffsetsFromCacheLine, offset => Assert.Equal(0, offset));
    }

    [Fact]
    public void CreateDenseGradient_gives_zeros_on_a_boundary_that_Backward_adds_into()
    {
        var layer = new Dim17Layer(seed: 1);
        int[] ids = [4, 0, 4, 49];
        float[] outputGradient = Enumerable.Range(0, ids.Length * Dim17Layer.OutputDim).Select(i => 0.25f * (i - 30)).ToArray();

        Memory<float> first = layer.CreateDenseGradient();
        Memory<float> second = layer.CreateDenseGradient();
        Assert.Equal(Dim17Layer.InputDim * Dim17Layer.OutputDim, first.Length);
        Assert.True(first.Span.IndexOfAnyExcept(0f) < 0);
        Assert.Equal(0, OffsetFromCacheLine(first.Span));
        layer.Backward(ids, outputGradient, first.Span);

        // The second gradient is its own storage: still zeros.
        var expected = new float[first.Length];
        ScalarReference.DenseBackward(ids, outputGradient, Dim17Layer.OutputDim, expected);

        Assert.Equal(expected, first.ToArray());
        Assert.True(second.Span.IndexOfAnyExcept(0f) < 0);
    }

    [Fact]
    public void A_sparse_gradients_rows_start_on_a_cache_line_boundary_and_keep_their_sums_when_storage_grows()
    {
        var layer = new Dim64Layer(seed: 1);
        var gradient = new SparseRowGradient(Dim64Layer.InputDim, Dim64Layer.OutputDim);
        int[] firstIds = [3, 5];
        // Rows 3 and 5 are held again, then enough new rows to outgrow the first storage.
        int[] secondIds = [.. Enumerable.Range(0, Dim64Layer.InputDim).Reverse()];
        float[] firstOutput = Enumerable.Range(0, firstIds.Length * Dim64Layer.OutputDim).Select(i => i * 0.5f).ToArray();
        float[] secondOutput = Enumerable.Range(0, secondIds.Length * Dim64Layer.OutputDim).Select(i => 1f + i).ToArray();

        layer.Backward(firstIds, firstOutput, gradient);
        Assert.Equal(0, OffsetFromCacheLine(gradient.Values));
        layer.Backward(secondIds, secondOutput, gradient);

        Assert.Equal(0, OffsetFromCacheLine(gradient.Values));
        var expected = new float[Dim64Layer.InputDim * Dim64Layer.OutputDim];
        ScalarReference.DenseBackward(firstIds, firstOutput, Dim64Layer.OutputDim, expected);
        ScalarReference.DenseBackward(secondIds, secondOutput, Dim64Layer.OutputDim, expected);

        var actual = new float[expected.Length];
        gradient.AddTo(actual);
        Assert.Equal(expected, actual);
    }

    private static unsafe long OffsetFromCacheLine(ReadOnlySpan<float> span) =>
        (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span)) % 64;

    /// <summary>An optimizer that records, for every run it is given, where each slot's values start.</summary>
    private sealed class SlotAddressProbe(int slotCount)
        : Optimizer(0.1f, Enumerable.Range(0, slotCount).Select(slot => $"slot{slot}").ToArray())
    {
        public System.Collections.Generic.List<long> SlotOffsetsFromCacheLine { get; } = [];

        protected override void Update(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step)
        {
            for (int slot = 0; slot < SlotNames.Count; slot++)
            {
                SlotOffsetsFromCacheLine.Add(OffsetFromCacheLine(Slot(slot, slotOffset, weights.Length)));
            }
        }

        protected override void UpdateRow<TRowLength>(Span<float> weights, ReadOnlySpan<float> gradient, int slotOffset, in StepContext step) =>
            Update(weights, gradient, slotOffset, step);
    }
}
