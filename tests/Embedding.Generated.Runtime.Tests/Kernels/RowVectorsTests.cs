using System;
using Embedding.Generated.CompilerServices;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Kernels;

/// <summary>
/// The runs of vectors that generated row kernels name: a run of k vectors at an offset copies or adds exactly those
/// k x width floats, compared with a scalar loop, and leaves every float before and after it as it was.
/// </summary>
public sealed class RowVectorsTests
{
    private const int Offset = 3;

    private delegate void VectorRun(ref float source, ref float destination, nuint offset, int vectors);

    public static TheoryData<string, int> RunsAndCounts()
    {
        var data = new TheoryData<string, int>();
        foreach (string run in new[] { nameof(RowVectors.Copy128), nameof(RowVectors.Copy256), nameof(RowVectors.Add128), nameof(RowVectors.Add256) })
        {
            for (int vectors = 0; vectors <= RowVectors.MaxVectors; vectors++)
            {
                data.Add(run, vectors);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RunsAndCounts))]
    public void A_run_writes_exactly_its_vectors_as_a_scalar_loop_does(string run, int vectors)
    {
        (VectorRun vectorRun, int width, bool adds) = run switch
        {
            nameof(RowVectors.Copy128) => ((VectorRun)RowVectors.Copy128, 4, false),
            nameof(RowVectors.Copy256) => (RowVectors.Copy256, 8, false),
            nameof(RowVectors.Add128) => (RowVectors.Add128, 4, true),
            _ => (RowVectors.Add256, 8, true),
        };
        (float[] source, float[] destination) = Rows(width);
        float[] expected = (float[])destination.Clone();
        for (int j = Offset; j < Offset + (vectors * width); j++)
        {
            expected[j] = adds ? expected[j] + source[j] : source[j];
        }

        vectorRun(ref source[0], ref destination[0], Offset, vectors);

        Assert.Equal(expected, destination);
    }

    // Room for the longest run and a float on either side of it, each value distinct.
    private static (float[] Source, float[] Destination) Rows(int width)
    {
        int length = Offset + (RowVectors.MaxVectors * width) + 1;
        var source = new float[length];
        var destination = new float[length];
        for (int j = 0; j < length; j++)
        {
            source[j] = j + 0.25f;
            destination[j] = -1000f - j;
        }

        return (source, destination);
    }
}
