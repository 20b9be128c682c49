using System;
using System.IO;
using System.Linq;
using Embedding.Generated.TestSupport;
using Xunit;

namespace Embedding.Generated.Conformance.Tests;

/// <summary>
/// The repository keeps a copy of the Keras fixtures (<c>tests/keras-fixtures</c>) so that a fresh clone runs every
/// test. Where the workplace's original is beside the repository, the copy must hold exactly its files, byte for byte.
/// </summary>
public sealed class KerasFixtureCopyTests
{
    [Fact]
    public void The_repository_copy_has_a_manifest_and_cases()
    {
        string copy = KerasFixtureFolder.RepositoryCopy;

        Assert.True(File.Exists(Path.Combine(copy, KerasFixtureFolder.ManifestFileName)), $"{copy} holds no manifest.");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(copy, "cases"), "*.json"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(copy, "expected"), "*.json"));
    }

    [Fact]
    public void The_repository_copy_equals_the_shared_original_when_it_is_there()
    {
        if (KerasFixtureFolder.SharedOriginal is not { } original)
        {
            // Without the workplace's shared folder there is nothing to compare with, and the copy is what the tests read.
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(KerasFixtureFolder.EnvironmentVariable)))
            {
                Assert.Equal(KerasFixtureFolder.RepositoryCopy, KerasFixtureFolder.Path);
            }

            return;
        }

        string copy = KerasFixtureFolder.RepositoryCopy;
        string[] originalFiles = RelativeFiles(original);
        string[] copiedFiles = RelativeFiles(copy).Where(file => file != "COPY.md").ToArray();

        Assert.Equal(originalFiles, copiedFiles);
        foreach (string file in originalFiles)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(original, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(copy, file))),
                $"tests/keras-fixtures/{file} differs from the original in {original}; copy it again.");
        }
    }

    private static string[] RelativeFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
