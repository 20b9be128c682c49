using System.Collections.Generic;

namespace Embedding.Generated.Generator.Validation;

/// <summary>
/// What the runtime's initializers, regularizers, constraints and optimizers accept, so that a constant argument they
/// would reject at run time is reported at build time (EMB008), and norm constraints built without an axis are
/// flagged (EMB011). The runtime checks the same ranges when the values are not constants.
/// </summary>
internal static class ComponentRules
{
    /// <summary>The range a parameter must lie in.</summary>
    public enum Range
    {
        /// <summary>Any finite number.</summary>
        Finite,

        /// <summary>A finite number of 0 or more.</summary>
        NonNegative,

        /// <summary>A finite number greater than 0.</summary>
        Positive,

        /// <summary>A decay rate in [0, 1).</summary>
        Decay,

        /// <summary>A fraction in [0, 1].</summary>
        Fraction,

        /// <summary>An axis of a 2-D table: 0, 1 or -1.</summary>
        Axis,
    }

    /// <summary>The checked parameters of each runtime component, by metadata name.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Range>> Parameters =
        new Dictionary<string, IReadOnlyDictionary<string, Range>>
        {
            ["Embedding.Generated.Initializers.RandomUniform"] = Map(("minval", Range.Finite), ("maxval", Range.Finite)),
            ["Embedding.Generated.Initializers.RandomNormal"] = Map(("mean", Range.Finite), ("stddev", Range.NonNegative)),
            ["Embedding.Generated.Initializers.TruncatedNormal"] = Map(("mean", Range.Finite), ("stddev", Range.NonNegative)),
            ["Embedding.Generated.Initializers.VarianceScaling"] = Map(("scale", Range.Positive)),
            ["Embedding.Generated.Initializers.Orthogonal"] = Map(("gain", Range.Finite)),
            ["Embedding.Generated.Initializers.Identity"] = Map(("gain", Range.Finite)),
            ["Embedding.Generated.Initializers.Constant"] = Map(("value", Range.Finite)),
            ["Embedding.Generated.Regularizers.L1"] = Map(("l1", Range.NonNegative)),
            ["Embedding.Generated.Regularizers.L2"] = Map(("l2", Range.NonNegative)),
            ["Embedding.Generated.Regularizers.L1L2"] = Map(("l1", Range.NonNegative), ("l2", Range.NonNegative)),
            ["Embedding.Generated.Constraints.MaxNorm"] = Map(("maxValue", Range.NonNegative), ("axis", Range.Axis)),
            ["Embedding.Generated.Constraints.UnitNorm"] = Map(("axis", Range.Axis)),
            ["Embedding.Generated.Constraints.MinMaxNorm"] = Map(
                ("minValue", Range.NonNegative), ("maxValue", Range.NonNegative), ("rate", Range.Fraction), ("axis", Range.Axis)),
            ["Embedding.Generated.Optimizers.Sgd"] = Map(("learningRate", Range.NonNegative), ("momentum", Range.Fraction)),
            ["Embedding.Generated.Optimizers.RmsProp"] = Map(
                ("learningRate", Range.NonNegative), ("rho", Range.Decay), ("momentum", Range.Decay), ("epsilon", Range.Positive)),
            ["Embedding.Generated.Optimizers.Adam"] = Map(
                ("learningRate", Range.NonNegative), ("beta1", Range.Decay), ("beta2", Range.Decay), ("epsilon", Range.Positive)),
            ["Embedding.Generated.Optimizers.Adagrad"] = Map(
                ("learningRate", Range.NonNegative), ("initialAccumulatorValue", Range.NonNegative), ("epsilon", Range.Positive)),
        };

    /// <summary>Pairs of parameters of one component where the first must not exceed the second.</summary>
    public static readonly IReadOnlyDictionary<string, (string Lower, string Upper)> OrderedPairs =
        new Dictionary<string, (string, string)>
        {
            ["Embedding.Generated.Initializers.RandomUniform"] = ("minval", "maxval"),
            ["Embedding.Generated.Constraints.MinMaxNorm"] = ("minValue", "maxValue"),
        };

    /// <summary>Norm constraints whose <c>axis</c> Keras defaults to 0 (columns), which EMB011 asks to state.</summary>
    public static readonly IReadOnlyCollection<string> NormConstraints = new[]
    {
        "Embedding.Generated.Constraints.MaxNorm",
        "Embedding.Generated.Constraints.UnitNorm",
        "Embedding.Generated.Constraints.MinMaxNorm",
    };

    /// <summary>
    /// The EMB008 message for a constant outside its range, or null when it is inside; <paramref name="text"/> is how
    /// the message prints it (the user's literal where there is one, see <see cref="NumberText"/>).
    /// </summary>
    public static string? CheckValue(string component, string parameter, Range range, double value, string text)
    {
        bool valid = range switch
        {
            Range.Finite => IsFinite(value),
            Range.NonNegative => IsFinite(value) && value >= 0,
            Range.Positive => IsFinite(value) && value > 0,
            Range.Decay => value >= 0 && value < 1,
            Range.Fraction => value >= 0 && value <= 1,
            _ => value is 0 or 1 or -1,
        };
        if (valid)
        {
            return null;
        }

        string expected = range switch
        {
            Range.Finite => "a finite number",
            Range.NonNegative => "a finite number of 0 or more",
            Range.Positive => "a finite number greater than 0",
            Range.Decay => "a number in [0, 1)",
            Range.Fraction => "a number in [0, 1]",
            _ => "0 (columns, across the vocabulary), 1 or -1 (each token's vector)",
        };
        return $"{Simple(component)}: {parameter} must be {expected}, but is {text}";
    }

    /// <summary>The EMB008 message for an ordered pair given in the wrong order, or null.</summary>
    public static string? CheckOrder(
        string component, string lower, double lowerValue, string lowerText, string upper, double upperValue, string upperText) =>
        lowerValue <= upperValue
            ? null
            : $"{Simple(component)}: {lower} must not exceed {upper}, but {lower} is {lowerText} and {upper} is {upperText}";

    /// <summary>The EMB011 message.</summary>
    public static string MissingAxisMessage(string component) =>
        $"{Simple(component)} without an axis uses Keras's default axis 0, which normalises each column across the whole vocabulary, not each token's vector; pass axis: 1 for per-token norms, or axis: 0 if columns are meant";

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private static string Simple(string metadataName) => metadataName.Substring(metadataName.LastIndexOf('.') + 1);

    private static IReadOnlyDictionary<string, Range> Map(params (string Name, Range Range)[] parameters)
    {
        var map = new Dictionary<string, Range>();
        foreach ((string name, Range range) in parameters)
        {
            map[name] = range;
        }

        return map;
    }
}
