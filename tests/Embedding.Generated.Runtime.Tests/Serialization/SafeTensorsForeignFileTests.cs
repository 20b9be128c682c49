using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// Files another producer could have written, laid out byte by byte from the safetensors specification: several
/// tensors, metadata, padding, F16 and BF16 data, JSON order unlike data order. Expected floats are worked out by hand
/// from the IEEE 754 half and bfloat16 bit layouts, not by a converter.
/// </summary>
public sealed class SafeTensorsForeignFileTests : IDisposable
{
    // F16: sign, 5 exponent bits (bias 15), 10 mantissa bits.
    private static readonly (ushort Bits, float Value)[] Halves =
    [
        (0x0000, 0f),
        (0x8000, -0f),
        (0x3C00, 1f),
        (0xC000, -2f),
        (0x3800, 0.5f),
        (0x3555, 0.333251953125f), // 2^-2 * (1 + 341/1024)
        (0x4248, 3.140625f), // 2^1 * (1 + 584/1024)
        (0x5640, 100f), // 2^6 * (1 + 576/1024)
        (0xB666, -0.39990234375f), // -2^-2 * (1 + 614/1024)
        (0x7BFF, 65504f), // the largest finite half
        (0xFBFF, -65504f),
        (0x0400, 6.103515625e-05f), // 2^-14, the smallest normal half
        (0x03FF, 6.0975551605224609375e-05f), // 1023 * 2^-24, the largest subnormal
        (0x0001, 5.9604644775390625e-08f), // 2^-24, the smallest subnormal
        (0x7C00, float.PositiveInfinity),
        (0xFC00, float.NegativeInfinity),
    ];

