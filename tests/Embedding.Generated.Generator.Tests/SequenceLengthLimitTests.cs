using System.Linq;
using Embedding.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Embedding.Generated.Generator.Tests;

/// <summary>
/// EMB012: past 16,383 ids a <c>Sequence</c> cannot be an array element (TypeLoadException), so the generator emits none;
/// the rest of the layer is generated, so that code using it compiles and the build shows EMB012 alone.
/// </summary>
public sealed class SequenceLengthLimitTests
{
    private const string Usage = """
        /// <summary>Code that uses the layer.</summary>
        public static class Use
        {
            /// <summary>A forward pass.</summary>
            public static float[,,] Embed(int[,] ids) => new LongLayer(seed: 1).Forward(ids);

            /// <summary>The layer's length.</summary>
            public static int Length => LongLayer.InputLength;
        }
        """;

    [Theory]
    [InlineData(16384)]
    [InlineData(1000000)]
    public void Layer_with_an_InputLength_past_the_longest_Sequence_has_no_Sequence_and_compiles(int inputLength)
    {
        GeneratorRun run = GeneratorHarness.Run(Declaration(inputLength) + Usage);

        string generated = run.SourceText("LongLayer.g.cs");
        Assert.DoesNotContain("struct Sequence", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("ReadOnlySpan<Sequence>", generated, System.StringComparison.Ordinal);
        Assert.Contains($"public const int InputLength = {inputLength};", generated, System.StringComparison.Ordinal);
        Assert.Contains("\"EMB012\"", generated, System.StringComparison.Ordinal);
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Layer_with_the_longest_InputLength_has_a_Sequence()
    {
        GeneratorRun run = GeneratorHarness.Run(Declaration(16383) + Usage + """
            /// <summary>Code that uses the layer's Sequence.</summary>
            public static class UseSequence
            {
                /// <summary>An array of sequences.</summary>
                public static LongLayer.Sequence[] Two => new LongLayer.Sequence[2];
            }
            """);

        string generated = run.SourceText("LongLayer.g.cs");
        Assert.Contains("public struct Sequence", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("ThrowInvalidDeclaration", generated, System.StringComparison.Ordinal);
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation);
    }

    private static string Declaration(int inputLength) => $$"""
        using Embedding.Generated;

        /// <summary>A layer with long sequences.</summary>
        [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = {{inputLength}})]
        public partial class LongLayer;

        """;
}
