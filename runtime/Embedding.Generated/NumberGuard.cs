using System;
using System.Globalization;
using System.Numerics;
using Embedding.Generated.Parameters;

namespace Embedding.Generated;

/// <summary>
/// The range checks of the components' numeric arguments (initializers, regularizers, constraints, optimizers), against
/// the ranges <see cref="ParameterRanges"/> describes (the same ones the analyzer's EMB008 reports at build time). Each
/// throws an <see cref="ArgumentOutOfRangeException"/> that names the argument, what was expected and the value found.
/// </summary>
/// <remarks>
/// Generic over the argument's own type so that the message prints the value the caller passed, in the invariant
/// culture: a float widened to double on its way here would print <c>-0.01f</c> as <c>-0.009999999776482582</c>.
/// </remarks>
internal static class NumberGuard
{
    /// <summary>Returns <paramref name="value"/>, or throws unless it lies in <paramref name="parameter"/>'s range.</summary>
    public static T Require<T>(T value, ParameterRange parameter)
        where T : INumberBase<T> =>
        Require(value, parameter.Name, parameter.Range);

    /// <summary>
    /// Returns <paramref name="value"/>, or throws unless it lies in <paramref name="range"/>; for a parameter the
    /// exception names <paramref name="name"/>, as a property setter names its property rather than the parameter.
    /// </summary>
    public static T Require<T>(T value, string name, NumberRange range)
        where T : INumberBase<T> =>
        range.Contains(double.CreateTruncating(value))
            ? value
            : throw new ArgumentOutOfRangeException(
                name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must {range.Requirement}, but is {value}."));

    /// <summary>Throws if the first of <paramref name="order"/> exceeds the second; the exception is about the first.</summary>
    public static void RequireOrdered<T>(T lower, T upper, OrderedParameters order)
        where T : IFloatingPointIeee754<T>
    {
        if (lower > upper)
        {
            string lowerName = order.Lower.Name, upperName = order.Upper.Name;
            throw new ArgumentOutOfRangeException(
                lowerName,
                lower,
                string.Create(CultureInfo.InvariantCulture, $"{lowerName} must not exceed {upperName}, but {lowerName} is {lower} and {upperName} is {upper}."));
        }
    }
}
