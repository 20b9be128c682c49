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
    private readonly int _columns;
    private long _firstIndex = -1;
    private float _firstValue;
    private string? _firstSource;

    public NonFiniteTally(int columns)
    {
        _columns = columns;
    }

    /// <summary>How many values were not finite.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Tallies every value of a decoded table (flat, row-major), then throws for the first that is not finite when the
    /// caller rejects them.
    /// </summary>
    public void CheckTable(ReadOnlySpan<float> table, string path, bool rejectNonFinite)
    {
        AddAll(table);
        ThrowIfRejected(path, rejectNonFinite);
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

    private void AddAll(ReadOnlySpan<float> values)
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
            Add(i, values[i]);
        }
    }
}
