namespace Embedding.Generated.Initializers;

/// <summary>
/// A seeded random stream that gives the same numbers on every machine and runtime (SplitMix64, Steele, Lea and
/// Flood 2014). <see cref="System.Random"/> is not used because its seeded sequence is not promised to stay the same
/// across .NET versions.
/// </summary>
internal struct SplitMix64
{
    private const double TwoToMinus53 = 1.0 / (1UL << 53);
    private ulong _state;

    public SplitMix64(int seed) => _state = unchecked((ulong)(long)seed);

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in <c>[0, 1)</c> with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * TwoToMinus53;
}
