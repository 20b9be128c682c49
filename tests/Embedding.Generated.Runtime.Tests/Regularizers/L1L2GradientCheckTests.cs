using System;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Regularizers;

/// <summary>
/// <see cref="L1L2.AddGradient"/> checked against central differences of <see cref="L1L2.Loss"/>, and the loss itself
/// against Keras's formula written out by hand. The points lie away from 0, where <c>|w|</c> is smooth, so the
/// differences are exact up to rounding: the L1 term is linear there and the L2 term quadratic.
/// </summary>
public sealed class L1L2GradientCheckTests
{
    private const float Step = 1e-2f;

    public static TheoryData<float, float> Coefficients => new()
    {
        { 0.01f, 0f },
        { 0f, 0.01f },
        { 0.3f, 0.7f },
        { 1.5f, 0.25f },
    };

    [Theory]
    [MemberData(nameof(Coefficients))]
    public void AddGradient_matches_central_differences_of_Loss_away_from_zero(float l1, float l2)
    {
        var regularizer = new L1L2(l1, l2);
        float[] values = ValuesAwayFromZero(new Random(17), 41);
        float[] gradient = new float[values.Length];
        regularizer.AddGradient(values, gradient);

        for (int i = 0; i < values.Length; i++)
        {
            double numeric = CentralDifference(regularizer, values, i);
            Assert.True(
                Math.Abs(numeric - gradient[i]) <= 1e-4 * (1 + Math.Abs(numeric)),
                $"d/dw[{i}] at w = {values[i]:R}: AddGradient gives {gradient[i]:R}, central difference {numeric:R}.");
        }
    }

    [Fact]
    public void AddGradient_adds_scale_times_the_gradient_to_what_is_there()
    {
        var regularizer = new L1L2(0.5f, 0.25f);
        float[] values = [2f, -4f, 0f];
        float[] gradient = [1f, 1f, 1f];

        regularizer.AddGradient(values, gradient, scale: 2f);

        // Hand formula: scale * (l1 * sign(w) + 2 * l2 * w), with sign(0) = 0 as TensorFlow's sign.
        Assert.Equal([1f + (2f * (0.5f + 1f)), 1f + (2f * (-0.5f - 2f)), 1f], gradient);
    }

    [Theory]
    [MemberData(nameof(Coefficients))]
    public void Every_length_and_position_gets_the_hand_formula_in_double(float l1, float l2)
    {
        // Lengths 0 to 35 take the 8-wide vector loop, the scalar tail, or both; each element must get
        // g + l1 * sign(w) + 2 * l2 * w whichever loop handled it (float rounding allowed, no more).
        var random = new Random(29);
        var regularizer = new L1L2(l1, l2);
        for (int length = 0; length <= 35; length++)
        {
            float[] values = RandomInputs.UnitFloats(random, length);
            if (length > 3)
            {
                values[3] = 0f;
            }

            float[] gradient = RandomInputs.UnitFloats(random, length);
            float[] before = (float[])gradient.Clone();

            regularizer.AddGradient(values, gradient, scale: 0.5f);

            for (int i = 0; i < length; i++)
            {
                double expected = before[i] + (0.5 * ((l1 * (double)Math.Sign(values[i])) + (2.0 * l2 * values[i])));
                Assert.True(
                    Math.Abs(expected - gradient[i]) <= 1e-6 * (1 + Math.Abs(expected)),
                    $"length {length}, element {i}, w = {values[i]:R}: got {gradient[i]:R}, expected {expected:R}.");
            }
        }
    }

    [Fact]
    public void A_zero_coefficient_adds_no_term_so_an_infinite_weight_gives_no_NaN()
    {
        // Keras builds no term for a zero coefficient; 0 * infinity would otherwise poison the gradient with NaN.
        float[] values = [float.PositiveInfinity, float.NegativeInfinity, 1f, 2f, 3f, 4f, 5f, 6f, float.PositiveInfinity];
        float[] gradient = new float[values.Length];

        new L1L2(l1: 0.5f, l2: 0f).AddGradient(values, gradient);

        Assert.Equal([0.5f, -0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f], gradient);
    }

    [Fact]
    public void Loss_is_l1_times_sum_of_magnitudes_plus_l2_times_sum_of_squares_with_no_half()
    {
        var regularizer = new L1L2(0.5f, 0.25f);
        float[] values = [3f, -4f, 0f, 1f];

        // 0.5 * (3 + 4 + 0 + 1) + 0.25 * (9 + 16 + 0 + 1) = 4 + 6.5.
        Assert.Equal(10.5, regularizer.Loss(values));
    }

    [Fact]
    public void Loss_sums_in_double_so_small_terms_after_a_large_one_are_not_lost()
    {
        var regularizer = new L1L2(l1: 1f);
        float[] values = new float[1001];
        values.AsSpan().Fill(1f);
        values[0] = 1 << 24;

        // A float accumulator stops growing at 2^24 (2^24 + 1 rounds back to 2^24).
        Assert.Equal((double)(1 << 24) + 1000, regularizer.Loss(values));
    }

    [Fact]
    public void AddGradient_refuses_spans_of_different_lengths_and_writes_nothing()
    {
        var regularizer = new L1L2(0.1f, 0.1f);
        float[] gradient = [7f, 7f];

        var exception = Assert.Throws<ArgumentException>(() => regularizer.AddGradient([1f, 2f, 3f], gradient));

        MessageAssert.NamesNumbers(exception, 2, 3);
        Assert.Equal([7f, 7f], gradient);
    }

    private static double CentralDifference(L1L2 regularizer, float[] values, int index)
    {
        float original = values[index];
        float up = original + Step;
        float down = original - Step;
        values[index] = up;
        double lossUp = regularizer.Loss(values);
        values[index] = down;
        double lossDown = regularizer.Loss(values);
        values[index] = original;

        // Divided by the float steps actually taken, not by the nominal 2 * Step.
        return (lossUp - lossDown) / ((double)up - down);
    }

    /// <summary>Both signs, magnitudes in [0.1, 3): every value is at least ten steps from the kink of |w| at 0.</summary>
    private static float[] ValuesAwayFromZero(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            float magnitude = 0.1f + (2.9f * random.NextSingle());
            values[i] = random.Next(2) == 0 ? magnitude : -magnitude;
        }

        return values;
    }
}
