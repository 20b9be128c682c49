using System.Collections.Generic;
using System.Linq;
using Embedding.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Generator.Tests;

/// <summary>
/// The generator never throws on odd user code: for a declaration it cannot generate, it emits nothing or a stand-in,
/// and leaves the explaining to the analyzer. A valid layer in the same compilation is still generated,
/// which proves the run itself worked.
/// </summary>
public sealed class OddCodeTests
{
    private const string ValidLayer = """
        namespace Companion
        {
            [Embedding.Generated.EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class ValidLayer;
        }
        """;

    private const string ValidLayerHintName = "Companion.ValidLayer.g.cs";

    /// <summary>Each case declares one odd <c>[EmbeddingLayer]</c> type in namespace <c>Odd</c>.</summary>
    private static readonly Dictionary<string, string> Cases = new()
    {
        ["generic class"] = """
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class GenericLayer<T>;
            """,
        ["struct"] = """
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial struct StructLayer;
            """,
        ["record"] = """
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial record RecordLayer;
            """,
        ["record class"] = """
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial record class RecordClassLayer;
            """,
        ["static class"] = """
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public static partial class StaticLayer;
            """,
        ["file-local class"] = """
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            file partial class FileLocalLayer;
            """,
        ["class with a primary constructor"] = """
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class PrimaryConstructorLayer(string name)
            {
                public string Name => name;
            }
            """,
        ["nested in a generic class"] = """
            public partial class Outer<T>
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class Inner;
            }
            """,
        ["nested in an interface"] = """
            public partial interface IOuter
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class Inner;
            }
            """,
        ["non-constant argument"] = """
            public static class Sizes
            {
                public static int Vocabulary = 10;
            }

            [EmbeddingLayer(InputDim = Sizes.Vocabulary, OutputDim = 4)]
            public partial class NonConstantLayer;
            """,
        ["argument of the wrong type"] = """
            [EmbeddingLayer(InputDim = "ten", OutputDim = 4)]
            public partial class WrongTypeLayer;
            """,
        ["attribute applied twice"] = """
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            [EmbeddingLayer(InputDim = 20, OutputDim = 8)]
            public partial class TwiceLayer;
            """,
        ["attribute on two parts, same arguments"] = """
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class TwoPartsLayer;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class TwoPartsLayer;
            """,
        ["attribute on two parts, different arguments"] = """
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class TwoPartsDifferentLayer;

            [EmbeddingLayer(InputDim = 20, OutputDim = 8)]
            public partial class TwoPartsDifferentLayer;
            """,
        ["constant expression that overflows"] = """
            [EmbeddingLayer(InputDim = 65536 * 65536, OutputDim = 4)]
            public partial class OverflowingConstantLayer;
            """,
    };

