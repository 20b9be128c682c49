using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.BadInput;

/// <summary>
/// The id check reports the first bad id wherever it sits: in a block of eight the vector check covers, in the scalar
/// remainder, or behind a later bad id.
/// </summary>
public sealed class FirstBadIdTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(50)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Every_position_of_a_37_id_batch_reports_its_own_index(int badId)
    {
        IEmbeddingLayer layer = new Dim7Layer(seed: 1);
        for (int position = 0; position < 37; position++)
        {
            int[] ids = new int[37];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = (i * 13) % 50;
            }

            ids[position] = badId;
            var output = new float[ids.Length * layer.OutputDim];

            var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Forward(ids, output));

            Assert.Equal(position, exception.Index);
            Assert.Equal(badId, exception.Id);
        }
    }

    [Fact]
    public void Of_two_bad_ids_in_one_block_the_first_is_reported()
    {
        IEmbeddingLayer layer = new Dim7Layer(seed: 2);
        int[] ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 60, 12, -4, 14, 15, 16];
        var output = new float[ids.Length * layer.OutputDim];

        var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Forward(ids, output));

        Assert.Equal(10, exception.Index);
        Assert.Equal(60, exception.Id);
    }
}
