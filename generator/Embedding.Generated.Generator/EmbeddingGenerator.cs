using Embedding.Generated.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Embedding.Generated.Generator;

/// <summary>
/// Emits an embedding layer specialised for its constants into every partial class marked
/// <c>[EmbeddingLayer]</c>. Parse (<see cref="Parser"/>) -> value-equatable model -> pure emit (<see cref="Emitter"/>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class EmbeddingGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Stage 1, per annotated class. ForAttributeWithMetadataName only visits classes that carry the attribute,
        // so an edit elsewhere costs nothing here. The transform reruns when the class's file changes, and reduces
        // the symbol to a small equatable spec at once (null when the class cannot be generated: the analyzer
        // explains why), so nothing downstream holds a symbol or a syntax tree.
        IncrementalValuesProvider<EmbeddingLayerSpec> layers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.EmbeddingLayerAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) => Parser.Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.LayerSpecs)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ValidLayerSpecs);

        // Stage 2, per compilation. Reruns on every edit, but only to compute two booleans; while they stay the
        // same, the combined values below are unchanged and no output is emitted again.
        IncrementalValueProvider<CompilationFacts> facts = context.CompilationProvider
            .Select(static (compilation, _) => Parser.ReadCompilationFacts(compilation))
            .WithTrackingName(TrackingNames.CompilationFacts);

        // Stage 3, all layers at once, only to give each a file name unique ignoring case (hint names ignore case, and
        // two layers may differ only in case). The collected array compares by value, so an edit that changes no layer
        // leaves it cached; an edit to one layer re-runs this cheap step, and the other layers' values stay unchanged.
        IncrementalValuesProvider<LayerSource> sources = layers
            .Collect()
            .WithTrackingName(TrackingNames.AllLayerSpecs)
            .Combine(facts)
            .SelectMany(static (pair, _) => HintNames.Assign(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.LayerSources);

        // Stage 4, per layer: the emitter is a pure function of this value, so equal values mean cached output.
        context.RegisterSourceOutput(sources, static (output, source) =>
            output.AddSource(source.HintName, Emitter.Emit(source.Layer, source.Facts)));
    }
}
