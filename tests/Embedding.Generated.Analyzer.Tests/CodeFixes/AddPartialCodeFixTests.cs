using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.CodeFixVerifier<
    Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer,
    Embedding.Generated.CodeFixes.AddPartialCodeFixProvider>;

namespace Embedding.Generated.Analyzer.Tests.CodeFixes;

/// <summary>
/// EMB004's fix: "Add 'partial'" to the layer class and to every type around it that lacks it. Until then the generated
/// part merges with each type that lacks it, and the compiler says so once per type (CS0260).
/// </summary>
public sealed class AddPartialCodeFixTests
{
    [Fact]
    public Task Adds_partial_to_a_plain_class() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public class {|EMB004:{|CS0260:Plain|}|};
            """,
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class Plain;
            """);

    [Fact]
    public Task Adds_partial_after_the_other_modifiers() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public sealed class {|EMB004:{|CS0260:Sealed|}|}
            {
            }
            """,
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public sealed partial class Sealed
            {
            }
            """);

    [Fact]
    public Task Adds_partial_before_class_when_there_are_no_modifiers() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            namespace App
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                class {|EMB004:{|CS0260:Internal|}|};
            }
            """,
            """
            using Embedding.Generated;

            namespace App
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                partial class Internal;
            }
            """);

    [Fact]
    public Task Adds_partial_to_the_nested_class_and_to_the_class_around_it() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            public class {|CS0260:Model|}
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public class {|EMB004:{|CS0260:Tokens|}|};
            }
            """,
            """
            using Embedding.Generated;

            public partial class Model
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class Tokens;
            }
            """);

    [Fact]
    public Task Is_not_offered_for_a_generic_class_that_is_already_partial() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class {|EMB004:Generic|}<T>;
            """,
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class {|EMB004:Generic|}<T>;
            """);

    [Fact]
    public Task Is_not_offered_for_a_record_which_partial_cannot_make_valid() =>
        // EMB004 says "'Token' is a record"; adding 'partial' leaves exactly that diagnostic in place.
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public record {|EMB004:Token|};
            """,
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public record {|EMB004:Token|};
            """);

    [Fact]
    public Task Fix_All_makes_every_layer_partial_and_their_shared_outer_class_once_leaving_what_partial_cannot_fix() =>
        Verify.VerifyFixAllAsync(
            [
                """
                using Embedding.Generated;

                public class {|CS0260:Model|}
                {
                    [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                    public class {|EMB004:{|CS0260:Encoder|}|};

                    [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                    public sealed class {|EMB004:{|CS0260:Decoder|}|};
                }

                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class {|EMB004:Generic|}<T>;
                """,
                """
                using Embedding.Generated;

                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                class {|EMB004:{|CS0260:Plain|}|};
                """,
            ],
            [
                """
                using Embedding.Generated;

                public partial class Model
                {
                    [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                    public partial class Encoder;

                    [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                    public sealed partial class Decoder;
                }

                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class {|EMB004:Generic|}<T>;
                """,
                """
                using Embedding.Generated;

                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                partial class Plain;
                """,
            ]);
}
