using System;
using System.Linq;
using Embedding.Generated.Initializers;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>
/// <see cref="Orthogonal"/>: orthonormal columns (rows when the table is wide) times the gain, and the Q of Keras 3's
/// recipe, checked against a Gram-Schmidt written here.
/// </summary>
public sealed class OrthogonalTests
{
    [Theory]
    [InlineData(200, 30)]
    [InlineData(64, 64)]
    [InlineData(1000, 64)]
    [InlineData(5, 1)]
    [InlineData(1, 1)]
    public void Tall_or_square_tables_have_orthonormal_columns(int inputDim, int outputDim)
    {
        float[] weights = InitializerSample.Table(new Orthogonal(), inputDim, outputDim, seed: 51);

        AssertGram(weights, inputDim, outputDim, columns: true, expectedDiagonal: 1.0);
    }

    [Theory]
    [InlineData(30, 200)]
    [InlineData(64, 64)]
    [InlineData(1, 5)]
    public void Wide_or_square_tables_have_orthonormal_rows(int inputDim, int outputDim)
    {
        float[] weights = InitializerSample.Table(new Orthogonal(), inputDim, outputDim, seed: 52);

        AssertGram(weights, inputDim, outputDim, columns: false, expectedDiagonal: 1.0);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(-0.5)]
    public void Gain_scales_the_orthonormal_matrix(double gain)
    {
        float[] weights = InitializerSample.Table(new Orthogonal(gain), 120, 40, seed: 53);
        float[] unit = InitializerSample.Table(new Orthogonal(), 120, 40, seed: 53);

        AssertGram(weights, 120, 40, columns: true, expectedDiagonal: gain * gain);
        for (int i = 0; i < weights.Length; i++)
        {
            Assert.Equal(gain * unit[i], weights[i], 1e-6);
        }
    }

    [Theory]
    [InlineData(200, 30)]
    [InlineData(30, 200)]
    public void The_table_is_the_Q_with_positive_R_diagonal_of_the_normal_matrix_RandomNormal_draws(int inputDim, int outputDim)
    {
        // Keras 3: A ~ N(0, 1) of shape (max, min), Q R = A with sign(diag R) folded into Q (which makes Q unique: it is
        // what Gram-Schmidt gives), transposed when rows < columns. A is the stream RandomNormal(0, 1) draws, there in
        // float: a well-conditioned A moves Q by about 1e-7 for that rounding.
        int tall = Math.Max(inputDim, outputDim);
        int narrow = Math.Min(inputDim, outputDim);
        float[] a = InitializerSample.Table(new RandomNormal(0, 1), tall, narrow, seed: 54);
        double[,] q = GramSchmidt(a, tall, narrow);

        float[] weights = InitializerSample.Table(new Orthogonal(), inputDim, outputDim, seed: 54);

        for (int i = 0; i < inputDim; i++)
        {
            for (int j = 0; j < outputDim; j++)
            {
                double expected = inputDim >= outputDim ? q[i, j] : q[j, i];
                Assert.Equal(expected, weights[(i * outputDim) + j], 1e-5);
            }
        }
    }

    [Fact]
    public void Different_seeds_give_different_matrices()
    {
        float[] first = InitializerSample.Table(new Orthogonal(), 100, 16, seed: 1);
        float[] second = InitializerSample.Table(new Orthogonal(), 100, 16, seed: 2);

        Assert.True(first.Zip(second).Count(pair => pair.First == pair.Second) <= 2, "two seeds gave nearly the same matrix");
    }

    // W^T W (columns) or W W^T (rows) is expectedDiagonal * I within 1e-5.
    private static void AssertGram(float[] weights, int rows, int cols, bool columns, double expectedDiagonal)
    {
        int count = columns ? cols : rows;
        int length = columns ? rows : cols;
        double Entry(int vector, int k) => columns ? weights[(k * cols) + vector] : weights[(vector * cols) + k];
        for (int a = 0; a < count; a++)
        {
            for (int b = a; b < count; b++)
            {
                double dot = 0;
                for (int k = 0; k < length; k++)
                {
                    dot += Entry(a, k) * Entry(b, k);
                }

                double expected = a == b ? expectedDiagonal : 0;
                if (Math.Abs(dot - expected) > 1e-5 * Math.Max(1, expectedDiagonal))
                {
                    throw new XunitException($"{(columns ? "Columns" : "Rows")} {a} and {b} have product {dot:R}, expected {expected:R}.");
                }
            }
        }
    }

    // Modified Gram-Schmidt on the columns of a row-major rows x cols matrix, in double.
    private static double[,] GramSchmidt(float[] a, int rows, int cols)
    {
        var q = new double[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                q[i, j] = a[(i * cols) + j];
            }
        }

        for (int j = 0; j < cols; j++)
        {
            for (int previous = 0; previous < j; previous++)
            {
                double projection = 0;
                for (int i = 0; i < rows; i++)
                {
                    projection += q[i, previous] * q[i, j];
                }

                for (int i = 0; i < rows; i++)
                {
                    q[i, j] -= projection * q[i, previous];
                }
            }

            double norm = 0;
            for (int i = 0; i < rows; i++)
            {
                norm += q[i, j] * q[i, j];
            }

            norm = Math.Sqrt(norm);
            for (int i = 0; i < rows; i++)
            {
                q[i, j] /= norm;
            }
        }

        return q;
    }
}
