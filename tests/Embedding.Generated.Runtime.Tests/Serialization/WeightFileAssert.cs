using System;
using System.IO;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>The contract of a failed load: exactly <see cref="WeightFileException"/>, naming the file, layer untouched.</summary>
public static class WeightFileAssert
{
    /// <summary>
    /// Runs <paramref name="load"/> on <paramref name="layer"/> and requires a <see cref="WeightFileException"/> for
    /// <paramref name="path"/> whose message contains every one of <paramref name="fragments"/>, with every weight's bits
    /// as they were before.
    /// </summary>
    public static WeightFileException LoadFails(IEmbeddingLayer layer, string path, Action load, params string[] fragments)
    {
        float[] before = layer.Weights.ToArray();

        var exception = Assert.Throws<WeightFileException>(load);

        Assert.Equal(path, exception.Path);
        Assert.StartsWith(path, exception.Message, StringComparison.Ordinal);
        foreach (string fragment in fragments)
        {
            Assert.True(
                exception.Message.Contains(fragment, StringComparison.Ordinal),
                $"The message should contain \"{fragment}\", but is: {exception.Message}");
        }

        FloatAssert.BitwiseEqual(before, layer.Weights);
        return exception;
    }

    /// <summary>The file is byte for byte what it was.</summary>
    public static void FileIs(byte[] expected, string path)
    {
        byte[] actual = File.ReadAllBytes(path);
        if (!actual.AsSpan().SequenceEqual(expected))
        {
            throw new XunitException($"{path} changed: it holds {actual.Length} bytes, {expected.Length} expected, first difference at {FirstDifference(expected, actual)}.");
        }
    }

    private static int FirstDifference(byte[] expected, byte[] actual)
    {
        int common = Math.Min(expected.Length, actual.Length);
        for (int i = 0; i < common; i++)
        {
            if (expected[i] != actual[i])
            {
                return i;
            }
        }

        return common;
    }
}
