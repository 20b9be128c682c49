using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>EMB003 (error): <c>InputLength</c>, when given, must be greater than 0.</summary>
public sealed class Emb003InputLengthTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public Task InputLength_given_as_0_or_less_is_reported_at_the_argument_with_the_value_in_the_message(int inputLength) =>
        Verify.VerifyAsync(
            $$"""
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4, {|#0:InputLength = {{inputLength}}|})]
            public partial class Bad;
            """,
            Verify.Diagnostic("EMB003").WithLocation(0).WithArguments(
                $"InputLength must be greater than 0 when it is given, but is {inputLength}; leave it unset for sequences of any length"));

    [Fact]
    public Task InputLength_left_unset_or_positive_is_not_reported() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class AnyLength;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = 1)]
            public partial class OneToken;
            """);
}
