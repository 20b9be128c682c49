using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.ComponentArgumentAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>
/// EMB011 (warning): a norm constraint left on Keras's default axis 0, which normalises each column across the
/// vocabulary instead of each token's vector.
/// </summary>
public sealed class Emb011ConstraintAxisTests
{
    [Theory]
    [InlineData("MaxNorm", "2f")]
    [InlineData("UnitNorm", "")]
    [InlineData("MinMaxNorm", "0f, 1f")]
    public Task A_norm_constraint_without_an_axis_is_reported_at_its_creation(string constraint, string arguments) =>
        Verify.VerifyAsync(
            $$"""
            using Embedding.Generated.Constraints;

            public static class Model
            {
                public static object Create() => {|#0:new {{constraint}}({{arguments}})|};
            }
            """,
            Verify.Diagnostic("EMB011").WithLocation(0).WithArguments(
                $"{constraint} without an axis uses Keras's default axis 0, which normalises each column across the whole vocabulary, not each token's vector; pass axis: 1 for per-token norms, or axis: 0 if columns are meant"));

    [Fact]
    public Task A_stated_axis_either_one_is_not_reported_and_NonNeg_has_no_axis() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated.Constraints;

            public static class Model
            {
                public static object[] Create() =>
                [
                    new MaxNorm(2f, axis: 1),
                    new MaxNorm(2f, 0),
                    new UnitNorm(axis: -1),
                    new MinMaxNorm(0f, 1f, 1f, 1),
                    new NonNeg(),
                ];
            }
            """);
}
