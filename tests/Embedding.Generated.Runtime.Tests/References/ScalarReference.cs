using System;
using System.Collections.Generic;

namespace Embedding.Generated.Runtime.Tests.References;

/// <summary>
/// The embedding layer written the plainest way, one float at a time, as the definition reads: the independent
/// reference the generated, vectorised code is compared with. No spans of vectors, no unsafe code, no shortcuts.
/// </summary>
public static class ScalarReference
{
    /// <summary><c>output[i, j] = weights[ids[i], j]</c>.</summary>
    public static float[] Forward(float[] weights, int outputDim, int[] ids)
    {
        var output = new float[ids.Length * outputDim];
        for (int i = 0; i < ids.Length; i++)
        {
            for (int j = 0; j < outputDim; j++)
            {
                output[(i * outputDim) + j] = weights[(ids[i] * outputDim) + j];
            }
        }

        return output;
    }

    /// <summary>Keras's <c>compute_mask</c> with <c>mask_zero=True</c>: <c>mask[i] = ids[i] != 0</c>.</summary>
    public static bool[] Mask(int[] ids)
    {
        var mask = new bool[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            mask[i] = ids[i] != 0;
        }

        return mask;
    }

    /// <summary>
    /// <c>weightGradient[ids[i], j] += outputGradient[i, j]</c>, positions in order, so repeated ids round exactly as a
    /// left-to-right float sum does.
    /// </summary>
    public static void DenseBackward(int[] ids, float[] outputGradient, int outputDim, float[] weightGradient)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            for (int j = 0; j < outputDim; j++)
            {
                weightGradient[(ids[i] * outputDim) + j] += outputGradient[(i * outputDim) + j];
            }
        }
    }

    /// <summary>
    /// The same gradient as distinct rows, in the order the ids first touch them, each the left-to-right float sum of
    /// the gradients of the positions that looked it up.
    /// </summary>
    public static (int[] Rows, float[] Values) SparseBackward(int[] ids, float[] outputGradient, int outputDim)
    {
        var rows = new List<int>();
        var sums = new Dictionary<int, float[]>();
        for (int i = 0; i < ids.Length; i++)
        {
            if (!sums.TryGetValue(ids[i], out float[]? sum))
            {
                sum = new float[outputDim];
                sums.Add(ids[i], sum);
                rows.Add(ids[i]);
            }

            for (int j = 0; j < outputDim; j++)
            {
                sum[j] += outputGradient[(i * outputDim) + j];
            }
        }

        var values = new float[rows.Count * outputDim];
        for (int k = 0; k < rows.Count; k++)
        {
            Array.Copy(sums[rows[k]], 0, values, k * outputDim, outputDim);
        }

        return (rows.ToArray(), values);
    }
}
