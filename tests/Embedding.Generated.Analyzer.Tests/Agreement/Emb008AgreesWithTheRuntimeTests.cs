using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Embedding.Generated.Analyzer.Tests.Infrastructure;
using Embedding.Generated.Parameters;
using Xunit;

namespace Embedding.Generated.Analyzer.Tests.Agreement;

/// <summary>
/// EMB008 is reported on a constant argument exactly when the runtime's constructor refuses it: at every bound of every
/// parameter <see cref="ParameterRanges"/> describes, and for a hand-written list of values Keras 3 accepts or refuses.
/// </summary>
public sealed class Emb008AgreesWithTheRuntimeTests
{
    private static readonly Assembly Runtime = typeof(EmbeddingLayerAttribute).Assembly;

    private static readonly Lazy<Dictionary<string, (BoundaryCase Case, CreationOutcome Outcome)>> Boundaries = new(() =>
    {
        BoundaryCase[] cases = [.. DescribedBoundaries()];
        IReadOnlyList<CreationOutcome> outcomes = CreationOutcomes.Of([.. cases.Select(boundary => boundary.Creation)]);
        return cases.Zip(outcomes).ToDictionary(pair => pair.First.Creation, pair => (pair.First, pair.Second));
    });

    private static readonly Lazy<Dictionary<string, CreationOutcome>> Notables = new(() =>
    {
        string[] creations = [.. NotableCreations.Select(row => (string)row[0])];
        return creations.Zip(CreationOutcomes.Of(creations)).ToDictionary(pair => pair.First, pair => pair.Second);
    });

    /// <summary>
    /// Every described parameter inside its range, at and next to each bound, NaN and the infinities; each ordered pair
    /// at, above and below equality.
    /// </summary>
    public static TheoryData<string> BoundaryCreations => new(DescribedBoundaries().Select(boundary => boundary.Creation));

    /// <summary>Written by hand from Keras 3's rules, not from the description: the creation and whether it is accepted.</summary>
    public static TheoryData<string, bool> NotableCreations => new()
    {
        { "new Sgd(momentum: 1.0)", true }, // Keras 3 allows 1: the velocity never decays
        { "new Sgd(momentum: 1.0000000000000002)", false },
        { "new Sgd(learningRate: 0f)", true },
        { "new Sgd(learningRate: -1e-45f)", false },
        { "new RmsProp(rho: 1.0)", false }, // would freeze the running average
        { "new RmsProp(rho: 0.0)", true },
        { "new RmsProp(momentum: 0.0)", true },
        { "new RmsProp(momentum: -0.1)", false },
        { "new Adam(beta1: 0.0)", true },
        { "new Adam(beta2: 0.9999999)", true },
        { "new Adam(epsilon: 0.0)", false },
        { "new Adagrad(epsilon: 1e-300)", true },
        { "new Adagrad(initialAccumulatorValue: 0.0)", true },
        { "new MinMaxNorm(minValue: 2f, maxValue: 1f, axis: 1)", false },
        { "new MinMaxNorm(minValue: 1f, maxValue: 1f, axis: 1)", true },
        { "new MinMaxNorm(rate: 0f, axis: 1)", true },
        { "new MinMaxNorm(rate: 1.0000001f, axis: 1)", false },
        { "new MaxNorm(maxValue: 0f, axis: -1)", true },
        { "new UnitNorm(axis: 2)", false },
        { "new UnitNorm(axis: -2)", false },
        { "new L1(-0.01f)", false },
        { "new L1(0f)", true },
        { "new L1L2(l2: float.PositiveInfinity)", false },
        { "new RandomUniform(0.5, 0.5)", true },
        { "new RandomUniform(0.5, 0.4999999999999999)", false },
        { "new RandomNormal(stddev: 0.0)", true },
        { "new TruncatedNormal(mean: double.NaN)", false },
        { "new VarianceScaling(scale: 0.0)", false },
        { "new Constant(-1e38f)", true },
        { "new Identity(gain: double.NegativeInfinity)", false },
    };

