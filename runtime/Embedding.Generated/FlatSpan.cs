using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Embedding.Generated;

/// <summary>
/// Views a multi-dimensional array as the flat row-major span its elements are stored in, without copying, so
/// that <c>int[batch, length]</c> ids and <c>float[batch, length, dim]</c> outputs can meet span-based layer code.
/// </summary>
public static class FlatSpan
{
    /// <summary>The elements of <paramref name="array"/> in row-major order.</summary>
    public static Span<int> Of(int[,] array) => Of<int>(array);

    /// <summary>The elements of <paramref name="array"/> in row-major order.</summary>
    public static Span<float> Of(float[,] array) => Of<float>(array);

    /// <summary>The elements of <paramref name="array"/> in row-major order.</summary>
    public static Span<float> Of(float[,,] array) => Of<float>(array);

    /// <summary>The elements of <paramref name="array"/> in row-major order.</summary>
    public static Span<bool> Of(bool[,] array) => Of<bool>(array);

    private static Span<T> Of<T>(Array array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);
    }
}
