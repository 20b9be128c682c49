using System;
using CsCheck;
using Embedding.Generated.Constraints;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Constraints;

/// <summary>
/// Properties of Keras's norm constraints over random tables, checked against the formulas of Keras's documentation
/// (<c>keras/src/constraints/constraints.py</c>) evaluated in double: each slice is scaled by
/// <c>desired(n) / (epsilon + n)</c> with <c>n</c> its norm and epsilon 1e-7, so a slice inside the bound still shrinks by
/// <c>n / (n + epsilon)</c>. The constraint computes in float32, as Keras does; the tolerances are a few float32 roundings.
/// </summary>
public sealed class NormConstraintPropertyTests
{
    private const double Epsilon = 1e-7;
    private const double FloatRounding = 1e-6;

    // CsCheck's floats reach down to the subnormal range, where float32 keeps an absolute, not a relative, precision.
    private const double SmallestNormalFloat = 1.1754944e-38;
    private const long Iterations = 500;

    /// <summary>0, or a bound in [0.001, 5]: a subnormal bound would only test float32's subnormal rounding.</summary>
    private static Gen<float> Bound { get; } = Gen.Float[0f, 5f].Select(value => value < 1e-3f ? 0f : value);

    [Fact]
    public void MaxNorm_leaves_no_slice_with_a_norm_above_max_value()
    {
        Gen.Select(TableGen.Any, Gen.Float[0.01f, 50f], TableGen.Axis).Sample((table, maxValue, axis) =>
        {
            float[] values = table.CopyOfValues();
            new MaxNorm(maxValue, axis).Apply(values, table.Rows, table.Columns);

            for (int slice = 0; slice < table.SliceCount(axis); slice++)
            {
                double norm = table.SliceNorm(values, axis, slice);
                Check(norm <= maxValue * (1 + FloatRounding), $"axis {axis} slice {slice} has norm {norm:R} after MaxNorm({maxValue:R}).");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void MaxNorm_shrinks_a_slice_within_the_bound_only_by_n_over_n_plus_epsilon_and_scales_the_rest_to_the_bound()
    {
        Gen.Select(TableGen.Any, Gen.Float[0.01f, 50f], TableGen.Axis).Sample((table, maxValue, axis) =>
        {
            float[] values = table.CopyOfValues();
            new MaxNorm(maxValue, axis).Apply(values, table.Rows, table.Columns);

            AssertEachSliceScaledBy(table, values, axis, norm => Math.Clamp(norm, 0, maxValue) / (Epsilon + norm));
        }, iter: Iterations);
    }

    [Fact]
    public void UnitNorm_gives_every_slice_norm_n_over_n_plus_epsilon_and_keeps_a_zero_slice_zero()
    {
        Gen.Select(TableGen.Any, TableGen.Axis).Sample((table, axis) =>
        {
            float[] values = table.CopyOfValues();
            new UnitNorm(axis).Apply(values, table.Rows, table.Columns);

            for (int slice = 0; slice < table.SliceCount(axis); slice++)
            {
                double before = table.SliceNorm(table.Values, axis, slice);
                double after = table.SliceNorm(values, axis, slice);
                if (before == 0)
                {
                    Check(table.SliceIsZero(values, axis, slice), $"axis {axis} zero slice {slice} became nonzero.");
                    continue;
                }

                // Keras's UnitNorm gives n / (n + epsilon): 1 less a shrink that only matters near epsilon.
                double expected = before / (before + Epsilon);
                Check(Math.Abs(after - expected) <= FloatRounding, $"axis {axis} slice {slice} of norm {before:R} has norm {after:R}, not {expected:R}.");
                Check(after <= 1 + FloatRounding, $"axis {axis} slice {slice} has norm {after:R} > 1.");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void MinMaxNorm_with_rate_one_puts_every_slice_of_norm_above_a_hundredth_into_the_range()
    {
        Gen<(float Min, float Max)> range = from min in Bound from width in Bound select (min, min + width);
        Gen.Select(TableGen.Any, range, TableGen.Axis).Sample((table, bounds, axis) =>
        {
            float[] values = table.CopyOfValues();
            new MinMaxNorm(bounds.Min, bounds.Max, rate: 1f, axis).Apply(values, table.Rows, table.Columns);

            for (int slice = 0; slice < table.SliceCount(axis); slice++)
            {
                double before = table.SliceNorm(table.Values, axis, slice);
                double after = table.SliceNorm(values, axis, slice);
                Check(after <= bounds.Max * (1 + FloatRounding), $"axis {axis} slice {slice} has norm {after:R} > max {bounds.Max:R}.");

                // Below a norm of 0.01 Keras's epsilon leaves a slice short of min by more than 1e-5 of it.
                if (before >= 0.01)
                {
                    Check(after >= bounds.Min * (1 - 2e-5), $"axis {axis} slice {slice} of norm {before:R} has norm {after:R} < min {bounds.Min:R}.");
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void MinMaxNorm_moves_each_slice_by_rate_times_the_clip_plus_one_minus_rate_times_the_norm()
    {
        Gen<(float Min, float Max, float Rate)> parameters =
            from min in Bound from width in Bound from rate in Gen.Float[0f, 1f] select (min, min + width, rate);
        Gen.Select(TableGen.Any, parameters, TableGen.Axis).Sample((table, p, axis) =>
        {
            float[] values = table.CopyOfValues();
            new MinMaxNorm(p.Min, p.Max, p.Rate, axis).Apply(values, table.Rows, table.Columns);

            AssertEachSliceScaledBy(table, values, axis, norm => ((p.Rate * Math.Clamp(norm, p.Min, p.Max)) + ((1 - p.Rate) * norm)) / (Epsilon + norm));
        }, iter: Iterations);
    }

    [Fact]
    public void Applying_a_norm_constraint_twice_changes_a_table_with_no_tiny_slice_by_rounding_only()
    {
        Gen<NormConstraint> constraints =
            from kind in Gen.Int[0, 2]
            from axis in TableGen.Axis
            from min in Gen.Float[0.1f, 5f]
            from width in Gen.Float[0f, 5f]
            select kind switch
            {
                0 => (NormConstraint)new MaxNorm(min, axis),
                1 => new UnitNorm(axis),
                _ => new MinMaxNorm(min, min + width, rate: 1f, axis),
            };
        Gen.Select(TableGen.AwayFromZero, constraints).Sample((table, constraint) =>
        {
            float[] once = table.CopyOfValues();
            constraint.Apply(once, table.Rows, table.Columns);
            float[] twice = (float[])once.Clone();
            constraint.Apply(twice, table.Rows, table.Columns);

            // The second pass multiplies each slice by desired(n') / (n' + epsilon) with n' already in range: 1, less
            // epsilon / n' (below 1e-6 here), up to float rounding.
            for (int i = 0; i < once.Length; i++)
            {
                Check(
                    Math.Abs(twice[i] - once[i]) <= (2 * FloatRounding * Math.Abs(once[i])) + Epsilon,
                    $"{constraint}: element {i} is {once[i]:R} after one pass and {twice[i]:R} after two.");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Along_axis_1_Apply_on_the_table_equals_ApplyToRow_on_each_row()
    {
        Gen<IConstraint> rowWise = Gen.Int[0, 4].Select(kind => kind switch
        {
            0 => (IConstraint)new MaxNorm(1.5f, axis: 1),
            1 => new UnitNorm(axis: 1),
            2 => new MinMaxNorm(0.5f, 2f, rate: 0.7f, axis: 1),
            3 => new MaxNorm(0.25f, axis: -1),
            _ => new NonNeg(),
        });
        Gen.Select(TableGen.Any, rowWise).Sample((table, constraint) =>
        {
            Check(constraint.IsRowWise, $"{constraint} is not row-wise.");
            float[] whole = table.CopyOfValues();
            constraint.Apply(whole, table.Rows, table.Columns);
            float[] byRow = table.CopyOfValues();
            for (int row = 0; row < table.Rows; row++)
            {
                constraint.ApplyToRow(byRow.AsSpan(row * table.Columns, table.Columns));
            }

            for (int i = 0; i < whole.Length; i++)
            {
                Check(
                    BitConverter.SingleToUInt32Bits(whole[i]) == BitConverter.SingleToUInt32Bits(byRow[i]),
                    $"{constraint}: element {i} is {whole[i]:R} from Apply and {byRow[i]:R} from ApplyToRow.");
            }
        }, iter: Iterations);
    }

    /// <summary>Each element of each slice equals its value before times <paramref name="factor"/>(slice norm), a Keras formula in double.</summary>
    private static void AssertEachSliceScaledBy(Table table, float[] after, int axis, Func<double, double> factor)
    {
        for (int slice = 0; slice < table.SliceCount(axis); slice++)
        {
            double norm = table.SliceNorm(table.Values, axis, slice);
            double scale = norm == 0 ? 0 : factor(norm);
            for (int k = 0; k < table.SliceLength(axis); k++)
            {
                int index = table.IndexOf(axis, slice, k);
                double expected = table.Values[index] * scale;
                Check(
                    Math.Abs(after[index] - expected) <= (FloatRounding * Math.Abs(expected)) + SmallestNormalFloat,
                    $"axis {axis} slice {slice} (norm {norm:R}) element {k}: {table.Values[index]:R} became {after[index]:R}, the formula gives {expected:R}.");
            }
        }
    }

    // CsCheck shrinks on any exception; an XunitException carries the message into the test report.
    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new XunitException(message);
        }
    }
}
