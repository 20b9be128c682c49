using System;
using System.Linq;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// Saves stream the rows from the layer: they allocate a few buffers, never a copy of the table (which once doubled
/// the memory of a save) or of the whole text. Measured on the saving thread, where all of a save's work happens.
/// </summary>
public sealed class SaveMemoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Formats => ["safetensors", "npy", "word2vec", "glove"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_save_allocates_less_than_a_quarter_of_the_table_it_writes(string format)
    {
        IEmbeddingLayer layer = new HugePageLayer(seed: 601);
        string[] tokens = [.. Enumerable.Range(0, layer.InputDim).Select(id => $"token{id}")];
        string path = _folder.File($"table.{format}");
        long tableBytes = (long)layer.Weights.Length * sizeof(float);

        long before = GC.GetAllocatedBytesForCurrentThread();
        switch (format)
        {
            case "word2vec":
                TextVectors.Save(layer, tokens, path);
                break;
            case "glove":
                TextVectors.Save(layer, tokens, path, TextVectorFormat.GloVe);
                break;
            default:
                BinaryWeightFiles.Save(format, layer, path);
                break;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < tableBytes / 4, $"saving a {tableBytes}-byte table as {format} allocated {allocated} bytes");
    }
}
