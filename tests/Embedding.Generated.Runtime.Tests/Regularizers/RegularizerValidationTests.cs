using System;
using System.Globalization;
using Embedding.Generated.Regularizers;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Regularizers;

/// <summary>
/// Coefficients as Keras 3 accepts them: a negative, NaN or infinite coefficient is refused (Keras raises
/// <c>ValueError</c>), and the defaults are Keras 3's: <c>L1L2()</c> is 0 and 0, <c>L1()</c> and <c>L2()</c> are 0.01.
/// </summary>
public sealed class RegularizerValidationTests
{
    public static TheoryData<float> BadCoefficients => new() { -1f, -1e-30f, float.NaN, float.PositiveInfinity, float.NegativeInfinity };

    [Theory]
    [MemberData(nameof(BadCoefficients))]
    public void L1L2_refuses_a_bad_l1_and_names_the_value(float l1)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new L1L2(l1: l1));

        AssertNamesArgumentAndValue(exception, "l1", l1);
    }

    [Theory]
    [MemberData(nameof(BadCoefficients))]
    public void L1L2_refuses_a_bad_l2_and_names_the_value(float l2)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new L1L2(l2: l2));

        AssertNamesArgumentAndValue(exception, "l2", l2);
    }

    [Theory]
    [MemberData(nameof(BadCoefficients))]
    public void L1_and_L2_refuse_a_bad_coefficient_and_name_the_value(float coefficient)
    {
        AssertNamesArgumentAndValue(Assert.Throws<ArgumentOutOfRangeException>(() => new L1(coefficient)), "l1", coefficient);
        AssertNamesArgumentAndValue(Assert.Throws<ArgumentOutOfRangeException>(() => new L2(coefficient)), "l2", coefficient);
    }

    [Fact]
    public void L1L2_defaults_to_zero_and_zero_as_in_Keras_3()
    {
        var regularizer = new L1L2();

        Assert.Equal(0f, regularizer.L1);
        Assert.Equal(0f, regularizer.L2);
        Assert.Equal(0, regularizer.Loss([3f, -4f]));
    }

    [Fact]
    public void L1_defaults_to_0_01_and_has_no_l2_term()
    {
        var regularizer = new L1();

        Assert.Equal(0.01f, regularizer.L1);
        Assert.Equal(0f, regularizer.L2);
        Assert.Equal(0.01f * 7.0, regularizer.Loss([3f, -4f]), 1e-12);
    }

    [Fact]
    public void L2_defaults_to_0_01_and_has_no_l1_term()
    {
        var regularizer = new L2();

        Assert.Equal(0f, regularizer.L1);
        Assert.Equal(0.01f, regularizer.L2);
        Assert.Equal(0.01f * 25.0, regularizer.Loss([3f, -4f]), 1e-12);
    }

    [Fact]
    public void Zero_coefficients_are_accepted()
    {
        var regularizer = new L1L2(0f, 0f);

        Assert.Equal(0f, regularizer.L1);
        Assert.Equal(0f, regularizer.L2);
    }

    [Theory]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Loss_with_l1_zero_on_an_infinite_weight_is_not_NaN(float infinite)
    {
        // Keras skips a term whose coefficient is 0; computing 0 * sum(|w|) = 0 * inf would give NaN.
        double loss = new L2(0.5f).Loss([1f, infinite]);

        Assert.False(double.IsNaN(loss));
        Assert.Equal(double.PositiveInfinity, loss);
    }

    [Theory]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Loss_with_both_coefficients_zero_on_an_infinite_weight_is_zero(float infinite)
    {
        Assert.Equal(0, new L1L2().Loss([1f, infinite]));
    }

    [Fact]
    public void ToString_states_both_coefficients()
    {
        Assert.Equal("L1L2(l1: 0.5, l2: 0.25)", new L1L2(0.5f, 0.25f).ToString());
    }

    private static void AssertNamesArgumentAndValue(ArgumentOutOfRangeException exception, string name, float value)
    {
        Assert.Equal(name, exception.ParamName);
        Assert.Equal(value, exception.ActualValue);
        string text = value.ToString(CultureInfo.InvariantCulture);

        // Only the regularizer's own sentence: the framework appends the parameter name and "Actual value was ...".
        string sentence = exception.Message[..exception.Message.IndexOf(" (Parameter", StringComparison.Ordinal)];
        Assert.Contains(name, sentence, StringComparison.Ordinal);
        Assert.Contains(text, sentence, StringComparison.Ordinal);
    }
}
