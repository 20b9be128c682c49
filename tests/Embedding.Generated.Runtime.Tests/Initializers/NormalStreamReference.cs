using System;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>
/// The normal stream as documented, written out from the published algorithms with the platform's
/// <see cref="Math.Log(double)"/>: splitmix64 (int seed sign-extended; unit = <c>(x &gt;&gt; 11) * 2^-53</c>), then
/// Marsaglia's polar method (<c>u, v = 2 unit - 1</c>, redrawn while <c>s &gt;= 1</c> or <c>s = 0</c>; the pair gives
/// <c>u t</c> then <c>v t</c>), and for truncation a redraw while <c>|z| &gt; 2</c>.
/// </summary>
public sealed class NormalStreamReference
{
    private ulong _state;
    private double _spare;
    private bool _hasSpare;

    public NormalStreamReference(int seed) => _state = unchecked((ulong)(long)seed);

    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        while (true)
        {
            double u = (2.0 * Unit()) - 1.0;
            double v = (2.0 * Unit()) - 1.0;
            double s = (u * u) + (v * v);
            if (s < 1.0 && s != 0.0)
            {
                double t = Math.Sqrt(-2.0 * Math.Log(s) / s);
                _spare = v * t;
                _hasSpare = true;
                return u * t;
            }
        }
    }

    public double NextTruncated()
    {
        while (true)
        {
            double z = Next();
            if (Math.Abs(z) <= 2.0)
            {
                return z;
            }
        }
    }

    private double Unit()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
