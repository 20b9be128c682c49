using System;
using System.IO;

namespace Embedding.Generated.Conformance.Tests.Fixtures;

/// <summary>
/// Finds the Keras fixture folder: the path in <see cref="EnvironmentVariable"/> if set, else
/// <c>../shared/keras-fixtures</c> beside the repository root. A relative path in the variable is taken from the
/// repository root too, so it means the same thing whatever directory the test runner starts in.
/// </summary>
internal static class FixtureDirectory
{
    public const string EnvironmentVariable = "EMBEDDING_KERAS_FIXTURES";

    private const string SolutionFileName = "Embedding.Generated.sln";
    private const string DefaultRelativePath = "../shared/keras-fixtures";

    private static readonly Lazy<string> Resolved = new(Resolve);

    /// <summary>The full path of the fixture folder, which holds <c>manifest.json</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder or its manifest does not exist; the message names the path.</exception>
    public static string Path => Resolved.Value;

    private static string Resolve()
    {
        string root = FindRepositoryRoot();
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        string source = string.IsNullOrWhiteSpace(configured)
            ? $"the default {DefaultRelativePath} beside the repository root {root}"
            : $"{EnvironmentVariable}={configured}";
        string path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultRelativePath : configured, root);

        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException(
                $"The Keras fixture directory '{path}' does not exist (from {source}). " +
                $"Set {EnvironmentVariable} to the folder that holds manifest.json, cases/ and expected/.");
        }

        if (!File.Exists(System.IO.Path.Combine(path, FixtureManifest.FileName)))
        {
            throw new DirectoryNotFoundException(
                $"The Keras fixture directory '{path}' (from {source}) has no {FixtureManifest.FileName}.");
        }

        return path;
    }

    // Walks up from the test assembly (bin/<configuration>/<framework>/) to the folder that holds the solution.
    private static string FindRepositoryRoot()
    {
        string start = AppContext.BaseDirectory;
        for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No {SolutionFileName} was found in '{start}' or any folder above it, so the repository root (and the Keras fixtures beside it) cannot be located.");
    }
}
