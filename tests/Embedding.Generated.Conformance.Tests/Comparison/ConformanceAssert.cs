using System;
using System.Globalization;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Xunit.Sdk;

namespace Embedding.Generated.Conformance.Tests.Comparison;

/// <summary>
/// The comparisons of the fixtures README. A failure names what was compared, the element (as a tensor index), the
/// expected and actual values with their bits, the allowed and actual difference, and how many elements failed.
/// </summary>
internal static class ConformanceAssert
{
    /// <summary>Compares by <paramref name="tolerance"/>: bit for bit when exact, elementwise within rtol and atol when close.</summary>
    public static void Matches(string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, int[] shape, Tolerance tolerance)
    {
        switch (tolerance.Mode)
        {
            case ToleranceMode.Exact:
                BitwiseEqual(what, expected, actual, shape);
                break;
            case ToleranceMode.Close:
                Close(what, expected, actual, shape, tolerance.Rtol, tolerance.Atol);
                break;
            default:
                throw new XunitException($"{what}: tolerance mode {tolerance} does not compare tensors.");
        }
    }

    /// <summary>A scalar by <paramref name="tolerance"/>; <paramref name="actual"/> is rounded to float32 only for an exact comparison.</summary>
    public static void Matches(string what, float expected, double actual, Tolerance tolerance)
    {
        switch (tolerance.Mode)
        {
            case ToleranceMode.Exact:
                BitwiseEqual(what, [expected], [(float)actual], [1]);
                break;
            case ToleranceMode.Close:
                CloseScalar(what, expected, actual, tolerance.Rtol, tolerance.Atol);
                break;
            default:
                throw new XunitException($"{what}: tolerance mode {tolerance} does not compare numbers.");
        }
    }

    /// <summary>Every element has the same bits: no rounding difference, no -0 for +0, subnormals kept.</summary>
    public static void BitwiseEqual(string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, int[] shape)
    {
        RequireLength(what, expected.Length, actual.Length);
        int failures = 0;
        int first = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToUInt32Bits(expected[i]) != BitConverter.SingleToUInt32Bits(actual[i]))
            {
                failures++;
                first = first < 0 ? i : first;
            }
        }

        if (failures > 0)
        {
            throw new XunitException(
                $"{what} differs bitwise in {failures} of {expected.Length} elements; the first is {Index(first, shape)}: " +
                $"expected {Describe(expected[first])}, actual {Describe(actual[first])}.");
        }
    }

    /// <summary><c>|actual - expected| &lt;= atol + rtol * |expected|</c> for every element; NaN never passes.</summary>
    public static void Close(string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, int[] shape, double rtol, double atol)
    {
        RequireLength(what, expected.Length, actual.Length);
        int failures = 0;
        int worst = -1;
        double worstRatio = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double allowed = atol + (rtol * Math.Abs((double)expected[i]));
            double difference = Math.Abs((double)actual[i] - expected[i]);
            if (!(difference <= allowed))
            {
                failures++;
                // NaN or infinity in the actual values is the worst failure of all.
                double ratio = double.IsFinite(difference) ? difference / allowed : double.PositiveInfinity;
                if (worst < 0 || ratio > worstRatio)
                {
                    (worst, worstRatio) = (i, ratio);
                }
            }
        }

        if (failures > 0)
        {
            double allowedAtWorst = atol + (rtol * Math.Abs((double)expected[worst]));
            double differenceAtWorst = (double)actual[worst] - expected[worst];
            throw new XunitException(
                $"{what} is not within rtol {rtol:R}, atol {atol:R} in {failures} of {expected.Length} elements; the worst is {Index(worst, shape)}: " +
                $"expected {Describe(expected[worst])}, actual {Describe(actual[worst])}, difference {Format(differenceAtWorst)} " +
                $"({Format(worstRatio)} times the allowed {Format(allowedAtWorst)}).");
        }
    }

    /// <summary><c>|actual - expected| &lt;= atol + rtol * |expected|</c> for one number.</summary>
    public static void CloseScalar(string what, double expected, double actual, double rtol, double atol)
    {
        double allowed = atol + (rtol * Math.Abs(expected));
        double difference = actual - expected;
        if (!(Math.Abs(difference) <= allowed))
        {
            throw new XunitException(
                $"{what} is not within rtol {rtol:R}, atol {atol:R}: expected {Format(expected)}, actual {Format(actual)}, " +
                $"difference {Format(difference)} (allowed {Format(allowed)}).");
        }
    }

    /// <summary>Every element is equal.</summary>
    public static void Equal(string what, ReadOnlySpan<bool> expected, ReadOnlySpan<bool> actual, int[] shape)
    {
        RequireLength(what, expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] != actual[i])
            {
                throw new XunitException($"{what} differs at {Index(i, shape)}: expected {expected[i]}, actual {actual[i]}.");
            }
        }
    }

    /// <summary>A flat row-major index written as a tensor index, e.g. <c>[2, 7]</c>.</summary>
    public static string Index(int flat, int[] shape)
    {
        int[] coordinates = new int[shape.Length];
        for (int axis = shape.Length - 1; axis >= 0 && shape[axis] > 0; axis--)
        {
            coordinates[axis] = flat % shape[axis];
            flat /= shape[axis];
        }

        return $"[{string.Join(", ", coordinates)}]";
    }

    private static void RequireLength(string what, int expected, int actual)
    {
        if (expected != actual)
        {
            throw new XunitException($"{what} has {actual} elements; the fixture has {expected}.");
        }
    }

    private static string Describe(float value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:R} (0x{BitConverter.SingleToUInt32Bits(value):X8})");

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
