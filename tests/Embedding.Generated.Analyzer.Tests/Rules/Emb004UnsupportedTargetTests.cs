using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// EMB004 (error): the generator adds members to the annotated type, so it must be a non-generic partial class, and
/// every type around it partial. Reported at the annotated type's name, what "add partial" changes.
/// </summary>
public sealed class Emb004UnsupportedTargetTests
{
    [Fact]
    public Task Class_without_partial_is_reported_at_its_name() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public class {|#0:Plain|};
            """,
            Verify.Diagnostic("EMB004").WithLocation(0)
                .WithArguments("'Plain' must be declared partial so that the generator can add the layer's members"),
            // The generated part merges with the class all the same; the compiler says once that it lacks 'partial'.
            DiagnosticResult.CompilerError("CS0260").WithLocation(0));

    [Theory]
    [InlineData("Forward")]
    [InlineData("Weights")]
    [InlineData("GetRow")]
    [InlineData("ApplySparseStep")]
    [InlineData("_embeddingWeights")]
    [InlineData("WeightCount")]
    public Task Class_named_like_a_generated_member_is_reported(string name) =>
        Verify.VerifyAsync(
            $$"""
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class {|#0:{{name}}|};
            """,
            Verify.Diagnostic("EMB004").WithLocation(0)
                .WithArguments($"'{name}' is the name of a member the generator adds to the layer; give the class another name"));

    [Fact]
    public Task Generic_class_is_reported_with_its_name() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class {|#0:Generic|}<T>;
            """,
            Verify.Diagnostic("EMB004").WithLocation(0)
                .WithArguments("'Generic' is generic; the generator needs a non-generic partial class"));

    [Fact]
    public Task Record_is_reported_as_a_record() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial record {|#0:Token|};
            """,
            Verify.Diagnostic("EMB004").WithLocation(0)
                .WithArguments("'Token' is a record; [EmbeddingLayer] needs a partial class"));

    [Fact]
    public Task Static_class_is_reported_as_static() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public static partial class {|#0:Holder|};
            """,
            Verify.Diagnostic("EMB004").WithLocation(0)
                .WithArguments("'Holder' is static; a layer holds weights, so it must be a non-static partial class"));

    [Fact]
    public Task File_local_class_is_reported_because_the_generated_part_lives_in_another_file() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            file partial class {|#0:Local|};
            """,
            Verify.Diagnostic("EMB004").WithLocation(0)
                .WithArguments("'Local' is file-local; the generated part lives in another file, so remove 'file'"));

    [Fact]
    public Task Struct_is_reported_as_a_struct_beside_the_compilers_attribute_target_error() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [{|CS0592:EmbeddingLayer|}(InputDim = 10, OutputDim = 4)]
            public partial struct {|#0:Token|};
            """,
            Verify.Diagnostic("EMB004").WithLocation(0)
                .WithArguments("'Token' is a struct; [EmbeddingLayer] needs a partial class"));

    [Fact]
    public Task Partial_class_nested_in_a_non_partial_class_is_reported_naming_the_outer_class() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            public class {|#1:Model|}
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class {|#0:Tokens|};
            }
            """,
            DiagnosticResult.CompilerError("CS0260").WithLocation(1),
            Verify.Diagnostic("EMB004").WithLocation(0)
                .WithArguments("'Tokens' is nested in 'Model', which must be declared partial too"));

    [Fact]
    public Task Class_nested_in_a_generic_class_is_reported_naming_the_outer_class() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            public partial class Model<T>
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class {|#0:Tokens|};
            }
            """,
            Verify.Diagnostic("EMB004").WithLocation(0)
                .WithArguments("'Tokens' is nested in generic type 'Model'; the generator needs non-generic containing types"));

    [Fact]
    public Task Class_nested_in_an_interface_is_reported_naming_the_interface() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            public partial interface IModel
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class {|#0:Tokens|};
            }
            """,
            Verify.Diagnostic("EMB004").WithLocation(0)
                .WithArguments("'Tokens' is nested in interface 'IModel'; the generator supports nesting in classes, structs and records"));

    [Fact]
    public Task Partial_classes_at_top_level_or_nested_in_partial_classes_structs_and_records_are_not_reported() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public sealed partial class TopLevel;

            public partial class InClass
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class Tokens;
            }

            public partial struct InStruct
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                internal partial class Tokens;
            }

            public partial record InRecord
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                private partial class Tokens;
            }

            namespace Deep.Namespace
            {
                public partial class Outer
                {
                    public partial class Middle
                    {
                        [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                        public partial class Tokens;
                    }
                }
            }
            """);
}
