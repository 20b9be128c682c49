using System;
using System.IO;
using System.Linq;
using Embedding.Generated.TestSupport;
using Xunit;

namespace Embedding.Generated.Conformance.Tests;

/// <summary>
/// The repository keeps a copy of each fixture set (<c>tests/keras-fixtures</c>, <c>tests/torch-fixtures</c>,
/// <c>tests/keras3-fixtures</c>) so that a fresh clone runs every test. Where the workplace's original is beside the
/// repository, each copy must hold exactly its files, byte for byte.
/// </summary>
public sealed class FixtureCopyTests
{
    /// <summary>Every fixture set, by folder name.</summary>
    public static TheoryData<string> Sets => ["keras-fixtures", "torch-fixtures", "keras3-fixtures"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_repository_copy_has_a_manifest_and_cases(string set)
    {
        string copy = FixtureFolder.Named(set).RepositoryCopy;

        Assert.True(File.Exists(Path.Combine(copy, FixtureFolder.ManifestFileName)), $"{copy} holds no manifest.");
        Assert.True(File.Exists(Path.Combine(copy, "COPY.md")), $"{copy} does not say that it is a copy (COPY.md).");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(copy, "cases"), "*.json"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(copy, "expected"), "*.json"));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_repository_copy_equals_the_shared_original_when_it_is_there(string set)
    {
        FixtureFolder folder = FixtureFolder.Named(set);
        if (folder.SharedOriginal is not { } original)
        {
            // Without the workplace's shared folder there is nothing to compare with, and the copy is what the tests read.
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(folder.EnvironmentVariable)))
            {
                Assert.Equal(folder.RepositoryCopy, folder.Path);
            }

            return;
        }

        string copy = folder.RepositoryCopy;
        string[] originalFiles = RelativeFiles(original);
        string[] copiedFiles = RelativeFiles(copy).Where(file => file != "COPY.md").ToArray();

        Assert.Equal(originalFiles, copiedFiles);
        foreach (string file in originalFiles)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(original, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(copy, file))),
                $"tests/{set}/{file} differs from the original in {original}; copy it again.");
        }
    }

    private static string[] RelativeFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
