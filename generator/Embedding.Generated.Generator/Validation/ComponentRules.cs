using System.Linq;
using Embedding.Generated.Parameters;

namespace Embedding.Generated.Generator.Validation;

/// <summary>
/// What the runtime's initializers, regularizers, constraints and optimizers accept, so that a constant argument they
/// would reject at run time is reported at build time (EMB008), and norm constraints built without an axis are
/// flagged (EMB011). The ranges are the runtime's own <see cref="ParameterRanges"/>, whose source is linked here.
/// </summary>
internal static class ComponentRules
{
    /// <summary>
    /// Whether <paramref name="component"/> is a norm constraint, whose <c>axis</c> Keras defaults to 0 (columns) and
    /// EMB011 asks to state: the components with the norm constraints' axis parameter.
    /// </summary>
    public static bool IsNormConstraint(ComponentRanges component) => component.Parameters.Contains(ParameterRanges.NormConstraint.Axis);

    /// <summary>
    /// The EMB008 message for a constant outside its range, or null when it is inside; <paramref name="text"/> is how
    /// the message prints it (the user's literal where there is one, see <see cref="NumberText"/>).
    /// </summary>
    public static string? CheckValue(ComponentRanges component, ParameterRange parameter, double value, string text) =>
        parameter.Range.Contains(value)
            ? null
            : $"{component.Name}: {parameter.Name} must be {parameter.Range.Description}, but is {text}";

    /// <summary>The EMB008 message for an ordered pair given in the wrong order, or null.</summary>
    public static string? CheckOrder(
        ComponentRanges component, OrderedParameters order, double lowerValue, string lowerText, double upperValue, string upperText)
    {
        string lower = order.Lower.Name, upper = order.Upper.Name;
        return lowerValue <= upperValue
            ? null
            : $"{component.Name}: {lower} must not exceed {upper}, but {lower} is {lowerText} and {upper} is {upperText}";
    }

    /// <summary>The EMB011 message.</summary>
    public static string MissingAxisMessage(ComponentRanges component) =>
        $"{component.Name} without an axis uses Keras's default axis 0, which normalises each column across the whole vocabulary, not each token's vector; pass axis: 1 for per-token norms, or axis: 0 if columns are meant";
}
