using System;
using System.IO;
using System.Linq;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Embedding.Generated.TestSupport;
using Xunit;

namespace Embedding.Generated.Conformance.Tests;

/// <summary>Each set's manifest is the list the replays run over: it must name every case file there is, once.</summary>
public sealed class FixtureManifestTests
{
    [Theory]
    [MemberData(nameof(FixtureCopyTests.Sets), MemberType = typeof(FixtureCopyTests))]
    public void Manifest_lists_every_case_file_and_its_count_is_right(string set)
    {
        FixtureManifest manifest = FixtureManifest.Of(FixtureFolder.Named(set));
        string[] listed = [.. manifest.Entries.Select(entry => Path.GetFullPath(entry.CasePath, manifest.Directory)).Order(StringComparer.Ordinal)];
        string[] expected = [.. manifest.Entries.Select(entry => Path.GetFullPath(entry.ExpectedPath, manifest.Directory)).Order(StringComparer.Ordinal)];
        string[] presentCases = [.. Directory.GetFiles(Path.Combine(manifest.Directory, "cases"), "*.json").Order(StringComparer.Ordinal)];
        string[] presentResults = [.. Directory.GetFiles(Path.Combine(manifest.Directory, "expected"), "*.json").Order(StringComparer.Ordinal)];

        Assert.Equal(manifest.DeclaredCount, manifest.Entries.Count);
        Assert.Equal(manifest.Entries.Count, manifest.Entries.Select(entry => entry.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(presentCases, listed);
        Assert.Equal(presentResults, expected);
    }
}
