using System.Threading.Tasks;
using Embedding.Generated.Analyzer.Tests.Infrastructure;
using Embedding.Generated.Generator;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// One validation, two users: where the analyzer reports an error, the generator emits nothing (and reports nothing),
/// so the user sees the analyzer's explanation instead of compiler errors in generated code.
/// </summary>
public sealed class InvalidLayersGenerateNothingTests
{
    public static TheoryData<string, string> ErrorDeclarations { get; } = new()
    {
        { "EMB001", "[EmbeddingLayer(InputDim = 0, OutputDim = 8)] public partial class Layer;" },
        { "EMB001", "[EmbeddingLayer(OutputDim = 8)] public partial class Layer;" },
        { "EMB002", "[EmbeddingLayer(InputDim = 10, OutputDim = -1)] public partial class Layer;" },
        { "EMB002", "[EmbeddingLayer(InputDim = 10)] public partial class Layer;" },
        { "EMB003", "[EmbeddingLayer(InputDim = 10, OutputDim = 8, InputLength = 0)] public partial class Layer;" },
        { "EMB004", "[EmbeddingLayer(InputDim = 10, OutputDim = 8)] public class Layer;" },
        { "EMB004", "[EmbeddingLayer(InputDim = 10, OutputDim = 8)] public partial class Layer<T>;" },
        { "EMB004", "public class Outer { [EmbeddingLayer(InputDim = 10, OutputDim = 8)] public partial class Layer; }" },
        { "EMB009", "[EmbeddingLayer(InputDim = 46341, OutputDim = 46341)] public partial class Layer;" },
    };

    [Theory]
    [MemberData(nameof(ErrorDeclarations))]
    public Task Generator_emits_nothing_for_a_layer_with_an_error(string id, string declaration)
    {
        var test = new CSharpSourceGeneratorTest<EmbeddingGenerator, DefaultVerifier>
        {
            // No expected generated sources: the harness fails if the generator adds any.
            TestCode = $"// The analyzer reports {id} here.\nusing Embedding.Generated;\n\n{declaration}\n",
        };
        TestReferences.MakeHermetic(test);
        return test.RunAsync();
    }
}
