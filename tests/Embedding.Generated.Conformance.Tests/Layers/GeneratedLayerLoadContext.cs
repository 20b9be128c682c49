using System;
using System.Reflection;
using System.Runtime.Loader;

namespace Embedding.Generated.Conformance.Tests.Layers;

/// <summary>
/// A collectible context for one in-memory layer assembly. It hands the generated code the runtime assembly the tests
/// already loaded, so that <see cref="IEmbeddingLayer"/> in the generated code is the very type the harness casts to.
/// </summary>
internal sealed class GeneratedLayerLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    private static readonly Assembly Runtime = typeof(IEmbeddingLayer).Assembly;

    // Everything else (the framework) falls back to the default context.
    protected override Assembly? Load(AssemblyName assemblyName) =>
        string.Equals(assemblyName.Name, Runtime.GetName().Name, StringComparison.Ordinal) ? Runtime : null;
}
