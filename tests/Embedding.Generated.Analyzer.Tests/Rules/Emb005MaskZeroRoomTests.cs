using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// EMB005 (warning): with <c>MaskZero</c>, id 0 is padding, so <c>InputDim</c> must be the vocabulary size + 1; at 1
/// no real token fits.
/// </summary>
public sealed class Emb005MaskZeroRoomTests
{
    [Fact]
    public Task MaskZero_with_InputDim_1_is_reported_at_InputDim() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer({|#0:InputDim = 1|}, OutputDim = 4, MaskZero = true)]
            public partial class OnlyPadding;
            """,
            Verify.Diagnostic("EMB005").WithLocation(0).WithArguments(
                "MaskZero reserves id 0 for padding, so InputDim must be the vocabulary size + 1 and at least 2, but is 1: no real token fits"));

    [Fact]
    public Task MaskZero_with_room_for_a_token_or_InputDim_1_without_MaskZero_is_not_reported() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 2, OutputDim = 4, MaskZero = true)]
            public partial class OneToken;

            [EmbeddingLayer(InputDim = 1, OutputDim = 4)]
            public partial class OneRow;

            [EmbeddingLayer(InputDim = 1, OutputDim = 4, MaskZero = false)]
            public partial class OneRowExplicitlyUnmasked;
            """);
}
