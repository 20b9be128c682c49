using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Embedding.Generated.Generator.Validation;

/// <summary>
/// The one place that decides what a valid embedding layer is. Where an error-level rule is broken the analyzer reports
/// it, and the generator emits a stand-in with the same members (<see cref="NearestValid"/>) whose constructors throw,
/// or nothing when the type cannot take members; the two read the same rules, so they can never disagree.
/// </summary>
internal static class EmbeddingLayerRules
{
    /// <summary>The largest array .NET allocates (<c>Array.MaxLength</c>), which bounds the weight count.</summary>
    public const long MaxWeightCount = 0x7FFFFFC7;

    /// <summary>
    /// The longest <c>Sequence</c>: CoreCLR makes no array of a struct larger than 65,535 bytes
    /// (<c>MAX_SIZE_FOR_VALUECLASS_IN_ARRAY</c>: an array's element size is held in 16 bits), so a <c>Sequence[]</c> of
    /// 16,384 ids or more throws <c>TypeLoadException</c>, and copies of such a struct fill the stack.
    /// </summary>
    public const int MaxSequenceLength = 0xFFFF / sizeof(int);

    /// <summary>
    /// Checks the attribute's arguments against Keras's rules and the weight storage limit: a required property that is
    /// not set, then the rule of each property that is (see <see cref="LayerProperties"/>).
    /// </summary>
    public static List<RuleViolation> CheckArguments(LayerArguments arguments)
    {
        var violations = new List<RuleViolation>();
        foreach (LayerProperty property in LayerProperties.All)
        {
            if (property.Required is { } requirement && property.ValueIn(arguments) is null)
            {
                violations.Add(Error(requirement.DiagnosticId, argument: null, requirement.Message));
            }
            else
            {
                property.Check(arguments, violations);
            }
        }

        return violations;
    }

    /// <summary>EMB001, when InputDim is set.</summary>
    internal static void CheckInputDim(LayerArguments arguments, List<RuleViolation> violations)
    {
        if (arguments.InputDim is int inputDim && inputDim <= 0)
        {
            violations.Add(Error(
                DiagnosticIds.InputDimNotPositive,
                LayerProperties.InputDim,
                $"InputDim must be greater than 0 (the vocabulary size, largest id + 1), but is {Format(inputDim)}"));
        }
    }

    /// <summary>EMB002 and EMB010, when OutputDim is set; and EMB009, which points at it.</summary>
    internal static void CheckOutputDim(LayerArguments arguments, List<RuleViolation> violations)
    {
        if (arguments.OutputDim < 0)
        {
            violations.Add(Error(
                DiagnosticIds.OutputDimNegative,
                LayerProperties.OutputDim,
                $"OutputDim must be 0 or more, but is {Format(arguments.OutputDim.Value)}"));
        }
        else if (arguments.OutputDim == 0)
        {
            violations.Add(Warning(
                DiagnosticIds.OutputDimZero,
                LayerProperties.OutputDim,
                "OutputDim is 0, so every vector is empty; use OutputDim greater than 0 unless this is deliberate"));
        }

        int inputDim = arguments.InputDim ?? 0;
        long weightCount = (long)inputDim * (arguments.OutputDim ?? 0);
        if (inputDim > 0 && weightCount > MaxWeightCount)
        {
            violations.Add(Error(
                DiagnosticIds.WeightCountOverflow,
                LayerProperties.OutputDim,
                $"InputDim x OutputDim = {Format(weightCount)} weights exceed the {Format(MaxWeightCount)} floats one .NET array can hold; use a smaller InputDim or OutputDim"));
        }
    }

    /// <summary>EMB003 and EMB012, when InputLength is set.</summary>
    internal static void CheckInputLength(LayerArguments arguments, List<RuleViolation> violations)
    {
        if (arguments.InputLength is int inputLength && inputLength <= 0)
        {
            violations.Add(Error(
                DiagnosticIds.InputLengthNotPositive,
                LayerProperties.InputLength,
                $"InputLength must be greater than 0 when it is given, but is {Format(inputLength)}; leave it unset for sequences of any length"));
        }

        if (arguments.InputLength > MaxSequenceLength)
        {
            violations.Add(Error(
                DiagnosticIds.SequenceTooLong,
                LayerProperties.InputLength,
                $"InputLength is {Format(arguments.InputLength.Value)}, but a Sequence holds at most {Format(MaxSequenceLength)} ids: .NET cannot make an array of a struct larger than 65535 bytes; use InputLength {Format(MaxSequenceLength)} or less, or leave it unset and pass ids as spans or int[,]"));
        }
    }

    /// <summary>EMB005, which points at InputDim, the argument to change.</summary>
    internal static void CheckMaskZero(LayerArguments arguments, List<RuleViolation> violations)
    {
        if (arguments.MaskZero && arguments.InputDim == 1)
        {
            violations.Add(Warning(
                DiagnosticIds.MaskZeroWithoutRoom,
                LayerProperties.InputDim,
                "MaskZero reserves id 0 for padding, so InputDim must be the vocabulary size + 1 and at least 2, but is 1: no real token fits"));
        }
    }

    /// <summary>
    /// The arguments the generator emits a layer with when <see cref="CheckArguments"/> finds errors: the nearest valid
    /// ones, so that every member a valid layer has exists and calls into it bind; only the error itself is reported.
    /// </summary>
    public static LayerArguments NearestValid(LayerArguments arguments)
    {
        int inputDim = arguments.InputDim is > 0 and int given ? given : 1;
        int outputDim = arguments.OutputDim is >= 0 and int set ? set : 0;
        if ((long)inputDim * outputDim > MaxWeightCount)
        {
            outputDim = (int)(MaxWeightCount / inputDim);
        }

        // An InputLength of 0 or less still declares a fixed length: keep one, so that InputLength and Sequence exist.
        int? inputLength = arguments.InputLength is int length && length <= 0 ? 1 : arguments.InputLength;
        return new LayerArguments(inputDim, outputDim, inputLength, arguments.MaskZero);
    }

