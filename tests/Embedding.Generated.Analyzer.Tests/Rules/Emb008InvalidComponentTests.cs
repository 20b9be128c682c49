using System.Threading.Tasks;
using Xunit;
using Verify = Embedding.Generated.Analyzer.Tests.Infrastructure.AnalyzerVerifier<Embedding.Generated.Generator.Diagnostics.ComponentArgumentAnalyzer>;

namespace Embedding.Generated.Analyzer.Tests.Rules;

/// <summary>EMB008 (error): a constant argument that the runtime component would reject when it runs.</summary>
public sealed class Emb008InvalidComponentTests
{
    [Fact]
    public Task A_negative_L2_coefficient_is_reported_at_the_argument() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated.Regularizers;

            public static class Model
            {
                public static object Create() => new L2({|#0:-0.5f|});
            }
            """,
            Verify.Diagnostic("EMB008").WithLocation(0).WithArguments("L2: l2 must be a finite number of 0 or more, but is -0.5"));

    [Fact]
    public Task RandomUniform_with_minval_above_maxval_is_reported_at_minval() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated.Initializers;

            public static class Model
            {
                public static object Create() => new RandomUniform({|#0:0.5|}, -0.5);
            }
            """,
            Verify.Diagnostic("EMB008").WithLocation(0)
                .WithArguments("RandomUniform: minval must not exceed maxval, but minval is 0.5 and maxval is -0.5"));

    [Fact]
    public Task An_Adam_beta1_of_1_is_reported_by_name() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated.Optimizers;

            public static class Model
            {
                public static object Create() => new Adam({|#0:beta1: 1.0|});
            }
            """,
            Verify.Diagnostic("EMB008").WithLocation(0).WithArguments("Adam: beta1 must be a number in [0, 1), but is 1.0"));

    [Fact]
    public Task An_SGD_momentum_above_1_is_reported_and_1_itself_is_not() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated.Optimizers;

            public static class Model
            {
                public static object[] Create() => [new Sgd(momentum: 1.0), new Sgd({|#0:momentum: 1.5|})];
            }
            """,
            Verify.Diagnostic("EMB008").WithLocation(0).WithArguments("Sgd: momentum must be a number in [0, 1], but is 1.5"));

    [Fact]
    public Task An_axis_of_2_is_reported() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated.Constraints;

            public static class Model
            {
                public static object Create() => new UnitNorm({|#0:axis: 2|});
            }
            """,
            Verify.Diagnostic("EMB008").WithLocation(0)
                .WithArguments("UnitNorm: axis must be 0 (columns, across the vocabulary), 1 or -1 (each token's vector), but is 2"));

    [Fact]
    public Task Valid_constants_and_non_constant_arguments_are_not_reported() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated.Constraints;
            using Embedding.Generated.Initializers;
            using Embedding.Generated.Optimizers;
            using Embedding.Generated.Regularizers;

            public static class Model
            {
                public static object[] Create(float l2) =>
                [
                    new L2(l2),
                    new L1L2(0.01f, 0f),
                    new RandomUniform(-0.05, 0.05),
                    new Adam(beta1: 0.9, beta2: 0.999),
                    new RmsProp(rho: 0.9, epsilon: 1e-7),
                    new MinMaxNorm(0f, 1f, rate: 0.5f, axis: 1),
                    new GlorotUniform(),
                ];
            }
            """);

    [Fact]
    public Task A_float_literal_is_printed_as_written_not_widened_to_double() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated.Optimizers;
            using Embedding.Generated.Regularizers;

            public static class Model
            {
                public static object[] Create() => [new L1({|#0:-0.01f|}), new Sgd(momentum: 0.5, {|#1:learningRate: -1e-3F|})];
            }
            """,
            Verify.Diagnostic("EMB008").WithLocation(0).WithArguments("L1: l1 must be a finite number of 0 or more, but is -0.01"),
            Verify.Diagnostic("EMB008").WithLocation(1).WithArguments("Sgd: learningRate must be a finite number of 0 or more, but is -1e-3"));

    [Fact]
    public Task A_named_float_constant_given_to_a_double_parameter_is_printed_as_a_float() =>
        Verify.VerifyAsync(
            """
            using Embedding.Generated.Constraints;
            using Embedding.Generated.Optimizers;

            public static class Model
            {
                private const float Momentum = 1.1f;
                private const float Low = 0.7f;
                private const float High = 0.3f;

                public static object[] Create() => [new Sgd({|#0:momentum: Momentum|}), new MinMaxNorm({|#1:Low|}, High, axis: 1)];
            }
            """,
            Verify.Diagnostic("EMB008").WithLocation(0).WithArguments("Sgd: momentum must be a number in [0, 1], but is 1.1"),
            Verify.Diagnostic("EMB008").WithLocation(1)
                .WithArguments("MinMaxNorm: minValue must not exceed maxValue, but minValue is 0.7 and maxValue is 0.3"));
}
