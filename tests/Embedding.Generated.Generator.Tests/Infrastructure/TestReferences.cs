using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace Embedding.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// The assemblies every in-memory compilation references: the .NET 10 reference assemblies (hermetic, whatever
/// runtime runs the tests) and the Embedding.Generated runtime, which holds the attribute and the layer interface.
/// </summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> All { get; } =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(IEmbeddingLayer).Assembly.Location),
    ];
}
