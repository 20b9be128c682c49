using System;
using System.Buffers.Binary;
using System.IO;
using System.Runtime.InteropServices;

namespace Embedding.Generated.Serialization;

/// <summary>Float data as the weight formats store it: little-endian F32, F16 or BF16.</summary>
internal static class LittleEndianFloats
{
    /// <summary>
    /// Writes <paramref name="values"/> a block at a time, straight from the table: no copy of it is made, and no span of
    /// bytes exceeds 2 GB, so tables of 2 GB and more are written too.
    /// </summary>
    public static void Write(Stream stream, ReadOnlySpan<float> values)
    {
        const int FloatsPerBlock = WeightFileReader.BlockBytes / sizeof(float);
        Span<float> swapped = BitConverter.IsLittleEndian ? default : new float[Math.Min(FloatsPerBlock, values.Length)];
        for (int done = 0; done < values.Length; done += FloatsPerBlock)
        {
            ReadOnlySpan<float> block = values.Slice(done, Math.Min(FloatsPerBlock, values.Length - done));
            if (!BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<float, uint>(block), MemoryMarshal.Cast<float, uint>(swapped));
                block = swapped[..block.Length];
            }

            stream.Write(MemoryMarshal.AsBytes(block));
        }
    }

    /// <summary>Decodes <paramref name="bytes"/> of <paramref name="dtype"/> into exactly <paramref name="destination"/>.</summary>
    public static void Convert(string dtype, ReadOnlySpan<byte> bytes, Span<float> destination, bool bigEndian = false)
    {
        if (bigEndian)
        {
            // Only .npy stores big-endian floats ('>f4').
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = BinaryPrimitives.ReadSingleBigEndian(bytes[(i * 4)..]);
            }

            return;
        }

        switch (dtype)
        {
            case "F32" when BitConverter.IsLittleEndian:
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
                break;
            case "F32":
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
                }

                break;
            case "F16":
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * 2)..]);
                }

                break;
            case "BF16":
                // bfloat16 is the top half of a float32: shifting its bits up restores the float exactly.
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) << 16);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Only F32, F16 and BF16 convert to float.");
        }
    }
}
