using System;
using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Validation;

namespace Embedding.Generated.Generator.Syntactic;

/// <summary>
/// What one syntax tree contributes to the syntactic path: the layers it declares in a form that needs no binding, and
/// every type declaration it holds, because the rules on a layer (EMB005) read all partial declarations of the class
/// and of the types around it, which may live in other files.
/// </summary>
/// <remarks>
/// Value-equatable, like every model: the pipeline compares the summary of an edited tree with the previous one, and
/// while they are equal nothing downstream runs again.
/// </remarks>
/// <param name="ImportsAttributeNamespace">The tree has a top-level <c>using Embedding.Generated;</c>.</param>
/// <param name="ImportsAttributeNamespaceGlobally">The tree has <c>global using Embedding.Generated;</c>, which every tree sees.</param>
/// <param name="DeclaresGlobalAliasOfTheAttribute">
/// The tree has a <c>global using X = ...;</c> that could give the attribute another name, or hide one of its names,
/// in every tree (see <see cref="TreeReader"/>).
/// </param>
/// <param name="Declarations">Every type declaration of the tree, for the rules that read all parts of a type.</param>
/// <param name="Candidates">The classes whose attribute the syntactic path can read; empty when the tree is not readable.</param>
internal sealed record TreeSummary(
    bool ImportsAttributeNamespace,
    bool ImportsAttributeNamespaceGlobally,
    bool DeclaresGlobalAliasOfTheAttribute,
    EquatableArray<TypeDeclarationSummary> Declarations,
    EquatableArray<LayerCandidate> Candidates);

/// <summary>One declaration (one part) of a type, with the modifiers the rules read.</summary>
/// <param name="Key">The type's identity: namespace, then each type outermost first with its arity (see <see cref="TreeReader"/>).</param>
/// <param name="Kind">The declaring keyword.</param>
/// <param name="Modifiers">The modifiers and shapes the rules care about.</param>
internal readonly record struct TypeDeclarationSummary(string Key, DeclarationKind Kind, DeclarationTraits Modifiers);

/// <summary>The keyword that declares a type, as far as the rules tell kinds apart.</summary>
internal enum DeclarationKind
{
    Class,
    Struct,
    Record,
    RecordStruct,
    Interface,
    Enum,
    Delegate,
}

/// <summary>What a declaration says about its type, beyond its kind.</summary>
[Flags]
internal enum DeclarationTraits
{
    None = 0,
    Partial = 1,
    Static = 2,

    /// <summary>The type or one around it is <c>file</c>: a type of its own, never merged with other files' parts.</summary>
    FileLocal = 4,
    PrimaryConstructor = 8,
}

/// <summary>
/// A class declaration carrying <c>[EmbeddingLayer]</c> under its plain name, with literal arguments only, in a tree
/// where nothing can rename the attribute. Whether the name binds to this library's attribute is decided later, from
/// the imports and the compilation's facts.
/// </summary>
/// <param name="NamespaceName">The namespace as written, dot-separated without escapes, to decide whether it encloses the attribute.</param>
/// <param name="Namespace">The namespace escaped for C#, as the spec holds it; empty for the global namespace.</param>
/// <param name="Types">The containing types, outermost first, then the class itself.</param>
/// <param name="AttributeCount">
/// How many <c>[EmbeddingLayer]</c> attributes this declaration carries: <c>ForAttributeWithMetadataName</c> gives each
/// declaration the attributes applied within it, and the parser generates nothing unless there is exactly one. (Two
/// parts that carry one each are two layers of one name, as on the semantic path.)
/// </param>
/// <param name="Arguments">The attribute's named arguments.</param>
internal sealed record LayerCandidate(
    string NamespaceName,
    string Namespace,
    EquatableArray<TypeReference> Types,
    int AttributeCount,
    LayerArguments Arguments);

/// <summary>A type named in a candidate's chain: its identity (as <see cref="TypeDeclarationSummary.Key"/>), name and arity.</summary>
internal readonly record struct TypeReference(string Key, string Name, int Arity);
