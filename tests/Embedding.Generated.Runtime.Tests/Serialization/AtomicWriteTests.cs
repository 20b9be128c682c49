using System;
using System.Collections.Generic;
using System.IO;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// Every Save writes a temporary file in the destination folder and renames it over the final name: a save that fails
/// leaves any earlier file byte for byte as it was and no temporary file behind, and a save that succeeds leaves only
/// the final file.
/// </summary>
public sealed class AtomicWriteTests : IDisposable
{
    private static readonly byte[] OldContent = "an earlier file that a failed save must not touch"u8.ToArray();

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Formats => ["safetensors", "npy", "word2vec", "glove"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_successful_save_leaves_only_the_final_file_in_the_folder(string format)
    {
        IEmbeddingLayer layer = new Dim8Layer(seed: 91);
        string path = _folder.File($"weights.{format}");

        Save(format, layer, path);
        Save(format, layer, path); // over an existing file as well

        Assert.Equal([$"weights.{format}"], _folder.Entries());
    }

    [Fact]
    public void A_save_refused_for_a_reserved_tensor_name_leaves_the_earlier_file_intact_and_no_temporary_file()
    {
        string path = _folder.Write("weights.safetensors", OldContent);

        Assert.Throws<ArgumentException>(() => SafeTensors.Save(new Dim8Layer(seed: 92), path, "__metadata__"));

        WeightFileAssert.FileIs(OldContent, path);
        Assert.Equal(["weights.safetensors"], _folder.Entries());
    }

    [Fact]
    public void A_save_refused_for_an_empty_metadata_key_leaves_the_earlier_file_intact_and_no_temporary_file()
    {
        string path = _folder.Write("weights.safetensors", OldContent);

        Assert.Throws<ArgumentException>(() => SafeTensors.Save(new Dim8Layer(seed: 93), path, metadata: new Dictionary<string, string> { [string.Empty] = "x" }));

        WeightFileAssert.FileIs(OldContent, path);
        Assert.Equal(["weights.safetensors"], _folder.Entries());
    }

    [Fact]
    public void A_text_save_refused_for_a_token_with_a_line_break_leaves_the_earlier_file_intact()
    {
        string path = _folder.Write("vectors.txt", OldContent);

        Assert.Throws<ArgumentException>(() => TextVectors.Save(new Dim8Layer(seed: 94), [null, "a\rb"], path));

        WeightFileAssert.FileIs(OldContent, path);
        Assert.Equal(["vectors.txt"], _folder.Entries());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_save_whose_final_rename_fails_removes_its_temporary_file(string format)
    {
        // The final name is taken by a folder: the data is written to the temporary file, then the rename fails.
        string path = _folder.File("taken");
        Directory.CreateDirectory(path);
        File.WriteAllBytes(Path.Combine(path, "inside"), OldContent);

        Assert.ThrowsAny<IOException>(() => Save(format, new Dim8Layer(seed: 95), path));

        Assert.Equal(["taken"], _folder.Entries());
        WeightFileAssert.FileIs(OldContent, Path.Combine(path, "inside"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_save_whose_temporary_file_cannot_be_created_leaves_the_earlier_file_intact(string format)
    {
        // A final name of 250 bytes is legal, but the temporary name (dot, name, dot, 32-digit GUID, .tmp) is over the
        // 255-byte limit of the file system, so the write fails inside the atomic writer rather than before it.
        string name = new('w', 250);
        string path = _folder.Write(name, OldContent);

        Assert.ThrowsAny<IOException>(() => Save(format, new Dim8Layer(seed: 96), path));

        WeightFileAssert.FileIs(OldContent, path);
        Assert.Equal([name], _folder.Entries());
    }

    [Fact]
    public void A_save_into_a_folder_that_does_not_exist_throws_DirectoryNotFoundException_and_creates_nothing()
    {
        string path = Path.Combine(_folder.FullName, "missing", "weights.npy");

        Assert.Throws<DirectoryNotFoundException>(() => Npy.Save(new Dim8Layer(seed: 97), path));

        Assert.Empty(_folder.Entries());
    }

    private static void Save(string format, IEmbeddingLayer layer, string path)
    {
        switch (format)
        {
            case "safetensors":
                SafeTensors.Save(layer, path);
                break;
            case "npy":
                Npy.Save(layer, path);
                break;
            case "word2vec":
                TextVectors.Save(layer, [null, "a", "b"], path);
                break;
            case "glove":
                TextVectors.Save(layer, [null, "a", "b"], path, TextVectorFormat.GloVe);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }
}
