using System;
using System.Buffers.Binary;
using System.Text;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// Lays out a safetensors file byte by byte as the format's specification describes it, independently of the
/// library's writer: 8 bytes holding the header size N as an unsigned little-endian 64-bit integer, N bytes of UTF-8
/// JSON (which a writer may pad with trailing spaces), then the byte buffer the tensors' <c>data_offsets</c> index.
/// </summary>
public static class SafeTensorsLayout
{
    /// <summary>The JSON header padded with spaces to a multiple of <paramref name="alignment"/> bytes, then the data.</summary>
    public static byte[] File(string headerJson, ReadOnlySpan<byte> data, int alignment = 8)
    {
        int unpadded = Encoding.UTF8.GetByteCount(headerJson);
        int padding = (alignment - (unpadded % alignment)) % alignment;
        return File(Encoding.UTF8.GetBytes(headerJson + new string(' ', padding)), data);
    }

    /// <summary>The header bytes exactly as given (no padding), preceded by their true length, then the data.</summary>
    public static byte[] File(ReadOnlySpan<byte> header, ReadOnlySpan<byte> data) =>
        File((ulong)header.Length, header, data);

    /// <summary>Any header length field, true or not, then the header bytes and the data.</summary>
    public static byte[] File(ulong headerLengthField, ReadOnlySpan<byte> header, ReadOnlySpan<byte> data)
    {
        var file = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, headerLengthField);
        header.CopyTo(file.AsSpan(8));
        data.CopyTo(file.AsSpan(8 + header.Length));
        return file;
    }
}
