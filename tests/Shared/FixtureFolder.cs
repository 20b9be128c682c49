using System;
using System.IO;

namespace Embedding.Generated.TestSupport;

/// <summary>
/// Finds one set of fixtures (expected results computed outside this project: see each set's README), in this order:
/// the folder named by <see cref="EnvironmentVariable"/> (a relative path is taken from the repository root);
/// <c>../shared/{name}</c> beside the repository root, the workplace's read-only original, when it is there; else
/// <c>tests/{name}</c>, the copy kept in the repository so that a fresh clone runs every test. Linked into each test
/// project that reads fixtures, so they all resolve the same folders.
/// </summary>
internal sealed class FixtureFolder
{
    public const string ManifestFileName = "manifest.json";

    private const string SolutionFileName = "Embedding.Generated.sln";

    private readonly Lazy<string> _resolved;

    private FixtureFolder(string name, string environmentVariable)
    {
        Name = name;
        EnvironmentVariable = environmentVariable;
        _resolved = new Lazy<string>(Resolve);
    }

    /// <summary>TensorFlow.js 4.22's Keras layers API.</summary>
    public static FixtureFolder Keras { get; } = new("keras-fixtures", "EMBEDDING_KERAS_FIXTURES");

    /// <summary>PyTorch 1.13: <c>nn.Embedding</c>, <c>nn.EmbeddingBag</c>, sparse optimizers, quantized bags.</summary>
    public static FixtureFolder Torch { get; } = new("torch-fixtures", "EMBEDDING_TORCH_FIXTURES");

    /// <summary>A NumPy re-implementation of Keras 3's quantization, LoRA and ReversibleEmbedding source.</summary>
    public static FixtureFolder Keras3 { get; } = new("keras3-fixtures", "EMBEDDING_KERAS3_FIXTURES");

    /// <summary>The folder's name, under <c>../shared/</c> and under <c>tests/</c>.</summary>
    public string Name { get; }

    public string EnvironmentVariable { get; }

    /// <summary>The full path of the fixture folder, which holds <c>manifest.json</c>, <c>cases/</c> and <c>expected/</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder; the message names every place looked at.</exception>
    public string Path => _resolved.Value;

    /// <summary>The workplace's original beside the repository root, or null when it is not there.</summary>
    public string? SharedOriginal
    {
        get
        {
            string original = System.IO.Path.GetFullPath(System.IO.Path.Combine("..", "shared", Name), RepositoryRoot);
            return HasManifest(original) ? original : null;
        }
    }

    /// <summary>The copy kept in the repository.</summary>
    public string RepositoryCopy => System.IO.Path.Combine(RepositoryRoot, "tests", Name);

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
                $"No {SolutionFileName} was found in '{AppContext.BaseDirectory}' or any folder above it, so no fixtures can be located.");
        }
    }

    /// <summary>Looks a set up by its folder name, for theories that take the name as data.</summary>
    public static FixtureFolder Named(string name) =>
        name switch
        {
            "keras-fixtures" => Keras,
            "torch-fixtures" => Torch,
            "keras3-fixtures" => Keras3,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a fixture set: expected keras-fixtures, torch-fixtures or keras3-fixtures."),
        };

    public override string ToString() => Name;

    private string Resolve()
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
                $"No {Name}: neither ../shared/{Name} beside {RepositoryRoot} nor {RepositoryCopy} holds {ManifestFileName}; set {EnvironmentVariable}.");
    }

    private static bool HasManifest(string folder) => File.Exists(System.IO.Path.Combine(folder, ManifestFileName));
}
