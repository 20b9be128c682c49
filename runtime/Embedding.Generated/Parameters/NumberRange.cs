using System.Globalization;

namespace Embedding.Generated.Parameters;

/// <summary>
/// The numbers a parameter accepts: an interval whose ends are each included or not, of finite numbers only (no
/// component accepts NaN or an infinity, so an unbounded side still stops short of infinity).
/// </summary>
/// <remarks>
/// Shared source: compiled into the runtime and linked into the generator (netstandard2.0), so it uses nothing newer
/// than netstandard2.0's BCL.
/// </remarks>
internal sealed class NumberRange
{
    private readonly string? _description;

    private NumberRange(double lower, bool lowerIncluded, double upper, bool upperIncluded, string? description = null)
    {
        Lower = lower;
        LowerIncluded = lowerIncluded;
        Upper = upper;
        UpperIncluded = upperIncluded;
        _description = description;
    }

    /// <summary>Any finite number.</summary>
    public static NumberRange AnyFinite { get; } = new(double.NegativeInfinity, false, double.PositiveInfinity, false);

    /// <summary>The lower end; negative infinity when there is none.</summary>
    public double Lower { get; }

    /// <summary>Whether <see cref="Lower"/> itself is accepted.</summary>
    public bool LowerIncluded { get; }

    /// <summary>The upper end; positive infinity when there is none.</summary>
    public double Upper { get; }

    /// <summary>Whether <see cref="Upper"/> itself is accepted.</summary>
    public bool UpperIncluded { get; }

    /// <summary>Whether the range has a lower end.</summary>
    public bool HasLower => !double.IsInfinity(Lower);

    /// <summary>Whether the range has an upper end.</summary>
    public bool HasUpper => !double.IsInfinity(Upper);

    /// <summary>
    /// What the range holds, as a noun phrase (EMB008 prints "must be" before it): <c>a finite number of 0 or more</c>,
    /// <c>a number in [0, 1)</c>.
    /// </summary>
    public string Description => _description ?? (HasLower, HasUpper) switch
    {
        (true, true) => "a number in " + Interval,
        (true, false) => "a finite number " + (LowerIncluded ? $"of {Text(Lower)} or more" : $"greater than {Text(Lower)}"),
        _ => "a finite number",
    };

    /// <summary>
    /// What a value must do to be in range, as the runtime's exceptions word it after "must": <c>be a finite number</c>,
    /// <c>lie in [0, 1)</c>.
    /// </summary>
    public string Requirement => _description is null && HasLower && HasUpper ? "lie in " + Interval : "be " + Description;

    private string Interval => $"{(LowerIncluded ? "[" : "(")}{Text(Lower)}, {Text(Upper)}{(UpperIncluded ? "]" : ")")}";

    /// <summary>The finite numbers of <paramref name="lower"/> or more.</summary>
    public static NumberRange AtLeast(double lower) => new(lower, true, double.PositiveInfinity, false);

    /// <summary>The finite numbers greater than <paramref name="lower"/>.</summary>
    public static NumberRange GreaterThan(double lower) => new(lower, false, double.PositiveInfinity, false);

    /// <summary><c>[lower, upper)</c>.</summary>
    public static NumberRange HalfOpen(double lower, double upper) => new(lower, true, upper, false);

    /// <summary><c>[lower, upper]</c>.</summary>
    public static NumberRange Closed(double lower, double upper) => new(lower, true, upper, true);

    /// <summary>The same range, described in the words of <paramref name="description"/> (a noun phrase) instead.</summary>
    public NumberRange DescribedAs(string description) => new(Lower, LowerIncluded, Upper, UpperIncluded, description);

    /// <summary>Whether <paramref name="value"/> is in the range.</summary>
    public bool Contains(double value) =>
        !double.IsNaN(value) && !double.IsInfinity(value) &&
        (LowerIncluded ? value >= Lower : value > Lower) &&
        (UpperIncluded ? value <= Upper : value < Upper);

    private static string Text(double bound) => bound.ToString(CultureInfo.InvariantCulture);
}
