using System;
using System.Globalization;
using System.Linq;

namespace Embedding.Generated.Runtime.Tests.Constraints;

/// <summary>
/// A row-major <c>Rows x Columns</c> weight table for the property tests, with the slices a norm constraint works on:
/// along axis 0 the slices are the columns (each spans every row), along axis 1 they are the rows.
/// </summary>
public sealed record Table(int Rows, int Columns, float[] Values)
{
    public int SliceCount(int axis) => axis == 0 ? Columns : Rows;

    public int SliceLength(int axis) => axis == 0 ? Rows : Columns;

    /// <summary>The flat index of the <paramref name="k"/>-th element of slice <paramref name="slice"/>.</summary>
    public int IndexOf(int axis, int slice, int k) => axis == 0 ? (k * Columns) + slice : (slice * Columns) + k;

    /// <summary>The Euclidean norm of a slice of <paramref name="values"/> (laid out as this table), summed in double.</summary>
    public double SliceNorm(ReadOnlySpan<float> values, int axis, int slice)
    {
        double squareSum = 0;
        for (int k = 0; k < SliceLength(axis); k++)
        {
            double value = values[IndexOf(axis, slice, k)];
            squareSum += value * value;
        }

        return Math.Sqrt(squareSum);
    }

    /// <summary>Whether every element of a slice of <paramref name="values"/> is 0 (either sign).</summary>
    public bool SliceIsZero(ReadOnlySpan<float> values, int axis, int slice)
    {
        for (int k = 0; k < SliceLength(axis); k++)
        {
            if (values[IndexOf(axis, slice, k)] != 0f)
            {
                return false;
            }
        }

        return true;
    }

    public float[] CopyOfValues() => (float[])Values.Clone();

    // CsCheck prints the smallest failing table with this; a record would print only "System.Single[]".
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Rows}x{Columns} [{string.Join(", ", Values.Select(value => value.ToString("R", CultureInfo.InvariantCulture)))}]");
}
