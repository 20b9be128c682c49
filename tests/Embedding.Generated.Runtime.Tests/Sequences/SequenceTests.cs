using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Sequences;

/// <summary>The fixed-length <c>Sequence</c> type of layers with InputLength, and the forward pass over it.</summary>
public sealed class SequenceTests
{
    [Fact]
    public void Sequence_constructor_takes_InputLength_ids_in_order()
    {
        var sequence = new WordLayer.Sequence(10, 20, 30, 40, 50, 60, 70, 80, 90, 999);

        ReadOnlySpan<int> ids = sequence;

        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80, 90, 999], ids.ToArray());
    }

    [Fact]
    public void Sequence_constructors_exist_for_one_and_sixteen_ids()
    {
        var single = new Dim100Layer.Sequence(49);
        var sixteen = new Dim16Layer.Sequence(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

        Assert.Equal([49], ((ReadOnlySpan<int>)single).ToArray());
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], ((ReadOnlySpan<int>)sixteen).ToArray());
    }

    [Fact]
    public void Sequence_From_copies_exactly_InputLength_ids()
    {
        int[] ids = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];

        WordLayer.Sequence sequence = WordLayer.Sequence.From(ids);

        Assert.Equal(ids, ((ReadOnlySpan<int>)sequence).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(11)]
    public void Sequence_From_with_another_length_throws_naming_both_lengths(int length)
    {
        int[] ids = new int[length];

        var exception = Assert.Throws<ArgumentException>(() => WordLayer.Sequence.From(ids));

        Assert.Equal("ids", exception.ParamName);
        MessageAssert.NamesNumbers(exception, length, WordLayer.InputLength);
    }

    [Fact]
    public void Forward_of_sequences_equals_the_flat_forward_and_the_reference()
    {
        var random = new Random(901);
        var layer = new WordLayer(RandomInputs.SpreadFloats(random, WordLayer.WeightCount));
        int[] flatIds = RandomInputs.Ids(random, WordLayer.InputDim, 5 * WordLayer.InputLength);
        var sequences = new WordLayer.Sequence[5];
        for (int s = 0; s < sequences.Length; s++)
        {
            sequences[s] = WordLayer.Sequence.From(flatIds.AsSpan(s * WordLayer.InputLength, WordLayer.InputLength));
        }

        float[] fromSequences = new float[flatIds.Length * WordLayer.OutputDim];
        float[] fromFlat = new float[flatIds.Length * WordLayer.OutputDim];
        layer.Forward(sequences, fromSequences);
        layer.Forward(flatIds, fromFlat);

        FloatAssert.BitwiseEqual(fromFlat, fromSequences);
        FloatAssert.BitwiseEqual(ScalarReference.Forward(layer.Weights.ToArray(), WordLayer.OutputDim, flatIds), fromSequences);
    }

    [Fact]
    public void Forward_of_sequences_longer_than_the_constructor_limit_equals_the_reference()
    {
        var random = new Random(902);
        var layer = new Dim33Layer(RandomInputs.SpreadFloats(random, Dim33Layer.WeightCount));
        int[] flatIds = RandomInputs.Ids(random, Dim33Layer.InputDim, 2 * Dim33Layer.InputLength);
        Dim33Layer.Sequence[] sequences =
        [
            Dim33Layer.Sequence.From(flatIds.AsSpan(0, Dim33Layer.InputLength)),
            Dim33Layer.Sequence.From(flatIds.AsSpan(Dim33Layer.InputLength)),
        ];
        float[] output = new float[flatIds.Length * Dim33Layer.OutputDim];

        layer.Forward(sequences, output);

        FloatAssert.BitwiseEqual(ScalarReference.Forward(layer.Weights.ToArray(), Dim33Layer.OutputDim, flatIds), output);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(WordLayer.InputDim)]
    [InlineData(int.MaxValue)]
    public void Forward_of_sequences_with_an_out_of_range_id_throws_naming_its_position_and_writes_nothing(int badId)
    {
        var layer = new WordLayer(seed: 903);
        WordLayer.Sequence[] sequences = [new(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), new(11, 12, 13, 14, 15, 16, 17, 18, 19, 20)];
        sequences[1][6] = badId;
        float[] output = Sentinel.Floats(2 * WordLayer.InputLength * WordLayer.OutputDim);

        var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Forward(sequences, output));

        Assert.Equal("sequences", exception.ParamName);
        MessageAssert.NamesIdPositionAndRange(exception, badId, WordLayer.InputLength + 6, WordLayer.InputLength, WordLayer.InputDim);
        FloatAssert.AllSentinel(output);
    }

    [Fact]
    public void Forward_of_sequences_with_output_of_the_wrong_length_throws_naming_both_lengths()
    {
        var layer = new WordLayer(seed: 904);
        var sequences = new WordLayer.Sequence[2];
        int needed = 2 * WordLayer.InputLength * WordLayer.OutputDim;
        float[] output = Sentinel.Floats(needed - 1);

        var exception = Assert.Throws<ArgumentException>(() => layer.Forward(sequences, output));

        Assert.Equal("output", exception.ParamName);
        MessageAssert.NamesNumbers(exception, needed - 1, needed);
        FloatAssert.AllSentinel(output);
    }
}
