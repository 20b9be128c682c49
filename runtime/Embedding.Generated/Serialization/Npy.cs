using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;

namespace Embedding.Generated.Serialization;

/// <summary>
/// Reads and writes NumPy's <c>.npy</c> format for the table: a 2-D <c>float32</c> array in C (row-major) order.
/// Files of format versions 1.0, 2.0 and 3.0 are read; 1.0 is written (2.0 when the header would not fit).
/// </summary>
public static class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // NumPy's own headers are a few hundred bytes; a longer one is refused before it is decoded.
    private const long MaxHeaderLength = 1 << 20;

    private static readonly string[] HeaderKeys = ["descr", "fortran_order", "shape"];

    /// <summary>Writes the layer's weights as a <c>(InputDim, OutputDim)</c> little-endian float32 array, atomically.</summary>
    public static void Save(IEmbeddingLayer layer, string path)
    {
        ArgumentNullException.ThrowIfNull(layer);
        string dictionary = string.Create(
            CultureInfo.InvariantCulture, $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({layer.InputDim}, {layer.OutputDim}), }}");
        AtomicFile.Write(path, stream =>
        {
            // The data starts on a 64-byte boundary: magic (6) + version (2) + length (2 or 4) + header, ending in '\n'.
            int version = dictionary.Length + 1 + 10 <= ushort.MaxValue ? 1 : 2;
            int prefix = version == 1 ? 10 : 12;
            int headerLength = (((prefix + dictionary.Length + 1 + 63) / 64) * 64) - prefix;
            byte[] header = Encoding.ASCII.GetBytes(dictionary.PadRight(headerLength - 1) + "\n");
            stream.Write(Magic);
            stream.WriteByte((byte)version);
            stream.WriteByte(0);
            Span<byte> length = stackalloc byte[4];
            if (version == 1)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
                stream.Write(length[..2]);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)header.Length);
                stream.Write(length);
            }

            stream.Write(header);
            LittleEndianFloats.Write(stream, layer.Weights);
        });
    }

    /// <summary>
    /// Loads a 2-D float32 C-order array of shape <c>(InputDim, OutputDim)</c> into the layer, and reports how many of
    /// its values are NaN or infinite. The file is checked in full first; on any problem the layer is unchanged.
    /// </summary>
    /// <param name="layer">The layer whose weights receive the array.</param>
    /// <param name="path">The .npy file.</param>
    /// <param name="rejectNonFinite">Whether a NaN or infinite value makes the load throw instead of being loaded.</param>
    /// <exception cref="WeightFileException">
    /// The file is malformed, Fortran-ordered, not float32, or of another shape; or it holds a value that is not finite
    /// and <paramref name="rejectNonFinite"/> is set.
    /// </exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static WeightLoadReport Load(IEmbeddingLayer layer, string path, bool rejectNonFinite = false) =>
        Load(layer, path, rejectNonFinite, afterEachBlock: null);

    /// <summary>Loads as the public overload does; <paramref name="afterEachBlock"/> lets a test change the file mid-read.</summary>
    internal static WeightLoadReport Load(IEmbeddingLayer layer, string path, bool rejectNonFinite, Action<long>? afterEachBlock)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using WeightFileReader file = WeightFileReader.Open(path, afterEachBlock);
        long fileLength = file.Length;
        if (fileLength < Magic.Length)
        {
            throw new WeightFileException(path, $"the file is {fileLength} bytes, too short to start with the .npy magic bytes \\x93NUMPY.");
        }

        if (!file.Read(0, Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new WeightFileException(path, "the file does not start with the .npy magic bytes \\x93NUMPY.");
        }

        if (fileLength < 10)
        {
            throw new WeightFileException(path, $"the file is {fileLength} bytes, too short for the version and header length after the magic bytes (truncated?).");
        }

        byte[] version = file.Read(6, 2);
        int major = version[0];
        // numpy 1.24 reads exactly these three versions; a 1.1 may mean a layout it does not know.
        int prefix = (major, version[1]) switch
        {
            (1, 0) => 10,
            (2 or 3, 0) => 12,
            _ => throw new WeightFileException(path, $"format version {major}.{version[1]} is not one of 1.0, 2.0 and 3.0."),
        };
        if (fileLength < prefix)
        {
            throw new WeightFileException(path, $"the file is {fileLength} bytes, too short for a version {major} header.");
        }

        long headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(file.Read(8, 2))
            : BinaryPrimitives.ReadUInt32LittleEndian(file.Read(8, 4));
        if (headerLength > fileLength - prefix)
        {
            throw new WeightFileException(path, $"the header length {headerLength} runs past the end of the file ({fileLength} bytes).");
        }

        if (headerLength > MaxHeaderLength)
        {
            throw new WeightFileException(path, $"the header length {headerLength} exceeds the {MaxHeaderLength} bytes this reader accepts for a dictionary literal.");
        }

        string header;
        try
        {
            Encoding encoding = major == 3 ? new UTF8Encoding(false, throwOnInvalidBytes: true) : Encoding.Latin1;
            header = encoding.GetString(file.Read(prefix, (int)headerLength));
        }
        catch (DecoderFallbackException exception)
        {
            throw new WeightFileException(path, "the header is not valid UTF-8.", exception);
        }

        (bool bigEndian, long rows, long columns) = ParseHeader(path, header, major);
        if (rows != layer.InputDim || columns != layer.OutputDim)
        {
            throw new WeightFileException(path, $"the array has shape ({rows}, {columns}), but the layer needs ({layer.InputDim}, {layer.OutputDim}).");
        }

        long dataStart = prefix + headerLength;
        long expected = rows * columns * sizeof(float);
        if (fileLength - dataStart != expected)
        {
            throw new WeightFileException(
                path, $"the array needs {expected} data bytes, but the file holds {fileLength - dataStart}{(fileLength - dataStart < expected ? " (truncated?)" : string.Empty)}.");
        }

        // Everything in the header is checked; the table is staged, checked, and written into the layer only once it is
        // read whole and passed the check.
        var nonFinite = new NonFiniteTally(layer.OutputDim);
        file.ReadTable(dataStart, "F32", sizeof(float), bigEndian, layer.Weights, staged => nonFinite.CheckTable(staged, path, rejectNonFinite));
        return new WeightLoadReport(nonFinite.Count);
    }

    /// <summary>
    /// Reads the header as numpy 1.24 does: it evaluates the text as a Python literal (so a repeated key keeps its last
    /// value, and text inside a string is never a key), requires a dictionary of exactly descr, fortran_order and shape,
    /// a shape that is a tuple of integers and a bool fortran_order. Python 2 wrote long integers with an <c>L</c>
    /// suffix (<c>(50L, 8L)</c>); numpy drops it in 1.0 and 2.0 files, which Python 2 could write, and so does this reader.
    /// </summary>
    private static (bool BigEndian, long Rows, long Columns) ParseHeader(string path, string header, int major)
    {
        object literal;
        try
        {
            literal = PythonLiteral.Parse(header, longSuffixes: major <= 2);
        }
        catch (FormatException exception)
        {
            throw new WeightFileException(path, $"the header cannot be read as a Python literal ({exception.Message}): {PythonLiteral.Excerpt(header.Trim())}", exception);
        }

        if (literal is not PythonLiteral.Dict dictionary)
        {
            throw new WeightFileException(path, $"the header is not a dictionary with 'descr', 'fortran_order' and 'shape', but {PythonLiteral.Repr(literal)}.");
        }

        var entries = dictionary.Entries.Where(entry => entry.Key is string).ToDictionary(entry => (string)entry.Key, entry => entry.Value, StringComparer.Ordinal);
        if (dictionary.Entries.Count != HeaderKeys.Length || !HeaderKeys.All(entries.ContainsKey))
        {
            string keys = PythonLiteral.Excerpt(string.Join(", ", dictionary.Entries.Select(entry => PythonLiteral.Repr(entry.Key)).Order(StringComparer.Ordinal)));
            throw new WeightFileException(path, $"the header's dictionary has the keys [{keys}], but numpy reads one of exactly 'descr', 'fortran_order' and 'shape'.");
        }

        object shape = entries["shape"];
        if (shape is not PythonLiteral.Tuple { Items: var dimensions } || !dimensions.All(dimension => dimension is BigInteger))
        {
            throw new WeightFileException(path, $"the array's shape {PythonLiteral.Repr(shape)} is not a tuple of integers.");
        }

        if (entries["fortran_order"] is not bool fortranOrder)
        {
            throw new WeightFileException(path, $"fortran_order is {PythonLiteral.Repr(entries["fortran_order"])}, not True or False.");
        }

        // numpy reads a string descr with numpy.dtype(descr): each of these spellings is float32, native order (which is
        // little-endian wherever .npy files are written in practice) unless '>' says big-endian.
        object type = entries["descr"];
        bool bigEndian = type is ">f4" or ">f";
        if (!bigEndian && type is not ("<f4" or "=f4" or "|f4" or "f4" or "<f" or "=f" or "|f" or "f" or "float32" or "single"))
        {
            throw new WeightFileException(path, $"the array's dtype is {PythonLiteral.Repr(type)}, but an embedding table loads from float32 ('<f4').");
        }

        if (fortranOrder)
        {
            throw new WeightFileException(path, "the array is in Fortran (column-major) order; save it with numpy.ascontiguousarray(...) for C order.");
        }

        if (dimensions.Count != 2 || !dimensions.All(dimension => (BigInteger)dimension >= 0 && (BigInteger)dimension <= long.MaxValue))
        {
            throw new WeightFileException(path, $"the array has shape {PythonLiteral.Repr(shape)}, but an embedding table needs a 2-D shape of whole numbers (rows, columns).");
        }

        return (bigEndian, (long)(BigInteger)dimensions[0], (long)(BigInteger)dimensions[1]);
    }
}
