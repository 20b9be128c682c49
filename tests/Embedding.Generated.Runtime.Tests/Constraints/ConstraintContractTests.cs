using System;
using System.Globalization;
using Embedding.Generated.Constraints;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Constraints;

/// <summary>
/// What the constraints promise besides their formulas: which are row-wise, that an axis-0 constraint refuses to project
/// a row alone, that bad tables and bad parameters are refused before anything is written, and Keras's worked examples.
/// </summary>
public sealed class ConstraintContractTests
{
    public static TheoryData<string> ColumnConstraints => new() { "MaxNorm", "UnitNorm", "MinMaxNorm" };

    [Theory]
    [MemberData(nameof(ColumnConstraints))]
    public void An_axis_0_constraint_is_not_row_wise_and_its_ApplyToRow_throws_and_writes_nothing(string kind)
    {
        IConstraint constraint = Create(kind, axis: 0);
        float[] row = [3f, 4f];

        var exception = Assert.Throws<InvalidOperationException>(() => constraint.ApplyToRow(row));

        Assert.False(constraint.IsRowWise);
        Assert.Contains("axis 0", exception.Message, StringComparison.Ordinal);
        Assert.Equal([3f, 4f], row);
    }

    [Theory]
    [MemberData(nameof(ColumnConstraints))]
    public void Keras_default_axis_is_0(string kind)
    {
#pragma warning disable EMB011 // The default axis is what is under test.
        NormConstraint constraint = kind switch
        {
            "MaxNorm" => new MaxNorm(),
            "UnitNorm" => new UnitNorm(),
            _ => new MinMaxNorm(),
        };
#pragma warning restore EMB011

        Assert.Equal(0, constraint.Axis);
    }

