using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.CodeFixVerifier<
    Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer,
    Embedding.Generated.CodeFixes.MaskZeroRoomCodeFixProvider>;

namespace Embedding.Generated.Analyzer.Tests.CodeFixes;

/// <summary>
/// EMB005's two fixes: give padding its own row (<c>InputDim + 1</c>), offered first, or drop <c>MaskZero</c>.
/// </summary>
public sealed class MaskZeroRoomCodeFixTests
{
    private const string AddPaddingRow = "Add a row for padding (InputDim + 1)";
    private const string RemoveMaskZero = "Remove MaskZero";

    [Fact]
    public Task First_fix_turns_InputDim_1_into_2() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer({|EMB005:InputDim = 1|}, OutputDim = 4, MaskZero = true)]
            public partial class OnlyPadding;
            """,
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 2, OutputDim = 4, MaskZero = true)]
            public partial class OnlyPadding;
            """,
            AddPaddingRow,
            index: 0);

    [Fact]
    public Task First_fix_adds_one_to_a_named_constant() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer({|EMB005:InputDim = Vocabulary.Size|}, OutputDim = 4, MaskZero = true)]
            public partial class OnlyPadding;

            public static class Vocabulary
            {
                public const int Size = 1;
            }
            """,
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = Vocabulary.Size + 1, OutputDim = 4, MaskZero = true)]
            public partial class OnlyPadding;

            public static class Vocabulary
            {
                public const int Size = 1;
            }
            """,
            AddPaddingRow,
            index: 0);

    [Fact]
    public Task Second_fix_removes_MaskZero() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer({|EMB005:InputDim = 1|}, OutputDim = 4, MaskZero = true)]
            public partial class OnlyPadding;
            """,
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 1, OutputDim = 4)]
            public partial class OnlyPadding;
            """,
            RemoveMaskZero,
            index: 1);

    [Fact]
    public Task Second_fix_removes_MaskZero_between_other_arguments() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer({|EMB005:InputDim = 1|}, MaskZero = true, OutputDim = 4)]
            public partial class OnlyPadding;
            """,
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 1, OutputDim = 4)]
            public partial class OnlyPadding;
            """,
            RemoveMaskZero,
            index: 1);

    /// <summary>Two documents, three MaskZero layers whose InputDim leaves no room for a real token.</summary>
    private static readonly string[] UndersizedLayers =
    [
        """
        using Embedding.Generated;

        [EmbeddingLayer({|EMB005:InputDim = 1|}, OutputDim = 4, MaskZero = true)]
        public partial class First;

        [EmbeddingLayer({|EMB005:InputDim = 0 + 1|}, OutputDim = 4, MaskZero = true)]
        public partial class Second;
        """,
        """
        using Embedding.Generated;

        [EmbeddingLayer({|EMB005:InputDim = 1|}, OutputDim = 8, MaskZero = true)]
        public partial class Third;
        """,
    ];

    [Fact]
    public Task Fix_All_adds_a_padding_row_to_every_layer_in_every_document() =>
        Verify.VerifyFixAllAsync(
            UndersizedLayers,
            [
                """
                using Embedding.Generated;

                [EmbeddingLayer(InputDim = 2, OutputDim = 4, MaskZero = true)]
                public partial class First;

                [EmbeddingLayer(InputDim = 0 + 1 + 1, OutputDim = 4, MaskZero = true)]
                public partial class Second;
                """,
                """
                using Embedding.Generated;

                [EmbeddingLayer(InputDim = 2, OutputDim = 8, MaskZero = true)]
                public partial class Third;
                """,
            ],
            AddPaddingRow);

    [Fact]
    public Task Fix_All_removes_MaskZero_from_every_layer_in_every_document() =>
        Verify.VerifyFixAllAsync(
            UndersizedLayers,
            [
                """
                using Embedding.Generated;

                [EmbeddingLayer(InputDim = 1, OutputDim = 4)]
                public partial class First;

                [EmbeddingLayer(InputDim = 0 + 1, OutputDim = 4)]
                public partial class Second;
                """,
                """
                using Embedding.Generated;

                [EmbeddingLayer(InputDim = 1, OutputDim = 8)]
                public partial class Third;
                """,
            ],
            RemoveMaskZero);
}
