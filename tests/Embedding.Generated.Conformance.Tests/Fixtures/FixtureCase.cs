using System.IO;
using System.Text.Json;

namespace Embedding.Generated.Conformance.Tests.Fixtures;

/// <summary>
/// One case: its input (<c>cases/*.json</c>, schema <c>keras-embedding-oracle/case@1</c>) and the result TensorFlow.js
/// gave (<c>expected/*.json</c>, schema <c>keras-embedding-oracle/result@1</c>).
/// </summary>
internal sealed class FixtureCase
{
    private const string CaseSchema = "keras-embedding-oracle/case@1";
    private const string ResultSchema = "keras-embedding-oracle/result@1";

    private FixtureCase(ManifestEntry entry, JsonElement input, JsonElement expected)
    {
        Id = entry.Id;
        Kind = entry.Kind;
        Input = input;
        Expected = expected;
        Tolerance = Tolerance.Read(input.GetProperty("tolerance"));
    }

    public string Id { get; }

    /// <summary><c>forward</c>, <c>grad</c>, <c>regularizer</c>, ... as the manifest and the case file both say.</summary>
    public string Kind { get; }

    /// <summary>The case file's root object.</summary>
    public JsonElement Input { get; }

    /// <summary>The result file's root object.</summary>
    public JsonElement Expected { get; }

    /// <summary>The case's advisory comparison rule.</summary>
    public Tolerance Tolerance { get; }

    /// <summary>Reads the case <paramref name="id"/> of the current fixture folder, checking schemas, ids and kinds agree.</summary>
    public static FixtureCase Load(string id)
    {
        FixtureManifest manifest = FixtureManifest.Current;
        ManifestEntry entry = manifest[id];
        JsonElement input = ReadRoot(manifest.Directory, entry.CasePath, CaseSchema);
        JsonElement expected = ReadRoot(manifest.Directory, entry.ExpectedPath, ResultSchema);

        foreach ((string file, JsonElement root) in new[] { (entry.CasePath, input), (entry.ExpectedPath, expected) })
        {
            if (root.String("id") != entry.Id || root.String("kind") != entry.Kind)
            {
                throw new InvalidDataException(
                    $"{file} says id '{root.String("id")}', kind '{root.String("kind")}', but the manifest says id '{entry.Id}', kind '{entry.Kind}'.");
            }
        }

        // A result with ok = false means TensorFlow.js itself failed on the case: there is nothing to compare with.
        if (!expected.GetProperty("ok").GetBoolean())
        {
            throw new InvalidDataException($"The oracle failed on case '{id}' ({entry.ExpectedPath}): {expected.OptionalString("error")}.");
        }

        return new FixtureCase(entry, input, expected);
    }

    public override string ToString() => Id;

    private static JsonElement ReadRoot(string directory, string relativePath, string schema)
    {
        string path = Path.Combine(directory, relativePath);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement.Clone();
        if (root.String("schema") != schema)
        {
            throw new InvalidDataException($"'{path}' has schema '{root.String("schema")}'; this harness reads '{schema}'.");
        }

        return root;
    }
}
