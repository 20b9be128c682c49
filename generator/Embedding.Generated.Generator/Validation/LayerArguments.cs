namespace Embedding.Generated.Generator.Validation;

/// <summary>The attribute's arguments as written; <see langword="null"/> where an argument was not given.</summary>
/// <remarks>One field per entry of <see cref="LayerProperties"/>, which reads and writes them.</remarks>
internal readonly record struct LayerArguments(int? InputDim, int? OutputDim, int? InputLength, bool MaskZero);

/// <summary>
/// One broken rule: which diagnostic, whether it stops generation, where it points (the named argument of
/// <see cref="Argument"/>, or the attribute as a whole when null, for example when a required argument is missing) and
/// what it says, and, when the fix is mechanical, which code fix applies (see <see cref="CodeFixKinds"/>).
/// </summary>
internal readonly record struct RuleViolation(string DiagnosticId, bool IsError, LayerProperty? Argument, string Message, string? CodeFix = null);

/// <summary>The code fixes a violation can name; diagnostics carry the name in their properties under <see cref="PropertyName"/>.</summary>
internal static class CodeFixKinds
{
    public const string PropertyName = "CodeFix";

    /// <summary>Adding <c>partial</c> to the class and the types around it makes the declaration valid.</summary>
    public const string AddPartial = nameof(AddPartial);
}
