using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Embedding.Generated.Analyzer.Tests.Infrastructure;

/// <summary>
/// What every test compilation references, without downloading anything: the .NET 10 reference assemblies shipped
/// in the Basic.Reference.Assemblies.Net100 package, and the runtime that holds <c>[EmbeddingLayer]</c>.
/// </summary>
internal static class TestReferences
{
    /// <summary>.NET 10's reference assemblies and <c>Embedding.Generated.dll</c>.</summary>
    public static ImmutableArray<MetadataReference> All { get; } =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(EmbeddingLayerAttribute).Assembly.Location),
    ];

    /// <summary>
    /// Makes a test compile against <see cref="All"/> only. The harness's default reference set is a NuGet package
    /// it downloads on first use; an empty target framework names no package, so nothing is fetched.
    /// </summary>
    public static void MakeHermetic(AnalyzerTest<DefaultVerifier> test)
    {
        // Set on the test, not on TestState, so that a code-fix test's FixedState inherits it too.
        test.ReferenceAssemblies = new ReferenceAssemblies(string.Empty);
        test.TestState.AdditionalReferences.AddRange(All);
    }
}
