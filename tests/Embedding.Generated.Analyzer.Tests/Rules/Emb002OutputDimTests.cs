using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>EMB002 (error): <c>OutputDim</c>, the vector length, must be given and not negative.</summary>
public sealed class Emb002OutputDimTests
{
    [Fact]
    public Task Negative_OutputDim_is_reported_at_the_argument_with_the_value_in_the_message() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, {|#0:OutputDim = -1|})]
            public partial class Bad;
            """,
            Verify.Diagnostic("EMB002").WithLocation(0).WithArguments("OutputDim must be 0 or more, but is -1"));

    [Fact]
    public Task Missing_OutputDim_is_reported_at_the_attribute_name() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [{|#0:EmbeddingLayer|}(InputDim = 10)]
            public partial class Bad;
            """,
            Verify.Diagnostic("EMB002").WithLocation(0)
                .WithArguments("OutputDim must be set to the length of each vector (0 or more), but it is not set"));

    [Fact]
    public Task An_attribute_without_arguments_reports_both_missing_dimensions_at_its_name() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [{|#0:EmbeddingLayer|}]
            public partial class Bad;
            """,
            Verify.Diagnostic("EMB001").WithLocation(0)
                .WithArguments("InputDim must be greater than 0 (the vocabulary size, largest id + 1), but it is not set"),
            Verify.Diagnostic("EMB002").WithLocation(0)
                .WithArguments("OutputDim must be set to the length of each vector (0 or more), but it is not set"));

    [Fact]
    public Task OutputDim_1_and_more_is_not_reported() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 1)]
            public partial class Scalars;

            [EmbeddingLayer(InputDim = 10, OutputDim = 300)]
            public partial class Wide;
            """);
}
