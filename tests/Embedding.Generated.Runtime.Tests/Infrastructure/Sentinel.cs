using System;

namespace Embedding.Generated.Runtime.Tests.Infrastructure;

/// <summary>
/// Buffers pre-filled with a value no layer would write (outside the initializer's range, and changed by any addition
/// of a gradient of size 1), to prove a call that throws wrote nothing.
/// </summary>
public static class Sentinel
{
    public const float Value = 7.75f;

    public static float[] Floats(int count)
    {
        var values = new float[count];
        values.AsSpan().Fill(Value);
        return values;
    }

    public static float[,,] Floats(int batch, int length, int outputDim)
    {
        var values = new float[batch, length, outputDim];
        FlatSpan.Of(values).Fill(Value);
        return values;
    }

    /// <summary>A mask of <see langword="false"/>: a layer that wrote <c>id != 0</c> for the valid ids would set some to <see langword="true"/>.</summary>
    public static bool[] Mask(int count) => new bool[count];
}
