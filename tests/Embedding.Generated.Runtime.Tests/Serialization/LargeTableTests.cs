using System;
using System.IO;
using Embedding.Generated.Initializers;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// 536,871,168 weights, 2,147,484,672 bytes: just over the 2 GiB a span of bytes can hold, where saving once threw
/// <see cref="OverflowException"/>. Declared here rather than in TestLayers.cs so that no catalogue of small layers
/// builds it.
/// </summary>
[EmbeddingLayer(InputDim = 2_097_153, OutputDim = 256)]
public partial class OverTwoGibLayer;

/// <summary>
/// A table over 2 GiB saves and loads in both binary formats. It takes one 2.1 GB layer, the 2.1 GB staging copy of a
/// load and 2.1 GB of disk at a time; filter it out with <c>--filter Category!=Large</c>.
/// </summary>
public sealed class LargeTableTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    [Trait("Category", "Large")]
    public void A_table_over_2_GiB_saves_and_loads_back_bit_for_bit_as_safetensors_and_as_npy()
    {
        var layer = new OverTwoGibLayer(new Zeros(), seed: 0);
        long dataBytes = (long)layer.Weights.Length * sizeof(float);
        Assert.True(dataBytes > int.MaxValue, $"the table should be over 2 GiB, but is {dataBytes} bytes");

        foreach (string format in BinaryWeightFiles.Names)
        {
            string path = _folder.File($"large.{format}");
            try
            {
                FillWithPattern(layer.Weights);
                BinaryWeightFiles.Save(format, layer, path);

                long length = new FileInfo(path).Length;
                Assert.True(length > dataBytes && length < dataBytes + 4096, $"the {format} file should hold the {dataBytes} data bytes and a header, but is {length} bytes");

                layer.Weights.Clear();
                BinaryWeightFiles.Load(format, layer, path);

                AssertPattern(layer.Weights, format);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    // A different whole number below 2^24 for neighbouring weights, so a block written to the wrong place shows; every
    // value is finite and exact in float.
    private static float PatternAt(int index) => (uint)index * 2654435761u >> 8;

    private static void FillWithPattern(Span<float> weights)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = PatternAt(i);
        }
    }

    private static void AssertPattern(ReadOnlySpan<float> weights, string format)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            if (BitConverter.SingleToUInt32Bits(weights[i]) != BitConverter.SingleToUInt32Bits(PatternAt(i)))
            {
                throw new XunitException($"After the {format} round trip, weight {i} of {weights.Length} is {weights[i]:R}, not {PatternAt(i):R}.");
            }
        }
    }
}
