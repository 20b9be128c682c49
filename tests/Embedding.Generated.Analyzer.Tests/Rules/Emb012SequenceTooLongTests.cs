using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.LayerAttributeAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// EMB012 (error): a layer's <c>Sequence</c> holds InputLength ids inline, and .NET makes no array of a struct larger
/// than 65,535 bytes, so InputLength can be at most 16,383. Reported at the <c>InputLength</c> argument.
/// </summary>
public sealed class Emb012SequenceTooLongTests
{
    [Theory]
    [InlineData(16384)]
    [InlineData(1000000)]
    [InlineData(int.MaxValue)]
    public Task InputLength_past_the_longest_Sequence_is_reported_at_the_argument_with_the_value_in_the_message(int inputLength) =>
        Verify.VerifyAsync(
            $$"""
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4, {|#0:InputLength = {{inputLength}}|})]
            public partial class Long;
            """,
            Verify.Diagnostic("EMB012").WithLocation(0).WithArguments(
                $"InputLength is {inputLength}, but a Sequence holds at most 16383 ids: .NET cannot make an array of a struct larger than 65535 bytes; use InputLength 16383 or less, or leave it unset and pass ids as spans or int[,]"));

    [Fact]
    public Task InputLength_of_16383_is_not_reported() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated;

            [EmbeddingLayer(InputDim = 10, OutputDim = 4, InputLength = 16383)]
            public partial class Longest;
            """);
}