    /// <summary>
    /// Declarations whose error the analyzer reports on a class that can take members: the generator emits a stand-in
    /// layer (nearest valid dimensions, constructors that throw), so that uses of the layer bind and the build shows the
    /// analyzer's error alone. A class that lacks only <c>partial</c> merges with the generated part, and the compiler
    /// says so once (CS0260).
    /// </summary>
    private static readonly Dictionary<string, (string Source, string[] CompilerErrors)> StandInCases = new()
    {
        ["non-partial class"] = ("""
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public class NonPartialLayer;
            """, ["CS0260"]),
        ["one declaration without partial"] = ("""
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class HalfPartialLayer;

            public class HalfPartialLayer { }
            """, ["CS0260"]),
        ["nested in a non-partial class"] = ("""
            public class Outer
            {
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class Inner;
            }
            """, ["CS0260"]),
        ["missing InputDim"] = ("""
            [EmbeddingLayer(OutputDim = 4)]
            public partial class NoInputDimLayer;
            """, []),
        ["missing OutputDim"] = ("""
            [EmbeddingLayer(InputDim = 10)]
            public partial class NoOutputDimLayer;
            """, []),
        ["no arguments"] = ("""
            [EmbeddingLayer]
            public partial class BareLayer;
            """, []),
        ["negative OutputDim"] = ("""
            [EmbeddingLayer(InputDim = 10, OutputDim = -1)]
            public partial class NegativeOutputDimLayer;
            """, []),
        ["negative InputDim"] = ("""
            [EmbeddingLayer(InputDim = -10, OutputDim = 4)]
            public partial class NegativeInputDimLayer;
            """, []),
        ["InputDim = 0"] = ("""
            [EmbeddingLayer(InputDim = 0, OutputDim = 4)]
            public partial class ZeroInputDimLayer;
            """, []),
        ["InputLength = 0"] = ("""
            [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = 0)]
            public partial class ZeroInputLengthLayer;
            """, []),
        ["negative InputLength"] = ("""
            [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = -3)]
            public partial class NegativeInputLengthLayer;
            """, []),
        ["InputDim x OutputDim overflows int"] = ("""
            [EmbeddingLayer(InputDim = 65536, OutputDim = 32768)]
            public partial class OverflowingLayer;
            """, []),
        ["InputDim x OutputDim above the largest .NET array"] = ("""
            [EmbeddingLayer(InputDim = 1, OutputDim = 2147483600)]
            public partial class TooLargeLayer;
            """, []),
        ["InputLength longer than a Sequence can be"] = ("""
            [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = 1000000)]
            public partial class VeryLongSequenceLayer;
            """, []),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    public static TheoryData<string> StandInCaseNames => [.. StandInCases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Odd_declaration_generates_nothing_and_does_not_throw(string caseName)
    {
        GeneratorRun run = GeneratorHarness.Run(InNamespaceOdd(Cases[caseName]), ValidLayer);

        Assert.Equal([ValidLayerHintName], run.HintNames);
        Assert.Empty(run.Result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(StandInCaseNames))]
    public void Declaration_with_a_reported_error_generates_a_stand_in_that_adds_no_compiler_error(string caseName)
    {
        (string declaration, string[] compilerErrors) = StandInCases[caseName];

        GeneratorRun run = GeneratorHarness.Run(InNamespaceOdd(declaration), ValidLayer);

        Assert.Equal(2, run.HintNames.Length);
        Assert.Contains(ValidLayerHintName, run.HintNames);
        Assert.Empty(run.Result.Diagnostics);
        string standIn = run.Sources.Single(source => source.HintName != ValidLayerHintName).SourceText.ToString();
        Assert.Contains("ThrowInvalidDeclaration(", standIn, System.StringComparison.Ordinal);
        string[] errors = [.. run.OutputCompilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(diagnostic => diagnostic.Id)];
        Assert.Equal(compilerErrors, errors);
    }

    [Fact]
    public void Valid_layer_with_the_widest_row_compiles()
    {
        // One row of Array.MaxLength floats: its byte count does not fit in an int, so it must not be a constant the
        // generated code computes (CS0220).
        GeneratorRun run = GeneratorHarness.Run("""
            /// <summary>The widest layer.</summary>
            [Embedding.Generated.EmbeddingLayer(InputDim = 1, OutputDim = 2147483591)]
            public partial class WidestLayer;
            """);

        Assert.Equal(["WidestLayer.g.cs"], run.HintNames);
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation);
    }

    private static string InNamespaceOdd(string declarations) =>
        "using Embedding.Generated;\n\nnamespace Odd\n{\n" + declarations + "\n}\n";

    [Theory]
    [InlineData("""
        namespace Samples
        {
            /// <summary>One layer.</summary>
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class WordEmbedding;

            /// <summary>Another layer, whose name differs only in case (legal: C# names are case-sensitive).</summary>
            [EmbeddingLayer(InputDim = 20, OutputDim = 8)]
            public partial class wordEmbedding;
        }
        """)]
    [InlineData("""
        namespace Samples.text
        {
            /// <summary>A layer in namespace Samples.text.</summary>
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class TextEmbedding;
        }

        namespace Samples
        {
            /// <summary>A class whose full name differs from that namespace only in case.</summary>
            public partial class Text
            {
                /// <summary>A layer nested in Samples.Text.</summary>
                [EmbeddingLayer(InputDim = 20, OutputDim = 8)]
                public partial class TextEmbedding;
            }
        }
        """)]
    public void Layers_whose_full_names_differ_only_in_case_are_both_generated(string source)
    {
        // Roslyn compares hint names ignoring case (they become file names), so two hint names that differ only in
        // case collide: AddSource throws and the compiler drops every generated file of the project (CS8785).
        GeneratorRun run = GeneratorHarness.Run("using Embedding.Generated;\n\n" + source);

        Assert.Equal(2, run.HintNames.Length);
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation);
    }

