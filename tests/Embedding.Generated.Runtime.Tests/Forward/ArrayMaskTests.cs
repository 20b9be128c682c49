using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Runtime.Tests.References;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Forward;

/// <summary>The 2-D array form of a MaskZero layer's forward pass with its mask.</summary>
public sealed class ArrayMaskTests
{
    [Fact]
    public void Forward_of_a_2D_array_with_mask_equals_the_reference_vectors_and_mask()
    {
        var layer = new Dim8Layer(seed: 11);
        int[,] ids = { { 3, 0, 49, 0, 7 }, { 0, 0, 1, 1, 48 } };
        var output = new float[2, Dim8Layer.InputLength, Dim8Layer.OutputDim];
        var mask = new bool[2, Dim8Layer.InputLength];
        FlatSpan.Of(mask).Fill(true);
        int[] flatIds = FlatSpan.Of(ids).ToArray();

        layer.Forward(ids, output, mask);

        FloatAssert.BitwiseEqual(ScalarReference.Forward(layer.Weights.ToArray(), Dim8Layer.OutputDim, flatIds), FlatSpan.Of(output).ToArray());
        Assert.Equal(ScalarReference.Mask(flatIds), FlatSpan.Of(mask).ToArray());
    }

    [Fact]
    public void Forward_of_a_2D_array_with_a_mask_of_the_wrong_shape_throws_and_writes_nothing()
    {
        var layer = new Dim8Layer(seed: 12);
        int[,] ids = { { 3, 0, 49, 0, 7 } };
        var output = new float[1, Dim8Layer.InputLength, Dim8Layer.OutputDim];
        var mask = new bool[1, 4];

        var exception = Assert.Throws<ArgumentException>(() => layer.Forward(ids, output, mask));

        Assert.Contains("(1, 4)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("(1, 5)", exception.Message, StringComparison.Ordinal);
        Assert.All(FlatSpan.Of(output).ToArray(), value => Assert.Equal(0f, value));
        Assert.DoesNotContain(true, FlatSpan.Of(mask).ToArray());
    }

    [Fact]
    public void Forward_of_a_2D_array_with_mask_and_an_out_of_range_id_writes_nothing()
    {
        var layer = new Dim8Layer(seed: 13);
        int[,] ids = { { 3, 0, 50, 0, 7 } };
        var output = new float[1, Dim8Layer.InputLength, Dim8Layer.OutputDim];
        var mask = new bool[1, Dim8Layer.InputLength];

        var exception = Assert.Throws<EmbeddingIdOutOfRangeException>(() => layer.Forward(ids, output, mask));

        Assert.Equal(50, exception.Id);
        Assert.Contains("[0, 2]", exception.Message, StringComparison.Ordinal);
        Assert.All(FlatSpan.Of(output).ToArray(), value => Assert.Equal(0f, value));
        Assert.DoesNotContain(true, FlatSpan.Of(mask).ToArray());
    }
}
