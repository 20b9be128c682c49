using System;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>The two binary formats by name, for tests that run the same steps on both.</summary>
public static class BinaryWeightFiles
{
    public static readonly string[] Names = ["safetensors", "npy"];

    public static TheoryData<string> Formats => new(Names);

    public static void Save(string format, IEmbeddingLayer layer, string path)
    {
        if (format == "npy")
        {
            Npy.Save(layer, path);
        }
        else
        {
            SafeTensors.Save(layer, path);
        }
    }

    /// <summary>Loads through the loaders' test seam, which <paramref name="afterEachBlock"/> is given to.</summary>
    public static void Load(string format, IEmbeddingLayer layer, string path, Action<long>? afterEachBlock = null)
    {
        if (format == "npy")
        {
            Npy.Load(layer, path, rejectNonFinite: false, afterEachBlock);
        }
        else
        {
            SafeTensors.Load(layer, path, SafeTensors.DefaultTensorName, rejectNonFinite: false, afterEachBlock);
        }
    }
}
