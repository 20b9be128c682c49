using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerUsageAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// EMB006 (warning): a MaskZero layer's forward pass whose padding mask nothing computes, the .NET form of Keras's
/// <c>Flatten</c> after <c>mask_zero=True</c>. Reported at the call, unless the same method computes the mask on the same
/// layer instance (the same local, parameter, field or property path, or <c>this</c>).
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

    private static string MessageFor(string instance) =>
        $"'Padded' has MaskZero = true, but this Forward call discards the padding mask and nothing in this method computes it for '{instance}'; " +
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
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("layer")));

    [Fact]
    public Task Forward_of_a_batch_array_on_a_MaskZero_layer_is_reported_too() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static float[,,] Run(Padded layer, int[,] ids) => {|#0:layer.Forward(ids)|};
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("layer")));

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
            ExpectedDiagnostics = { Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("layer")) },
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
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("layer")));

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

    [Fact]
    public Task Mask_computed_on_one_variable_excuses_its_own_Forward_but_not_another_variables() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static void Run(int[] ids, float[] output, bool[] mask)
                {
                    var first = new Padded(seed: 1);
                    var second = new Padded(seed: 2);
                    first.ComputeMask(ids, mask);
                    first.Forward(ids, output);
                    {|#0:second.Forward(ids, output)|};
                }
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("second")));

    [Fact]
    public Task Mask_computed_by_a_mask_returning_Forward_on_a_parameter_excuses_its_mask_less_Forward() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static void Run(Padded layer, Padded other, int[] ids, float[] output, bool[] mask)
                {
                    layer.Forward(ids, output, mask);
                    layer.Forward(ids, output);
                    {|#0:other.Forward(ids, output)|};
                }
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("other")));

    [Fact]
    public Task A_field_read_with_and_without_this_is_one_instance_and_another_field_is_not() =>
        Verify.VerifyAsync(
            Layers + """
            public sealed class Model
            {
                private readonly Padded _encoder = new(seed: 1);
                private readonly Padded _decoder = new(seed: 2);

                public void Run(int[] ids, float[] output, bool[] mask)
                {
                    this._encoder.ComputeMask(ids, mask);
                    _encoder.Forward(ids, output);
                    {|#0:_decoder.Forward(ids, output)|};
                }
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("_decoder")));

    [Fact]
    public Task The_same_property_of_two_objects_is_two_instances() =>
        Verify.VerifyAsync(
            Layers + """
            public sealed class Holder
            {
                public Padded Layer { get; } = new(seed: 1);
            }

            public static class Model
            {
                public static void Run(Holder a, Holder b, int[] ids, float[] output, bool[] mask)
                {
                    a.Layer.ComputeMask(ids, mask);
                    a.Layer.Forward(ids, output);
                    {|#0:b.Layer.Forward(ids, output)|};
                }
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("b.Layer")));

    [Fact]
    public Task A_static_property_is_one_instance_wherever_it_is_read() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Shared
            {
                public static Padded Layer { get; } = new(seed: 1);
            }

            public static class Model
            {
                public static void Run(int[] ids, float[] output, bool[] mask)
                {
                    Shared.Layer.ComputeMask(ids, mask);
                    Shared.Layer.Forward(ids, output);
                }

                public static void RunWithoutMask(int[] ids, float[] output) => {|#0:Shared.Layer.Forward(ids, output)|};
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("Shared.Layer")));

    [Fact]
    public Task A_layer_calling_its_own_Forward_is_excused_by_its_own_ComputeMask_only() =>
        Verify.VerifyAsync(
            Layers + """
            public partial class Padded
            {
                public void Masked(int[] ids, float[] output, bool[] mask)
                {
                    ComputeMask(ids, mask);
                    Forward(ids, output);
                }

                public void MaskedOnAnother(Padded other, int[] ids, float[] output, bool[] mask)
                {
                    other.ComputeMask(ids, mask);
                    {|#0:this.Forward(ids, output)|};
                    {|#1:Forward(ids, output)|};
                }
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("this")),
            Verify.Diagnostic("EMB006").WithLocation(1).WithArguments(MessageFor("this")));

    [Fact]
    public Task A_receiver_that_names_no_instance_is_excused_by_any_mask_computed_for_its_layer_type() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static void Run(Padded layer, Padded[] layers, int[] ids, float[] output, bool[] mask)
                {
                    layer.ComputeMask(ids, mask);
                    layers[0].Forward(ids, output);
                    Create().Forward(ids, output);
                }

                private static Padded Create() => new(seed: 1);
            }
            """);

    [Fact]
    public Task A_mask_computed_on_a_receiver_that_names_no_instance_excuses_every_Forward_of_its_layer_type() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static void Run(Padded layer, Padded[] layers, int[] ids, float[] output, bool[] mask)
                {
                    layers[0].ComputeMask(ids, mask);
                    layer.Forward(ids, output);
                }
            }
            """);

    [Fact]
    public Task A_receiver_that_names_no_instance_is_reported_when_nothing_computes_a_mask_for_its_layer_type() =>
        Verify.VerifyAsync(
            Layers + """
            public static class Model
            {
                public static void Run(Padded[] layers, int[] ids, float[] output) => {|#0:layers[0].Forward(ids, output)|};
            }
            """,
            Verify.Diagnostic("EMB006").WithLocation(0).WithArguments(MessageFor("layers[0]")));
}
