using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Embedding.Generated.TestSupport;

namespace Embedding.Generated.Conformance.Tests.Fixtures;

/// <summary>
/// <c>manifest.json</c>: the list of every case of one fixture set. The sets share the manifest's layout and differ in
/// its schema name. Each is read once per run.
/// </summary>
internal sealed class FixtureManifest
{
    public const string FileName = FixtureFolder.ManifestFileName;

    private static readonly Lazy<FixtureManifest> KerasManifest = new(() => Load(FixtureFolder.Keras.Path, "keras-embedding-oracle/manifest@1"));
    private static readonly Lazy<FixtureManifest> TorchManifest = new(() => Load(FixtureFolder.Torch.Path, "torch-embedding-oracle/manifest@1"));
    private static readonly Lazy<FixtureManifest> Keras3Manifest = new(() => Load(FixtureFolder.Keras3.Path, "keras3-embedding-reference/manifest@1"));

    private readonly Dictionary<string, ManifestEntry> _byId;

    private FixtureManifest(string directory, int declaredCount, IReadOnlyList<ManifestEntry> entries)
    {
        Directory = directory;
        DeclaredCount = declaredCount;
        Entries = entries;
        _byId = entries.ToDictionary(entry => entry.Id, StringComparer.Ordinal);
    }

    /// <summary>The manifest of the Keras fixtures (<see cref="FixtureFolder.Keras"/>), which the Keras replays read.</summary>
    public static FixtureManifest Current => KerasManifest.Value;

    /// <summary>The manifest of the PyTorch fixtures (<see cref="FixtureFolder.Torch"/>).</summary>
    public static FixtureManifest Torch => TorchManifest.Value;

    /// <summary>The manifest of the Keras 3 reference fixtures (<see cref="FixtureFolder.Keras3"/>).</summary>
    public static FixtureManifest Keras3 => Keras3Manifest.Value;

    /// <summary>The manifest of <paramref name="folder"/>.</summary>
    public static FixtureManifest Of(FixtureFolder folder) =>
        folder == FixtureFolder.Keras ? Current : folder == FixtureFolder.Torch ? Torch : Keras3;

    public string Directory { get; }

    /// <summary>The manifest's own <c>count</c> field.</summary>
    public int DeclaredCount { get; }

    public IReadOnlyList<ManifestEntry> Entries { get; }

    public ManifestEntry this[string id] =>
        _byId.TryGetValue(id, out ManifestEntry? entry)
            ? entry
            : throw new KeyNotFoundException($"The manifest in '{Directory}' lists no case '{id}'.");

    private static FixtureManifest Load(string directory, string expectedSchema)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, FileName)));
        JsonElement root = document.RootElement;
        string schema = root.GetProperty("schema").GetString() ?? string.Empty;
        if (schema != expectedSchema)
        {
            throw new InvalidDataException($"{FileName} in '{directory}' has schema '{schema}'; this harness reads '{expectedSchema}'.");
        }

        ManifestEntry[] entries = root.GetProperty("cases").EnumerateArray()
            .Select(entry => new ManifestEntry(
                entry.GetProperty("id").GetString()!,
                entry.GetProperty("kind").GetString()!,
                entry.GetProperty("case").GetString()!,
                entry.GetProperty("expected").GetString()!))
            .ToArray();
        return new FixtureManifest(directory, root.GetProperty("count").GetInt32(), entries);
    }
}

/// <summary>One line of the manifest: a case id, its kind, and the case and result files relative to the folder.</summary>
internal sealed record ManifestEntry(string Id, string Kind, string CasePath, string ExpectedPath);
