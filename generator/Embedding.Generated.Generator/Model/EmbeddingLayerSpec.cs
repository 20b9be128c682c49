using System;
using System.Collections.Generic;
using System.Linq;
using Embedding.Generated.Generator.Validation;

namespace Embedding.Generated.Generator.Model;

/// <summary>
/// Everything the emitter needs to write one layer, reduced from the user's class and attribute.
/// </summary>
/// <remarks>
/// This record must stay value-equatable: strings, numbers, booleans and <see cref="EquatableArray{T}"/> only; no
/// <c>ISymbol</c>, <c>SyntaxNode</c>, <c>Location</c> or <c>Compilation</c>. The incremental pipeline compares specs to
/// decide whether to emit again, so equal specs must mean equal output, and the emitter may read nothing else.
/// </remarks>
/// <param name="Namespace">The namespace, escaped for C#; empty for the global namespace.</param>
/// <param name="TypeName">The class name, escaped for C#.</param>
/// <param name="ContainingTypes">The types the class is nested in, outermost first.</param>
/// <param name="InputDim">Vocabulary size (validated: greater than 0).</param>
/// <param name="OutputDim">Vector length (validated: 0 or more).</param>
/// <param name="InputLength">Fixed sequence length, or 0 when the attribute leaves it unset.</param>
/// <param name="MaskZero">Whether id 0 is padding.</param>
/// <param name="DeclarationErrors">
/// Empty for a valid layer. Otherwise the IDs of the errors the analyzer reports on the declaration (<c>EMB001, EMB009</c>):
/// the dimensions above are then the nearest valid ones, and the layer is a stand-in whose constructors throw, emitted so
/// that calls into it bind and the build log shows those errors alone.
/// </param>
internal sealed record EmbeddingLayerSpec(
    string Namespace,
    string TypeName,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    int InputDim,
    int OutputDim,
    int InputLength,
    bool MaskZero,
    string DeclarationErrors = "")
{
    public bool HasInputLength => InputLength > 0;

    /// <summary>Whether a fixed-length <c>Sequence</c> struct of <see cref="InputLength"/> ids can exist (see EMB012).</summary>
    public bool FitsSequence => HasInputLength && InputLength <= EmbeddingLayerRules.MaxSequenceLength;

    /// <summary>Whether the declaration has errors, so that this layer only stands in for it (see <see cref="DeclarationErrors"/>).</summary>
    public bool IsStandIn => DeclarationErrors.Length > 0;

    /// <summary>The arguments this layer is emitted with (for a stand-in, the nearest valid ones), as the attribute sets them.</summary>
    public LayerArguments Arguments => new(InputDim, OutputDim, HasInputLength ? InputLength : null, MaskZero);

    /// <summary>
    /// The configuration as the generated <c>&lt;remarks&gt;</c> restate it, <c>[EmbeddingLayer(InputDim = 10, OutputDim = 4)]</c>,
    /// written from the one description of the attribute (<see cref="LayerProperties.Restate"/>).
    /// </summary>
    public string RestatedAttribute => LayerProperties.Restate(Arguments);

    /// <summary>
    /// The spec of a class the generator can add members to, from its arguments as written: as given when they are
    /// valid, otherwise the nearest valid ones, marked with the errors of the arguments and of the target
    /// (<paramref name="targetError"/>, such as a missing <c>partial</c>).
    /// </summary>
    public static EmbeddingLayerSpec For(
        string @namespace, string typeName, EquatableArray<ContainingTypeSpec> containingTypes, LayerArguments arguments, string? targetError)
    {
        IEnumerable<string> argumentErrors = EmbeddingLayerRules.CheckArguments(arguments)
            .Where(violation => violation.IsError)
            .Select(violation => violation.DiagnosticId);
        string[] errors = (targetError is null ? argumentErrors : argumentErrors.Prepend(targetError))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();
        LayerArguments emitted = errors.Length == 0 ? arguments : EmbeddingLayerRules.NearestValid(arguments);
        return new EmbeddingLayerSpec(
            @namespace,
            typeName,
            containingTypes,
            InputDim: emitted.InputDim!.Value,
            OutputDim: emitted.OutputDim!.Value,
            InputLength: emitted.InputLength ?? 0,
            MaskZero: emitted.MaskZero,
            DeclarationErrors: string.Join(", ", errors));
    }

    /// <summary>
    /// The file name this layer asks for: <c>{Namespace}.{Outer}.{Type}.g.cs</c>, without keyword escapes. Two layers
    /// whose names differ only in case ask for the same file (hint names ignore case); <see cref="LayerSource.HintName"/>
    /// is the name each finally gets.
    /// </summary>
    public string HintName
    {
        get
        {
            var name = new System.Text.StringBuilder();
            if (Namespace.Length > 0)
            {
                name.Append(Namespace.Replace("@", string.Empty)).Append('.');
            }

            foreach (ContainingTypeSpec containing in ContainingTypes)
            {
                name.Append(containing.Name.TrimStart('@')).Append('.');
            }

            return name.Append(TypeName.TrimStart('@')).Append(".g.cs").ToString();
        }
    }
}

/// <summary>A type that contains the layer class, as its partial declaration must be written.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The type name, escaped for C#.</param>
internal readonly record struct ContainingTypeSpec(string Keyword, string Name);

/// <summary>The facts about the whole compilation that change what is emitted, reduced to a tiny value.</summary>
/// <param name="CanEmitInlineArrays">
/// <c>[InlineArray]</c> exists (.NET 8 or later) and the language version is 12 or later, so a fixed-length
/// <c>Sequence</c> type can be emitted.
/// </param>
internal readonly record struct CompilationFacts(bool CanEmitInlineArrays);

/// <summary>One output: a layer, the compilation facts it is emitted under, and its file name, unique in the compilation.</summary>
internal readonly record struct LayerSource(EmbeddingLayerSpec Layer, CompilationFacts Facts, string HintName);
