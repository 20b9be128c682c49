using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.CodeFixVerifier<
    Embedding.Generated.Generator.Diagnostics.LayerUsageAnalyzer,
    Embedding.Generated.CodeFixes.PassMaskCodeFixProvider>;

namespace Embedding.Generated.Analyzer.Tests.CodeFixes;

/// <summary>
/// EMB006's fix: <c>layer.Forward(ids, output)</c> becomes <c>layer.Forward(ids, output, mask)</c> with a new
/// <c>bool[] mask</c> declared just before, named so that it clashes with nothing in scope.
/// </summary>
/// <remarks>
/// The fix ends the new line with CRLF whatever the file uses, so the tests of what it writes use CRLF files (as
/// Windows editors save them); <see cref="Keeps_the_LF_line_endings_of_the_file"/> covers LF files.
/// </remarks>
public sealed class PassMaskCodeFixTests
{
    private const string Layer = """
        using System;
        using Embedding.Generated;

        [EmbeddingLayer(InputDim = 100, OutputDim = 8, MaskZero = true, InputLength = 4)]
        public partial class Padded;

        """;

    [Fact]
    public Task Declares_a_mask_and_passes_it_to_Forward() =>
        VerifyCrlfAsync(
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output)
                {
                    {|EMB006:layer.Forward(ids, output)|};
                }
            }
            """,
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output)
                {
                    bool[] mask = new bool[ids.Length];
                    layer.Forward(ids, output, mask);
                }
            }
            """);

    [Fact]
    public Task Names_the_mask_mask2_when_mask_is_taken() =>
        VerifyCrlfAsync(
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output, string mask)
                {
                    {|EMB006:layer.Forward(ids, output)|};
                    Console.WriteLine(mask);
                }
            }
            """,
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output, string mask)
                {
                    bool[] mask2 = new bool[ids.Length];
                    layer.Forward(ids, output, mask2);
                    Console.WriteLine(mask);
                }
            }
            """);

    [Fact]
    public Task Avoids_a_local_named_mask_declared_later_in_the_block() =>
        VerifyCrlfAsync(
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output)
                {
                    {|EMB006:layer.Forward(ids, output)|};
                    string mask = "later";
                    Console.WriteLine(mask);
                }
            }
            """,
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output)
                {
                    bool[] mask2 = new bool[ids.Length];
                    layer.Forward(ids, output, mask2);
                    string mask = "later";
                    Console.WriteLine(mask);
                }
            }
            """);

    [Fact]
    public Task Keeps_the_LF_line_endings_of_the_file() =>
        Verify.VerifyAsync(
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output)
                {
                    {|EMB006:layer.Forward(ids, output)|};
                }
            }
            """,
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, int[] ids, float[] output)
                {
                    bool[] mask = new bool[ids.Length];
                    layer.Forward(ids, output, mask);
                }
            }
            """);

    [Fact]
    public Task Is_not_offered_when_the_ids_expression_would_run_twice() =>
        Verify.VerifyAsync(
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, float[] output)
                {
                    {|EMB006:layer.Forward(ReadIds(), output)|};
                }

                private static int[] ReadIds() => new int[4];
            }
            """,
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, float[] output)
                {
                    {|EMB006:layer.Forward(ReadIds(), output)|};
                }

                private static int[] ReadIds() => new int[4];
            }
            """);

    [Fact]
    public Task Declares_a_two_dimensional_mask_for_the_two_dimensional_Forward() =>
        // Forward(int[,], float[,,]) has the mask form Forward(int[,], float[,,], bool[,]).
        Verify.VerifyAsync(
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, int[,] ids, float[,,] output)
                {
                    {|EMB006:layer.Forward(ids, output)|};
                }
            }
            """,
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, int[,] ids, float[,,] output)
                {
                    bool[,] mask = new bool[ids.GetLength(0), ids.GetLength(1)];
                    layer.Forward(ids, output, mask);
                }
            }
            """);

    [Fact]
    public Task Is_not_offered_for_the_Sequence_Forward_which_has_no_mask_overload() =>
        // Forward(ReadOnlySpan<Sequence>, Span<float>) has no mask form, and sequences.Length counts sequences, not ids.
        Verify.VerifyAsync(
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, Padded.Sequence[] sequences, float[] output)
                {
                    {|EMB006:layer.Forward(sequences, output)|};
                }
            }
            """,
            Layer + """
            public static class Model
            {
                public static void Run(Padded layer, Padded.Sequence[] sequences, float[] output)
                {
                    {|EMB006:layer.Forward(sequences, output)|};
                }
            }
            """);

    private static Task VerifyCrlfAsync(string source, string fixedSource) =>
        Verify.VerifyAsync(ToCrlf(source), ToCrlf(fixedSource));

    private static string ToCrlf(string text) => text.ReplaceLineEndings("\r\n");

    [Fact]
    public Task Fix_All_gives_each_Forward_its_own_mask_in_every_document() =>
        Verify.VerifyFixAllAsync(
            [
                ToCrlf(Layer + """
                    public static class Model
                    {
                        public static void Run(Padded encoder, Padded decoder, int[] ids, float[] output)
                        {
                            {|EMB006:encoder.Forward(ids, output)|};
                            {|EMB006:decoder.Forward(ids, output)|};
                        }
                    }
                    """),
                ToCrlf("""
                    public static class Other
                    {
                        public static void Run(Padded layer, int[] ids, float[] output)
                        {
                            {|EMB006:layer.Forward(ids, output)|};
                        }
                    }
                    """),
            ],
            [
                ToCrlf(Layer + """
                    public static class Model
                    {
                        public static void Run(Padded encoder, Padded decoder, int[] ids, float[] output)
                        {
                            bool[] mask = new bool[ids.Length];
                            encoder.Forward(ids, output, mask);
                            bool[] mask2 = new bool[ids.Length];
                            decoder.Forward(ids, output, mask2);
                        }
                    }
                    """),
                ToCrlf("""
                    public static class Other
                    {
                        public static void Run(Padded layer, int[] ids, float[] output)
                        {
                            bool[] mask = new bool[ids.Length];
                            layer.Forward(ids, output, mask);
                        }
                    }
                    """),
            ]);
}
