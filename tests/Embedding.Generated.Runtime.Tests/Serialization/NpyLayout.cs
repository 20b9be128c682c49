using System;
using System.Buffers.Binary;
using System.Text;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// Lays out an .npy file byte by byte as NumPy's format specification (NEP 1, numpy.lib.format) describes it,
/// independently of the library's writer: the magic string <c>\x93NUMPY</c>, one byte each of major and minor version,
/// the header length HEADER_LEN (2 bytes little-endian in version 1.0; 4 bytes in 2.0 and 3.0), then HEADER_LEN bytes of
/// a Python dictionary literal padded with spaces and ended by <c>\n</c> so that the data starts on an aligned offset
/// (64 bytes since NumPy 1.14, 16 before), then the array's bytes.
/// </summary>
public static class NpyLayout
{
    /// <summary>The usual header of a 2-D array, as <c>numpy.save</c> writes it.</summary>
    public static string Dictionary(string descr, bool fortranOrder, string shape) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortranOrder ? "True" : "False")}, 'shape': {shape}, }}";

    /// <summary>
    /// A whole file: header text encoded as ASCII (versions 1.0 and 2.0) or UTF-8 (3.0), padded to
    /// <paramref name="alignment"/>.
    /// </summary>
    public static byte[] File(byte major, byte minor, string dictionary, ReadOnlySpan<byte> data, int alignment = 64)
    {
        Encoding encoding = major >= 3 ? new UTF8Encoding(false) : Encoding.ASCII;
        int prefix = PrefixLength(major);
        int unpadded = prefix + encoding.GetByteCount(dictionary) + 1;
        int padding = (alignment - (unpadded % alignment)) % alignment;
        byte[] header = encoding.GetBytes(dictionary + new string(' ', padding) + "\n");
        return File(major, minor, (uint)header.Length, header, data);
    }

    /// <summary>Any header length field, true or not, with the header bytes exactly as given.</summary>
    public static byte[] File(byte major, byte minor, uint headerLengthField, ReadOnlySpan<byte> header, ReadOnlySpan<byte> data)
    {
        int prefix = PrefixLength(major);
        var file = new byte[prefix + header.Length + data.Length];
        file[0] = 0x93;
        "NUMPY"u8.CopyTo(file.AsSpan(1));
        file[6] = major;
        file[7] = minor;
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), checked((ushort)headerLengthField));
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), headerLengthField);
        }

        header.CopyTo(file.AsSpan(prefix));
        data.CopyTo(file.AsSpan(prefix + header.Length));
        return file;
    }

    /// <summary>Magic (6) + version (2) + header length (2 in version 1, 4 after).</summary>
    public static int PrefixLength(byte major) => major == 1 ? 10 : 12;
}
