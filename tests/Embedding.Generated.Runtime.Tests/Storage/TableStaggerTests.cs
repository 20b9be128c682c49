using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Storage;

/// <summary>
/// Tables of 4 MB or more start a different multiple of 4160 bytes past their cache-line boundary, in turn, so that
/// tables made one after another (a layer's weights, its dense gradient, an optimizer's slots) do not sit at the same
/// address modulo a large power of two, where passes over them together ran up to four times slower.
/// </summary>
[Collection(HugePageSwitchCollection.Name)]
public sealed class TableStaggerTests
{
    [Fact]
    public void Consecutive_large_tables_take_different_staggers_of_whole_4160_byte_steps()
    {
        var staggers = new List<long>();
        for (int i = 0; i < AlignedTable.StaggerSteps; i++)
        {
            AlignedTable table = AlignedTable.Allocate((int)(AlignedTable.StaggerMinimumBytes / sizeof(float)));
            staggers.Add(StaggerOf(table));
        }

        Assert.All(staggers, stagger => Assert.Equal(0, stagger % AlignedTable.StaggerStepBytes));
        Assert.All(staggers, stagger => Assert.InRange(stagger, 0, (AlignedTable.StaggerSteps - 1L) * AlignedTable.StaggerStepBytes));
        Assert.Equal(AlignedTable.StaggerSteps, staggers.Distinct().Count());
    }

    [Fact]
    public void Tables_under_4_MB_are_not_staggered()
    {
        for (int i = 0; i < 4; i++)
        {
            AlignedTable table = AlignedTable.Allocate((int)(AlignedTable.StaggerMinimumBytes / sizeof(float)) - 1);
            Assert.Equal(0, StaggerOf(table));
        }
    }

    [Fact]
    public void Two_244_MB_tables_made_one_after_the_other_are_not_at_the_same_address_modulo_256_MB()
    {
        // The shape of a training step's weights and dense gradient at S3; the collector gives each a region of its
        // own, and without the stagger the second lay exactly 256 MB after the first.
        const int Length = 64_000_000;
        AlignedTable weights = AlignedTable.Allocate(Length);
        AlignedTable gradient = AlignedTable.Allocate(Length);

        long distance = Address(gradient) - Address(weights);

        Assert.NotEqual(0, distance & ((256L << 20) - 1));
        Assert.True(weights.Span.IndexOfAnyExcept(0f) < 0 && gradient.Span.IndexOfAnyExcept(0f) < 0);
    }

    private static long StaggerOf(AlignedTable table)
    {
        long lineBoundary = (table.ArrayAddress + 63) & ~63L;
        return Address(table) - lineBoundary;
    }

    private static unsafe long Address(AlignedTable table) => (long)Unsafe.AsPointer(ref table.First);
}
