using Embedding.Generated.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Embedding.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// The generator's pipeline before the syntactic path: every class through <c>ForAttributeWithMetadataName</c> and the
/// semantic parser. The equivalence tests require the real generator to emit exactly what this one does.
/// </summary>
internal sealed class ReferenceGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<EmbeddingLayerSpec> layers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.EmbeddingLayerAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) => EmbeddingGenerator.Parser.Parse(attributeContext, cancellationToken))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!);
        IncrementalValueProvider<CompilationFacts> facts = context.CompilationProvider
            .Select(static (compilation, _) => EmbeddingGenerator.Parser.ReadCompilationFacts(compilation));
        IncrementalValuesProvider<LayerSource> sources = layers
            .Collect()
            .Combine(facts)
            .SelectMany(static (pair, _) => HintNames.Assign(pair.Left, pair.Right));
        context.RegisterSourceOutput(sources, static (output, source) =>
            output.AddSource(source.HintName, EmbeddingGenerator.Emitter.Emit(source.Layer, source.Facts)));
    }
}
