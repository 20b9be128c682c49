using System;
using System.Collections.Generic;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>
/// The runtime's IEEE-only logarithm, which the normal initializers use instead of the platform's <see cref="Math.Log(double)"/>
/// so that seeded draws are the same everywhere: within one ulp of <see cref="Math.Log(double)"/> across the whole range.
/// </summary>
public sealed class DeterministicLogTests
{
    [Theory]
    [InlineData(2.0, 0.6931471805599453)]           // ln 2 = 0.69314718055994530941723...
    [InlineData(0.5, -0.6931471805599453)]
    [InlineData(10.0, 2.302585092994046)]           // ln 10 = 2.30258509299404568401799...
    [InlineData(3.0, 1.0986122886681098)]           // ln 3 = 1.09861228866810969139524...
    [InlineData(1e-300, -690.7755278982137)]        // -300 ln 10 = -690.77552789821370520539...
    public void Log_of_known_values_is_their_correctly_rounded_logarithm_within_one_ulp(double x, double expected)
    {
        AssertWithinOneUlp(expected, DeterministicLog.Of(x), x);
    }

    [Fact]
    public void Log_of_negative_zero_is_negative_infinity()
    {
        Assert.Equal(double.NegativeInfinity, DeterministicLog.Of(-0.0));
    }

    [Fact]
    public void Log_of_one_is_exactly_zero()
    {
        Assert.Equal(0UL, BitConverter.DoubleToUInt64Bits(DeterministicLog.Of(1.0)));
    }

    [Theory]
    [InlineData(0.0, double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(-1.0, double.NaN)]
    [InlineData(double.NegativeInfinity, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    public void Log_of_special_values_follows_IEEE(double x, double expected)
    {
        Assert.Equal(expected, DeterministicLog.Of(x));
    }

    [Fact]
    public void Log_is_within_one_ulp_of_Math_Log_on_random_doubles_across_every_exponent()
    {
        var random = new Random(20240601);
        var inputs = new List<double>();
        for (int i = 0; i < 200_000; i++)
        {
            // Random sign-free bit patterns below +Infinity: every exponent, subnormals included, equally often.
            long bits = random.NextInt64(1, 0x7FF0_0000_0000_0000L);
            inputs.Add(BitConverter.Int64BitsToDouble(bits));
        }

        AssertAllWithinOneUlp(inputs);
    }

    [Fact]
    public void Log_is_within_one_ulp_of_Math_Log_on_subnormals()
    {
        var random = new Random(7);
        var inputs = new List<double> { double.Epsilon, 2 * double.Epsilon, 3 * double.Epsilon, BitConverter.Int64BitsToDouble(0x000F_FFFF_FFFF_FFFFL), 1e-310, 2.2250738585072014E-308 };
        for (int i = 0; i < 20_000; i++)
        {
            inputs.Add(BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x0010_0000_0000_0000L)));
        }

        AssertAllWithinOneUlp(inputs);
    }

    [Fact]
    public void Log_is_within_one_ulp_of_Math_Log_next_to_one()
    {
        var inputs = new List<double>();
        double up = 1.0;
        double down = 1.0;
        for (int i = 0; i < 2_000; i++)
        {
            up = Math.BitIncrement(up);
            down = Math.BitDecrement(down);
            inputs.Add(up);
            inputs.Add(down);
        }

        var random = new Random(11);
        for (int i = 0; i < 50_000; i++)
        {
            inputs.Add(1.0 + ((random.NextDouble() - 0.5) * 1e-6));
            inputs.Add(1.0 + ((random.NextDouble() - 0.5) * 1e-2));
        }

        AssertAllWithinOneUlp(inputs);
    }

    [Fact]
    public void Log_is_within_one_ulp_of_Math_Log_around_the_square_root_of_two_where_the_reduction_switches()
    {
        var random = new Random(13);
        var inputs = new List<double>();
        for (int exponent = -1030; exponent <= 1020; exponent += 7)
        {
            for (int i = 0; i < 40; i++)
            {
                inputs.Add(Math.ScaleB(1.40 + (0.03 * random.NextDouble()), exponent));
            }
        }

        AssertAllWithinOneUlp(inputs);
    }

    [Fact]
    public void Log_is_within_one_ulp_of_Math_Log_on_the_unit_interval_the_polar_method_uses()
    {
        var random = new Random(17);
        var inputs = new List<double>();
        for (int i = 0; i < 100_000; i++)
        {
            inputs.Add(random.NextDouble() + double.Epsilon);
        }

        AssertAllWithinOneUlp(inputs);
    }

    [Fact]
    public void Log_is_within_one_ulp_of_Math_Log_on_large_values_and_powers_of_two()
    {
        var inputs = new List<double> { double.MaxValue, 1e308, 1e300, 1e100, 123456789.0, 9007199254740993.0 };
        for (int exponent = -1074; exponent <= 1023; exponent++)
        {
            inputs.Add(Math.ScaleB(1.0, exponent));
        }

        AssertAllWithinOneUlp(inputs);
    }

    private static void AssertAllWithinOneUlp(List<double> inputs)
    {
        foreach (double x in inputs)
        {
            AssertWithinOneUlp(Math.Log(x), DeterministicLog.Of(x), x);
        }
    }

    private static void AssertWithinOneUlp(double expected, double actual, double x)
    {
        long distance = Math.Abs(Ordered(expected) - Ordered(actual));
        if (distance > 1)
        {
            throw new XunitException($"log({x:R}): expected {expected:R}, actual {actual:R}, {distance} ulps apart.");
        }
    }

    // Maps a double's bits onto a line where adjacent doubles differ by 1, across the sign too.
    private static long Ordered(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        return bits < 0 ? long.MinValue - bits : bits;
    }
}
