using System;
using System.Linq;
using System.Reflection;
using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Validation;
using Xunit;

namespace Embedding.Generated.Generator.Tests;

/// <summary>
/// <see cref="LayerProperties"/> is the one description of the attribute that reading, validation and the restated
/// configuration walk: it must describe exactly the runtime attribute's settable properties, and restate a layer as
/// its attribute would be written.
/// </summary>
public sealed class AttributeDescriptionTests
{
    [Fact]
    public void Description_has_exactly_the_settable_properties_of_the_runtime_attribute_with_their_types()
    {
        string[] settable = typeof(EmbeddingLayerAttribute)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true })
            .Select(property => property.Name + ": " + property.PropertyType.FullName)
            .Order(StringComparer.Ordinal)
            .ToArray();

        string[] described = LayerProperties.All
            .Select(property => property.Name + ": " + ClrTypeOf(property.Type).FullName)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(settable, described);
    }

    [Fact]
    public void Description_names_each_property_once_and_finds_it_by_its_exact_name()
    {
        Assert.Equal(LayerProperties.All.Length, LayerProperties.All.Select(property => property.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(LayerProperties.All, property => Assert.Same(property, LayerProperties.Find(property.Name)));
        Assert.Null(LayerProperties.Find("inputDim"));
    }

    [Fact]
    public void Described_defaults_are_the_runtime_attribute_s_own_and_the_test_samples_differ_from_them()
    {
        var fresh = new EmbeddingLayerAttribute();
        foreach (LayerProperty property in LayerProperties.All)
        {
            if (property.Default is { } described)
            {
                Assert.Equal(typeof(EmbeddingLayerAttribute).GetProperty(property.Name)!.GetValue(fresh), described);
            }

            // Otherwise the equivalence tests, which set each property to its sample, would not see it read.
            Assert.NotEqual(property.Default, SampleValue(property));
        }

        Assert.Equal([false], LayerProperties.All.Where(property => property.Default is not null).Select(property => property.Default));
    }

    [Fact]
    public void Required_properties_are_those_a_layer_cannot_do_without()
    {
        // Keras's Embedding takes input_dim and output_dim positionally and without defaults; the rest are optional.
        Assert.Equal(["InputDim", "OutputDim"], LayerProperties.All.Where(property => property.Required is not null).Select(property => property.Name));
    }

    [Fact]
    public void Each_required_property_left_unset_is_an_error_on_the_attribute_naming_it()
    {
        foreach (LayerProperty property in LayerProperties.All.Where(property => property.Required is not null))
        {
            LayerArguments withoutIt = LayerProperties.All
                .Where(other => other != property && other.Required is not null)
                .Aggregate(default(LayerArguments), (arguments, other) => other.With(arguments, SampleValue(other)));

            RuleViolation violation = Assert.Single(EmbeddingLayerRules.CheckArguments(withoutIt));

            Assert.True(violation.IsError);
            Assert.Null(violation.Argument);
            Assert.Contains(property.Name + " must be", violation.Message);
            Assert.EndsWith("it is not set", violation.Message);
        }
    }

    [Fact]
    public void Restated_attribute_names_every_property_set_to_something_other_than_its_default()
    {
        var spec = new EmbeddingLayerSpec("Samples", "Layer", EquatableArray<ContainingTypeSpec>.Empty, 1000, 64, 10, MaskZero: true);

        Assert.Equal("[EmbeddingLayer(InputDim = 1000, OutputDim = 64, InputLength = 10, MaskZero = true)]", spec.RestatedAttribute);
    }

    [Fact]
    public void Restated_attribute_leaves_out_an_unset_InputLength_and_MaskZero_false()
    {
        var spec = new EmbeddingLayerSpec("Samples", "Layer", EquatableArray<ContainingTypeSpec>.Empty, 10, 0, 0, MaskZero: false);

        Assert.Equal("[EmbeddingLayer(InputDim = 10, OutputDim = 0)]", spec.RestatedAttribute);
    }

    [Theory]
    [InlineData(1000, 64, 10, true, "")]
    [InlineData(7, 3, 0, false, "")]
    [InlineData(1, 0, 1, false, "EMB001")]
    public void Generated_remarks_restate_the_attribute_as_the_description_writes_it(int inputDim, int outputDim, int inputLength, bool maskZero, string errors)
    {
        var spec = new EmbeddingLayerSpec("Samples", "Layer", EquatableArray<ContainingTypeSpec>.Empty, inputDim, outputDim, inputLength, maskZero, errors);

        string text = EmbeddingGenerator.Emitter.Emit(spec, new CompilationFacts(CanEmitInlineArrays: true));

        Assert.Contains("<c>" + spec.RestatedAttribute + "</c>", text);
    }

    /// <summary>A valid value of the property's type other than its default, as the equivalence tests also write it.</summary>
    internal static object SampleValue(LayerProperty property) => property.Type switch
    {
        LayerPropertyType.Int32 => 7,
        LayerPropertyType.Boolean => true,
        _ => throw new NotSupportedException($"Give the tests a sample value of {property.Type}."),
    };

    /// <summary><see cref="SampleValue"/> as a literal of C# source.</summary>
    internal static string SampleLiteral(LayerProperty property) => property.Type switch
    {
        LayerPropertyType.Int32 => "7",
        LayerPropertyType.Boolean => "true",
        _ => throw new NotSupportedException($"Give the tests a sample literal of {property.Type}."),
    };

    private static Type ClrTypeOf(LayerPropertyType type) => type switch
    {
        LayerPropertyType.Int32 => typeof(int),
        LayerPropertyType.Boolean => typeof(bool),
        _ => throw new NotSupportedException($"Map {type} to its CLR type."),
    };
}
