using System;
using CsCheck;

namespace Embedding.Generated.Runtime.Tests.Constraints;

/// <summary>CsCheck generators of weight tables for the constraint properties.</summary>
public static class TableGen
{
    // Declared first: static initializers run in order, and AwayFromZero reads it.
    private static Gen<float> SignedMagnitude { get; } =
        from magnitude in Gen.Float[0.5f, 10f]
        from negative in Gen.Bool
        select negative ? -magnitude : magnitude;

    /// <summary>
    /// Tables of 1 to 12 rows and columns, values in [-10, 10] scaled by 1, 1e-5 (norms near Keras's epsilon of 1e-7,
    /// where its shrink n / (n + epsilon) shows) or 100, with one row and one column sometimes zeroed (an all-zero slice
    /// must stay zero along either axis).
    /// </summary>
    public static Gen<Table> Any { get; } =
        from rows in Gen.Int[1, 12]
        from columns in Gen.Int[1, 12]
        from scale in Gen.OneOf(1f, 1e-5f, 100f)
        from values in Gen.Float[-10f, 10f].Array[rows * columns]
        from zeroRow in Gen.Int[-1, rows - 1]
        from zeroColumn in Gen.Int[-1, columns - 1]
        select Build(rows, columns, values, scale, zeroRow, zeroColumn);

    /// <summary>
    /// Tables whose every value has a magnitude in [0.5, 10], so every slice that is not zeroed has a norm of 0.5 or more
    /// and Keras's epsilon changes it by at most 2e-7 of itself.
    /// </summary>
    public static Gen<Table> AwayFromZero { get; } =
        from rows in Gen.Int[1, 12]
        from columns in Gen.Int[1, 12]
        from values in SignedMagnitude.Array[rows * columns]
        from zeroRow in Gen.Int[-1, rows - 1]
        from zeroColumn in Gen.Int[-1, columns - 1]
        select Build(rows, columns, values, 1f, zeroRow, zeroColumn);

    /// <summary>0 (norms of columns, Keras's default) or 1 (norms of rows, each token's vector).</summary>
    public static Gen<int> Axis { get; } = Gen.Int[0, 1];

    private static Table Build(int rows, int columns, float[] values, float scale, int zeroRow, int zeroColumn)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= scale;
        }

        if (zeroRow >= 0)
        {
            values.AsSpan(zeroRow * columns, columns).Clear();
        }

        if (zeroColumn >= 0)
        {
            for (int row = 0; row < rows; row++)
            {
                values[(row * columns) + zeroColumn] = 0f;
            }
        }

        return new Table(rows, columns, values);
    }
}
