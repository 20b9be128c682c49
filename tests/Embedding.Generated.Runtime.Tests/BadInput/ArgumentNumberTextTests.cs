using System;
using System.Globalization;
using Embedding.Generated.Constraints;
using Embedding.Generated.Initializers;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.BadInput;

/// <summary>
/// A refused numeric argument is printed as the caller wrote it: a float as the float it is (never widened to double,
/// which prints -0.01f as -0.009999999776482582), in the invariant culture whatever the thread's culture.
/// </summary>
public sealed class ArgumentNumberTextTests
{
    // The values below are not constants to the analyzer, so EMB008 does not stop this file from compiling.
    private static readonly float MinusOneHundredth = -0.01f;

    [Fact]
    public void A_negative_L1_coefficient_is_printed_as_written()
    {
        Assert.Equal("l1 must be a finite number of 0 or more, but is -0.01.", Sentence(() => new L1(MinusOneHundredth)));
    }

    [Fact]
    public void A_negative_float_learning_rate_is_printed_as_written_not_widened()
    {
        Assert.Equal("LearningRate must be a finite number of 0 or more, but is -0.01.", Sentence(() => new Sgd(MinusOneHundredth)));
        Assert.Equal("LearningRate must be a finite number of 0 or more, but is -0.01.", Sentence(() => new Adam(learningRate: 0.001f) { LearningRate = MinusOneHundredth }));
    }

    [Fact]
    public void A_negative_max_norm_is_printed_as_written()
    {
        Assert.Equal("maxValue must be a finite number of 0 or more, but is -0.01.", Sentence(() => new MaxNorm(MinusOneHundredth, axis: 1)));
    }

    [Fact]
    public void Bounds_in_the_wrong_order_are_printed_in_the_invariant_culture_whatever_the_threads_culture()
    {
        float minValue = 0.7f, maxValue = 0.3f;
        double minval = 0.5, maxval = -0.5;
        CultureInfo original = CultureInfo.CurrentCulture;
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NegativeSign = "\u2212";
        try
        {
            CultureInfo.CurrentCulture = culture;

            Assert.Equal(
                "minval must not exceed maxval, but minval is 0.5 and maxval is -0.5.",
                Sentence(() => new RandomUniform(minval, maxval)));
            Assert.Equal(
                "minValue must not exceed maxValue, but minValue is 0.7 and maxValue is 0.3.",
                Sentence(() => new MinMaxNorm(minValue, maxValue, axis: 1)));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    /// <summary>The component's own sentence: the framework appends the parameter name and the actual value.</summary>
    private static string Sentence(Func<object> create)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(create);
        return exception.Message[..exception.Message.IndexOf(" (Parameter", StringComparison.Ordinal)];
    }
}
