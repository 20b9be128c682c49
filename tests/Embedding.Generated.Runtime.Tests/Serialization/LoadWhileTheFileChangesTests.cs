using System;
using System.IO;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// Another program touches the file while a load copies the table. The change is made at a fixed point, after the
/// first block of the table was read, through the loaders' test seam: no timing is involved. A memory-mapped load died
/// of SIGBUS when the file was cut short; now every detectable change is a <see cref="WeightFileException"/> and the
/// layer keeps its weights.
/// </summary>
public sealed class LoadWhileTheFileChangesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(BinaryWeightFiles.Formats), MemberType = typeof(BinaryWeightFiles))]
    public void Load_of_a_file_truncated_during_the_copy_throws_naming_the_truncation_and_keeps_the_weights(string format)
    {
        string path = SaveTable(format, out long length);
        IEmbeddingLayer layer = new PrefetchingLayer(seed: 402);

        WeightFileException exception = WeightFileAssert.LoadFails(
            layer,
            path,
            () => Load(format, layer, path, afterFirstBlock: () => SetLength(path, length / 2)),
            "truncated it while it was being read",
            $"it was {length} bytes when the load began");

        Assert.Contains($"the file ended at byte {length / 2}", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BinaryWeightFiles.Formats), MemberType = typeof(BinaryWeightFiles))]
    public void Load_of_a_file_that_grows_during_the_copy_throws_and_keeps_the_weights(string format)
    {
        string path = SaveTable(format, out long length);
        IEmbeddingLayer layer = new PrefetchingLayer(seed: 403);

        WeightFileAssert.LoadFails(
            layer,
            path,
            () => Load(format, layer, path, afterFirstBlock: () => SetLength(path, length + 4096)),
            "the file changed while it was being read",
            $"length {length} -> {length + 4096} bytes");
    }

    [Theory]
    [MemberData(nameof(BinaryWeightFiles.Formats), MemberType = typeof(BinaryWeightFiles))]
    public void Load_of_a_file_rewritten_in_place_during_the_copy_throws_rather_than_mix_old_and_new_rows(string format)
    {
        string path = SaveTable(format, out long length);
        IEmbeddingLayer layer = new PrefetchingLayer(seed: 404);
        DateTime written = File.GetLastWriteTimeUtc(path);

        // The same length, new bytes in rows not read yet, and the later timestamp the file system gives a write.
        WeightFileAssert.LoadFails(
            layer,
            path,
            () => Load(format, layer, path, afterFirstBlock: () =>
            {
                using (SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                {
                    RandomAccess.Write(handle, new byte[4096], length - 4096);
                }

                File.SetLastWriteTimeUtc(path, written.AddSeconds(1));
            }),
            "the file changed while it was being read",
            "so the rows read may mix two versions",
            "The layer is unchanged");
    }

    [Theory]
    [MemberData(nameof(BinaryWeightFiles.Formats), MemberType = typeof(BinaryWeightFiles))]
    public void Load_of_a_file_replaced_by_a_save_during_the_copy_reads_the_old_file_whole(string format)
    {
        IEmbeddingLayer saved = new PrefetchingLayer(seed: 401);
        string path = SaveTable(format, out _);
        IEmbeddingLayer layer = new PrefetchingLayer(seed: 405);
        Exception? replacing = null;

        Load(format, layer, path, afterFirstBlock: () => replacing = Record.Exception(() => BinaryWeightFiles.Save(format, new PrefetchingLayer(seed: 406), path)));

        // The load holds the old file open: on Unix the rename gives the name to a new file and the old one reads on;
        // Windows refuses to rename over a file that is open for reading.
        if (OperatingSystem.IsWindows())
        {
            Assert.IsAssignableFrom<IOException>(replacing);
        }
        else
        {
            Assert.Null(replacing);
        }

        FloatAssert.BitwiseEqual(saved.Weights, layer.Weights);
    }

    /// <summary>Saves a table of five 1 MiB blocks (a 5.2 MB PrefetchingLayer, seed 401).</summary>
    private string SaveTable(string format, out long length)
    {
        string path = _folder.File($"table.{format}");
        BinaryWeightFiles.Save(format, new PrefetchingLayer(seed: 401), path);
        length = new FileInfo(path).Length;
        Assert.True(length > 4L * WeightFileReader.BlockBytes, $"the table should span several blocks, but the file is {length} bytes");
        return path;
    }

    private static void Load(string format, IEmbeddingLayer layer, string path, Action afterFirstBlock)
    {
        int blocks = 0;
        BinaryWeightFiles.Load(format, layer, path, afterEachBlock: _ =>
        {
            if (++blocks == 1)
            {
                afterFirstBlock();
            }
        });
    }

    private static void SetLength(string path, long length)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        RandomAccess.SetLength(handle, length);
    }
}
