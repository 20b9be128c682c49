using System;

namespace Embedding.Generated.Initializers;

/// <summary>
/// Standard normal numbers from a <see cref="SplitMix64"/> stream, the same bits on every machine: Marsaglia's polar
/// method (Marsaglia and Bray 1964), which needs only <c>+ - * /</c>, <see cref="Math.Sqrt(double)"/> and a logarithm,
/// taken from <see cref="DeterministicMath"/> rather than the platform's C library.
/// </summary>
/// <remarks>
/// Each accepted point <c>(u, v)</c> of the unit disc gives two normals, <c>u * t</c> then <c>v * t</c> with
/// <c>t = sqrt(-2 ln(s) / s)</c> and <c>s = u^2 + v^2</c>; points with <c>s &gt;= 1</c> or <c>s = 0</c> are drawn again.
/// <c>u</c> and <c>v</c> are <c>2 * NextDouble() - 1</c>, exact in double. The sine and cosine of the Box-Muller
/// transform are avoided for the same reason as <see cref="Math.Log(double)"/>.
/// </remarks>
internal struct GaussianStream
{
    private SplitMix64 _uniform;
    private double _spare;
    private bool _hasSpare;

    public GaussianStream(int seed)
    {
        _uniform = new SplitMix64(seed);
        _spare = 0;
        _hasSpare = false;
    }

    /// <summary>The next draw from N(0, 1).</summary>
    public double NextStandardNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u, v, s;
        do
        {
            u = (2.0 * _uniform.NextDouble()) - 1.0;
            v = (2.0 * _uniform.NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double factor = Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s);
        _spare = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>The next draw from N(0, 1) with <c>|z| &lt;= 2</c>: draws beyond two standard deviations are drawn again, as Keras does.</summary>
    public double NextTruncatedStandardNormal()
    {
        double z;
        do
        {
            z = NextStandardNormal();
        }
        while (Math.Abs(z) > 2.0);

        return z;
    }
}