    [Fact]
    public void Layer_named_like_the_private_shape_struct_compiles()
    {
        // The shape struct is an implementation detail of the generated class; it must not take a name the user may use.
        GeneratorRun run = GeneratorHarness.Run("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>A layer whose name happens to be that of a generated private helper.</summary>
            [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
            public partial class Shape;
            """);

        Assert.Equal(["Samples.Shape.g.cs"], run.HintNames);
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation);
    }

    [Fact]
    public void OutputDim_0_generates_a_layer_that_compiles_cleanly()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>Empty vectors, as Keras allows.</summary>
            [EmbeddingLayer(InputDim = 10, OutputDim = 0)]
            public partial class EmptyVectors;
            """);

        Assert.Equal(["Samples.EmptyVectors.g.cs"], run.HintNames);
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation);
    }

    [Fact]
    public void MaskZero_with_InputDim_1_is_only_a_warning_so_the_layer_is_generated()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>Only the padding id: legal, but the analyzer warns (EMB005).</summary>
            [EmbeddingLayer(InputDim = 1, OutputDim = 4, MaskZero = true)]
            public partial class PaddingOnly;
            """);

        Assert.Equal(["Samples.PaddingOnly.g.cs"], run.HintNames);
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation);
    }

    [Fact]
    public void Class_named_with_a_keyword_is_generated_with_the_escape()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using Embedding.Generated;

            namespace @event.Models;

            /// <summary>A layer whose name is a C# keyword.</summary>
            [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = 2)]
            public partial class @class;
            """);

        Assert.Equal(["event.Models.class.g.cs"], run.HintNames);
        string generated = run.SourceText("event.Models.class.g.cs");
        Assert.Contains("namespace @event.Models", generated);
        Assert.Contains("partial class @class : global::Embedding.Generated.IEmbeddingLayer", generated);
        Assert.Contains("public @class(int seed)", generated);
        // CS8981: the user chose an all-lowercase type name; that warning is about their code, not ours.
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation, "CS8981");
    }

    [Fact]
    public void Attribute_through_a_using_alias_generates()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using Layer = Embedding.Generated.EmbeddingLayerAttribute;

            namespace Samples;

            /// <summary>The attribute under another name.</summary>
            [Layer(InputDim = 10, OutputDim = 4)]
            public partial class AliasedLayer;
            """);

        Assert.Equal(["Samples.AliasedLayer.g.cs"], run.HintNames);
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation);
    }

    [Fact]
    public void Layer_nested_in_a_static_partial_class_compiles()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using Embedding.Generated;

            namespace Samples;

            /// <summary>A static holder of layer types.</summary>
            public static partial class Layers
            {
                /// <summary>A layer in a static class.</summary>
                [EmbeddingLayer(InputDim = 10, OutputDim = 4)]
                public partial class Inner;
            }
            """);

        Assert.Equal(["Samples.Layers.Inner.g.cs"], run.HintNames);
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation);
    }

    [Fact]
    public void Layer_under_CSharp_11_omits_the_Sequence_type_and_compiles()
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11);
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(parseOptions, """
            using Embedding.Generated;

            namespace Samples;

            /// <summary>InlineArray needs C# 12, so there is no Sequence type.</summary>
            [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = 3)]
            public partial class OlderLanguageLayer { }
            """));

        Assert.DoesNotContain("struct Sequence", run.SourceText("Samples.OlderLanguageLayer.g.cs"));
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation);
    }
}
