using System;
using System.IO;

namespace Embedding.Generated.TestSupport;

/// <summary>
/// Finds the Keras fixtures (expected results from TensorFlow.js, computed outside this project), in this order:
/// the folder named by <see cref="EnvironmentVariable"/> (a relative path is taken from the repository root);
/// <c>../shared/keras-fixtures</c> beside the repository root, the workplace's read-only original, when it is there;
/// else <c>tests/keras-fixtures</c>, the copy kept in the repository so that a fresh clone runs every test.
/// Linked into each test project that reads the fixtures, so they all resolve the same folder.
/// </summary>
internal static class KerasFixtureFolder
{
    public const string EnvironmentVariable = "EMBEDDING_KERAS_FIXTURES";
    public const string ManifestFileName = "manifest.json";

    private const string SolutionFileName = "Embedding.Generated.sln";

    private static readonly Lazy<string> Resolved = new(Resolve);

    /// <summary>The full path of the fixture folder, which holds <c>manifest.json</c>, <c>cases/</c> and <c>expected/</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder; the message names every place looked at.</exception>
    public static string Path => Resolved.Value;

    /// <summary>The workplace's original beside the repository root, or null when it is not there.</summary>
    public static string? SharedOriginal
    {
        get
        {
            string original = System.IO.Path.GetFullPath("../shared/keras-fixtures", RepositoryRoot);
            return HasManifest(original) ? original : null;
        }
    }

    /// <summary>The copy kept in the repository.</summary>
    public static string RepositoryCopy => System.IO.Path.Combine(RepositoryRoot, "tests", "keras-fixtures");

    /// <summary>The folder that holds the solution, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFileName)))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException(
                $"No {SolutionFileName} was found in '{AppContext.BaseDirectory}' or any folder above it, so the Keras fixtures cannot be located.");
        }
    }

    private static string Resolve()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            string path = System.IO.Path.GetFullPath(configured, RepositoryRoot);
            return HasManifest(path)
                ? path
                : throw new DirectoryNotFoundException(
                    $"{EnvironmentVariable} is '{configured}' ({path}), which holds no {ManifestFileName}; it must name the folder with {ManifestFileName}, cases/ and expected/.");
        }

        if (SharedOriginal is { } original)
        {
            return original;
        }

        return HasManifest(RepositoryCopy)
            ? RepositoryCopy
            : throw new DirectoryNotFoundException(
                $"No Keras fixtures: neither ../shared/keras-fixtures beside {RepositoryRoot} nor {RepositoryCopy} holds {ManifestFileName}; set {EnvironmentVariable}.");
    }

    private static bool HasManifest(string folder) => File.Exists(System.IO.Path.Combine(folder, ManifestFileName));
}
