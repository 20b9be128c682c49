using Embedding.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Generator.Tests;

/// <summary>
/// The generated source for representative layers, compared with the reviewed files in <c>Snapshots/</c>. Each test
/// also compiles the user's code with the generated code and requires no errors and no warnings (XML docs
/// included), and runs the generator a second time to require that everything is served from cache.
/// </summary>
public sealed class GeneratorSnapshotTests
{
    [Fact]
    public void Seed_layer_1000_by_64_with_sequences_of_10()
    {
        VerifyLayer("""
            using Embedding.Generated;

            namespace Samples.Text;

            /// <summary>The seed's layer: <c>Embedding(1000, 64, input_length=10)</c>.</summary>
            [EmbeddingLayer(InputDim = 1000, OutputDim = 64, InputLength = 10)]
            public partial class WordEmbedding;
            """);
    }

    [Fact]
    public void OutputDim_17_overlaps_the_copy_and_adds_a_scalar_tail()
    {
        VerifyLayer("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>17 floats per row: two 256-bit vectors and one float left over.</summary>
            [EmbeddingLayer(InputDim = 50, OutputDim = 17, InputLength = 4)]
            public partial class OddWidthEmbedding;
            """);
    }

    [Fact]
    public void OutputDim_300_loops_over_blocks_of_vectors()
    {
        VerifyLayer("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>GloVe-sized rows: too many vectors to unroll in full.</summary>
            [EmbeddingLayer(InputDim = 400, OutputDim = 300)]
            public partial class GloveEmbedding;
            """);
    }

    [Fact]
    public void Large_table_prefetches_rows_ahead()
    {
        VerifyLayer("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>25.6 MB of weights: rows come from memory, so the loops prefetch them.</summary>
            [EmbeddingLayer(InputDim = 50000, OutputDim = 128, InputLength = 50)]
            public partial class LargeEmbedding;
            """);
    }

    [Fact]
    public void MaskZero_adds_ComputeMask_and_a_masked_Forward()
    {
        VerifyLayer("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>Id 0 is padding: a 99-word vocabulary plus the padding id.</summary>
            [EmbeddingLayer(InputDim = 100, OutputDim = 8, InputLength = 5, MaskZero = true)]
            public partial class PaddedEmbedding;
            """);
    }

    [Fact]
    public void No_InputLength_takes_any_length_and_has_no_Sequence()
    {
        VerifyLayer("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>Sequences of any length.</summary>
            [EmbeddingLayer(InputDim = 1000, OutputDim = 16)]
            public partial class AnyLengthEmbedding;
            """);
    }

    [Fact]
    public void Global_namespace_has_no_namespace_block()
    {
        VerifyLayer("""
            using Embedding.Generated;

            /// <summary>A layer outside any namespace.</summary>
            [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = 2)]
            public partial class GlobalEmbedding;
            """);
    }

    [Fact]
    public void Nested_in_class_and_struct_repeats_both()
    {
        VerifyLayer("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>A model that owns its layers.</summary>
            public partial class TextModel
            {
                /// <summary>The layers of the model.</summary>
                public partial struct Layers
                {
                    /// <summary>A layer nested two deep.</summary>
                    [EmbeddingLayer(InputDim = 20, OutputDim = 8)]
                    public partial class TokenEmbedding;
                }
            }
            """);
    }

    [Fact]
    public void Nested_in_record_and_record_struct()
    {
        VerifyLayer("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>A model declared as a record.</summary>
            /// <param name="Name">The model's name.</param>
            public partial record ModelConfig(string Name)
            {
                /// <summary>Its layers, as a record struct.</summary>
                public partial record struct Parts
                {
                    /// <summary>A layer nested in records.</summary>
                    [EmbeddingLayer(InputDim = 12, OutputDim = 4, InputLength = 3)]
                    public partial class CharacterEmbedding;
                }
            }
            """);
    }

    [Fact]
    public void OutputDim_0_has_empty_vectors_and_row_kernels_that_do_nothing()
    {
        VerifyLayer("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>Keras allows output_dim = 0: every vector is empty.</summary>
            [EmbeddingLayer(InputDim = 10, OutputDim = 0, InputLength = 3)]
            public partial class EmptyEmbedding;
            """);
    }

    private static void VerifyLayer(string source, [System.Runtime.CompilerServices.CallerMemberName] string testMethod = "")
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Single(run.Sources);
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation);
        SnapshotVerifier.Verify(run, testMethod: testMethod);

        GeneratorRun rerun = GeneratorHarness.Rerun(run, run.InputCompilation.Clone());
        IncrementalAssert.EveryStepCachedOrUnchanged(rerun.Generator);
        IncrementalAssert.HoldsNoCompilerObjects(rerun.Generator);
    }
}
