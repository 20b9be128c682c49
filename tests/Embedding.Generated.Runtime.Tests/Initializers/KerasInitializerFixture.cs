using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Embedding.Generated.TestSupport;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>
/// One <c>initializer_stats</c> case of the Keras fixtures (computed by TensorFlow.js 4.22): the case's shape, seed
/// and sample size, and the expected file's <c>params</c> and <c>theoretical</c>.
/// </summary>
public sealed record KerasInitializerFixture(
    string Id,
    string Initializer,
    int InputDim,
    int OutputDim,
    int Seed,
    int SampleSize,
    string Family,
    JsonElement Params,
    double TheoreticalMean,
    double TheoreticalStd)
{
    public double Parameter(string name) => Params.GetProperty(name).GetDouble();

    public static KerasInitializerFixture Load(string id)
    {
        string directory = FindDirectory();
        using JsonDocument caseFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "cases", id + ".json")));
        using JsonDocument expectedFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "expected", id + ".json")));
        JsonElement input = caseFile.RootElement;
        JsonElement expected = expectedFile.RootElement;
        if (input.GetProperty("kind").GetString() != "initializer_stats" || !expected.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException($"{id} is not a successful initializer_stats case.");
        }

        JsonElement parameters = expected.GetProperty("params").Clone();
        JsonElement theoretical = expected.GetProperty("theoretical");
        return new KerasInitializerFixture(
            id,
            input.GetProperty("initializer").GetString()!,
            input.GetProperty("input_dim").GetInt32(),
            input.GetProperty("output_dim").GetInt32(),
            input.GetProperty("seed").GetInt32(),
            input.TryGetProperty("sample_size", out JsonElement size) ? size.GetInt32() : InitializerSample.LargeSampleSize,
            parameters.GetProperty("family").GetString()!,
            parameters,
            theoretical.GetProperty("mean").GetDouble(),
            theoretical.GetProperty("std").GetDouble());
    }

    /// <summary>The ids of every <c>initializer_stats</c> case in the manifest.</summary>
    public static IReadOnlyList<string> IdsInManifest()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(FindDirectory(), "manifest.json")));
        return manifest.RootElement.GetProperty("cases").EnumerateArray()
            .Where(entry => entry.GetProperty("kind").GetString() == "initializer_stats")
            .Select(entry => entry.GetProperty("id").GetString()!)
            .ToList();
    }

    private static string FindDirectory() => FixtureFolder.Keras.Path;
}
