using System;
using System.Globalization;

namespace Embedding.Generated.Generator.Validation;

/// <summary>
/// How diagnostics print a number they did not find written as a literal: in its own type, as the shortest text that
/// reads back as the same value, in the invariant culture. A float is never widened first: <c>-0.01f</c> as a double
/// prints <c>-0.009999999776482582</c>, a value the user never wrote.
/// </summary>
internal static class NumberText
{
    /// <summary>The text of a constant (float, double or integer) in its own type.</summary>
    public static string Of(object constant) => constant switch
    {
        // "R" rather than the default: the compiler may run on .NET Framework, where the default is not round-trip.
        float value => value.ToString("R", CultureInfo.InvariantCulture),
        double value => value.ToString("R", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        _ => constant.ToString(),
    };
}
