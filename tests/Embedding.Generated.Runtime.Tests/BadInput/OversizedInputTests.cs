using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.BadInput;

// Wide vectors, so that a small id array (2 MB) has an output of more floats than one span can hold.
[EmbeddingLayer(InputDim = 2, OutputDim = 4096)]
public partial class WideLayer;

[EmbeddingLayer(InputDim = 2, OutputDim = 4096, MaskZero = true)]
public partial class WideMaskedLayer;

/// <summary>
/// 2-D id arrays whose <c>(batch, length, OutputDim)</c> output would hold more than <see cref="int.MaxValue"/> floats,
/// and spans of more sequences than one span of ids can hold: every form throws <see cref="ArgumentException"/> naming
/// the sizes, before it allocates or writes anything.
/// </summary>
public sealed class OversizedInputTests
{
    private const int Length = 10;

    // The smallest batch past the limit, and the largest that fits, from the definition of the limit.
    private const int FittingBatch = int.MaxValue / (Length * WideLayer.OutputDim);
    private const int OversizedBatch = FittingBatch + 1;
    private const long OversizedFloats = (long)OversizedBatch * Length * WideLayer.OutputDim;

    private static readonly int[,] OversizedIds = new int[OversizedBatch, Length];

    [Fact]
    public void Forward_returning_an_array_too_large_for_a_span_throws_before_allocating_it()
    {
        var layer = new WideLayer(seed: 1);
        int[,] ids = OversizedIds;
        layer.Forward(new int[1, Length]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var exception = Assert.Throws<ArgumentException>(() => layer.Forward(ids));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        AssertNamesTheSizes(exception);
        Assert.True(allocated < 1 << 20, $"The failed call allocated {allocated} bytes; the output alone would be {OversizedFloats * sizeof(float)}.");
    }

    [Fact]
    public void Forward_into_an_array_with_ids_too_many_for_a_span_of_output_throws_and_writes_nothing()
    {
        var layer = new WideLayer(seed: 2);
        float[,,] output = Sentinel.Floats(1, Length, WideLayer.OutputDim);

        var exception = Assert.Throws<ArgumentException>(() => layer.Forward(OversizedIds, output));

        AssertNamesTheSizes(exception);
        FloatAssert.AllSentinel(FlatSpan.Of(output));
    }

    [Fact]
    public void Masked_forward_into_arrays_with_ids_too_many_for_a_span_of_output_throws_and_writes_nothing()
    {
        var layer = new WideMaskedLayer(seed: 3);
        float[,,] output = Sentinel.Floats(1, Length, WideLayer.OutputDim);
        var mask = new bool[1, Length];

        var exception = Assert.Throws<ArgumentException>(() => layer.Forward(OversizedIds, output, mask));

        AssertNamesTheSizes(exception);
        FloatAssert.AllSentinel(FlatSpan.Of(output));
        Assert.All(FlatSpan.Of(mask).ToArray(), Assert.False);
    }

    [Fact]
    public void Forward_of_more_sequences_than_a_span_of_ids_can_hold_throws_and_writes_nothing()
    {
        const int InputLength = 16383;
        const int Count = (int.MaxValue / InputLength) + 1;
        var layer = new Sequences.LongestSequenceLayer(seed: 4);
        float[] output = Sentinel.Floats(16);

        // Count sequences would take 8.6 GB; the span is never read, since the count alone is already too large.
        var exception = Assert.Throws<ArgumentException>(() => layer.Forward(
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.NullRef<Sequences.LongestSequenceLayer.Sequence>(), Count), output));

        Assert.Equal("sequences", exception.ParamName);
        MessageAssert.NamesNumbers(exception, Count, InputLength, (long)Count * InputLength, int.MaxValue, int.MaxValue / InputLength);
        FloatAssert.AllSentinel(output);
    }

    private static void AssertNamesTheSizes(ArgumentException exception)
    {
        Assert.Equal("ids", exception.ParamName);
        Assert.Contains($"({OversizedBatch}, {Length})", exception.Message, StringComparison.Ordinal);
        MessageAssert.NamesNumbers(exception, WideLayer.OutputDim, OversizedFloats, int.MaxValue, FittingBatch);
    }
}
