using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// EMB013 (error): a member the layer class declares under the name of a member the generator adds (whatever the
/// layer's arguments) clashes with it or joins its overloads. Reported at the member's name, naming it and the layer.
/// </summary>
public sealed class Emb013MemberNameTakenTests
{
    [Fact]
    public Task Method_named_Forward_is_reported_at_its_name_naming_the_member_and_the_layer() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class WordEmbedding
            {
                public void {|#0:Forward|}(string text) { }
            }
            """,
            Verify.Diagnostic("EMB013").WithLocation(0).WithArguments(Message("Forward", "WordEmbedding")));

    [Theory]
    [InlineData("public float[] {|#0:Weights|} = [];", "Weights")]
    [InlineData("public int Other, {|#0:InputDim|};", "InputDim")]
    [InlineData("private int {|#0:_embeddingWeights|};", "_embeddingWeights")]
    [InlineData("public struct {|#0:Sequence|} { }", "Sequence")]
    [InlineData("private struct {|#0:WordEmbeddingShape|} { }", "WordEmbeddingShape")]
    [InlineData("public event System.Action? {|#0:ComputeMask|};", "ComputeMask")]
    public Task Field_type_or_event_named_like_a_generated_member_is_reported_at_its_name(string member, string name)
    {
        // The compiler reports the clash in the generated part as well (CS0102); only the analyzer's diagnostics are checked.
        var test = new Verify.Test
        {
            TestCode = $$"""
                using Embedding.Generated;

                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class WordEmbedding
                {
                    {{member}}
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("EMB013").WithLocation(0).WithArguments(Message(name, "WordEmbedding")));
        return test.RunAsync();
    }

    [Fact]
    public Task Member_in_another_part_of_the_layer_is_reported_there() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4, MaskZero = true)]
            public partial class Padded;

            public partial class Padded
            {
                public int {|#0:Backward|}(int step) => step;
            }
            """,
            Verify.Diagnostic("EMB013").WithLocation(0).WithArguments(Message("Backward", "Padded")));

    [Fact]
    public Task Reserved_name_is_reported_even_where_these_arguments_generate_no_member_of_it() =>
        // Without MaskZero there is no ComputeMask; the name stays reserved, so that setting MaskZero never breaks the class.
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class Plain
            {
                public void {|#0:ComputeMask|}() { }
            }
            """,
            Verify.Diagnostic("EMB013").WithLocation(0).WithArguments(Message("ComputeMask", "Plain")));

    [Fact]
    public Task Other_names_constructors_explicit_implementations_and_classes_without_the_attribute_are_not_reported() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            public interface IStep { void Forward(); }

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class Layer : IStep
            {
                public Layer(string name) : this() { }
                public void forward() { }
                public void Predict() { }
                void IStep.Forward() { }
                public int this[int id] => id;
            }

            public class NotALayer
            {
                public void Forward() { }
                public float[] Weights = [];
            }
            """);

    [Fact]
    public Task Type_that_gets_no_generated_members_draws_EMB004_and_no_EMB013() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class {|#0:GenericLayer|}<T>
            {
                public void Forward() { }
            }
            """,
            Verify.Diagnostic("EMB004").WithLocation(0).WithArguments("'GenericLayer' is generic; the generator needs a non-generic partial class"));

    private static string Message(string member, string layer) =>
        $"'{member}' is declared in layer '{layer}', but the generator adds a member named '{member}' to every [EmbeddingLayer] class; rename this member";
}
