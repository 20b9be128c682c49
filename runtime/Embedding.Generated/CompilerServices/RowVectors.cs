using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Embedding.Generated.CompilerServices;

/// <summary>
/// Straight runs of vector copies and additions, for generated row kernels: a kernel names the width, the offset and
/// how many vectors (constants it computed for its OutputDim), and the run, inlined, keeps exactly that many of its
/// steps. The kernel compiles to the same unrolled loads and stores as if each were written out in it, and each layer's
/// generated file stays short. Called by generated code; not user API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RowVectors
{
    /// <summary>The most vectors one run covers; a generated kernel loops over runs for longer rows.</summary>
    public const int MaxVectors = 16;

    /// <summary>Copies <paramref name="vectors"/> 256-bit vectors from <paramref name="source"/> to <paramref name="destination"/>, starting <paramref name="offset"/> floats in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy256(ref float source, ref float destination, nuint offset, int vectors) =>
        Run<CopyStep256>(ref source, ref destination, offset, vectors);

    /// <summary>Copies <paramref name="vectors"/> 128-bit vectors from <paramref name="source"/> to <paramref name="destination"/>, starting <paramref name="offset"/> floats in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy128(ref float source, ref float destination, nuint offset, int vectors) =>
        Run<CopyStep128>(ref source, ref destination, offset, vectors);

    /// <summary>Adds <paramref name="vectors"/> 256-bit vectors of <paramref name="source"/> into <paramref name="destination"/>, starting <paramref name="offset"/> floats in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add256(ref float source, ref float destination, nuint offset, int vectors) =>
        Run<AddStep256>(ref source, ref destination, offset, vectors);

    /// <summary>Adds <paramref name="vectors"/> 128-bit vectors of <paramref name="source"/> into <paramref name="destination"/>, starting <paramref name="offset"/> floats in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add128(ref float source, ref float destination, nuint offset, int vectors) =>
        Run<AddStep128>(ref source, ref destination, offset, vectors);

    /// <summary>
    /// Up to <see cref="MaxVectors"/> steps, one after another. <paramref name="vectors"/> is a constant in every
    /// generated call, so each test folds away when this is inlined and only the steps it asks for remain, without a
    /// loop: the JIT does not unroll a loop over vectors by itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Run<TStep>(ref float source, ref float destination, nuint offset, int vectors)
        where TStep : struct, IVectorStep
    {
        nuint width = (nuint)TStep.Floats;
        if (vectors > 0) TStep.Invoke(ref source, ref destination, offset);
        if (vectors > 1) TStep.Invoke(ref source, ref destination, offset + width);
        if (vectors > 2) TStep.Invoke(ref source, ref destination, offset + (2 * width));
        if (vectors > 3) TStep.Invoke(ref source, ref destination, offset + (3 * width));
        if (vectors > 4) TStep.Invoke(ref source, ref destination, offset + (4 * width));
        if (vectors > 5) TStep.Invoke(ref source, ref destination, offset + (5 * width));
        if (vectors > 6) TStep.Invoke(ref source, ref destination, offset + (6 * width));
        if (vectors > 7) TStep.Invoke(ref source, ref destination, offset + (7 * width));
        if (vectors > 8) TStep.Invoke(ref source, ref destination, offset + (8 * width));
        if (vectors > 9) TStep.Invoke(ref source, ref destination, offset + (9 * width));
        if (vectors > 10) TStep.Invoke(ref source, ref destination, offset + (10 * width));
        if (vectors > 11) TStep.Invoke(ref source, ref destination, offset + (11 * width));
        if (vectors > 12) TStep.Invoke(ref source, ref destination, offset + (12 * width));
        if (vectors > 13) TStep.Invoke(ref source, ref destination, offset + (13 * width));
        if (vectors > 14) TStep.Invoke(ref source, ref destination, offset + (14 * width));
        if (vectors > 15) TStep.Invoke(ref source, ref destination, offset + (15 * width));
    }

    /// <summary>
    /// What a run does with each vector, at one width. Written with <c>Vector256</c> and <c>Vector128</c> directly
    /// (not through a wrapping struct), so that the JIT folds the second load of an addition into the add instruction.
    /// </summary>
    private interface IVectorStep
    {
        static abstract int Floats { get; }

        static abstract void Invoke(ref float source, ref float destination, nuint index);
    }

    private readonly struct CopyStep256 : IVectorStep
    {
        public static int Floats => Vector256<float>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Invoke(ref float source, ref float destination, nuint index) =>
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref source, index), ref destination, index);
    }

    private readonly struct CopyStep128 : IVectorStep
    {
        public static int Floats => Vector128<float>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Invoke(ref float source, ref float destination, nuint index) =>
            Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref source, index), ref destination, index);
    }

    private readonly struct AddStep256 : IVectorStep
    {
        public static int Floats => Vector256<float>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Invoke(ref float source, ref float destination, nuint index) =>
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref destination, index) + Vector256.LoadUnsafe(ref source, index), ref destination, index);
    }

    private readonly struct AddStep128 : IVectorStep
    {
        public static int Floats => Vector128<float>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Invoke(ref float source, ref float destination, nuint index) =>
            Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref destination, index) + Vector128.LoadUnsafe(ref source, index), ref destination, index);
    }
}