    /// <summary>Checks an id known at compile time against the layer's vocabulary (EMB007).</summary>
    public static RuleViolation? CheckConstantId(long id, int inputDim, string layerName)
    {
        if (id >= 0 && id < inputDim)
        {
            return null;
        }

        return Error(
            DiagnosticIds.ConstantIdOutOfRange,
            argument: null,
            $"Id {Format(id)} is outside the valid range [0, {Format(inputDim)}) of layer '{layerName}': ids must be at least 0 and less than InputDim = {Format(inputDim)}");
    }

    /// <summary>
    /// Checks the name of a member the layer class declares itself (EMB013): the generator's members take their names
    /// whatever the layer's arguments (<see cref="EmittedNames.IsMemberOf"/>), so a member of one of them clashes with a
    /// generated one, or joins its overloads. Both names are unescaped.
    /// </summary>
    public static RuleViolation? CheckMemberName(string layerName, string memberName) =>
        EmittedNames.IsMemberOf(layerName, memberName)
            ? Error(
                DiagnosticIds.MemberNameTaken,
                argument: null,
                $"'{memberName}' is declared in layer '{layerName}', but the generator adds a member named '{memberName}' to every [EmbeddingLayer] class; rename this member")
            : null;

    /// <summary>
    /// Checks that the annotated type is one the generator can extend: a non-generic, non-static, partial class
    /// (not a record), declared in partial non-generic classes, structs or records. Returns the violation, or
    /// <see langword="null"/> when the type is supported.
    /// </summary>
    /// <remarks>
    /// <c>Syntactic.SyntacticLayers.Check</c> decides the same from the parts' syntax for the generator's syntactic
    /// path: a rule added here must be added there too (<c>SyntacticPathEquivalenceTests</c> compares the two paths).
    /// </remarks>
    /// <param name="type">The annotated type.</param>
    /// <param name="cancellationToken">Cancels reading the declarations.</param>
    /// <param name="requirePartial">
    /// <see langword="false"/> to check everything but the <c>partial</c> modifiers: a type that passes then lacks
    /// nothing else, and a generated part declared partial merges with it (the compiler reports only CS0260 for that).
    /// </param>
    public static RuleViolation? CheckTarget(INamedTypeSymbol type, CancellationToken cancellationToken, bool requirePartial = true)
    {
        string name = type.Name;
        if (type.TypeKind != TypeKind.Class || type.IsRecord)
        {
            return Unsupported($"'{name}' is a {Describe(type)}; [EmbeddingLayer] needs a partial class");
        }

        if (type.IsStatic)
        {
            return Unsupported($"'{name}' is static; a layer holds weights, so it must be a non-static partial class");
        }

        if (type.Arity > 0)
        {
            return Unsupported($"'{name}' is generic; the generator needs a non-generic partial class");
        }

        // A member may not share its class's name (CS0542).
        if (EmittedNames.Members.Contains(name))
        {
            return Unsupported($"'{name}' is the name of a member the generator adds to the layer; give the class another name");
        }

        if (HasPrimaryConstructor(type, cancellationToken))
        {
            return Unsupported($"'{name}' has a primary constructor; the generator adds the layer's constructors, so declare the class without one");
        }

        if (IsFileLocal(type, cancellationToken))
        {
            return Unsupported($"'{name}' is file-local; the generated part lives in another file, so remove 'file'");
        }

        if (requirePartial && !IsPartial(type, cancellationToken))
        {
            return Unsupported($"'{name}' must be declared partial so that the generator can add the layer's members", CodeFixKinds.AddPartial);
        }

        for (INamedTypeSymbol? containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            if (containing.Arity > 0)
            {
                return Unsupported($"'{name}' is nested in generic type '{containing.Name}'; the generator needs non-generic containing types");
            }

            if (ContainingKeyword(containing) is null)
            {
                return Unsupported($"'{name}' is nested in {Describe(containing)} '{containing.Name}'; the generator supports nesting in classes, structs and records");
            }

            if (requirePartial && !IsPartial(containing, cancellationToken))
            {
                return Unsupported($"'{name}' is nested in '{containing.Name}', which must be declared partial too", CodeFixKinds.AddPartial);
            }
        }

        return null;
    }

    /// <summary>The keyword that declares a supported containing type, or <see langword="null"/>.</summary>
    public static string? ContainingKeyword(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Class => type.IsRecord ? "record" : "class",
        TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
        _ => null,
    };

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Length > 0 &&
        type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static bool HasPrimaryConstructor(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: not null });

    private static bool IsFileLocal(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(SyntaxKind.FileKeyword));

    private static string Describe(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Class when type.IsRecord => "record",
        TypeKind.Struct when type.IsRecord => "record struct",
        TypeKind.Struct => "struct",
        TypeKind.Interface => "interface",
        TypeKind.Enum => "enum",
        TypeKind.Delegate => "delegate",
        _ => "class",
    };

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static RuleViolation Error(string id, LayerProperty? argument, string message) => new(id, IsError: true, argument, message);

    private static RuleViolation Warning(string id, LayerProperty? argument, string message) => new(id, IsError: false, argument, message);

    private static RuleViolation Unsupported(string message, string? codeFix = null) =>
        new(DiagnosticIds.UnsupportedTarget, IsError: true, Argument: null, message, codeFix);
}
