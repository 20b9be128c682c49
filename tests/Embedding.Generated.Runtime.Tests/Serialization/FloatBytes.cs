using System;
using System.Buffers.Binary;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>Encodes test values into the raw byte orders the weight formats store, one element at a time.</summary>
public static class FloatBytes
{
    public static byte[] LittleEndianF32(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), BitConverter.SingleToUInt32Bits(values[i]));
        }

        return bytes;
    }

    public static byte[] BigEndianF32(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), BitConverter.SingleToUInt32Bits(values[i]));
        }

        return bytes;
    }

    /// <summary>16-bit patterns (F16 or BF16 bits) as little-endian pairs of bytes.</summary>
    public static byte[] LittleEndianU16(ReadOnlySpan<ushort> bits)
    {
        var bytes = new byte[bits.Length * 2];
        for (int i = 0; i < bits.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), bits[i]);
        }

        return bytes;
    }

    /// <summary>Floats from their IEEE 754 bit patterns, so NaN payloads and subnormals are spelled out exactly.</summary>
    public static float[] FromBits(params uint[] bits) => Array.ConvertAll(bits, BitConverter.UInt32BitsToSingle);

    /// <summary>
    /// Awkward values for a bit-exact round trip: both zeros, quiet and signalling NaNs with payloads and a sign, both
    /// infinities, the smallest and largest subnormals, the extremes of the normal range, and ordinary numbers.
    /// </summary>
    public static float[] Awkward() => FromBits(
        0x00000000, 0x80000000, // +0, -0
        0x7FC00000, 0xFFC00001, 0x7FA5A5A5, 0x7F800001, 0xFFBFFFFF, // NaNs: quiet, negative with payload, signalling
        0x7F800000, 0xFF800000, // +inf, -inf
        0x00000001, 0x807FFFFF, 0x00400000, // subnormals: smallest, largest negative, middle
        0x00800000, 0x7F7FFFFF, 0xFF7FFFFF, // smallest normal, +max, -max
        0x3DCCCCCD, 0xBEAAAAAB, 0x3F800000); // 0.1, -1/3, 1
}
