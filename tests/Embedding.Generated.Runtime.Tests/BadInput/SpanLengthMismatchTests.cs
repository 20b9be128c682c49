using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.BadInput;

/// <summary>
/// A span of the wrong length throws <see cref="ArgumentException"/> (not a subclass) naming both lengths, before
/// anything is written. The ids themselves are valid, so only the length can be the reason.
/// </summary>
public sealed class SpanLengthMismatchTests
{
    private const int Sequences = 3;

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithWeights), MemberType = typeof(LayerCatalogue))]
    public void Forward_with_output_one_float_too_short_throws_and_writes_nothing(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(801);
        int[] ids = ValidIds(layerCase);
        int needed = ids.Length * layerCase.OutputDim;
        float[] output = Sentinel.Floats(needed - 1);

        var exception = Assert.Throws<ArgumentException>(() => layer.Forward(ids, output));

        Assert.Equal("output", exception.ParamName);
        MessageAssert.NamesNumbers(exception, needed - 1, needed);
        FloatAssert.AllSentinel(output);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Forward_with_output_one_float_too_long_throws_and_writes_nothing(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(802);
        int[] ids = ValidIds(layerCase);
        int needed = ids.Length * layerCase.OutputDim;
        float[] output = Sentinel.Floats(needed + 1);

        var exception = Assert.Throws<ArgumentException>(() => layer.Forward(ids, output));

        Assert.Equal("output", exception.ParamName);
        MessageAssert.NamesNumbers(exception, needed + 1, needed);
        FloatAssert.AllSentinel(output);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithInputLengthAboveOne), MemberType = typeof(LayerCatalogue))]
    public void Every_pass_given_ids_that_are_not_whole_sequences_throws_and_writes_nothing(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(803);
        int inputLength = layerCase.InputLength!.Value;
        int[] ids = new int[(Sequences * inputLength) + 1];
        // Output and gradients fit the ids exactly, so the partial sequence is the only fault.
        float[] output = Sentinel.Floats(ids.Length * layerCase.OutputDim);
        float[] outputGradient = new float[ids.Length * layerCase.OutputDim];
        outputGradient.AsSpan().Fill(1f);
        float[] weightGradient = Sentinel.Floats(layerCase.WeightCount);
        SparseRowGradient sparse = layerCase.CreateSparseGradient(layer);

        ArgumentException[] exceptions =
        [
            Assert.Throws<ArgumentException>(() => layer.Forward(ids, output)),
            Assert.Throws<ArgumentException>(() => layer.Backward(ids, outputGradient, weightGradient.AsSpan())),
            Assert.Throws<ArgumentException>(() => layer.Backward(ids, outputGradient, sparse)),
        ];

        Assert.All(exceptions, exception =>
        {
            Assert.Equal("ids", exception.ParamName);
            MessageAssert.NamesNumbers(exception, ids.Length, inputLength);
        });
        FloatAssert.AllSentinel(output);
        FloatAssert.AllSentinel(weightGradient);
        Assert.Equal(0, sparse.Count);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Backward_with_an_output_gradient_of_the_wrong_length_throws_and_writes_nothing(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(804);
        int[] ids = ValidIds(layerCase);
        int needed = ids.Length * layerCase.OutputDim;
        float[] outputGradient = new float[needed + 1];
        float[] weightGradient = Sentinel.Floats(layerCase.WeightCount);
        SparseRowGradient sparse = layerCase.CreateSparseGradient(layer);

        var dense = Assert.Throws<ArgumentException>(() => layer.Backward(ids, outputGradient, weightGradient.AsSpan()));
        var sparseException = Assert.Throws<ArgumentException>(() => layer.Backward(ids, outputGradient, sparse));

        Assert.All([dense, sparseException], exception =>
        {
            Assert.Equal("outputGradient", exception.ParamName);
            MessageAssert.NamesNumbers(exception, needed + 1, needed);
        });
        FloatAssert.AllSentinel(weightGradient);
        Assert.Equal(0, sparse.Count);
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.All), MemberType = typeof(LayerCatalogue))]
    public void Dense_backward_with_a_weight_gradient_of_the_wrong_length_throws_and_writes_nothing(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(805);
        int[] ids = ValidIds(layerCase);
        float[] outputGradient = new float[ids.Length * layerCase.OutputDim];
        outputGradient.AsSpan().Fill(1f);

        foreach (int wrongLength in new[] { layerCase.WeightCount + 1, layerCase.WeightCount - 1, layerCase.WeightCount + layerCase.OutputDim })
        {
            if (wrongLength < 0 || wrongLength == layerCase.WeightCount)
            {
                continue;
            }

            float[] weightGradient = Sentinel.Floats(wrongLength);

            var exception = Assert.Throws<ArgumentException>(() => layer.Backward(ids, outputGradient, weightGradient.AsSpan()));

            Assert.Equal("weightGradient", exception.ParamName);
            MessageAssert.NamesNumbers(exception, wrongLength, layerCase.WeightCount);
            FloatAssert.AllSentinel(weightGradient);
        }
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithMaskZero), MemberType = typeof(LayerCatalogue))]
    public void Mask_of_the_wrong_length_throws_and_nothing_is_written(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        IEmbeddingLayer layer = layerCase.CreateWithSeed(806);
        int[] ids = ValidIds(layerCase);
        float[] output = Sentinel.Floats(ids.Length * layerCase.OutputDim);

        foreach (int wrongLength in new[] { ids.Length - 1, ids.Length + 1 })
        {
            bool[] mask = Sentinel.Mask(wrongLength);

            var computeMask = Assert.Throws<ArgumentException>(() => layer.ComputeMask(ids, mask));
            var forwardWithMask = Assert.Throws<ArgumentException>(() => layerCase.ForwardWithMask!(layer, ids, output, mask));

            Assert.All([computeMask, forwardWithMask], exception =>
            {
                Assert.Equal("mask", exception.ParamName);
                MessageAssert.NamesNumbers(exception, wrongLength, ids.Length);
            });
            Assert.DoesNotContain(true, mask);
            FloatAssert.AllSentinel(output);
        }
    }

    [Theory]
    [MemberData(nameof(LayerCatalogue.WithMaskZeroAndInputLength), MemberType = typeof(LayerCatalogue))]
    public void Mask_passes_given_ids_that_are_not_whole_sequences_throw_and_write_nothing(string layerName)
    {
        LayerCase layerCase = LayerCatalogue.Get(layerName);
        int inputLength = layerCase.InputLength!.Value;
        IEmbeddingLayer layer = layerCase.CreateWithSeed(807);
        int[] ids = new int[(Sequences * inputLength) + 1];
        float[] output = Sentinel.Floats(ids.Length * layerCase.OutputDim);
        bool[] mask = Sentinel.Mask(ids.Length);
        ids.AsSpan().Fill(1);

        var computeMask = Assert.Throws<ArgumentException>(() => layer.ComputeMask(ids, mask));
        var forwardWithMask = Assert.Throws<ArgumentException>(() => layerCase.ForwardWithMask!(layer, ids, output, mask));

        Assert.All([computeMask, forwardWithMask], exception => MessageAssert.NamesNumbers(exception, ids.Length, inputLength));
        Assert.DoesNotContain(true, mask);
        FloatAssert.AllSentinel(output);
    }

    private static int[] ValidIds(LayerCase layerCase) =>
        RandomInputs.Ids(new Random(800), layerCase.InputDim, layerCase.PositionsFor(Sequences));
}
