namespace Embedding.Generated.Generator.Validation;

/// <summary>The attribute's arguments as written; <see langword="null"/> where an argument was not given.</summary>
internal readonly record struct LayerArguments(int? InputDim, int? OutputDim, int? InputLength, bool MaskZero);

/// <summary>The attribute arguments a rule can point at.</summary>
internal enum LayerArgument
{
    /// <summary>The rule concerns the attribute as a whole (for example a required argument is missing).</summary>
    Attribute,
    InputDim,
    OutputDim,
    InputLength,
    MaskZero,
}

/// <summary>One broken rule: which diagnostic, whether it stops generation, where it points and what it says.</summary>
internal readonly record struct RuleViolation(string DiagnosticId, bool IsError, LayerArgument Argument, string Message);
