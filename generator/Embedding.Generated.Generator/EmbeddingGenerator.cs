using System.Collections.Immutable;
using System.Linq;
using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Syntactic;
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
        // Stage 1a, per edited tree. ForAttributeWithMetadataName binds the attributes of every class it matched again
        // on each compilation change, whichever file changed (about 30 us a layer). So the common case, a plain
        // [EmbeddingLayer] with literal arguments in a file without aliases, is read from syntax instead: each tree is
        // summarised once, when it changes (TreeReader says what it takes and why the rest stays semantic).
        IncrementalValuesProvider<TreeSummary> trees = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .Select(static (tree, cancellationToken) => TreeReader.Read(tree, cancellationToken))
            .WithTrackingName(TrackingNames.TreeSummaries);

        // Stage 1b, per annotated class the syntactic path does not take (its predicate is the exact complement), as
        // before: reduced at once to a small equatable spec, or null when it cannot be generated.
        IncrementalValuesProvider<EmbeddingLayerSpec> semanticLayers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.EmbeddingLayerAttribute,
                predicate: static (node, cancellationToken) => node is ClassDeclarationSyntax && !TreeReader.IsCandidate(node, cancellationToken),
                transform: static (attributeContext, cancellationToken) => Parser.Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.LayerSpecs)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ValidLayerSpecs);

        // Stage 2, per compilation. Reruns on every edit, but only to compute three booleans from name sets the
        // compiler keeps; while they stay the same, everything below them is unchanged.
        IncrementalValueProvider<CompilationFacts> facts = context.CompilationProvider
            .Select(static (compilation, _) => Parser.ReadCompilationFacts(compilation))
            .WithTrackingName(TrackingNames.CompilationFacts);
        IncrementalValueProvider<bool> attributeNameIsUnique = context.CompilationProvider
            .Select(static (compilation, _) => Parser.ReadAttributeNameIsUnique(compilation))
            .WithTrackingName(TrackingNames.AttributeNameIsUnique);

        // Stage 3, the syntactic candidates of all trees decided together, because the rules read every part of a
        // class and of the types around it. Reruns only when a tree's summary or the name fact changes.
        IncrementalValueProvider<SyntacticDecisions> decisions = trees
            .Collect()
            .Combine(attributeNameIsUnique)
            .Select(static (pair, _) => SyntacticLayers.Decide(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.SyntacticDecisions);

        // Where syntax could not decide, the same candidates are parsed semantically. The step runs on every
        // compilation (it needs one when it falls back), but otherwise only passes the decided layers on, unchanged.
        IncrementalValueProvider<EquatableArray<EmbeddingLayerSpec>> syntacticLayers = decisions
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => pair.Left.NeedsSemanticPath
                ? new EquatableArray<EmbeddingLayerSpec>(Parser.ParseSyntacticCandidatesSemantically(pair.Right, cancellationToken))
                : pair.Left.Layers)
            .WithTrackingName(TrackingNames.SyntacticLayerSpecs);

        // Stage 4, all layers at once, only to give each a file name unique ignoring case (hint names ignore case, and
        // two layers may differ only in case). The gathered array compares by value, so an edit that changes no layer
        // leaves it unchanged; an edit to one layer re-runs this cheap step, and the other layers' values stay unchanged.
        IncrementalValuesProvider<LayerSource> sources = semanticLayers
            .Collect()
            .Combine(syntacticLayers)
            .Select(static (pair, _) => new EquatableArray<EmbeddingLayerSpec>(pair.Left.AddRange(pair.Right)))
            .WithTrackingName(TrackingNames.AllLayerSpecs)
            .Combine(facts)
            .SelectMany(static (pair, _) => HintNames.Assign(pair.Left.ToImmutableArray(), pair.Right))
            .WithTrackingName(TrackingNames.LayerSources);

        // Stage 5, per layer: the emitter is a pure function of this value, so equal values mean cached output.
        context.RegisterSourceOutput(sources, static (output, source) =>
            output.AddSource(source.HintName, Emitter.Emit(source.Layer, source.Facts)));
    }
}
