using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Embedding.Generated.Kernels;

/// <summary>
/// A register of float lanes at one width: one float, or a 128-, 256- or 512-bit vector. A kernel writes its formula
/// once against this interface and <see cref="ElementwiseLadder"/> runs it at each width the hardware has, so the
/// vector and scalar paths cannot drift apart: every width computes each element with the same IEEE operations in the
/// same order, and so gives the same floats (no fused multiply-add: the JIT does not contract <c>a * b + c</c>).
/// </summary>
/// <remarks>
/// The shape of TensorPrimitives' operator structs (scalar, 128, 256 and 512 <c>Invoke</c>, one ladder that runs the
/// widest first), turned inside out: here the primitive operations have one implementation per width, and the
/// formulas, which are many, have one. Each width is a struct, so the JIT compiles a kernel once per width with
/// every call inlined.
/// </remarks>
internal interface IFloatLanes<TSelf>
    where TSelf : struct, IFloatLanes<TSelf>
{
    /// <summary>How many floats one register holds.</summary>
    static abstract int Count { get; }

    static abstract TSelf Create(float value);

    static abstract TSelf LoadUnsafe(ref float source, nuint index);

    static abstract void StoreUnsafe(TSelf value, ref float destination, nuint index);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    static abstract TSelf Sqrt(TSelf value);

    /// <summary>The larger of each pair; a NaN in either gives what the width's hardware maximum gives.</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>1 for positive lanes, -1 for negative ones, 0 for zeros and NaN (which <c>MathF.Sign</c> would throw on).</summary>
    static abstract TSelf Sign(TSelf value);

    /// <summary>0 where a lane is less than 0; every other lane (NaN and -0 included) as it is.</summary>
    static abstract TSelf ZeroWhereNegative(TSelf value);
}

