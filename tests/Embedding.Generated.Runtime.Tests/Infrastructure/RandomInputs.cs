using System;

namespace Embedding.Generated.Runtime.Tests.Infrastructure;

/// <summary>Seeded inputs for the numerical tests. <see cref="Random"/> is fine here: only the layer must be reproducible across machines.</summary>
public static class RandomInputs
{
    /// <summary>
    /// <paramref name="count"/> ids in <c>[0, inputDim)</c> that always include 0, <c>inputDim - 1</c> and a repeated id
    /// (when there are positions enough), so the edges of the table and accumulation are exercised on every call.
    /// </summary>
    public static int[] Ids(Random random, int inputDim, int count)
    {
        var ids = new int[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = random.Next(inputDim);
        }

        if (count >= 4)
        {
            ids[random.Next(count)] = 0;
            ids[random.Next(count)] = inputDim - 1;
            int source = random.Next(count);
            ids[(source + 1 + random.Next(count - 1)) % count] = ids[source];
        }

        return ids;
    }

    /// <summary>Floats of both signs spread over magnitudes 2^-8 to 2^8, so the order of additions shows in the rounding.</summary>
    public static float[] SpreadFloats(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            float unit = random.NextSingle() * 2f - 1f;
            values[i] = MathF.ScaleB(unit, random.Next(-8, 9));
        }

        return values;
    }

    /// <summary>Floats uniform in <c>[-1, 1)</c>.</summary>
    public static float[] UnitFloats(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.NextSingle() * 2f - 1f;
        }

        return values;
    }

    /// <summary>A layer whose weights are <see cref="SpreadFloats"/>, so a misplaced row or column cannot hide behind similar values.</summary>
    public static IEmbeddingLayer LayerWithSpreadWeights(LayerCase layerCase, Random random) =>
        layerCase.CreateFromWeights(SpreadFloats(random, layerCase.WeightCount));
}
