using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerUsageAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// EMB007 (error): an id known at compile time, passed to a layer, must lie in <c>[0, InputDim)</c>; at run time it
/// would throw. Reported at the constant itself, wherever it sits in the argument.
/// </summary>
public sealed class Emb007ConstantIdTests
{
    private const string Layer = """
        using System;
        using Embedding.Generated;

        [EmbeddingLayer(InputDim = 1000, OutputDim = 4, InputLength = 3)]
        public partial class WordEmbedding;

        """;

    private static string Message(int id) =>
        $"Id {id} is outside the valid range [0, 1000) of layer 'WordEmbedding': ids must be at least 0 and less than InputDim = 1000";

    private static Task VerifyBodyAsync(string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.VerifyAsync(
            Layer + $$"""
            public static class Model
            {
                public static void Run(WordEmbedding layer, float[] output, int id)
                {
                    {{body}}
                }
            }
            """,
            expected);

    [Fact]
    public Task GetRow_with_InputDim_is_reported_at_the_id() =>
        VerifyBodyAsync(
            "layer.GetRow({|#0:1000|});",
            Verify.Diagnostic("EMB007").WithLocation(0).WithArguments(Message(1000)));

    [Fact]
    public Task GetRow_with_a_named_constant_is_reported_at_the_name() =>
        VerifyBodyAsync(
            "const int Unknown = 1000; layer.GetRow({|#0:Unknown|});",
            Verify.Diagnostic("EMB007").WithLocation(0).WithArguments(Message(1000)));

    [Fact]
    public Task GetRow_with_a_ushort_constant_is_reported() =>
        // Token ids are often stored as ushort; the implicit widening to int keeps the constant.
        VerifyBodyAsync(
            "const ushort Unknown = 1000; layer.GetRow({|#0:Unknown|});",
            Verify.Diagnostic("EMB007").WithLocation(0).WithArguments(Message(1000)));

    [Fact]
    public Task Array_initializer_element_is_reported_at_the_element() =>
        VerifyBodyAsync(
            "layer.Forward(new[] { 1, {|#0:1000|}, 2 }, output);",
            Verify.Diagnostic("EMB007").WithLocation(0).WithArguments(Message(1000)));

    [Fact]
    public Task Negative_element_of_a_collection_expression_is_reported() =>
        VerifyBodyAsync(
            "layer.Forward([1, {|#0:-1|}, 2], output);",
            Verify.Diagnostic("EMB007").WithLocation(0).WithArguments(Message(-1)));

    [Fact]
    public Task Element_of_a_two_dimensional_array_initializer_is_reported() =>
        VerifyBodyAsync(
            "_ = layer.Forward(new int[,] { { 1, 2, 3 }, { 4, {|#0:1000|}, 6 } });",
            Verify.Diagnostic("EMB007").WithLocation(0).WithArguments(Message(1000)));

    [Fact]
    public Task Element_of_a_stackalloc_initializer_is_reported() =>
        VerifyBodyAsync(
            """
            layer.Forward(stackalloc int[] { 1, {|#0:1000|}, 2 }, output);
                    layer.Forward(stackalloc[] { {|#1:-3|}, 4, 5 }, output);
                    layer.Forward(stackalloc int[3] { 6, 7, {|#2:1234|} }, output);
            """,
            Verify.Diagnostic("EMB007").WithLocation(0).WithArguments(Message(1000)),
            Verify.Diagnostic("EMB007").WithLocation(1).WithArguments(Message(-3)),
            Verify.Diagnostic("EMB007").WithLocation(2).WithArguments(Message(1234)));

    [Fact]
    public Task Sequence_constructor_argument_is_reported() =>
        VerifyBodyAsync(
            "var sequence = new WordEmbedding.Sequence(4, {|#0:1000|}, {|#1:-2|});",
            Verify.Diagnostic("EMB007").WithLocation(0).WithArguments(Message(1000)),
            Verify.Diagnostic("EMB007").WithLocation(1).WithArguments(Message(-2)));

    [Fact]
    public Task Sequence_From_collection_expression_element_is_reported() =>
        VerifyBodyAsync(
            "var sequence = WordEmbedding.Sequence.From([4, {|#0:1000|}, 7]);",
            Verify.Diagnostic("EMB007").WithLocation(0).WithArguments(Message(1000)));

    [Fact]
    public Task Backward_ids_are_checked_too() =>
        VerifyBodyAsync(
            "layer.Backward(new[] { {|#0:1001|} }, new float[4], new float[4000]);",
            Verify.Diagnostic("EMB007").WithLocation(0).WithArguments(Message(1001)));

    [Fact]
    public Task Constants_in_range_are_not_reported() =>
        VerifyBodyAsync(
            """
            layer.GetRow(0);
                    layer.GetRow(999);
                    layer.Forward(new[] { 0, 999, 500 }, output);
                    layer.Forward([0, 1, 999], output);
                    layer.Forward(stackalloc int[] { 0, 999, 1 }, output);
                    layer.Forward(stackalloc int[3], output);
                    _ = layer.Forward(new int[,] { { 0, 1, 2 }, { 997, 998, 999 } });
                    var sequence = new WordEmbedding.Sequence(0, 1, 999);
                    var copy = WordEmbedding.Sequence.From([999, 0, 1]);
            """);

    [Fact]
    public Task Ids_that_are_not_constants_are_not_reported() =>
        VerifyBodyAsync(
            """
            layer.GetRow(id);
                    layer.GetRow(id + 1000);
                    layer.Forward(new[] { id, id * 2, 3 }, output);
                    layer.Forward([id, 5, 6], output);
                    layer.Forward(stackalloc[] { id, id + 1000, 2 }, output);
                    var sequence = new WordEmbedding.Sequence(id, id, id);
            """);
}
