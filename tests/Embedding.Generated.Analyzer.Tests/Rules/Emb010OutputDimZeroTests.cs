using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>EMB010 (warning): <c>OutputDim = 0</c> is legal, as in Keras, but every vector is empty.</summary>
public sealed class Emb010OutputDimZeroTests
{
    [Fact]
    public Task OutputDim_0_is_reported_at_the_argument_as_a_warning_and_not_as_EMB002() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, {|#0:OutputDim = 0|})]
            public partial class Empty;
            """,
            Verify.Diagnostic("EMB010").WithLocation(0)
                .WithArguments("OutputDim is 0, so every vector is empty; use OutputDim greater than 0 unless this is deliberate"));

    [Fact]
    public Task OutputDim_1_is_not_reported() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 1)]
            public partial class Scalars;
            """);
}
