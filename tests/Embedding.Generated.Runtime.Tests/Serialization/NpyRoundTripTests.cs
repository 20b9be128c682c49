using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary><see cref="Npy.Save"/> then <see cref="Npy.Load"/>: every bit back, and a header exactly as NumPy writes it.</summary>
public sealed class NpyRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Save_then_Load_into_a_differently_seeded_layer_restores_every_weight_bit_for_bit()
    {
        IEmbeddingLayer saved = new WordLayer(seed: 31);
        IEmbeddingLayer loaded = new WordLayer(seed: 32);
        string path = _folder.File("word.npy");

        Npy.Save(saved, path);
        Npy.Load(loaded, path);

        FloatAssert.BitwiseEqual(saved.Weights, loaded.Weights);
    }

    [Fact]
    public void Save_then_Load_keeps_NaN_payloads_negative_zero_infinities_and_subnormals_bit_for_bit()
    {
        IEmbeddingLayer saved = new Dim8Layer(seed: 33);
        float[] awkward = FloatBytes.Awkward();
        for (int i = 0; i < saved.Weights.Length; i++)
        {
            saved.Weights[i] = awkward[(i * 7) % awkward.Length];
        }

        IEmbeddingLayer loaded = new Dim8Layer(seed: 34);
        string path = _folder.File("awkward.npy");

        Npy.Save(saved, path);
        Npy.Load(loaded, path);

        FloatAssert.BitwiseEqual(saved.Weights, loaded.Weights);
    }

    [Fact]
    public void The_saved_file_is_version_1_0_with_the_header_numpy_save_writes_and_64_byte_aligned_data()
    {
        IEmbeddingLayer layer = new Dim8Layer(seed: 35);
        string path = _folder.File("layout.npy");

        Npy.Save(layer, path);

        byte[] file = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, file[..8]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8));
        Assert.Equal(0, (10 + headerLength) % 64);
        string header = Encoding.ASCII.GetString(file, 10, headerLength);
        Assert.Equal("{'descr': '<f4', 'fortran_order': False, 'shape': (50, 8), }", header.TrimEnd(' ', '\n'));
        Assert.EndsWith(" \n", header, StringComparison.Ordinal);
        Assert.Equal(FloatBytes.LittleEndianF32(layer.Weights), file[(10 + headerLength)..]);
    }

    [Fact]
    public void The_saved_file_equals_the_one_the_specification_lays_out_byte_for_byte()
    {
        IEmbeddingLayer layer = new Dim2Layer(seed: 36);
        string path = _folder.File("spec.npy");

        Npy.Save(layer, path);

        byte[] expected = NpyLayout.File(1, 0, NpyLayout.Dictionary("<f4", fortranOrder: false, "(50, 2)"), FloatBytes.LittleEndianF32(layer.Weights));
        WeightFileAssert.FileIs(expected, path);
    }

    [Fact]
    public void Saving_a_layer_with_OutputDim_0_writes_a_header_only_file_that_loads_back()
    {
        IEmbeddingLayer layer = new Dim0Layer(seed: 37);
        string path = _folder.File("empty.npy");

        Npy.Save(layer, path);
        Npy.Load(new Dim0Layer(seed: 38), path);

        WeightFileAssert.FileIs(NpyLayout.File(1, 0, NpyLayout.Dictionary("<f4", fortranOrder: false, "(50, 0)"), []), path);
    }
}
