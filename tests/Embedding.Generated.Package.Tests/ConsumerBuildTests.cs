using System;
using System.Linq;
using System.Threading.Tasks;
using Embedding.Generated.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Embedding.Generated.Package.Tests;

/// <summary>
/// Proof at the user's end: a project outside this repository, referencing the runtime and the generator as a user's
/// project does, built with the real <c>dotnet build</c>. The diagnostics must appear in the build output with the
/// file, line and column an IDE and a CI log show; a valid layer must build without warnings and run.
/// </summary>
/// <remarks>
/// Both tests build the same referenced projects; xunit runs the tests of one class one after the other, so the two
/// builds never write the shared obj/ folders at the same time.
/// </remarks>
public sealed class ConsumerBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Invalid_InputDim_fails_the_build_with_EMB001_at_its_line_and_column_and_no_compiler_error()
    {
        const string Program = """
            using Embedding.Generated;

            System.Console.WriteLine("never built");

            [EmbeddingLayer(InputDim = 0, OutputDim = 8)]
            public partial class Bad;

            static class Uses
            {
                static float[,,] Run(int[,] ids) => new Bad(seed: 1).Forward(ids);

                static int Width => Bad.OutputDim + Bad.InputDim;
            }
            """;
        (int line, int column) = PositionOf(Program, "InputDim = 0");
        Assert.Equal((5, 17), (line, column));

        using var consumer = ConsumerProject.Create(Program);
        CommandResult build = await consumer.BuildAsync();
        Report("dotnet build (invalid layer)", build);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(
            $"Program.cs({line},{column}): error EMB001: InputDim must be greater than 0 (the vocabulary size, largest id + 1), but is 0",
            build.Output,
            StringComparison.Ordinal);

        // The uses of the layer bind to the generator's stand-in, so the log holds EMB001 alone.
        Assert.DoesNotMatch(@"error CS\d{4}", build.Output);
    }

    [Fact]
    public async Task Valid_layer_builds_without_warnings_and_runs()
    {
        // Weights 0, 1, 2, ... so that row r is (3r, 3r + 1, 3r + 2) and the output can be checked by eye.
        const string Program = """
            using System;
            using System.Linq;
            using Embedding.Generated;

            float[] weights = Enumerable.Range(0, Tiny.InputDim * Tiny.OutputDim).Select(i => (float)i).ToArray();
            var layer = new Tiny(weights);

            int[] ids = [2, 0, 4];
            float[] output = new float[ids.Length * Tiny.OutputDim];
            bool[] mask = new bool[ids.Length];
            layer.Forward(ids, output, mask);

            Console.WriteLine("output: " + string.Join(" ", output));
            Console.WriteLine("mask: " + string.Join(" ", mask));

            [EmbeddingLayer(InputDim = 5, OutputDim = 3, MaskZero = true)]
            public partial class Tiny;
            """;

        using var consumer = ConsumerProject.Create(Program);
        CommandResult run = await consumer.RunAsync();
        Report("dotnet run (valid layer)", run);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("output: 6 7 8 0 1 2 12 13 14\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("mask: True False True\n", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line and column of <paramref name="text"/> in <paramref name="source"/>, as the compiler prints them.</summary>
    private static (int Line, int Column) PositionOf(string source, string text)
    {
        string normalized = source.ReplaceLineEndings("\n");
        int index = normalized.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' is not in the source.");
        int lineStart = normalized.LastIndexOf('\n', index) + 1;
        return (normalized[..index].Count(character => character == '\n') + 1, index - lineStart + 1);
    }

    private void Report(string what, CommandResult result) =>
        output.WriteLine($"{what}: exit code {result.ExitCode} after {result.Elapsed.TotalSeconds:F1} s\n{result.Output}");
}
