using System.Collections.Immutable;
using System.Linq;
using Embedding.Generated.Generator.Helpers;
using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Validation;

namespace Embedding.Generated.Generator.Syntactic;

/// <summary>
/// Decides the syntactic candidates of every tree: whether <c>[EmbeddingLayer]</c> binds to this library's attribute,
/// and whether the class passes <see cref="EmbeddingLayerRules"/>, read from the declarations of all trees instead of
/// the symbol. Where that cannot be told from syntax, it says so, and the candidates go to the semantic path.
/// </summary>
internal static class SyntacticLayers
{
    private const string AttributeNamespace = KnownTypeNames.AttributeNamespace;

    /// <summary>
    /// The layers the syntactic path decided; or none and a request that every candidate be parsed semantically (see
    /// <see cref="SyntacticDecisions.NeedsSemanticPath"/>) when <paramref name="nameIsUnique"/> is false, a global
    /// alias could rename the attribute, or some candidate's type cannot be told from syntax.
    /// </summary>
    public static SyntacticDecisions Decide(ImmutableArray<TreeSummary> trees, bool nameIsUnique)
    {
        bool anyCandidate = trees.Any(tree => tree.Candidates.Count > 0);
        if (!anyCandidate)
        {
            return SyntacticDecisions.None;
        }

        if (!nameIsUnique || trees.Any(tree => tree.DeclaresGlobalAliasOfTheAttribute))
        {
            return SyntacticDecisions.Semantic;
        }

        // File types never merge with another file's parts; readable trees (the only ones with candidates) hold none.
        ILookup<string, TypeDeclarationSummary> parts = trees
            .SelectMany(tree => tree.Declarations)
            .Where(declaration => (declaration.Modifiers & DeclarationTraits.FileLocal) == 0)
            .ToLookup(declaration => declaration.Key, System.StringComparer.Ordinal);
        bool importedGlobally = trees.Any(tree => tree.ImportsAttributeNamespaceGlobally);

        var layers = ImmutableArray.CreateBuilder<EmbeddingLayerSpec>();
        foreach (TreeSummary tree in trees)
        {
            foreach (LayerCandidate candidate in tree.Candidates)
            {
                if (!(importedGlobally || tree.ImportsAttributeNamespace || EnclosesAttribute(candidate.NamespaceName)))
                {
                    // The name binds to nothing, so the semantic path matches no attribute.
                    continue;
                }

                switch (Check(candidate, parts))
                {
                    case Outcome.Undecided:
                        return SyntacticDecisions.Semantic;
                    case Outcome.Supported:
                        layers.Add(ToSpec(candidate, parts, targetError: null));
                        break;
                    case Outcome.MissingPartial:
                        layers.Add(ToSpec(candidate, parts, targetError: DiagnosticIds.UnsupportedTarget));
                        break;
                }
            }
        }

        return new SyntacticDecisions(new EquatableArray<EmbeddingLayerSpec>(layers.ToImmutable()), NeedsSemanticPath: false);
    }

    private enum Outcome
    {
        /// <summary>The class can take the layer's members.</summary>
        Supported,

        /// <summary>The class or a type around it lacks only <c>partial</c>: the members are emitted all the same.</summary>
        MissingPartial,

        /// <summary>Nothing is emitted.</summary>
        Unsupported,
        Undecided,
    }

    /// <summary>
    /// <see cref="EmbeddingLayerRules.CheckTarget"/>, on the parts of the class and of its containing types, as the
    /// parser reads it (with and without the <c>partial</c> modifiers). Parts of one key but different kinds are an error
    /// whose symbol the syntax does not predict: undecided.
    /// </summary>
    private static Outcome Check(LayerCandidate candidate, ILookup<string, TypeDeclarationSummary> parts)
    {
        if (candidate.AttributeCount != 1)
        {
            return Outcome.Unsupported;
        }

        TypeReference self = candidate.Types[candidate.Types.Count - 1];
        TypeDeclarationSummary[] selfParts = [.. parts[self.Key]];
        if (selfParts.Any(part => part.Kind != DeclarationKind.Class))
        {
            return Outcome.Undecided;
        }

        bool supported = self.Arity == 0 &&
            !EmittedNames.Members.Contains(self.Name) &&
            selfParts.All(part => (part.Modifiers & (DeclarationTraits.Static | DeclarationTraits.PrimaryConstructor)) == 0);
        bool partial = selfParts.All(part => (part.Modifiers & DeclarationTraits.Partial) != 0);

        for (int i = 0; i < candidate.Types.Count - 1; i++)
        {
            TypeReference containing = candidate.Types[i];
            TypeDeclarationSummary[] containingParts = [.. parts[containing.Key]];
            if (containingParts.Any(part => part.Kind != containingParts[0].Kind))
            {
                return Outcome.Undecided;
            }

            supported &= containing.Arity == 0 && ContainingKeyword(containingParts[0].Kind) is not null;
            partial &= containingParts.All(part => (part.Modifiers & DeclarationTraits.Partial) != 0);
        }

        return !supported ? Outcome.Unsupported : partial ? Outcome.Supported : Outcome.MissingPartial;
    }

    private static EmbeddingLayerSpec ToSpec(LayerCandidate candidate, ILookup<string, TypeDeclarationSummary> parts, string? targetError)
    {
        // Check has run: every containing type has parts (the candidate's own tree declares it), all of one supported kind.
        ImmutableArray<ContainingTypeSpec> containing = candidate.Types
            .Take(candidate.Types.Count - 1)
            .Select(type => new ContainingTypeSpec(ContainingKeyword(parts[type.Key].First().Kind)!, Identifiers.Escape(type.Name)))
            .ToImmutableArray();
        TypeReference self = candidate.Types[candidate.Types.Count - 1];
        return EmbeddingLayerSpec.For(
            candidate.Namespace, Identifiers.Escape(self.Name), new EquatableArray<ContainingTypeSpec>(containing), candidate.Arguments, targetError);
    }

    /// <summary>The keyword of a containing type, as <see cref="EmbeddingLayerRules.ContainingKeyword"/> gives it.</summary>
    private static string? ContainingKeyword(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Class => "class",
        DeclarationKind.Struct => "struct",
        DeclarationKind.Record => "record",
        DeclarationKind.RecordStruct => "record struct",
        _ => null,
    };

    /// <summary>
    /// A namespace in which the attribute is found without an import: <c>Embedding.Generated</c> or one inside it
    /// (lookup walks out through the enclosing namespaces).
    /// </summary>
    private static bool EnclosesAttribute(string namespaceName) =>
        namespaceName == AttributeNamespace || namespaceName.StartsWith(AttributeNamespace + ".", System.StringComparison.Ordinal);
}

/// <summary>What the syntactic path decided for the whole compilation.</summary>
/// <param name="Layers">The layers to generate from syntactic candidates.</param>
/// <param name="NeedsSemanticPath">
/// Syntax could not decide some candidate (or the compilation's facts forbid deciding any): the candidates must be
/// parsed semantically instead, and <paramref name="Layers"/> is empty.
/// </param>
internal sealed record SyntacticDecisions(EquatableArray<EmbeddingLayerSpec> Layers, bool NeedsSemanticPath)
{
    public static SyntacticDecisions None { get; } = new(EquatableArray<EmbeddingLayerSpec>.Empty, NeedsSemanticPath: false);

    public static SyntacticDecisions Semantic { get; } = new(EquatableArray<EmbeddingLayerSpec>.Empty, NeedsSemanticPath: true);
}
