using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary><see cref="SafeTensors.Save"/> then <see cref="SafeTensors.Load"/>: every bit back, and a file laid out as the format says.</summary>
public sealed class SafeTensorsRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Save_then_Load_into_a_differently_seeded_layer_restores_every_weight_bit_for_bit()
    {
        IEmbeddingLayer saved = new WordLayer(seed: 11);
        IEmbeddingLayer loaded = new WordLayer(seed: 12);
        string path = _folder.File("word.safetensors");

        SafeTensors.Save(saved, path);
        IReadOnlyDictionary<string, string> metadata = SafeTensors.Load(loaded, path).Metadata;

        FloatAssert.BitwiseEqual(saved.Weights, loaded.Weights);
        Assert.Empty(metadata);
    }

    [Fact]
    public void Save_then_Load_keeps_NaN_payloads_negative_zero_infinities_and_subnormals_bit_for_bit()
    {
        IEmbeddingLayer saved = new Dim8Layer(seed: 1);
        float[] awkward = FloatBytes.Awkward();
        for (int i = 0; i < saved.Weights.Length; i++)
        {
            saved.Weights[i] = awkward[i % awkward.Length];
        }

        IEmbeddingLayer loaded = new Dim8Layer(seed: 2);
        string path = _folder.File("awkward.safetensors");

        SafeTensors.Save(saved, path);
        SafeTensors.Load(loaded, path);

        FloatAssert.BitwiseEqual(saved.Weights, loaded.Weights);
    }

    [Fact]
    public void Metadata_and_a_custom_tensor_name_round_trip()
    {
        IEmbeddingLayer saved = new Dim2Layer(seed: 3);
        IEmbeddingLayer loaded = new Dim2Layer(seed: 4);
        var metadata = new Dictionary<string, string>
        {
            ["format"] = "pt",
            ["épocas"] = "12 \"quoted\" \\ ∞",
            ["empty"] = string.Empty,
        };
        string path = _folder.File("named.safetensors");

        SafeTensors.Save(saved, path, "model.embed_tokens.weight", metadata);
        IReadOnlyDictionary<string, string> read = SafeTensors.Load(loaded, path, "model.embed_tokens.weight").Metadata;

        FloatAssert.BitwiseEqual(saved.Weights, loaded.Weights);
        Assert.Equal(metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal), read.OrderBy(entry => entry.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void A_tensor_name_outside_ASCII_round_trips()
    {
        IEmbeddingLayer saved = new Dim8Layer(seed: 5);
        IEmbeddingLayer loaded = new Dim8Layer(seed: 6);
        string path = _folder.File("unicode.safetensors");

        SafeTensors.Save(saved, path, "слой/вложения 😀");
        SafeTensors.Load(loaded, path, "слой/вложения 😀");

        FloatAssert.BitwiseEqual(saved.Weights, loaded.Weights);
    }

    [Fact]
    public void The_default_tensor_name_is_embeddings_as_Keras_3_names_the_variable()
    {
        Assert.Equal("embeddings", SafeTensors.DefaultTensorName);
        IEmbeddingLayer saved = new Dim8Layer(seed: 7);
        string path = _folder.File("default.safetensors");

        SafeTensors.Save(saved, path);

        using JsonDocument header = ReadHeader(path, out _);
        Assert.Equal(["embeddings"], header.RootElement.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public void The_saved_file_is_laid_out_as_the_specification_says_with_space_padding_to_8_bytes()
    {
        IEmbeddingLayer layer = new Dim8Layer(seed: 8);
        string path = _folder.File("layout.safetensors");

        SafeTensors.Save(layer, path, metadata: new Dictionary<string, string> { ["source"] = "test" });

        byte[] file = File.ReadAllBytes(path);
        using JsonDocument header = ReadHeader(path, out int headerLength);
        // The data starts 8-byte aligned, the header padded with spaces as the reference writer does.
        Assert.Equal(0, (8 + headerLength) % 8);
        string headerText = Encoding.UTF8.GetString(file, 8, headerLength);
        Assert.Equal(headerText.TrimEnd(' '), headerText.TrimEnd());

        JsonElement tensor = header.RootElement.GetProperty("embeddings");
        Assert.Equal("F32", tensor.GetProperty("dtype").GetString());
        Assert.Equal([50L, 8L], tensor.GetProperty("shape").EnumerateArray().Select(value => value.GetInt64()));
        Assert.Equal([0L, 1600L], tensor.GetProperty("data_offsets").EnumerateArray().Select(value => value.GetInt64()));
        Assert.Equal("test", header.RootElement.GetProperty("__metadata__").GetProperty("source").GetString());

        Assert.Equal(8 + headerLength + 1600, file.Length);
        Assert.Equal(FloatBytes.LittleEndianF32(layer.Weights), file[(8 + headerLength)..]);
    }

    [Fact]
    public void Saving_a_layer_with_OutputDim_0_writes_an_empty_tensor_that_loads_back()
    {
        IEmbeddingLayer saved = new Dim0Layer(seed: 9);
        string path = _folder.File("empty.safetensors");

        SafeTensors.Save(saved, path);
        SafeTensors.Load(new Dim0Layer(seed: 10), path);

        using JsonDocument header = ReadHeader(path, out int headerLength);
        Assert.Equal([50L, 0L], header.RootElement.GetProperty("embeddings").GetProperty("shape").EnumerateArray().Select(value => value.GetInt64()));
        Assert.Equal(8 + headerLength, new FileInfo(path).Length);
    }

    [Fact]
    public void Save_over_a_file_that_was_just_loaded_replaces_it()
    {
        IEmbeddingLayer first = new Dim8Layer(seed: 13);
        IEmbeddingLayer second = new Dim8Layer(seed: 14);
        IEmbeddingLayer loaded = new Dim8Layer(seed: 15);
        string path = _folder.File("replaced.safetensors");
        SafeTensors.Save(first, path);
        SafeTensors.Load(loaded, path);

        SafeTensors.Save(second, path);
        SafeTensors.Load(loaded, path);

        FloatAssert.BitwiseEqual(second.Weights, loaded.Weights);
    }

    /// <summary>Reads the header with an independent JSON parser, after the 8-byte little-endian length.</summary>
    private static JsonDocument ReadHeader(string path, out int headerLength)
    {
        byte[] file = File.ReadAllBytes(path);
        headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(file));
        return JsonDocument.Parse(file.AsMemory(8, headerLength));
    }
}
