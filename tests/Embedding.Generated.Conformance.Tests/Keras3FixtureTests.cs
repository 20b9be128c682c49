using System;
using System.Collections.Generic;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Xunit;

namespace Embedding.Generated.Conformance.Tests;

/// <summary>
/// The Keras 3 reference fixtures (a NumPy re-implementation of Keras 3's quantization, LoRA and ReversibleEmbedding
/// source; see their README) and how far this project replays them. No kind is replayed yet; each pending kind is
/// listed, so the gap is visible and no case is skipped silently; a kind that is in neither list fails.
/// </summary>
[Trait("Category", "Keras3Conformance")]
public sealed class Keras3FixtureTests
{
    /// <summary>The kinds no replay covers yet, with what brings each.</summary>
    private static readonly Dictionary<string, string> NotYetReplayed = new(StringComparer.Ordinal)
    {
        ["quantize_int8"] = "int8 tables (Keras 3 quantize('int8'))",
        ["quantize_int4"] = "int4 tables (Keras 3 quantize('int4'))",
        ["lora_forward"] = "LoRA adapters on the table (Keras 3 enable_lora)",
        ["lora_backward"] = "LoRA adapters' gradients",
        ["reversible_logits"] = "tied logits (Keras 3 ReversibleEmbedding)",
    };

    /// <summary>The kinds a replay covers.</summary>
    private static readonly string[] Replayed = [];

    [Fact]
    public void Every_kind_of_the_manifest_is_replayed_or_listed_as_not_yet_replayed()
    {
        FixtureKinds.AssertEachReplayedOrPending(FixtureManifest.Keras3, Replayed, NotYetReplayed);
        Assert.Equal(37, FixtureManifest.Keras3.Entries.Count);
    }
}