    [Theory]
    [MemberData(nameof(ColumnConstraints))]
    public void Axis_minus_1_is_axis_1_and_row_wise(string kind)
    {
        var constraint = (NormConstraint)Create(kind, axis: -1);

        Assert.Equal(1, constraint.Axis);
        Assert.True(constraint.IsRowWise);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-2)]
    public void An_axis_other_than_0_1_or_minus_1_is_refused_and_named(int axis)
    {
        foreach (string kind in new[] { "MaxNorm", "UnitNorm", "MinMaxNorm" })
        {
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Create(kind, axis));

            Assert.Equal("axis", exception.ParamName);
            MessageAssert.NamesNumbers(exception, axis);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Apply_refuses_a_table_of_the_wrong_length_and_writes_nothing(int axis)
    {
        float[] weights = Sentinel.Floats(11);
        foreach (IConstraint constraint in new IConstraint[] { new MaxNorm(1f, axis), new UnitNorm(axis), new MinMaxNorm(axis: axis), new NonNeg() })
        {
            var exception = Assert.Throws<ArgumentException>(() => constraint.Apply(weights, 3, 4));

            MessageAssert.NamesNumbers(exception, 11, 3, 4, 12);
            FloatAssert.AllSentinel(weights);
        }
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void A_max_value_that_is_negative_or_not_finite_is_refused(float maxValue)
    {
        AssertRefuses(() => new MaxNorm(maxValue, axis: 1), "maxValue", maxValue);
        AssertRefuses(() => new MinMaxNorm(maxValue: maxValue, axis: 1), "maxValue", maxValue);
    }

    [Theory]
    [InlineData(-0.5f)]
    [InlineData(float.NaN)]
    [InlineData(float.NegativeInfinity)]
    public void A_min_value_that_is_negative_or_not_finite_is_refused(float minValue)
    {
        AssertRefuses(() => new MinMaxNorm(minValue: minValue, axis: 1), "minValue", minValue);
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void A_rate_outside_0_to_1_is_refused(float rate)
    {
        AssertRefuses(() => new MinMaxNorm(rate: rate, axis: 1), "rate", rate);
    }

    [Fact]
    public void A_min_value_above_max_value_is_refused_naming_both()
    {
        // The analyzer reports these constants at build time (EMB008); the runtime must refuse them too.
#pragma warning disable EMB008
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new MinMaxNorm(minValue: 3f, maxValue: 2f, axis: 1));
#pragma warning restore EMB008

        Assert.Equal("minValue", exception.ParamName);
        MessageAssert.NamesNumbers(exception, 3, 2);
    }

    [Fact]
    public void MaxNorm_2_on_the_token_vector_3_4_gives_1_2_and_1_6_and_shrinks_a_short_vector_by_epsilon_only()
    {
        // Norm 5 > 2: w * 2 / (1e-7 + 5). In float32 1e-7 + 5 rounds to 5, so the result is exactly w * 0.4.
        // The second row has norm 0.5 < 2: it keeps its length, less the factor 0.5 / (0.5 + 1e-7).
        float[] table = [3f, 4f, 0.3f, 0.4f];
        new MaxNorm(2f, axis: 1).Apply(table, 2, 2);

        Assert.Equal(3f * 0.4f, table[0]);
        Assert.Equal(4f * 0.4f, table[1]);
        Assert.Equal(0.3 * (0.5 / (0.5 + 1e-7)), table[2], 1e-7);
        Assert.Equal(0.4 * (0.5 / (0.5 + 1e-7)), table[3], 1e-7);
        Assert.True(table[2] < 0.3f && table[3] < 0.4f, $"The short row should shrink a little: {table[2]:R}, {table[3]:R}.");
    }

    [Fact]
    public void MaxNorm_along_axis_0_bounds_each_column_across_the_vocabulary()
    {
        // Column 0 is (3, 4), norm 5; column 1 is (0.3, 0.4), norm 0.5 and within the bound of 2.
        float[] table = [3f, 0.3f, 4f, 0.4f];
        new MaxNorm(2f, axis: 0).Apply(table, 2, 2);

        Assert.Equal(1.2f, table[0], 1e-6f);
        Assert.Equal(1.6f, table[2], 1e-6f);
        Assert.Equal(0.3f, table[1], 1e-6f);
        Assert.Equal(0.4f, table[3], 1e-6f);
    }

    [Fact]
    public void UnitNorm_of_a_tiny_vector_shows_Keras_epsilon()
    {
        // n = 1e-7, so w / (1e-7 + n) has norm 1/2, not 1: Keras's epsilon is always applied.
        float[] row = [1e-7f];
        new UnitNorm(axis: 1).ApplyToRow(row);

        Assert.Equal(0.5f, row[0], 1e-6f);
    }

    [Fact]
    public void MinMaxNorm_with_rate_one_half_moves_a_norm_halfway_into_the_range()
    {
        // n = 5, range [0, 1]: desired = 0.5 * 1 + 0.5 * 5 = 3, so w * 3 / 5.
        float[] row = [3f, 4f];
        new MinMaxNorm(0f, 1f, rate: 0.5f, axis: 1).ApplyToRow(row);

        Assert.Equal(1.8f, row[0], 1e-6f);
        Assert.Equal(2.4f, row[1], 1e-6f);
    }

    [Fact]
    public void ToString_states_the_parameters_and_axis()
    {
        Assert.Equal("MaxNorm(maxValue: 2, axis: 0)", new MaxNorm(axis: 0).ToString());
        Assert.Equal("UnitNorm(axis: 1)", new UnitNorm(axis: -1).ToString());
        Assert.Equal("MinMaxNorm(minValue: 0, maxValue: 1, rate: 1, axis: 0)", new MinMaxNorm(axis: 0).ToString());
        Assert.Equal("NonNeg()", new NonNeg().ToString());
    }

    private static IConstraint Create(string kind, int axis) => kind switch
    {
        "MaxNorm" => new MaxNorm(2f, axis),
        "UnitNorm" => new UnitNorm(axis),
        _ => new MinMaxNorm(axis: axis),
    };

    private static void AssertRefuses(Func<object> create, string name, float value)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(create);

        Assert.Equal(name, exception.ParamName);
        string sentence = exception.Message[..exception.Message.IndexOf(" (Parameter", StringComparison.Ordinal)];
        Assert.Contains(value.ToString(CultureInfo.InvariantCulture), sentence, StringComparison.Ordinal);
    }
}
