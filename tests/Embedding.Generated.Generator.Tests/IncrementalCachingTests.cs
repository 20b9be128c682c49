using System.Linq;
using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Embedding.Generated.Generator.Tests;

/// <summary>
/// How the pipeline behaves across edits, read from the steps the driver tracks: an edit that cannot change a layer
/// must not emit it again, an edit that does must, and no step may hold a compiler object.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string WordLayer = """
        using Embedding.Generated;

        namespace Samples;

        [EmbeddingLayer(InputDim = 1000, OutputDim = 64, InputLength = 10)]
        public partial class WordEmbedding;
        """;

    private const string CharacterLayer = """
        using Embedding.Generated;

        namespace Samples;

        [EmbeddingLayer(InputDim = 128, OutputDim = 16)]
        public partial class CharacterEmbedding;
        """;

    private const string UnrelatedCode = """
        namespace Samples;

        public static class Vocabulary
        {
            public static int Size() => 1000;
        }
        """;

    [Fact]
    public void Tracking_names_cover_every_named_step_of_the_pipeline()
    {
        Assert.Equal(
            [
                TrackingNames.AllLayerSpecs, TrackingNames.AttributeNameIsUnique, TrackingNames.CompilationFacts, TrackingNames.LayerSources,
                TrackingNames.LayerSpecs, TrackingNames.SyntacticDecisions, TrackingNames.SyntacticLayerSpecs, TrackingNames.TreeSummaries,
                TrackingNames.ValidLayerSpecs,
            ],
            IncrementalAssert.StepNames);
    }

    [Fact]
    public void Rerun_on_the_same_compilation_serves_every_output_from_cache()
    {
        GeneratorRun first = GeneratorHarness.Run(WordLayer, CharacterLayer, UnrelatedCode);

        GeneratorRun second = GeneratorHarness.Rerun(first, first.InputCompilation);

        IncrementalAssert.EveryStepCachedOrUnchanged(second.Generator);
        Assert.All(IncrementalAssert.Reasons(second.Generator, IncrementalAssert.SourceOutput), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        GeneratorRun first = GeneratorHarness.Run(WordLayer, CharacterLayer, UnrelatedCode);
        CSharpCompilation edited = first.InputCompilation.AddSyntaxTrees(
            GeneratorHarness.ParseLike(first.InputCompilation, "namespace Samples; public sealed class Tokenizer { }", "Tokenizer.cs"));

        GeneratorRun second = GeneratorHarness.Rerun(first, edited);

        IncrementalAssert.EveryStepCachedOrUnchanged(second.Generator, newTrees: 1);
        Assert.Equal(first.HintNames, second.HintNames);
    }

    [Fact]
    public void Editing_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        GeneratorRun first = GeneratorHarness.Run(WordLayer, CharacterLayer, UnrelatedCode);
        CSharpCompilation edited = ReplaceSource(first.InputCompilation, index: 2, UnrelatedCode.Replace("=> 1000", "=> 2000"));

        GeneratorRun second = GeneratorHarness.Rerun(first, edited);

        IncrementalAssert.EveryStepCachedOrUnchanged(second.Generator);
    }

    [Fact]
    public void Editing_a_comment_in_the_layer_file_rereads_the_tree_but_leaves_the_layer_unchanged()
    {
        GeneratorRun first = GeneratorHarness.Run(WordLayer, CharacterLayer, UnrelatedCode);
        CSharpCompilation edited = ReplaceSource(first.InputCompilation, index: 0, "// The vocabulary of the news corpus.\n" + WordLayer);

        GeneratorRun second = GeneratorHarness.Rerun(first, edited);

        IncrementalAssert.EveryStepCachedOrUnchanged(second.Generator);
        Assert.Contains(IncrementalStepRunReason.Unchanged, IncrementalAssert.Reasons(second.Generator, TrackingNames.TreeSummaries));
    }

    [Fact]
    public void Changing_OutputDim_modifies_that_layer_only()
    {
        GeneratorRun first = GeneratorHarness.Run(WordLayer, CharacterLayer, UnrelatedCode);
        CSharpCompilation edited = ReplaceSource(first.InputCompilation, index: 0, WordLayer.Replace("OutputDim = 64", "OutputDim = 65"));

        GeneratorRun second = GeneratorHarness.Rerun(first, edited);

        Assert.Contains(IncrementalStepRunReason.Modified, IncrementalAssert.Reasons(second.Generator, TrackingNames.TreeSummaries));
        var outputs = IncrementalAssert.SourceOutputs(second.Generator)
            .ToDictionary(output => ((LayerSource)output.Input).Layer.TypeName, output => output.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, outputs["WordEmbedding"]);
        Assert.Contains(outputs["CharacterEmbedding"], new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Contains("public const int OutputDim = 65;", second.SourceText("Samples.WordEmbedding.g.cs"));
    }

    [Fact]
    public void Caching_assertion_rejects_a_run_that_emitted_a_layer_again()
    {
        GeneratorRun first = GeneratorHarness.Run(WordLayer, CharacterLayer, UnrelatedCode);
        CSharpCompilation edited = ReplaceSource(first.InputCompilation, index: 0, WordLayer.Replace("OutputDim = 64", "OutputDim = 65"));

        GeneratorRun second = GeneratorHarness.Rerun(first, edited);

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => IncrementalAssert.EveryStepCachedOrUnchanged(second.Generator));
        Assert.Contains($"{IncrementalAssert.SourceOutput}: Modified", failure.Message);
    }

    [Fact]
    public void Removing_the_attribute_removes_the_output()
    {
        GeneratorRun first = GeneratorHarness.Run(WordLayer, CharacterLayer, UnrelatedCode);
        CSharpCompilation edited = ReplaceSource(
            first.InputCompilation,
            index: 0,
            WordLayer.Replace("[EmbeddingLayer(InputDim = 1000, OutputDim = 64, InputLength = 10)]", string.Empty));

        GeneratorRun second = GeneratorHarness.Rerun(first, edited);

        Assert.Contains(IncrementalStepRunReason.Removed, IncrementalAssert.Reasons(second.Generator, IncrementalAssert.SourceOutput));
        Assert.Equal(["Samples.CharacterEmbedding.g.cs"], second.HintNames);
    }

    [Fact]
    public void Tracked_steps_hold_no_compiler_objects_after_the_first_run_and_after_an_edit()
    {
        GeneratorRun first = GeneratorHarness.Run(WordLayer, CharacterLayer, UnrelatedCode);
        CSharpCompilation edited = ReplaceSource(first.InputCompilation, index: 0, WordLayer.Replace("OutputDim = 64", "OutputDim = 65"));
        GeneratorRun second = GeneratorHarness.Rerun(first, edited);

        IncrementalAssert.HoldsNoCompilerObjects(first.Generator);
        IncrementalAssert.HoldsNoCompilerObjects(second.Generator);
    }

    [Fact]
    public void Object_graph_walk_finds_compiler_objects_nested_in_a_value()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(WordLayer);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        var holder = (Name: "layer", Parts: new object[] { 1, ("node", tree.GetRoot()) }, Symbol: compilation.GetTypeByMetadataName("Samples.WordEmbedding"));

        var found = ForbiddenObjectFinder.Find(holder, "holder");

        Assert.Equal(2, found.Count);
        Assert.Contains(found, path => path.StartsWith("holder.Item2[1].Item2: ", System.StringComparison.Ordinal));
        Assert.Contains(found, path => path.StartsWith("holder.Item3: ", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Object_graph_walk_accepts_a_layer_source()
    {
        var spec = new EmbeddingLayerSpec("Samples", "WordEmbedding", EquatableArray<ContainingTypeSpec>.Empty, 1000, 64, 10, MaskZero: false);

        Assert.Empty(ForbiddenObjectFinder.Find(new LayerSource(spec, new CompilationFacts(CanEmitInlineArrays: true), spec.HintName), "source"));
    }

    private static CSharpCompilation ReplaceSource(CSharpCompilation compilation, int index, string source)
    {
        SyntaxTree old = compilation.SyntaxTrees[index];
        return compilation.ReplaceSyntaxTree(old, GeneratorHarness.ParseLike(compilation, source, old.FilePath));
    }
}
