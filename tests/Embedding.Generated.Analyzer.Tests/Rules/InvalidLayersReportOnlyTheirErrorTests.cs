using System.Linq;
using System.Threading.Tasks;
using Embedding.Generated.Analyzer.Tests.Infrastructure;
using Embedding.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// An invalid <c>[EmbeddingLayer]</c> gives its EMBxxx and nothing else: the generator emits a stand-in with every
/// member of the nearest valid layer, so code that constructs and calls the layer still binds, and the build log holds
/// the declaration's error alone, not one compiler error per use. A class that lacks <c>partial</c> cannot take members
/// without the compiler saying so once (CS0260), at the declaration EMB004 points at.
/// </summary>
public sealed class InvalidLayersReportOnlyTheirErrorTests
{
    /// <summary>Uses of every kind of member: constructors, constants, each Forward form, the interface.</summary>
    private const string Uses = """

        internal static class Uses
        {
            public static float[,,] Run(int[,] ids)
            {
                var layer = new LAYER(seed: 1);
                var seeded = new LAYER(new Embedding.Generated.Initializers.Zeros(), seed: 2);
                var output = new float[ids.GetLength(0), LAYER.InputLength, LAYER.OutputDim];
                layer.Forward(ids, output);
                layer.Backward(new int[1], new float[LAYER.OutputDim], layer.CreateDenseGradient().Span);
                layer.Weights.Clear();
                IEmbeddingLayer general = seeded;
                _ = (long)LAYER.InputDim + LAYER.WeightCount + general.OutputDim + layer.GetRow(0).Length;
                return layer.Forward(ids);
            }
        }

        """;

    private const string SequenceUses = """

        internal static class SequenceUses
        {
            public static void Run(float[] output)
            {
                var layer = new LAYER(seed: 3);
                LAYER.Sequence sequence = LAYER.Sequence.From(new int[LAYER.InputLength]);
                layer.Forward(new[] { sequence }, output);
            }
        }

        """;

    public static TheoryData<string, string, string[]> Declarations { get; } = new()
    {
        { "[EmbeddingLayer({|#0:InputDim = 0|}, OutputDim = 8, InputLength = 4)] public partial class Layer;", "Layer", ["EMB001"] },
        { "[{|#0:EmbeddingLayer|}(OutputDim = 8, InputLength = 4)] public partial class Layer;", "Layer", ["EMB001"] },
        { "[EmbeddingLayer(InputDim = 10, {|#0:OutputDim = -1|}, InputLength = 4)] public partial class Layer;", "Layer", ["EMB002"] },
        { "[{|#0:EmbeddingLayer|}(InputDim = 10, InputLength = 4)] public partial class Layer;", "Layer", ["EMB002"] },
        { "[{|#0:EmbeddingLayer|}(InputLength = 4)] public partial class Layer;", "Layer", ["EMB001", "EMB002"] },
        { "[EmbeddingLayer(InputDim = 10, OutputDim = 8, {|#0:InputLength = 0|})] public partial class Layer;", "Layer", ["EMB003"] },
        { "[EmbeddingLayer(InputDim = 46341, {|#0:OutputDim = 46341|}, InputLength = 4)] public partial class Layer;", "Layer", ["EMB009"] },
        { "[EmbeddingLayer(InputDim = 10, OutputDim = 8, InputLength = 4)] public class {|#0:Layer|};", "Layer", ["EMB004", "CS0260"] },
        { "[EmbeddingLayer({|#1:InputDim = 0|}, OutputDim = 8, InputLength = 4)] public class {|#0:Layer|};", "Layer", ["EMB004", "EMB001", "CS0260"] },
        { "internal class {|#1:Outer|} { [EmbeddingLayer(InputDim = 10, OutputDim = 8, InputLength = 4)] public partial class {|#0:Layer|}; }", "Outer.Layer", ["EMB004", "CS0260"] },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public Task Layer_with_an_error_used_everywhere_draws_only_its_error(string declaration, string layer, string[] expectedIds)
    {
        string source = "using Embedding.Generated;\n\n" + declaration + "\n" + (Uses + SequenceUses).Replace("LAYER", layer);
        return VerifyOnlyAsync(source, expectedIds);
    }

    [Fact]
    public Task Layer_whose_InputLength_is_too_long_for_a_Sequence_draws_only_EMB012_where_Sequence_is_not_used() =>
        VerifyOnlyAsync(
            "using Embedding.Generated;\n\n[EmbeddingLayer(InputDim = 10, OutputDim = 8, {|#0:InputLength = 20000|})] public partial class Layer;\n" + Uses.Replace("LAYER", "Layer"),
            ["EMB012"]);

    /// <summary>
    /// Fails unless the compilation (user code and generated code) and the analyzer report exactly
    /// <paramref name="expectedIds"/>, as errors, the <c>i</c>-th at markup location <c>#i</c> (or <c>#0</c> when the code
    /// has no <c>#i</c>), compiler warnings included. Messages are the rule tests' concern.
    /// </summary>
    private static Task VerifyOnlyAsync(string source, string[] expectedIds)
    {
        var test = new AnalyzerVerifier<LayerAttributeAnalyzer>.Test
        {
            TestCode = source,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        // The harness compares in the order of the reported diagnostics: by position, then by ID.
        test.ExpectedDiagnostics.AddRange(expectedIds
            .Select((id, i) => (Id: id, Location: source.Contains("{|#" + i + ":", System.StringComparison.Ordinal) ? i : 0))
            .OrderBy(expected => source.IndexOf("{|#" + expected.Location + ":", System.StringComparison.Ordinal))
            .ThenBy(expected => expected.Id, System.StringComparer.Ordinal)
            .Select(expected => new DiagnosticResult(expected.Id, DiagnosticSeverity.Error).WithLocation(expected.Location)));
        return test.RunAsync();
    }
}
