using System.Text.Json;
using Embedding.Generated.Constraints;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Xunit.Sdk;

namespace Embedding.Generated.Conformance.Tests.Components;

/// <summary>
/// The runtime constraint for a fixture's <c>maxNorm</c>, <c>unitNorm</c>, <c>nonNeg</c> or <c>minMaxNorm</c>. Parameters
/// use tfjs's names (<c>maxValue</c>, <c>minValue</c>, <c>rate</c>, <c>axis</c>); one the case leaves out takes the value
/// TensorFlow.js used, from the result's effective configuration. Every parameter is passed explicitly, so the
/// comparison never rests on the runtime's defaults matching tfjs's.
/// </summary>
internal static class ConstraintFromFixture
{
    /// <param name="name">The tfjs constraint name.</param>
    /// <param name="parameters">The case's parameters.</param>
    /// <param name="effective">The parameters after tfjs defaults (<c>effective_config</c> or <c>constraint_config</c>).</param>
    public static IConstraint Create(string name, JsonElement parameters, JsonElement effective)
    {
        float Float(string parameter) => (float)(parameters.OptionalDouble(parameter) ?? effective.Double(parameter));
        int Axis() => parameters.OptionalField("axis")?.GetInt32() ?? effective.Int("axis");

        return name switch
        {
            "maxNorm" => new MaxNorm(maxValue: Float("maxValue"), axis: Axis()),
            "unitNorm" => new UnitNorm(axis: Axis()),
            "nonNeg" => new NonNeg(),
            "minMaxNorm" => new MinMaxNorm(minValue: Float("minValue"), maxValue: Float("maxValue"), rate: Float("rate"), axis: Axis()),
            _ => throw new XunitException($"The harness knows no constraint '{name}' (known: maxNorm, unitNorm, nonNeg, minMaxNorm)."),
        };
    }
}
