using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Embedding.Generated.Kernels;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Constraints;

/// <summary>
/// The common shape of Keras's norm constraints: each slice along <see cref="Axis"/> is scaled by
/// <c>desired(n) / (epsilon + n)</c>, where <c>n</c> is its Euclidean norm and epsilon is Keras's <c>1e-7</c>.
/// </summary>
/// <remarks>
/// <para>
/// For an embedding table of shape <c>(InputDim, OutputDim)</c>, <b>axis 0</b> (Keras's default) takes the norm of
/// each <em>column</em>, across the whole vocabulary; <b>axis 1</b> takes the norm of each row, that is of each
/// token's vector, which is usually what an embedding wants. Axis 0 always projects the whole table; axis 1 lets a
/// sparse step project only the rows it changed.
/// </para>
/// <para>
/// Like Keras, the epsilon is always applied, so a slice already inside the bound still shrinks by <c>n / (n + 1e-7)</c>,
/// and the arithmetic is float32 as in Keras and TensorFlow.js. An all-zero slice stays zero.
/// </para>
/// </remarks>
public abstract class NormConstraint : IConstraint
{
    /// <summary>Keras's <c>backend.epsilon()</c>.</summary>
    public const float Epsilon = 1e-7f;

    /// <summary>Validates and stores the axis.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0, 1 or -1.</exception>
    protected NormConstraint(int axis)
    {
        Axis = NumberGuard.Require(axis, ParameterRanges.NormConstraint.Axis) == -1 ? 1 : axis;
    }

    /// <summary>0: norms of columns (across the vocabulary); 1: norms of rows (each token's vector).</summary>
    public int Axis { get; }

    /// <inheritdoc />
    public bool IsRowWise => Axis == 1;

    /// <summary>The norm a slice of norm <paramref name="norm"/> should have.</summary>
    protected abstract float DesiredNorm(float norm);

    /// <inheritdoc />
    public void Apply(Span<float> weights, int inputDim, int outputDim)
    {
        EmbeddingGuard.ValidateTableLength(weights.Length, inputDim, outputDim, nameof(weights));
        if (Axis == 1)
        {
            for (int row = 0; row < inputDim; row++)
            {
                ScaleToDesiredNorm(weights.Slice(row * outputDim, outputDim));
            }

            return;
        }

        // Axis 0: one norm per column. Columns go in blocks that fit a stack buffer, so no width allocates (this runs
        // after every optimizer step); within a block rows are read in order, so the pass stays sequential in memory.
        const int BlockWidth = 1024;
        Span<double> squareSums = stackalloc double[Math.Min(outputDim, BlockWidth)];
        Span<float> factors = stackalloc float[squareSums.Length];
        for (int first = 0; first < outputDim; first += BlockWidth)
        {
            int width = Math.Min(BlockWidth, outputDim - first);
            Span<double> blockSums = squareSums[..width];
            blockSums.Clear();
            for (int row = 0; row < inputDim; row++)
            {
                ReadOnlySpan<float> values = weights.Slice((row * outputDim) + first, width);
                for (int column = 0; column < width; column++)
                {
                    blockSums[column] += (double)values[column] * values[column];
                }
            }

            for (int column = 0; column < width; column++)
            {
                factors[column] = Factor((float)Math.Sqrt(blockSums[column]));
            }

            for (int row = 0; row < inputDim; row++)
            {
                Span<float> values = weights.Slice((row * outputDim) + first, width);
                for (int column = 0; column < width; column++)
                {
                    values[column] *= factors[column];
                }
            }
        }
    }

    /// <inheritdoc />
    public void ApplyToRow(Span<float> row)
    {
        if (!IsRowWise)
        {
            throw new InvalidOperationException($"{this} normalises columns across the whole vocabulary (axis 0), so it cannot project a row alone.");
        }

        ScaleToDesiredNorm(row);
    }

    private void ScaleToDesiredNorm(Span<float> slice)
    {
        float factor = Factor((float)Math.Sqrt(SumOfSquares(slice)));
        var streams = new ElementStreams { Target = ref MemoryMarshal.GetReference(slice) };
        ElementwiseLadder.Run(new ScaleKernel(factor), ref streams, slice.Length);
    }

    // Target *= factor.
    private readonly struct ScaleKernel(float factor) : IElementwiseKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke<T>(scoped ref ElementStreams streams, nuint i)
            where T : struct, IFloatLanes<T> =>
            T.StoreUnsafe(T.LoadUnsafe(ref streams.Target, i) * T.Create(factor), ref streams.Target, i);
    }

    // In double, where each square is exact, so the sum's rounding stays far below float32's and the order of
    // the additions (vector lanes, then the tail) cannot show in the float32 norm.
    private static double SumOfSquares(ReadOnlySpan<float> slice)
    {
        ref float value = ref MemoryMarshal.GetReference(slice);
        double sum = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && slice.Length >= Vector256<float>.Count)
        {
            Vector256<double> lowerSum = Vector256<double>.Zero;
            Vector256<double> upperSum = Vector256<double>.Zero;
            for (; i <= slice.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(Vector256.LoadUnsafe(ref value, (nuint)i));
                lowerSum += lower * lower;
                upperSum += upper * upper;
            }

            sum = Vector256.Sum(lowerSum + upperSum);
        }

        for (; i < slice.Length; i++)
        {
            double element = Unsafe.Add(ref value, i);
            sum += element * element;
        }

        return sum;
    }

    // desired / (epsilon + n), in float32 as Keras computes it.
    private float Factor(float norm) => DesiredNorm(norm) / (Epsilon + norm);
}
