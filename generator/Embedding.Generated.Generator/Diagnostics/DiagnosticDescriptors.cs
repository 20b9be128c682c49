using Embedding.Generated.Generator.Validation;
using Microsoft.CodeAnalysis;

namespace Embedding.Generated.Generator.Diagnostics;

/// <summary>
/// The analyzer's catalogue (DESIGN.md). The message of each is written by the rule that found the problem, so it
/// names the value found and what was expected; each ID has a help page under <c>docs/diagnostics/</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>
    /// Where the help pages live; one page per ID, <c>{ID}.md</c>. The repository's address is Directory.Build.props's,
    /// the same the package names as its repository and project URL.
    /// </summary>
    public const string HelpLinkBase = RepositoryInfo.Url + "/blob/" + RepositoryInfo.Branch + "/docs/diagnostics/";

    private const string Configuration = "Embedding.Configuration";
    private const string Usage = "Embedding.Usage";

    public static readonly DiagnosticDescriptor InputDimNotPositive = Create(
        DiagnosticIds.InputDimNotPositive, "InputDim must be greater than 0", Configuration, DiagnosticSeverity.Error,
        "InputDim is the size of the vocabulary (the largest id + 1); a layer without ids cannot exist.");

    public static readonly DiagnosticDescriptor OutputDimNegative = Create(
        DiagnosticIds.OutputDimNegative, "OutputDim must be set and not negative", Configuration, DiagnosticSeverity.Error,
        "OutputDim is the length of each embedding vector: 0 or more, as in Keras.");

    public static readonly DiagnosticDescriptor InputLengthNotPositive = Create(
        DiagnosticIds.InputLengthNotPositive, "InputLength must be greater than 0 when it is given", Configuration, DiagnosticSeverity.Error,
        "InputLength fixes the length of every sequence; leave it unset for sequences of any length.");

    public static readonly DiagnosticDescriptor UnsupportedTarget = Create(
        DiagnosticIds.UnsupportedTarget, "The layer type must be a non-generic partial class", Configuration, DiagnosticSeverity.Error,
        "The generator adds members to the annotated class, so the class and every type containing it must be partial, non-generic classes (containing types may also be structs or records).");

    public static readonly DiagnosticDescriptor MaskZeroWithoutRoom = Create(
        DiagnosticIds.MaskZeroWithoutRoom, "MaskZero leaves no room for real tokens", Configuration, DiagnosticSeverity.Warning,
        "With MaskZero, id 0 is padding, so InputDim must be the vocabulary size + 1.");

    public static readonly DiagnosticDescriptor MaskDiscarded = Create(
        DiagnosticIds.MaskDiscarded, "The padding mask of a MaskZero layer is discarded", Usage, DiagnosticSeverity.Warning,
        "A MaskZero layer's vectors at padding positions are row 0, not zeros; later layers must read the mask, or padding is pooled as if it were data.");

    public static readonly DiagnosticDescriptor ConstantIdOutOfRange = Create(
        DiagnosticIds.ConstantIdOutOfRange, "A constant id is outside [0, InputDim)", Usage, DiagnosticSeverity.Error,
        "Every id must be at least 0 and less than InputDim; a constant that is not would throw at run time.");

    public static readonly DiagnosticDescriptor InvalidComponent = Create(
        DiagnosticIds.InvalidComponent, "Invalid initializer, regularizer or constraint argument", Configuration, DiagnosticSeverity.Error,
        "A constant argument of an initializer, regularizer or constraint is outside what it accepts.");

    public static readonly DiagnosticDescriptor WeightCountOverflow = Create(
        DiagnosticIds.WeightCountOverflow, "The weight table is too large", Configuration, DiagnosticSeverity.Error,
        "InputDim x OutputDim floats must fit in one .NET array.");

    public static readonly DiagnosticDescriptor OutputDimZero = Create(
        DiagnosticIds.OutputDimZero, "OutputDim is 0", Configuration, DiagnosticSeverity.Warning,
        "Every vector of a layer with OutputDim 0 is empty; Keras allows it, but it is rarely meant.");

    public static readonly DiagnosticDescriptor ConstraintWithoutAxis = Create(
        DiagnosticIds.ConstraintWithoutAxis, "Norm constraint without an axis normalises columns", Configuration, DiagnosticSeverity.Warning,
        "Keras's default axis 0 normalises each column across the vocabulary, not each token's vector (axis 1).");

    public static readonly DiagnosticDescriptor SequenceTooLong = Create(
        DiagnosticIds.SequenceTooLong, "InputLength is too long for a Sequence", Configuration, DiagnosticSeverity.Error,
        "A layer's Sequence struct holds InputLength ids inline; .NET makes no array of a struct larger than 65,535 bytes, so InputLength can be at most 16,383.");

    public static readonly DiagnosticDescriptor MemberNameTaken = Create(
        DiagnosticIds.MemberNameTaken, "A member of the layer class has the name of a generated member", Configuration, DiagnosticSeverity.Error,
        "The generator adds members of fixed names to every [EmbeddingLayer] class (Forward, Backward, Weights, InputDim, ...); a member the class declares under one of them clashes with the generated one or joins its overloads.");

    /// <summary>The descriptor of a rule violation's ID.</summary>
    public static DiagnosticDescriptor For(string id) => id switch
    {
        DiagnosticIds.InputDimNotPositive => InputDimNotPositive,
        DiagnosticIds.OutputDimNegative => OutputDimNegative,
        DiagnosticIds.InputLengthNotPositive => InputLengthNotPositive,
        DiagnosticIds.UnsupportedTarget => UnsupportedTarget,
        DiagnosticIds.MaskZeroWithoutRoom => MaskZeroWithoutRoom,
        DiagnosticIds.MaskDiscarded => MaskDiscarded,
        DiagnosticIds.ConstantIdOutOfRange => ConstantIdOutOfRange,
        DiagnosticIds.InvalidComponent => InvalidComponent,
        DiagnosticIds.WeightCountOverflow => WeightCountOverflow,
        DiagnosticIds.OutputDimZero => OutputDimZero,
        DiagnosticIds.ConstraintWithoutAxis => ConstraintWithoutAxis,
        DiagnosticIds.SequenceTooLong => SequenceTooLong,
        DiagnosticIds.MemberNameTaken => MemberNameTaken,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "No descriptor has this ID."),
    };

    private static DiagnosticDescriptor Create(string id, string title, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat: "{0}", category, severity, isEnabledByDefault: true, description, helpLinkUri: HelpLinkBase + id + ".md");
}