/// <summary>One float: the tail of every ladder, and the whole of it where no vector width is accelerated.</summary>
internal readonly struct Lane1(float value) : IFloatLanes<Lane1>
{
    private readonly float _value = value;

    public static int Count => 1;

    public static Lane1 Create(float value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 LoadUnsafe(ref float source, nuint index) => new(Unsafe.Add(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUnsafe(Lane1 value, ref float destination, nuint index) => Unsafe.Add(ref destination, index) = value._value;

    public static Lane1 operator +(Lane1 left, Lane1 right) => new(left._value + right._value);

    public static Lane1 operator -(Lane1 left, Lane1 right) => new(left._value - right._value);

    public static Lane1 operator *(Lane1 left, Lane1 right) => new(left._value * right._value);

    public static Lane1 operator /(Lane1 left, Lane1 right) => new(left._value / right._value);

    public static Lane1 Sqrt(Lane1 value) => new(MathF.Sqrt(value._value));

    public static Lane1 Max(Lane1 left, Lane1 right) => new(MathF.Max(left._value, right._value));

    public static Lane1 Sign(Lane1 value) => new(value._value > 0f ? 1f : value._value < 0f ? -1f : 0f);

    public static Lane1 ZeroWhereNegative(Lane1 value) => value._value < 0f ? default : value;
}

/// <summary>Four floats (SSE, AdvSimd): the widest vector on ARM64 and on x64 without AVX2.</summary>
internal readonly struct Lanes128(Vector128<float> value) : IFloatLanes<Lanes128>
{
    private readonly Vector128<float> _value = value;

    public static int Count => Vector128<float>.Count;

    public static Lanes128 Create(float value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 LoadUnsafe(ref float source, nuint index) => new(Vector128.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUnsafe(Lanes128 value, ref float destination, nuint index) => value._value.StoreUnsafe(ref destination, index);

    public static Lanes128 operator +(Lanes128 left, Lanes128 right) => new(left._value + right._value);

    public static Lanes128 operator -(Lanes128 left, Lanes128 right) => new(left._value - right._value);

    public static Lanes128 operator *(Lanes128 left, Lanes128 right) => new(left._value * right._value);

    public static Lanes128 operator /(Lanes128 left, Lanes128 right) => new(left._value / right._value);

    public static Lanes128 Sqrt(Lanes128 value) => new(Vector128.Sqrt(value._value));

    public static Lanes128 Max(Lanes128 left, Lanes128 right) => new(Vector128.Max(left._value, right._value));

    public static Lanes128 Sign(Lanes128 value) => new(
        Vector128.ConditionalSelect(
            Vector128.GreaterThan(value._value, Vector128<float>.Zero),
            Vector128<float>.One,
            Vector128.ConditionalSelect(Vector128.LessThan(value._value, Vector128<float>.Zero), Vector128.Create(-1f), Vector128<float>.Zero)));

    public static Lanes128 ZeroWhereNegative(Lanes128 value) =>
        new(Vector128.ConditionalSelect(Vector128.LessThan(value._value, Vector128<float>.Zero), Vector128<float>.Zero, value._value));
}

/// <summary>Eight floats (AVX2).</summary>
internal readonly struct Lanes256(Vector256<float> value) : IFloatLanes<Lanes256>
{
    private readonly Vector256<float> _value = value;

    public static int Count => Vector256<float>.Count;

    public static Lanes256 Create(float value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 LoadUnsafe(ref float source, nuint index) => new(Vector256.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUnsafe(Lanes256 value, ref float destination, nuint index) => value._value.StoreUnsafe(ref destination, index);

    public static Lanes256 operator +(Lanes256 left, Lanes256 right) => new(left._value + right._value);

    public static Lanes256 operator -(Lanes256 left, Lanes256 right) => new(left._value - right._value);

    public static Lanes256 operator *(Lanes256 left, Lanes256 right) => new(left._value * right._value);

    public static Lanes256 operator /(Lanes256 left, Lanes256 right) => new(left._value / right._value);

    public static Lanes256 Sqrt(Lanes256 value) => new(Vector256.Sqrt(value._value));

    public static Lanes256 Max(Lanes256 left, Lanes256 right) => new(Vector256.Max(left._value, right._value));

    public static Lanes256 Sign(Lanes256 value) => new(
        Vector256.ConditionalSelect(
            Vector256.GreaterThan(value._value, Vector256<float>.Zero),
            Vector256<float>.One,
            Vector256.ConditionalSelect(Vector256.LessThan(value._value, Vector256<float>.Zero), Vector256.Create(-1f), Vector256<float>.Zero)));

    public static Lanes256 ZeroWhereNegative(Lanes256 value) =>
        new(Vector256.ConditionalSelect(Vector256.LessThan(value._value, Vector256<float>.Zero), Vector256<float>.Zero, value._value));
}

/// <summary>Sixteen floats (AVX-512).</summary>
internal readonly struct Lanes512(Vector512<float> value) : IFloatLanes<Lanes512>
{
    private readonly Vector512<float> _value = value;

    public static int Count => Vector512<float>.Count;

    public static Lanes512 Create(float value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 LoadUnsafe(ref float source, nuint index) => new(Vector512.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUnsafe(Lanes512 value, ref float destination, nuint index) => value._value.StoreUnsafe(ref destination, index);

    public static Lanes512 operator +(Lanes512 left, Lanes512 right) => new(left._value + right._value);

    public static Lanes512 operator -(Lanes512 left, Lanes512 right) => new(left._value - right._value);

    public static Lanes512 operator *(Lanes512 left, Lanes512 right) => new(left._value * right._value);

    public static Lanes512 operator /(Lanes512 left, Lanes512 right) => new(left._value / right._value);

    public static Lanes512 Sqrt(Lanes512 value) => new(Vector512.Sqrt(value._value));

    public static Lanes512 Max(Lanes512 left, Lanes512 right) => new(Vector512.Max(left._value, right._value));

    public static Lanes512 Sign(Lanes512 value) => new(
        Vector512.ConditionalSelect(
            Vector512.GreaterThan(value._value, Vector512<float>.Zero),
            Vector512<float>.One,
            Vector512.ConditionalSelect(Vector512.LessThan(value._value, Vector512<float>.Zero), Vector512.Create(-1f), Vector512<float>.Zero)));

    public static Lanes512 ZeroWhereNegative(Lanes512 value) =>
        new(Vector512.ConditionalSelect(Vector512.LessThan(value._value, Vector512<float>.Zero), Vector512<float>.Zero, value._value));
}
