using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace Embedding.Generated.Conformance.Tests.Layers;

/// <summary>
/// Layers that the real generator makes for a case's constants, created with given weights and driven only through
/// <see cref="IEmbeddingLayer"/>. A layer type costs about a second to compile, so each <see cref="LayerShape"/> is
/// compiled once per run and its factory reused.
/// </summary>
internal static class GeneratedLayers
{
    private const string LayerTypeName = "CaseLayer";
    private const string FactoryTypeName = "Factory";

    private static readonly ConcurrentDictionary<LayerShape, Lazy<Func<float[], IEmbeddingLayer>>> Factories = new();

    /// <summary>A new layer of <paramref name="shape"/> holding a copy of <paramref name="weights"/> (row-major, InputDim x OutputDim).</summary>
    public static IEmbeddingLayer Create(LayerShape shape, float[] weights) =>
        Factories.GetOrAdd(shape, static key => new Lazy<Func<float[], IEmbeddingLayer>>(() => Compile(key))).Value(weights);

    private static Func<float[], IEmbeddingLayer> Compile(LayerShape shape)
    {
        // The layer as a user declares it, plus a factory in the same compilation so that the harness needs no
        // reflection over the generated constructors.
        string source = $$"""
            [Embedding.Generated.EmbeddingLayer({{shape.AttributeArguments}})]
            public partial class {{LayerTypeName}};

            public static class {{FactoryTypeName}}
            {
                public static Embedding.Generated.IEmbeddingLayer Create(float[] weights) => new {{LayerTypeName}}(weights);
            }
            """;
        Assembly assembly = InMemoryCompiler.CompileAndLoad(shape.AssemblyName, source);
        MethodInfo create = assembly.GetType(FactoryTypeName, throwOnError: true)!.GetMethod("Create")!;
        return create.CreateDelegate<Func<float[], IEmbeddingLayer>>();
    }
}
