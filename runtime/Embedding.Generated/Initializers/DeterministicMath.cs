using System;

namespace Embedding.Generated.Initializers;

/// <summary>
/// The natural logarithm from IEEE-754 arithmetic alone, so that seeded normal draws are bit-identical everywhere.
/// </summary>
/// <remarks>
/// <para>
/// Why not <see cref="Math.Log(double)"/>: .NET forwards it to the platform's C library (glibc, the macOS libm, the
/// Windows CRT), and those are accurate to about one ulp but not correctly rounded, so the same argument can give
/// results that differ in the last bit between operating systems, architectures or library versions. One such bit in a
/// normal sample can change the float the table receives, and can flip a truncation or rejection decision, which shifts
/// every later draw of the stream. <c>+ - * /</c> and <see cref="Math.Sqrt(double)"/> are correctly rounded by IEEE 754
/// on every platform .NET runs on (and the JIT does not fuse them into FMAs), so a logarithm built from them alone gives
/// the same bits everywhere.
/// </para>
/// <para>
/// Method: write <c>x = 2^k * m</c> with <c>m</c> in <c>[sqrt(2)/2, sqrt(2))</c>, read exactly from the bits, and let
/// <c>f = m - 1</c> (exact). Then <c>ln x = k ln 2 + ln(1 + f)</c> and, with <c>s = f / (2 + f)</c>,
/// <c>ln(1 + f) = 2 atanh(s) = 2s + 2s^3/3 + 2s^5/5 + ...</c>. As <c>|s| &lt;= 0.1716</c>, <c>s^2 &lt;= 0.0295</c>, and the
/// series through <c>s^21</c> leaves a relative error below <c>2^-60</c>. Because <c>2s = f - s f</c>, the sum is
/// rearranged as <c>f - (f^2/2 - s (f^2/2 + R))</c> with <c>R = 2s^2/3 + 2s^4/5 + ...</c>: the exact <c>f</c> carries
/// the result and every rounded term is a small correction to it, which keeps the error below one ulp.
/// <c>ln 2</c> is split into a 32-bit head, whose product with any exponent <c>k</c> is exact, and a tail.
/// </para>
/// </remarks>
internal static class DeterministicMath
{
    // ln 2 = 0.693147180559945309417232121458176568..., cut after 32 significant bits, and the remainder rounded to double.
    private const double Ln2Head = 0.6931471803691238;      // 0x1.62e42feep-1
    private const double Ln2Tail = 1.9082149292705877e-10;  // 0x1.a39ef35793c76p-33

    // sqrt(2) rounded to double: mantissas above it are halved, so m - 1 stays in [-0.2929, 0.4143].
    private const double Sqrt2 = 1.4142135623730951;

    // 2^-1022, the smallest normal double, and 2^54, to lift a subnormal into the normal range before its bits are read.
    private const double SmallestNormal = 2.2250738585072014E-308;
    private const double TwoTo54 = 18014398509481984.0;

    private const long MantissaMask = 0x000F_FFFF_FFFF_FFFFL;
    private const long ExponentOfOne = 0x3FF0_0000_0000_0000L;

    /// <summary>The natural logarithm of <paramref name="x"/>, within one ulp, the same bits on every machine.</summary>
    /// <returns><c>NaN</c> for NaN and negative numbers, <c>-Infinity</c> for zero, <c>+Infinity</c> for <c>+Infinity</c>.</returns>
    public static double Log(double x)
    {
        if (!(x > 0))
        {
            return x == 0 ? double.NegativeInfinity : double.NaN;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        int k = 0;
        if (x < SmallestNormal)
        {
            x *= TwoTo54;
            k = -54;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        k += (int)(bits >> 52) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & MantissaMask) | ExponentOfOne);
        if (m > Sqrt2)
        {
            m *= 0.5;
            k++;
        }

        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (2.0 / 3 + z * (2.0 / 5 + z * (2.0 / 7 + z * (2.0 / 9 + z * (2.0 / 11 + z * (2.0 / 13
            + z * (2.0 / 15 + z * (2.0 / 17 + z * (2.0 / 19 + z * (2.0 / 21))))))))));
        double halfSquare = 0.5 * f * f;
        double dk = k;
        return (dk * Ln2Head) - ((halfSquare - ((s * (halfSquare + r)) + (dk * Ln2Tail))) - f);
    }
}
