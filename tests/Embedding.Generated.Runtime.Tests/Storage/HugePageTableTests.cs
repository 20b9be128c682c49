using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Embedding.Generated.Initializers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Storage;

/// <summary>
/// With the switch on, tables of 16 MB or more start their stagger past a 2 MB boundary and, on Linux, ask for 2 MB
/// pages; smaller ones keep the cache-line boundary, and with the switch off (the default) every table does. Whether the kernel hands out
/// huge pages depends on the machine, so only what the library decides is asserted: the boundary, the zeros, the
/// values, and the switch. The switch is process-wide, so these tests run alone.
/// </summary>
[Collection(HugePageSwitchCollection.Name)]
public sealed class HugePageTableTests : IDisposable
{
    private const int HugePageBytes = 2 * 1024 * 1024;
    private const int SixteenMegabytesOfFloats = 4 * 1024 * 1024;

    public HugePageTableTests() => AppContext.SetSwitch(TransparentHugePages.SwitchName, true);

    public void Dispose() => AppContext.SetSwitch(TransparentHugePages.SwitchName, false);

    [Theory]
    [InlineData(SixteenMegabytesOfFloats)]
    [InlineData(SixteenMegabytesOfFloats + 5)]
    public void A_table_of_16_MB_or_more_starts_its_stagger_past_a_2_MB_boundary_on_Linux_and_holds_zeros(int length)
    {
        AlignedTable table = AlignedTable.Allocate(length);

        Assert.Equal(length, table.Span.Length);
        AssertOnBoundaryPlusStagger(table.Span);
        Assert.True(table.Span.IndexOfAnyExcept(0f) < 0);
    }

    [Fact]
    public void A_table_just_under_16_MB_keeps_the_cache_line_boundary_without_asking()
    {
        Assert.False(TransparentHugePages.ShouldAdvise(((long)SixteenMegabytesOfFloats - 1) * sizeof(float)));

        AlignedTable table = AlignedTable.Allocate(SixteenMegabytesOfFloats - 1);

        Assert.Equal(0, Offset(table.Span, 64));
    }

    [Fact]
    public void Tables_allocated_where_earlier_ones_were_hold_zeros()
    {
        // The storage is taken uninitialized (so the advice comes before any page is touched) and cleared after it:
        // memory the collector hands out again must not show the earlier table's values.
        for (int round = 0; round < 4; round++)
        {
            AlignedTable table = AlignedTable.Allocate(SixteenMegabytesOfFloats + round);
            Assert.True(table.Span.IndexOfAnyExcept(0f) < 0, $"round {round}: a value other than 0");
            table.Span.Fill(float.NaN);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }

    [Fact]
    public void A_generated_layer_over_16_MB_has_its_table_on_the_boundary_and_looks_up_its_initializer_s_values()
    {
        var layer = new HugePageLayer(seed: 61);
        float[] expected = new float[HugePageLayer.WeightCount];
        RandomUniform.KerasDefault.Initialize(expected, HugePageLayer.InputDim, HugePageLayer.OutputDim, seed: 61);
        int[] ids = RandomInputs.Ids(new Random(61), HugePageLayer.InputDim, 4096);
        float[] output = new float[ids.Length * HugePageLayer.OutputDim];

        layer.Forward(ids, output);

        AssertOnBoundaryPlusStagger(layer.Weights);
        FloatAssert.BitwiseEqual(expected, layer.Weights);
        FloatAssert.BitwiseEqual(ScalarReference.Forward(expected, HugePageLayer.OutputDim, ids), output);
    }

    [Fact]
    public void The_advice_is_off_unless_the_switch_is_true()
    {
        Assert.Equal(OperatingSystem.IsLinux(), TransparentHugePages.ShouldAdvise(1L << 30));

        AppContext.SetSwitch(TransparentHugePages.SwitchName, false);
        AlignedTable table = AlignedTable.Allocate(SixteenMegabytesOfFloats);

        Assert.False(TransparentHugePages.ShouldAdvise(1L << 30));
        Assert.Equal(0, Offset(table.Span, 64));
        Assert.True(table.Span.IndexOfAnyExcept(0f) < 0);
    }

    // On Linux: a 2 MB boundary plus a stagger of whole 4160-byte steps (TableStaggerTests); elsewhere a line boundary.
    private static void AssertOnBoundaryPlusStagger(Span<float> table)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal(0, Offset(table, 64));
            return;
        }

        long stagger = Offset(table, HugePageBytes);
        Assert.Equal(0, stagger % AlignedTable.StaggerStepBytes);
        Assert.InRange(stagger, 0, (AlignedTable.StaggerSteps - 1L) * AlignedTable.StaggerStepBytes);
    }

    private static unsafe long Offset(Span<float> table, int boundary) =>
        (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(table)) & (boundary - 1);
}

/// <summary>Tests that set the process-wide huge-page switch, run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HugePageSwitchCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Huge-page switch";
}
