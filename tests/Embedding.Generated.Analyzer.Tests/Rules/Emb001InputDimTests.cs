using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>EMB001 (error): <c>InputDim</c>, the vocabulary size, must be greater than 0.</summary>
public sealed class Emb001InputDimTests
{
    [Fact]
    public Task InputDim_0_is_reported_at_the_argument_with_the_value_in_the_message() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer({|#0:InputDim = 0|}, OutputDim = 8)]
            public partial class Bad;
            """,
            Verify.Diagnostic("EMB001").WithLocation(0)
                .WithArguments("InputDim must be greater than 0 (the vocabulary size, largest id + 1), but is 0"));

    [Fact]
    public Task Negative_InputDim_is_reported_with_its_value() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer({|#0:InputDim = -3|}, OutputDim = 8)]
            public partial class Bad;
            """,
            Verify.Diagnostic("EMB001").WithLocation(0)
                .WithArguments("InputDim must be greater than 0 (the vocabulary size, largest id + 1), but is -3"));

    [Fact]
    public Task Missing_InputDim_is_reported_at_the_attribute_name() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [{|#0:EmbeddingLayer|}(OutputDim = 8)]
            public partial class Bad;
            """,
            Verify.Diagnostic("EMB001").WithLocation(0)
                .WithArguments("InputDim must be greater than 0 (the vocabulary size, largest id + 1), but it is not set"));

    [Fact]
    public Task InputDim_1_and_more_is_not_reported() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 1, OutputDim = 8)]
            public partial class Smallest;

            [EmbeddingLayer(InputDim = 1000, OutputDim = 64, InputLength = 10)]
            public partial class WordEmbedding;
            """);
}
