using System;
using Embedding.Generated.Constraints;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Constraints;

/// <summary>
/// A constraint runs after every optimizer step, so once warmed up it must allocate nothing, whatever the width of the
/// table: counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/>.
/// </summary>
public sealed class ConstraintAllocationTests
{
    public static TheoryData<string, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (string constraint in new[] { "MaxNorm", "UnitNorm", "MinMaxNorm" })
            {
                // 1024 columns is the widest a small stack buffer covers; 1025 and 3000 are past it.
                foreach (int outputDim in new[] { 8, 1024, 1025, 3000 })
                {
                    data.Add(constraint, outputDim);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Projecting_columns_along_axis_0_allocates_nothing_at_any_width(string constraint, int outputDim)
    {
        NormConstraint projection = constraint switch
        {
            "MaxNorm" => new MaxNorm(1f, axis: 0),
            "UnitNorm" => new UnitNorm(axis: 0),
            _ => new MinMaxNorm(0.5f, 1f, axis: 0),
        };
        const int inputDim = 3;
        float[] weights = new float[inputDim * outputDim];
        weights.AsSpan().Fill(2f);
        projection.Apply(weights, inputDim, outputDim);

        long before = GC.GetAllocatedBytesForCurrentThread();
        projection.Apply(weights, inputDim, outputDim);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(1025)]
    [InlineData(3000)]
    public void Projecting_a_wide_table_along_axis_0_bounds_every_column(int outputDim)
    {
        // Column j holds (j + 1) * (1, 2, 3) / 1000: norms from 0.0037 to 11.2, so some are inside MaxNorm(2) and some not.
        const int inputDim = 3;
        float[] weights = new float[inputDim * outputDim];
        for (int row = 0; row < inputDim; row++)
        {
            for (int column = 0; column < outputDim; column++)
            {
                weights[(row * outputDim) + column] = (column + 1) * (row + 1) / 1000f;
            }
        }

        float[] before = (float[])weights.Clone();
        new MaxNorm(2f, axis: 0).Apply(weights, inputDim, outputDim);

        for (int column = 0; column < outputDim; column++)
        {
            double norm = 0, normBefore = 0;
            for (int row = 0; row < inputDim; row++)
            {
                norm += (double)weights[(row * outputDim) + column] * weights[(row * outputDim) + column];
                normBefore += (double)before[(row * outputDim) + column] * before[(row * outputDim) + column];
            }

            double expected = Math.Min(Math.Sqrt(normBefore), 2) * Math.Sqrt(normBefore) / (Math.Sqrt(normBefore) + 1e-7);
            Assert.Equal(expected, Math.Sqrt(norm), 1e-6 * expected);
        }
    }
}
