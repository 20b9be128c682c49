using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>Inputs at the edges of the formats: byte-order marks, null metadata, missing folders and tensor names.</summary>
public sealed class SerializationEdgeCaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_UTF16_text_file_is_not_read_as_text_vectors_and_the_layer_is_unchanged()
    {
        // UTF-16 with its byte-order mark: valid text, but not the UTF-8 the formats are written in.
        string path = _folder.Write("vectors.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("the 1 2 3\n")));
        IEmbeddingLayer layer = new Dim3Layer(seed: 5);

        WeightFileAssert.LoadFails(layer, path, () => TextVectors.Load(layer, path), "line 1", "UTF-8");
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_skipped_and_not_part_of_the_first_token()
    {
        string path = _folder.Write("vectors.txt", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("the 1 2 3\n")));
        IEmbeddingLayer layer = new Dim3Layer(seed: 6);

        TextVectorsReport report = TextVectors.Load(layer, path);

        Assert.Equal(0, report.Vocabulary["the"]);
        FloatAssert.BitwiseEqual([1f, 2f, 3f], layer.Weights[..3]);
    }

    [Fact]
    public void Saving_metadata_with_a_null_value_throws_and_writes_no_file()
    {
        IEmbeddingLayer layer = new Dim8Layer(seed: 7);
        string path = _folder.File("weights.safetensors");
        var metadata = new Dictionary<string, string> { ["format"] = null! };

        var exception = Assert.Throws<ArgumentException>(() => SafeTensors.Save(layer, path, metadata: metadata));

        Assert.Contains("'format' = null", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_folder.Entries());
    }

    [Fact]
    public void Saving_into_a_folder_that_does_not_exist_names_the_folder_and_the_path()
    {
        IEmbeddingLayer layer = new Dim8Layer(seed: 8);
        string path = Path.Combine(_folder.FullName, "missing", "weights.npy");

        var exception = Assert.Throws<DirectoryNotFoundException>(() => Npy.Save(layer, path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_folder.FullName, "missing"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_with_a_null_tensor_name_throws_before_reading_the_file()
    {
        IEmbeddingLayer layer = new Dim8Layer(seed: 9);
        string path = _folder.File("absent.safetensors");

        var exception = Assert.Throws<ArgumentNullException>(() => SafeTensors.Load(layer, path, tensorName: null!));

        Assert.Equal("tensorName", exception.ParamName);
    }
}

file static class ByteConcatenation
{
    public static byte[] Concat(this byte[] first, byte[] second)
    {
        var bytes = new byte[first.Length + second.Length];
        first.CopyTo(bytes, 0);
        second.CopyTo(bytes, first.Length);
        return bytes;
    }
}
