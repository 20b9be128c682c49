using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerUsageAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// EMB006 (warning): a MaskZero layer's forward pass whose padding mask nothing computes, the .NET form of Keras's
/// <c>Flatten</c> after <c>mask_zero=True</c>. Reported at the call; a method that computes the mask is not.
/// </summary>
public sealed class Emb006MaskDiscardedTests
{
    private const string Layers = """
        using System;
        using Embedding.Generated;

        [EmbeddingLayer(InputDim = 100, OutputDim = 8, MaskZero = true)]
        public partial class Padded;

        [EmbeddingLayer(InputDim = 100, OutputDim = 8)]
        public partial class Unpadded;

        """;

    private const string Message =
        "'Padded' has MaskZero = true, but this Forward call discards the padding mask and nothing here computes it; " +
        "call Forward(ids, output, mask) or ComputeMask(ids, mask) and pass the mask to the layers that follow";

    [Fact]
    public Task Mask_less_Forward_on_a_MaskZero_layer_is_reported_at_the_call() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output)
                {
                    {|#0:layer.Forward(ids, output)|};
                }
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(Message));

    [Fact]
    public Task Forward_of_a_batch_array_on_a_MaskZero_layer_is_reported_too() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static float[,,] Run(Padded layer, int[,] ids) => {|#0:layer.Forward(ids)|};
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(Message));

    [Fact]
    public Task Mask_less_Forward_in_top_level_statements_is_reported() =>
        new Verify.Test
        {
            TestState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using Embedding.Generated;

                    var layer = new Padded(seed: 1);
                    {|#0:layer.Forward(new[] { 1, 2 }, new float[16])|};

                    [EmbeddingLayer(InputDim = 100, OutputDim = 8, MaskZero = true)]
                    public partial class Padded;
                    """,
                },
            },
            ExpectedDiagnostics = { Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(Message) },
        }.RunAsync();

    [Fact]
    public Task Forward_is_not_reported_when_the_same_method_calls_ComputeMask() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output, bool[] mask)
                {
                    layer.Forward(ids, output);
                    layer.ComputeMask(ids, mask);
                }
            }
            """);

    [Fact]
    public Task Mask_computed_for_another_layer_does_not_excuse_a_mask_less_Forward() =>
        Verify.VerifyAsync(
            Layers + """
            [EmbeddingLayer(InputDim = 50, OutputDim = 8, MaskZero = true)]
            public partial class OtherPadded;

            public static class Model
            {
                public static void Run(Padded layer, OtherPadded other, int[] ids, float[] output, bool[] mask)
                {
                    {|#0:layer.Forward(ids, output)|};
                    other.ComputeMask(ids, mask);
                }
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(Message));

    [Fact]
    public Task Forward_with_a_mask_argument_is_not_reported() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output)
                {
                    bool[] mask = new bool[ids.Length];
                    layer.Forward(ids, output, mask);
                }
            }
            """);

    [Fact]
    public Task Mask_less_Forward_on_a_layer_without_MaskZero_is_not_reported() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static void Run(Unpadded layer, int[] ids, float[] output, int[,] batch)
                {
                    layer.Forward(ids, output);
                    _ = layer.Forward(batch);
                }
            }
            """);
}