    [Theory]
    [MemberData(nameof(BoundaryCreations))]
    public void At_each_described_bound_EMB008_is_reported_exactly_when_the_runtime_refuses_the_value(string creation)
    {
        (BoundaryCase boundary, CreationOutcome outcome) = Boundaries.Value[creation];

        Assert.True(
            (outcome.Emb008Message is null) == (outcome.Refusal is null),
            $"EMB008: {outcome.Emb008Message ?? "none"}; runtime: {outcome.Refusal?.Message ?? "accepted"}");
        if (outcome.Refusal is ArgumentOutOfRangeException refusal)
        {
            // Both name the parameter; an optimizer's learning rate is checked by its property, LearningRate.
            Assert.Equal(boundary.Parameter, refusal.ParamName, ignoreCase: true);
            Assert.StartsWith($"{boundary.Component}: {boundary.Parameter} ", outcome.Emb008Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_described_parameter_has_both_accepted_and_refused_boundary_values()
    {
        foreach (var parameter in Boundaries.Value.Values.GroupBy(entry => (entry.Case.Component, entry.Case.Parameter, entry.Case.IsOrder)))
        {
            Assert.Contains(parameter, entry => entry.Outcome.Refusal is null);
            Assert.Contains(parameter, entry => entry.Outcome.Refusal is not null);
        }
    }

    [Fact]
    public void Every_described_parameter_is_a_parameter_of_its_components_public_constructor()
    {
        foreach (ComponentRanges component in ParameterRanges.All)
        {
            Type type = Runtime.GetType(component.MetadataName, throwOnError: true)!;
            Assert.Equal(component.Name, type.Name);
            foreach (ParameterRange parameter in component.Parameters)
            {
                Assert.Contains(type.GetConstructors().SelectMany(constructor => constructor.GetParameters()), candidate => candidate.Name == parameter.Name);
            }
        }
    }

    [Theory]
    [MemberData(nameof(NotableCreations))]
    public void Notable_values_are_accepted_or_refused_by_both_as_Keras_3_does(string creation, bool accepted)
    {
        CreationOutcome outcome = Notables.Value[creation];

        Assert.Equal(accepted, outcome.Emb008Message is null);
        Assert.Equal(accepted, outcome.Refusal is null);
    }

    private static IEnumerable<BoundaryCase> DescribedBoundaries()
    {
        foreach (ComponentRanges component in ParameterRanges.All)
        {
            foreach (ParameterRange parameter in component.Parameters)
            {
                Type type = ParameterType(component, parameter.Name);
                foreach (string value in EdgeValues(parameter.Range, type).Select(value => Literal(value, type)).Distinct())
                {
                    yield return new($"new {component.Name}({parameter.Name}: {value})", component.Name, parameter.Name, IsOrder: false);
                }
            }

            if (component.Order is OrderedParameters order)
            {
                // The upper one at a value both ranges hold; the lower one at it and one step either side.
                Type type = ParameterType(component, order.Lower.Name);
                double inside = Math.Max(Inside(order.Lower.Range), Inside(order.Upper.Range));
                foreach (double lower in new[] { inside, Step(inside, type, up: true), Step(inside, type, up: false) })
                {
                    yield return new(
                        $"new {component.Name}({order.Lower.Name}: {Literal(lower, type)}, {order.Upper.Name}: {Literal(inside, type)})",
                        component.Name,
                        order.Lower.Name,
                        IsOrder: true);
                }
            }
        }
    }

    private static IEnumerable<double> EdgeValues(NumberRange range, Type type)
    {
        yield return Inside(range);
        foreach (double bound in new[] { range.Lower, range.Upper }.Where(bound => !double.IsInfinity(bound)))
        {
            yield return bound;
            yield return Step(bound, type, up: true);
            yield return Step(bound, type, up: false);
        }

        if (type != typeof(int))
        {
            yield return double.NaN;
            yield return double.PositiveInfinity;
            yield return double.NegativeInfinity;
        }
    }

    // A value the range holds, away from its bounds.
    private static double Inside(NumberRange range) => (range.HasLower, range.HasUpper) switch
    {
        (true, true) => (range.Lower + range.Upper) / 2,
        (true, false) => range.Lower + 1,
        (false, true) => range.Upper - 1,
        _ => 0,
    };

    // The nearest value of the parameter's own type above or below.
    private static double Step(double value, Type type, bool up) =>
        type == typeof(int) ? value + (up ? 1 : -1)
        : type == typeof(float) ? (up ? MathF.BitIncrement((float)value) : MathF.BitDecrement((float)value))
        : up ? Math.BitIncrement(value) : Math.BitDecrement(value);

    // A C# constant of the parameter's type that round-trips the value.
    private static string Literal(double value, Type type)
    {
        string keyword = type == typeof(float) ? "float" : "double";
        return type == typeof(int) ? ((int)value).ToString(CultureInfo.InvariantCulture)
            : double.IsNaN(value) ? keyword + ".NaN"
            : double.IsPositiveInfinity(value) ? keyword + ".PositiveInfinity"
            : double.IsNegativeInfinity(value) ? keyword + ".NegativeInfinity"
            : type == typeof(float) ? ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f"
            : value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    private static Type ParameterType(ComponentRanges component, string name) =>
        Runtime.GetType(component.MetadataName, throwOnError: true)!.GetConstructors()
            .SelectMany(constructor => constructor.GetParameters())
            .FirstOrDefault(parameter => parameter.Name == name)?.ParameterType
        ?? throw new InvalidOperationException($"{component.MetadataName} has no constructor parameter {name}.");

    /// <summary>One creation setting a described parameter, or the lower one of an ordered pair, at or next to a bound.</summary>
    private sealed record BoundaryCase(string Creation, string Component, string Parameter, bool IsOrder);
}