    // BF16: the top 16 bits of a float32 (sign, 8 exponent bits with bias 127, 7 mantissa bits).
    private static readonly (ushort Bits, float Value)[] BFloats =
    [
        (0x0000, 0f),
        (0x8000, -0f),
        (0x3F80, 1f),
        (0xC040, -3f),
        (0xBF00, -0.5f),
        (0x4049, 3.140625f), // 2^1 * (1 + 73/128)
        (0x3EAB, 0.333984375f), // 2^-2 * (1 + 43/128)
        (0x3C23, 0.00994873046875f), // 2^-7 * (1 + 35/128)
        (0x42C8, 100f), // 2^6 * (1 + 72/128)
        (0x4780, 65536f),
        (0x7F7F, 3.3895313892515355e38f), // (2 - 2^-7) * 2^127, the largest finite bfloat16
        (0x0080, 1.17549435e-38f), // 2^-126, the smallest normal float
        (0x0001, 9.183549615799121e-41f), // 2^-133, a float32 subnormal
        (0x7F80, float.PositiveInfinity),
        (0xFF80, float.NegativeInfinity),
        (0x7FC1, BitConverter.UInt32BitsToSingle(0x7FC10000)), // a NaN whose payload must survive
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void F16_tensor_beside_an_F32_tensor_with_metadata_and_padding_loads_by_name_with_exact_values()
    {
        const string header =
            """{"__metadata__":{"format":"pt","producer":"hand-built"},"bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"embeddings":{"dtype":"F16","shape":[50,8],"data_offsets":[8,808]}}""";
        (byte[] halves, float[] expected) = Cycle(Halves, 400);
        byte[] data = [.. FloatBytes.LittleEndianF32([1.5f, -2.5f]), .. halves];
        byte[] file = SafeTensorsLayout.File(header, data);
        Assert.Equal(0, (file.Length - data.Length) % 8); // padded, as the reference writer pads
        Assert.Equal((byte)' ', file[8 + Encoding.UTF8.GetByteCount(header)]);
        string path = _folder.Write("halves.safetensors", file);
        IEmbeddingLayer layer = new Dim8Layer(seed: 1);

        IReadOnlyDictionary<string, string> metadata = SafeTensors.Load(layer, path).Metadata;

        FloatAssert.BitwiseEqual(expected, layer.Weights);
        Assert.Equal(
            [new KeyValuePair<string, string>("format", "pt"), new KeyValuePair<string, string>("producer", "hand-built")],
            metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void BF16_tensor_listed_first_in_the_header_but_stored_second_in_the_data_loads_by_its_own_offsets()
    {
        const string header =
            """{"decoder.embed_tokens.weight":{"dtype":"BF16","shape":[50,8],"data_offsets":[8,808]},"step":{"dtype":"I64","shape":[],"data_offsets":[0,8]}}""";
        (byte[] bfloats, float[] expected) = Cycle(BFloats, 400);
        byte[] data = [0x2A, 0, 0, 0, 0, 0, 0, 0, .. bfloats];
        string path = _folder.Write("bfloat16.safetensors", SafeTensorsLayout.File(header, data));
        IEmbeddingLayer layer = new Dim8Layer(seed: 2);

        IReadOnlyDictionary<string, string> metadata = SafeTensors.Load(layer, path, "decoder.embed_tokens.weight").Metadata;

        FloatAssert.BitwiseEqual(expected, layer.Weights);
        Assert.Empty(metadata);
    }

    [Fact]
    public void F32_tensor_with_an_unpadded_pretty_printed_header_and_an_escaped_name_loads()
    {
        const string header = "{\n  \"emb\\u0065ddings\" : {\n    \"dtype\": \"F32\",\n    \"shape\": [ 50, 2 ],\n    \"data_offsets\": [ 0, 400 ]\n  }\n}";
        Assert.NotEqual(0, Encoding.UTF8.GetByteCount(header) % 8);
        float[] values = Enumerable.Range(0, 100).Select(i => (i * 0.25f) - 10f).ToArray();
        string path = _folder.Write("pretty.safetensors", SafeTensorsLayout.File(Encoding.UTF8.GetBytes(header), FloatBytes.LittleEndianF32(values)));
        IEmbeddingLayer layer = new Dim2Layer(seed: 3);

        SafeTensors.Load(layer, path);

        FloatAssert.BitwiseEqual(values, layer.Weights);
    }

    [Fact]
    public void F16_NaN_loads_as_NaN()
    {
        ushort[] bits = Enumerable.Repeat((ushort)0x3C00, 100).ToArray();
        bits[7] = 0x7E00;
        bits[8] = 0xFD01;
        const string header = """{"embeddings":{"dtype":"F16","shape":[50,2],"data_offsets":[0,200]}}""";
        string path = _folder.Write("nan.safetensors", SafeTensorsLayout.File(header, FloatBytes.LittleEndianU16(bits)));
        IEmbeddingLayer layer = new Dim2Layer(seed: 4);

        SafeTensors.Load(layer, path);

        Assert.True(float.IsNaN(layer.Weights[7]));
        Assert.True(float.IsNaN(layer.Weights[8]));
        Assert.Equal(1f, layer.Weights[6]);
    }

    [Fact]
    public void An_empty_tensor_beside_the_embeddings_is_allowed()
    {
        const string header =
            """{"embeddings":{"dtype":"F32","shape":[50,2],"data_offsets":[0,400]},"nothing":{"dtype":"F32","shape":[0,3],"data_offsets":[400,400]}}""";
        float[] values = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        string path = _folder.Write("empty-beside.safetensors", SafeTensorsLayout.File(header, FloatBytes.LittleEndianF32(values)));
        IEmbeddingLayer layer = new Dim2Layer(seed: 5);

        SafeTensors.Load(layer, path);

        FloatAssert.BitwiseEqual(values, layer.Weights);
    }

    /// <summary>The table's little-endian bits repeated to <paramref name="count"/> elements, and the floats they mean.</summary>
    private static (byte[] Bytes, float[] Expected) Cycle((ushort Bits, float Value)[] table, int count)
    {
        ushort[] bits = Enumerable.Range(0, count).Select(i => table[i % table.Length].Bits).ToArray();
        float[] expected = Enumerable.Range(0, count).Select(i => table[i % table.Length].Value).ToArray();
        return (FloatBytes.LittleEndianU16(bits), expected);
    }
}
