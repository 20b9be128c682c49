using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// EMB009 (error): the <c>InputDim x OutputDim</c> table must fit in one .NET array (<c>Array.MaxLength</c> =
/// 2147483591 elements).
/// </summary>
public sealed class Emb009WeightCountTests
{
    [Fact]
    public Task A_table_one_row_past_the_array_limit_is_reported_at_OutputDim_with_the_weight_count() =>
        // 46341 x 46341 = 2147488281, the smallest square past the limit.
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 46341, {|#0:OutputDim = 46341|})]
            public partial class TooLarge;
            """,
            Verify.Diagnostic("EMB009").WithLocation(0).WithArguments(
                "InputDim x OutputDim = 2147488281 weights exceed the 2147483591 floats one .NET array can hold; use a smaller InputDim or OutputDim"));

    [Fact]
    public Task A_product_that_overflows_int_is_reported_with_its_true_value() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 2147483647, {|#0:OutputDim = 2|})]
            public partial class Overflowing;
            """,
            Verify.Diagnostic("EMB009").WithLocation(0).WithArguments(
                "InputDim x OutputDim = 4294967294 weights exceed the 2147483591 floats one .NET array can hold; use a smaller InputDim or OutputDim"));

    [Fact]
    public Task A_table_just_under_the_array_limit_is_not_reported() =>
        // 46340 x 46341 = 2147441940 <= 2147483591.
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 46340, OutputDim = 46341)]
            public partial class Large;
            """);
}
