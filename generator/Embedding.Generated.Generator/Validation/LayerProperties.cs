using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Embedding.Generated.Generator.Validation;

/// <summary>
/// The one description of <c>EmbeddingLayerAttribute</c>'s properties. Reading (the semantic parser, the syntactic
/// <c>TreeReader</c>, the check that a runtime's attribute has the shape the syntactic path assumes), validation
/// (<see cref="EmbeddingLayerRules.CheckArguments"/> runs each property's rule) and the configuration the generated
/// code restates (<see cref="Restate"/>) all walk <see cref="All"/>.
/// </summary>
/// <remarks>
/// A new property of the attribute is one entry here (with its field in <see cref="LayerArguments"/>) and its rule in
/// <see cref="EmbeddingLayerRules"/>. <c>AttributeDescriptionTests</c> checks the entries against the runtime
/// attribute's settable properties, and <c>SyntacticPathEquivalenceTests</c> that both paths read each one alike.
/// </remarks>
internal static class LayerProperties
{
    public static readonly LayerProperty InputDim = new(
        "InputDim",
        LayerPropertyType.Int32,
        @default: null,
        new LayerProperty.Requirement(DiagnosticIds.InputDimNotPositive, "InputDim must be greater than 0 (the vocabulary size, largest id + 1), but it is not set"),
        EmbeddingLayerRules.CheckInputDim,
        static arguments => arguments.InputDim,
        static (arguments, value) => arguments with { InputDim = (int)value });

    public static readonly LayerProperty OutputDim = new(
        "OutputDim",
        LayerPropertyType.Int32,
        @default: null,
        new LayerProperty.Requirement(DiagnosticIds.OutputDimNegative, "OutputDim must be set to the length of each vector (0 or more), but it is not set"),
        EmbeddingLayerRules.CheckOutputDim,
        static arguments => arguments.OutputDim,
        static (arguments, value) => arguments with { OutputDim = (int)value });

    /// <summary>Optional without a default: unset means sequences of any length (the attribute's 0 is never read as a length).</summary>
    public static readonly LayerProperty InputLength = new(
        "InputLength",
        LayerPropertyType.Int32,
        @default: null,
        requirement: null,
        EmbeddingLayerRules.CheckInputLength,
        static arguments => arguments.InputLength,
        static (arguments, value) => arguments with { InputLength = (int)value });

    /// <summary>Defaults to false, the attribute's own default.</summary>
    public static readonly LayerProperty MaskZero = new(
        "MaskZero",
        LayerPropertyType.Boolean,
        @default: false,
        requirement: null,
        EmbeddingLayerRules.CheckMaskZero,
        static arguments => arguments.MaskZero,
        static (arguments, value) => arguments with { MaskZero = (bool)value });

    /// <summary>Every property, in the order the generated code restates them.</summary>
    public static readonly ImmutableArray<LayerProperty> All = ImmutableArray.Create(InputDim, OutputDim, InputLength, MaskZero);

    /// <summary>The property of this name (ordinal, as C# names are), or null.</summary>
    public static LayerProperty? Find(string name)
    {
        foreach (LayerProperty property in All)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>
    /// The attribute as the generated code restates it, <c>[EmbeddingLayer(InputDim = 10, OutputDim = 4, MaskZero = true)]</c>:
    /// every property that is set, to something other than its <see cref="LayerProperty.Default"/>, in the order of <see cref="All"/>.
    /// </summary>
    public static string Restate(LayerArguments arguments)
    {
        var text = new System.Text.StringBuilder("[").Append(KnownTypeNames.AttributeShortName).Append('(');
        string separator = string.Empty;
        foreach (LayerProperty property in All)
        {
            if (property.ValueIn(arguments) is { } value && !value.Equals(property.Default))
            {
                text.Append(separator).Append(property.Name).Append(" = ").Append(property.Format(value));
                separator = ", ";
            }
        }

        return text.Append(")]").ToString();
    }
}

/// <summary>The types the attribute's properties have; each is read from a constant and from a literal, and printed.</summary>
internal enum LayerPropertyType
{
    Int32,
    Boolean,
}

/// <summary>One property of the attribute: its name and type, whether it must be set, its rule, and its place in <see cref="LayerArguments"/>.</summary>
internal sealed class LayerProperty
{
    private readonly Func<LayerArguments, object?> _get;
    private readonly Func<LayerArguments, object, LayerArguments> _with;
    private readonly Action<LayerArguments, List<RuleViolation>> _check;

    public LayerProperty(
        string name,
        LayerPropertyType type,
        object? @default,
        Requirement? requirement,
        Action<LayerArguments, List<RuleViolation>> check,
        Func<LayerArguments, object?> get,
        Func<LayerArguments, object, LayerArguments> with)
    {
        Name = name;
        Type = type;
        Default = @default;
        Required = requirement;
        _check = check;
        _get = get;
        _with = with;
    }

    /// <summary>The property's name, as a named argument spells it.</summary>
    public string Name { get; }

    public LayerPropertyType Type { get; }

    /// <summary>
    /// The value an unset property reads as (the attribute's own default), or null when unset is a state of its own:
    /// required, or optional like <c>InputLength</c>.
    /// </summary>
    public object? Default { get; }

    /// <summary>For a property that must be set: the error when it is not. Null when leaving it unset is valid.</summary>
    public Requirement? Required { get; }

    /// <summary>The special type the property has on the runtime's attribute.</summary>
    public SpecialType SpecialType => Type switch
    {
        LayerPropertyType.Int32 => SpecialType.System_Int32,
        _ => SpecialType.System_Boolean,
    };

    /// <summary>The value in <paramref name="arguments"/>: as set, the <see cref="Default"/> when there is one, otherwise null when unset.</summary>
    public object? ValueIn(LayerArguments arguments) => _get(arguments);

    /// <summary><paramref name="arguments"/> with this property set to <paramref name="value"/>, one of <see cref="Accept"/>'s results.</summary>
    public LayerArguments With(LayerArguments arguments, object value) => _with(arguments, value);

    /// <summary>
    /// <paramref name="constant"/>, the compiler's value of a named argument, when it has this property's type; null when
    /// it does not (the compiler has reported the argument).
    /// </summary>
    public object? Accept(object constant) => Type switch
    {
        LayerPropertyType.Int32 => constant is int ? constant : null,
        _ => constant is bool ? constant : null,
    };

    /// <summary>The value as C# source writes it, in the invariant culture.</summary>
    public string Format(object value) => value is bool flag ? (flag ? "true" : "false") : NumberText.Of(value);

    /// <summary>Adds the violations of this property's rule (which may read other properties too) to <paramref name="violations"/>.</summary>
    public void Check(LayerArguments arguments, List<RuleViolation> violations) => _check(arguments, violations);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>The error a required property draws when it is not set, reported on the attribute.</summary>
    public sealed record Requirement(string DiagnosticId, string Message);
}
