using System.Linq;
using Embedding.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Embedding.Generated.Generator.Tests;

/// <summary>
/// A layer class that declares a member under a generated member's name (EMB013, from the analyzer) still gets the
/// whole layer, as written (not a stand-in: its arguments are valid): code that uses the layer's other members keeps
/// compiling, and the compiler adds errors only where the two members of one name meet.
/// </summary>
public sealed class MemberNameTakenTests
{
    private const string Uses = """
        public static class Uses
        {
            public static int Run()
            {
                var layer = new Samples.WordEmbedding(seed: 1);
                float[,,] output = layer.Forward(new int[2, 3]);
                layer.Backward(new int[6], new float[24], layer.CreateDenseGradient().Span);
                return output.Length + layer.GetRow(0).Length + Samples.WordEmbedding.WeightCount;
            }
        }
        """;

    [Fact]
    public void Layer_with_a_Forward_overload_of_its_own_gets_every_generated_member_and_compiles()
    {
        GeneratorRun run = GeneratorHarness.Run(Layer("public void Forward(string text) { }"), Uses);

        Assert.DoesNotContain("A stand-in", run.SourceText("Samples.WordEmbedding.g.cs"));
        // CS1591: the test's own public members have no XML docs.
        CompilationAssert.NoErrorsOrWarnings(run.OutputCompilation, "CS1591");
    }

    [Fact]
    public void Layer_with_a_field_named_Weights_draws_compiler_errors_only_where_the_two_Weights_meet()
    {
        GeneratorRun run = GeneratorHarness.Run(Layer("public float[] Weights = [];"), Uses + "\nstatic class WeightUse { static int Length(Samples.WordEmbedding layer) => layer.Weights.Length; }");

        Diagnostic[] errors = [.. run.OutputCompilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)];

        // CS0102 once, at the generated property; CS0229 (ambiguity) at the use of Weights; nothing at the other uses.
        Assert.Equal(["CS0102", "CS0229"], errors.Select(error => error.Id).Order().ToArray());
        Assert.All(errors, error => Assert.Contains("Weights'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Layer(string member) => $$"""
        using Embedding.Generated;
        namespace Samples;
        [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = 3)]
        public partial class WordEmbedding
        {
            {{member}}
        }
        """;
}
