using System;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Infrastructure;

/// <summary>Comparisons of float buffers that report the first differing index, not just "not equal".</summary>
public static class FloatAssert
{
    /// <summary>Every element has the same bits: no rounding difference, no -0 for +0, no changed NaN.</summary>
    public static void BitwiseEqual(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            uint expectedBits = BitConverter.SingleToUInt32Bits(expected[i]);
            uint actualBits = BitConverter.SingleToUInt32Bits(actual[i]);
            if (expectedBits != actualBits)
            {
                throw new XunitException(
                    $"Element {i} of {expected.Length} differs: expected {expected[i]:R} (0x{expectedBits:X8}), actual {actual[i]:R} (0x{actualBits:X8}).");
            }
        }
    }

    /// <summary>Every element still holds <see cref="Sentinel.Value"/>.</summary>
    public static void AllSentinel(ReadOnlySpan<float> actual)
    {
        for (int i = 0; i < actual.Length; i++)
        {
            if (BitConverter.SingleToUInt32Bits(actual[i]) != BitConverter.SingleToUInt32Bits(Sentinel.Value))
            {
                throw new XunitException($"Element {i} of {actual.Length} was written: it holds {actual[i]:R}, not the sentinel {Sentinel.Value:R}.");
            }
        }
    }
}
