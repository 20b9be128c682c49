using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Embedding.Generated.Conformance.Tests.Fixtures;

/// <summary>How a fixture set's kinds are accounted for: each is replayed, or listed as pending with what brings it.</summary>
internal static class FixtureKinds
{
    /// <summary>
    /// Fails when a kind of <paramref name="manifest"/> is neither in <paramref name="replayed"/> nor in
    /// <paramref name="pending"/>, when a kind is in both, or when a listed kind is no longer in the manifest.
    /// </summary>
    public static void AssertEachReplayedOrPending(
        FixtureManifest manifest, IReadOnlyCollection<string> replayed, IReadOnlyDictionary<string, string> pending)
    {
        string[] kinds = [.. manifest.Entries.Select(entry => entry.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string[] unknown = [.. kinds.Where(kind => !replayed.Contains(kind) && !pending.ContainsKey(kind))];
        string[] both = [.. replayed.Where(pending.ContainsKey)];
        string[] gone = [.. replayed.Concat(pending.Keys).Where(kind => !kinds.Contains(kind, StringComparer.Ordinal))];

        Assert.True(unknown.Length == 0, $"Kinds of {manifest.Directory} that no replay knows and none lists as pending: {string.Join(", ", unknown)}.");
        Assert.True(both.Length == 0, $"Kinds both replayed and listed as pending: {string.Join(", ", both)}.");
        Assert.True(gone.Length == 0, $"Kinds listed that {manifest.Directory} no longer has: {string.Join(", ", gone)}.");
    }
}
