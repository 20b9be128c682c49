using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Embedding.Generated.TestSupport;

namespace Embedding.Generated.Conformance.Tests.Fixtures;

/// <summary>
/// <c>manifest.json</c>: the list of every case, schema <c>keras-embedding-oracle/manifest@1</c>. Read once per run.
/// </summary>
internal sealed class FixtureManifest
{
    public const string FileName = "manifest.json";
    private const string Schema = "keras-embedding-oracle/manifest@1";

    private static readonly Lazy<FixtureManifest> Loaded = new(() => Load(KerasFixtureFolder.Path));

    private readonly Dictionary<string, ManifestEntry> _byId;

    private FixtureManifest(string directory, int declaredCount, IReadOnlyList<ManifestEntry> entries)
    {
        Directory = directory;
        DeclaredCount = declaredCount;
        Entries = entries;
        _byId = entries.ToDictionary(entry => entry.Id, StringComparer.Ordinal);
    }

    /// <summary>The manifest of the fixture folder that <see cref="KerasFixtureFolder"/> resolves.</summary>
    public static FixtureManifest Current => Loaded.Value;

    public string Directory { get; }

    /// <summary>The manifest's own <c>count</c> field.</summary>
    public int DeclaredCount { get; }

    public IReadOnlyList<ManifestEntry> Entries { get; }

    public ManifestEntry this[string id] =>
        _byId.TryGetValue(id, out ManifestEntry? entry)
            ? entry
            : throw new KeyNotFoundException($"The manifest in '{Directory}' lists no case '{id}'.");

    private static FixtureManifest Load(string directory)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, FileName)));
        JsonElement root = document.RootElement;
        string schema = root.GetProperty("schema").GetString() ?? string.Empty;
        if (schema != Schema)
        {
            throw new InvalidDataException($"{FileName} in '{directory}' has schema '{schema}'; this harness reads '{Schema}'.");
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
