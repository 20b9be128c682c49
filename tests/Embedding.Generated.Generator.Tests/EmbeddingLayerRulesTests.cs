using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Embedding.Generated.Generator.Validation;
using Xunit;

namespace Embedding.Generated.Generator.Tests;

/// <summary>
/// The one validation the generator and the analyzer share, against DESIGN.md's catalogue: which rule fires, at
/// which severity, on which argument, and that its message names the offending value.
/// </summary>
public sealed class EmbeddingLayerRulesTests
{
    [Theory]
    [InlineData(1000, 64, 10, false)]
    [InlineData(1000, 64, null, false)]
    [InlineData(1, 1, null, false)]
    [InlineData(2, 8, 5, true)]
    [InlineData(1, 2147483591, null, false)] // exactly Array.MaxLength weights
    public void Valid_arguments_break_no_rule(int inputDim, int outputDim, int? inputLength, bool maskZero)
    {
        Assert.Empty(EmbeddingLayerRules.CheckArguments(new LayerArguments(inputDim, outputDim, inputLength, maskZero)));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-7, "-7")]
    [InlineData(int.MinValue, "-2147483648")]
    public void InputDim_not_greater_than_0_is_error_EMB001_naming_the_value(int inputDim, string named)
    {
        RuleViolation violation = Single(new LayerArguments(inputDim, 64, null, false));

        AssertViolation(violation, "EMB001", isError: true, LayerProperties.InputDim, named);
    }

    [Fact]
    public void Missing_InputDim_is_error_EMB001_on_the_attribute()
    {
        RuleViolation violation = Single(new LayerArguments(null, 64, null, false));

        AssertViolation(violation, "EMB001", isError: true, argument: null, named: null);
        Assert.Contains("InputDim", violation.Message);
    }

    [Theory]
    [InlineData(-1, "-1")]
    [InlineData(-300, "-300")]
    public void Negative_OutputDim_is_error_EMB002_naming_the_value(int outputDim, string named)
    {
        RuleViolation violation = Single(new LayerArguments(1000, outputDim, null, false));

        AssertViolation(violation, "EMB002", isError: true, LayerProperties.OutputDim, named);
    }

    [Fact]
    public void Missing_OutputDim_is_error_EMB002_on_the_attribute()
    {
        RuleViolation violation = Single(new LayerArguments(1000, null, null, false));

        AssertViolation(violation, "EMB002", isError: true, argument: null, named: null);
        Assert.Contains("OutputDim", violation.Message);
    }

    [Fact]
    public void OutputDim_0_is_legal_but_draws_warning_EMB010()
    {
        RuleViolation violation = Single(new LayerArguments(1000, 0, null, false));

        AssertViolation(violation, "EMB010", isError: false, LayerProperties.OutputDim, named: "0");
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-2, "-2")]
    public void InputLength_given_and_not_greater_than_0_is_error_EMB003_naming_the_value(int inputLength, string named)
    {
        RuleViolation violation = Single(new LayerArguments(1000, 64, inputLength, false));

        AssertViolation(violation, "EMB003", isError: true, LayerProperties.InputLength, named);
    }

    [Fact]
    public void MaskZero_with_InputDim_1_is_warning_EMB005_naming_InputDim()
    {
        RuleViolation violation = Single(new LayerArguments(1, 8, null, true));

        AssertViolation(violation, "EMB005", isError: false, LayerProperties.InputDim, named: "1");
        Assert.Contains("MaskZero", violation.Message);
    }

    [Fact]
    public void InputDim_1_without_MaskZero_breaks_no_rule()
    {
        Assert.Empty(EmbeddingLayerRules.CheckArguments(new LayerArguments(1, 8, null, false)));
    }

    [Theory]
    [InlineData(65536, 32768, "2147483648")] // 2^31: past int
    [InlineData(1, 2147483592, "2147483592")] // one past Array.MaxLength
    [InlineData(2147483647, 2147483647, "4611686014132420609")]
    public void Weight_count_beyond_one_array_is_error_EMB009_naming_the_product(int inputDim, int outputDim, string named)
    {
        RuleViolation violation = Single(new LayerArguments(inputDim, outputDim, null, false));

        Assert.Equal("EMB009", violation.DiagnosticId);
        Assert.True(violation.IsError);
        Assert.True(NamesNumber(violation.Message, named), $"The message should name {named}: {violation.Message}");
    }

    [Fact]
    public void Every_broken_rule_is_reported_not_just_the_first()
    {
        var violations = EmbeddingLayerRules.CheckArguments(new LayerArguments(0, -1, 0, false));

        Assert.Equal(["EMB001", "EMB002", "EMB003"], violations.Select(violation => violation.DiagnosticId).Order().ToArray());
        Assert.All(violations, violation => Assert.True(violation.IsError));
    }

    [Fact]
    public void Values_are_named_in_the_invariant_culture()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NegativeSign = "\u2212";
        try
        {
            CultureInfo.CurrentCulture = culture;

            RuleViolation violation = Single(new LayerArguments(-7, 64, null, false));

            Assert.True(NamesNumber(violation.Message, "-7"), violation.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData(16384, "16384")]
    [InlineData(int.MaxValue, "2147483647")]
    public void InputLength_past_the_longest_Sequence_is_error_EMB012_naming_the_value(int inputLength, string named)
    {
        RuleViolation violation = Single(new LayerArguments(1000, 64, inputLength, false));

        AssertViolation(violation, "EMB012", isError: true, LayerProperties.InputLength, named);
        Assert.True(NamesNumber(violation.Message, "16383"), violation.Message);
    }

    [Fact]
    public void InputLength_of_the_longest_Sequence_breaks_no_rule()
    {
        // 16,383 ids of 4 bytes: 65,532 bytes, the largest array element CoreCLR allows is 65,535.
        Assert.Empty(EmbeddingLayerRules.CheckArguments(new LayerArguments(1000, 64, 16383, false)));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(0, 8, 4)]
    [InlineData(int.MinValue, int.MinValue, int.MinValue)]
    [InlineData(10, -1, 0)]
    [InlineData(46341, 46341, null)]
    [InlineData(int.MaxValue, int.MaxValue, -3)]
    [InlineData(1, int.MaxValue, 1)]
    public void Nearest_valid_arguments_of_invalid_ones_break_no_error_rule_and_keep_a_given_InputLength(int? inputDim, int? outputDim, int? inputLength)
    {
        var arguments = new LayerArguments(inputDim, outputDim, inputLength, MaskZero: true);
        Assert.Contains(EmbeddingLayerRules.CheckArguments(arguments), violation => violation.IsError);

        LayerArguments nearest = EmbeddingLayerRules.NearestValid(arguments);

        Assert.DoesNotContain(EmbeddingLayerRules.CheckArguments(nearest), violation => violation.IsError);
        Assert.Equal(inputLength is not null, nearest.InputLength is not null);
        Assert.True(nearest.MaskZero);
        if (inputDim > 0)
        {
            Assert.Equal(inputDim, nearest.InputDim);
        }
    }

    private static RuleViolation Single(LayerArguments arguments) =>
        Assert.Single(EmbeddingLayerRules.CheckArguments(arguments));

    private static void AssertViolation(RuleViolation violation, string id, bool isError, LayerProperty? argument, string? named)
    {
        Assert.Equal(id, violation.DiagnosticId);
        Assert.Equal(isError, violation.IsError);
        Assert.Equal(argument, violation.Argument);
        if (argument is not null)
        {
            Assert.Contains(argument.Name, violation.Message);
        }

        if (named is not null)
        {
            Assert.True(NamesNumber(violation.Message, named), $"The message should name {named}: {violation.Message}");
        }
    }

    /// <summary>Whether <paramref name="message"/> holds <paramref name="number"/> as a whole number, not as part of another.</summary>
    private static bool NamesNumber(string message, string number) =>
        Regex.IsMatch(message, $@"(?<![\d\-]){Regex.Escape(number)}(?!\d)");
}
