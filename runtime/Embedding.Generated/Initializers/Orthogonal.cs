using System;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Initializers;

/// <summary>
/// Keras 3's <c>Orthogonal(gain)</c>: a table with orthonormal columns (when <c>InputDim &gt;= OutputDim</c>) or
/// orthonormal rows (when <c>InputDim &lt; OutputDim</c>), times <see cref="Gain"/>.
/// </summary>
/// <remarks>
/// <para>
/// As in Keras 3: <c>A</c> of shape <c>(max(InputDim, OutputDim), min(InputDim, OutputDim))</c> is drawn from N(0, 1),
/// row-major, from the same stream <see cref="RandomNormal"/> would use; <c>Q, R = qr(A)</c> (the thin factorisation);
/// <c>Q</c>'s columns are multiplied by the signs of <c>R</c>'s diagonal, which makes the factorisation unique (it is
/// then the <c>Q</c> Gram-Schmidt would give), so the result depends on <c>A</c> alone; <c>Q</c> is transposed when
/// <c>InputDim &lt; OutputDim</c>; and every entry is multiplied by the gain.
/// </para>
/// <para>
/// The factorisation runs in double (Householder reflections, IEEE-exact operations only, so a seed gives the same
/// bits on every machine) and each weight is rounded to float once. It needs a double copy of the table and
/// <c>O(InputDim * OutputDim * min(InputDim, OutputDim))</c> operations. A zero on <c>R</c>'s diagonal (probability 0)
/// counts as positive, where Keras's <c>sign(0) = 0</c> would zero that column.
/// </para>
/// </remarks>
public sealed class Orthogonal : IEmbeddingInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is not finite.</exception>
    public Orthogonal(double gain = 1.0) => Gain = NumberGuard.Require(gain, ParameterRanges.Gain.Value);

    /// <summary>The factor applied to the orthogonal matrix.</summary>
    public double Gain { get; }

    /// <inheritdoc />
    public void Initialize(Span<float> weights, int inputDim, int outputDim, int seed)
    {
        InitializerGuard.ValidateTable(weights.Length, inputDim, outputDim);
        if (weights.IsEmpty)
        {
            return;
        }

        int tall = Math.Max(inputDim, outputDim);
        int narrow = Math.Min(inputDim, outputDim);

        // A is kept column-major (column j at j * tall), so each reflection walks contiguous memory.
        double[] matrix = new double[weights.Length];
        var normal = new GaussianStream(seed);
        for (int row = 0; row < tall; row++)
        {
            for (int column = 0; column < narrow; column++)
            {
                matrix[(column * tall) + row] = normal.NextStandardNormal();
            }
        }

        double[] q = OrthonormalFactor(matrix, tall, narrow);

        // Q is tall x narrow, column-major. Rows >= columns: weights[i, j] = Q[i, j]. Otherwise weights = Q^T, whose
        // row i is Q's column i, contiguous.
        for (int i = 0; i < inputDim; i++)
        {
            for (int j = 0; j < outputDim; j++)
            {
                double value = inputDim >= outputDim ? q[(j * tall) + i] : q[(i * tall) + j];
                weights[(i * outputDim) + j] = (float)(Gain * value);
            }
        }
    }

    /// <summary>
    /// The thin <c>Q</c> of <c>A = QR</c> (<paramref name="rows"/> x <paramref name="columns"/>, column-major, rows &gt;=
    /// columns), with each column multiplied by the sign of <c>R</c>'s diagonal entry. <paramref name="a"/> is overwritten.
    /// </summary>
    private static double[] OrthonormalFactor(double[] a, int rows, int columns)
    {
        // Householder: reflection k maps A's column k (from row k down) onto beta_k * e_1. Its vector v (v[0] = 1, the
        // rest stored below the diagonal of column k) and factor tau give H_k = I - tau v v^T; beta_k is R[k, k].
        var tau = new double[columns];
        var diagonal = new double[columns];
        for (int k = 0; k < columns; k++)
        {
            Span<double> x = a.AsSpan((k * rows) + k, rows - k);
            double squareSum = 0;
            foreach (double value in x)
            {
                squareSum += value * value;
            }

            double norm = Math.Sqrt(squareSum);
            if (norm == 0)
            {
                continue;
            }

            // beta takes the sign opposite to x[0], so x[0] - beta adds magnitudes and never cancels.
            double beta = x[0] >= 0 ? -norm : norm;
            double head = x[0] - beta;
            for (int i = 1; i < x.Length; i++)
            {
                x[i] /= head;
            }

            tau[k] = (beta - x[0]) / beta;
            x[0] = beta;
            diagonal[k] = beta;
            for (int j = k + 1; j < columns; j++)
            {
                Reflect(x, tau[k], a.AsSpan((j * rows) + k, rows - k));
            }
        }

        // Q = H_0 H_1 ... H_(n-1) applied to the first `columns` columns of the identity, built from the last
        // reflection back; H_k leaves columns before k alone, since they are zero from row k down.
        var q = new double[rows * columns];
        for (int j = 0; j < columns; j++)
        {
            q[(j * rows) + j] = 1.0;
        }

        for (int k = columns - 1; k >= 0; k--)
        {
            if (tau[k] == 0)
            {
                continue;
            }

            ReadOnlySpan<double> v = a.AsSpan((k * rows) + k, rows - k);
            for (int j = k; j < columns; j++)
            {
                Reflect(v, tau[k], q.AsSpan((j * rows) + k, rows - k));
            }
        }

        for (int j = 0; j < columns; j++)
        {
            if (diagonal[j] < 0)
            {
                foreach (ref double value in q.AsSpan(j * rows, rows))
                {
                    value = -value;
                }
            }
        }

        return q;
    }

    // y = (I - tau v v^T) y, with v[0] taken as 1 (the slot holds R's entry, not v's).
    private static void Reflect(ReadOnlySpan<double> v, double tau, Span<double> y)
    {
        double dot = y[0];
        for (int i = 1; i < y.Length; i++)
        {
            dot += v[i] * y[i];
        }

        double step = tau * dot;
        y[0] -= step;
        for (int i = 1; i < y.Length; i++)
        {
            y[i] -= step * v[i];
        }
    }
}
