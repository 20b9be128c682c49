using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Embedding.Generated.Serialization;

/// <summary>
/// Counts the NaN and infinite values a load is about to put into a table and remembers the first, so that the load can
/// report them, or refuse them before it writes a single weight.
/// </summary>
internal sealed class NonFiniteTally
{
    // Decoding in chunks of this many values keeps the scan's buffer small whatever the table's size.
    private const int ChunkLength = 1 << 16;

    private readonly int _columns;
    private long _firstIndex = -1;
    private float _firstValue;
    private string? _firstSource;

    /// <summary>Writes the table's values from index <paramref name="start"/> on into <paramref name="chunk"/>.</summary>
    public delegate void ChunkDecoder(int start, Span<float> chunk);

    public NonFiniteTally(int columns)
    {
        _columns = columns;
    }

    /// <summary>How many values were not finite.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Tallies a table of <paramref name="length"/> values that <paramref name="decode"/> writes a chunk at a time into
    /// a buffer of the scan's own; nothing is written to the layer.
    /// </summary>
    public static NonFiniteTally Scan(int length, int columns, ChunkDecoder decode)
    {
        var tally = new NonFiniteTally(columns);
        float[] chunk = new float[Math.Min(length, ChunkLength)];
        for (int start = 0; start < length; start += chunk.Length)
        {
            Span<float> values = chunk.AsSpan(0, Math.Min(chunk.Length, length - start));
            decode(start, values);
            tally.AddAll(values, start);
        }

        return tally;
    }

    /// <summary>
    /// Tallies <paramref name="value"/> at flat index <paramref name="index"/> if it is not finite;
    /// <paramref name="source"/> says where it was read, for the message (a text line and its spelling).
    /// </summary>
    public void Add(long index, float value, string? source = null)
    {
        if (float.IsFinite(value))
        {
            return;
        }

        if (Count++ == 0)
        {
            _firstIndex = index;
            _firstValue = value;
            _firstSource = source;
        }
    }

    /// <summary>Throws for the first value that is not finite when the caller rejects them; nothing happens otherwise.</summary>
    public void ThrowIfRejected(string path, bool rejectNonFinite)
    {
        if (!rejectNonFinite || Count == 0)
        {
            return;
        }

        long row = _columns == 0 ? 0 : _firstIndex / _columns;
        long column = _columns == 0 ? 0 : _firstIndex % _columns;
        string value = _firstValue.ToString(CultureInfo.InvariantCulture);
        throw new WeightFileException(
            path,
            $"row {row}, column {column} is {value}{(_firstSource is null ? string.Empty : $" ({_firstSource})")}; rejectNonFinite refuses NaN and infinite weights, and this load would have put {Count} of them into the table.");
    }

    private void AddAll(ReadOnlySpan<float> values, long firstIndex)
    {
        // NaN and the infinities are the floats whose exponent bits are all ones; a vector test skips clean stretches.
        const int ExponentBits = 0x7F800000;
        ReadOnlySpan<int> bits = MemoryMarshal.Cast<float, int>(values);
        var exponent = new Vector<int>(ExponentBits);
        int i = 0;
        while (i <= bits.Length - Vector<int>.Count && !Vector.EqualsAny(new Vector<int>(bits[i..]) & exponent, exponent))
        {
            i += Vector<int>.Count;
        }

        for (; i < values.Length; i++)
        {
            Add(firstIndex + i, values[i]);
        }
    }
}
