using System;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Sequences;

// The longest InputLength that has a Sequence (EMB012): 16,383 ids, 65,532 bytes, the largest array element .NET allows.
[EmbeddingLayer(InputDim = 20, OutputDim = 3, InputLength = 16383)]
public partial class LongestSequenceLayer;

/// <summary>A <c>Sequence</c> of the longest allowed length is made, stored in an array and looked up like any other.</summary>
public sealed class LongestSequenceTests
{
    [Fact]
    public void Sequences_of_the_longest_InputLength_go_in_an_array_and_through_Forward()
    {
        const int Length = 16383;
        int[] ids = new int[Length];
        for (int i = 0; i < Length; i++)
        {
            ids[i] = (i * 7) % LongestSequenceLayer.InputDim;
        }

        var layer = new LongestSequenceLayer(seed: 5);
        var sequences = new LongestSequenceLayer.Sequence[2];
        sequences[1] = LongestSequenceLayer.Sequence.From(ids);
        float[] output = new float[2 * Length * LongestSequenceLayer.OutputDim];

        layer.Forward(sequences, output);

        // The first sequence is all id 0; the second is ids, each position a copy of its id's row.
        for (int position = 0; position < 2 * Length; position++)
        {
            int id = position < Length ? 0 : ids[position - Length];
            Assert.Equal(layer.GetRow(id).ToArray(), output.AsSpan(position * LongestSequenceLayer.OutputDim, LongestSequenceLayer.OutputDim).ToArray());
        }
    }
}
