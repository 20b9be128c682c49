using System;
using System.Globalization;
using System.Numerics;

namespace Embedding.Generated;

/// <summary>
/// The range checks of the components' numeric arguments (initializers, regularizers, constraints, optimizers). Each
/// throws an <see cref="ArgumentOutOfRangeException"/> that names the argument, what was expected and the value found.
/// </summary>
/// <remarks>
/// Generic over the argument's own type so that the message prints the value the caller passed, in the invariant
/// culture: a float widened to double on its way here would print <c>-0.01f</c> as <c>-0.009999999776482582</c>.
/// </remarks>
internal static class NumberGuard
{
    /// <summary>Returns <paramref name="value"/>, or throws if it is NaN or infinite.</summary>
    public static T RequireFinite<T>(T value, string name)
        where T : IFloatingPointIeee754<T> =>
        T.IsFinite(value) ? value : throw OutOfRange(value, name, "be a finite number");

    /// <summary>Returns <paramref name="value"/>, or throws if it is negative, NaN or infinite.</summary>
    public static T RequireNonNegative<T>(T value, string name)
        where T : IFloatingPointIeee754<T> =>
        T.IsFinite(value) && value >= T.Zero ? value : throw OutOfRange(value, name, "be a finite number of 0 or more");

    /// <summary>Returns <paramref name="value"/>, or throws unless it is a finite number greater than 0.</summary>
    public static T RequirePositive<T>(T value, string name)
        where T : IFloatingPointIeee754<T> =>
        T.IsFinite(value) && value > T.Zero ? value : throw OutOfRange(value, name, "be a finite number greater than 0");

    /// <summary>Returns <paramref name="value"/>, or throws unless it lies in <c>[0, 1)</c>, as decay rates must.</summary>
    public static T RequireDecay<T>(T value, string name)
        where T : IFloatingPointIeee754<T> =>
        value >= T.Zero && value < T.One ? value : throw OutOfRange(value, name, "lie in [0, 1)");

    /// <summary>Returns <paramref name="value"/>, or throws unless it lies in <c>[0, 1]</c>.</summary>
    public static T RequireFraction<T>(T value, string name)
        where T : IFloatingPointIeee754<T> =>
        value >= T.Zero && value <= T.One ? value : throw OutOfRange(value, name, "lie in [0, 1]");

    /// <summary>Throws if <paramref name="lower"/> exceeds <paramref name="upper"/>; the exception is about the lower one.</summary>
    public static void RequireOrdered<T>(T lower, string lowerName, T upper, string upperName)
        where T : IFloatingPointIeee754<T>
    {
        if (lower > upper)
        {
            throw new ArgumentOutOfRangeException(
                lowerName,
                lower,
                string.Create(CultureInfo.InvariantCulture, $"{lowerName} must not exceed {upperName}, but {lowerName} is {lower} and {upperName} is {upper}."));
        }
    }

    private static ArgumentOutOfRangeException OutOfRange<T>(T value, string name, string expected)
        where T : IFloatingPointIeee754<T> =>
        new(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must {expected}, but is {value}."));
}
