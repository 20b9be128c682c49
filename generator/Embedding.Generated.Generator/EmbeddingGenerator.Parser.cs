using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    /// <summary>Turns an annotated class into an <see cref="EmbeddingLayerSpec"/>, or null when it cannot be generated.</summary>
    internal static class Parser
    {
        private static readonly SymbolDisplayFormat NamespaceFormat = new(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        public static EmbeddingLayerSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1)
            {
                return null;
            }

            if (EmbeddingLayerRules.CheckTarget(type, cancellationToken) is not null)
            {
                return null;
            }

            if (ReadArguments(context.Attributes[0]) is not LayerArguments arguments ||
                EmbeddingLayerRules.CheckArguments(arguments).Any(violation => violation.IsError))
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new EmbeddingLayerSpec(
                Namespace: type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(NamespaceFormat),
                TypeName: EscapeIdentifier(type.Name),
                ContainingTypes: ReadContainingTypes(type),
                InputDim: arguments.InputDim!.Value,
                OutputDim: arguments.OutputDim!.Value,
                InputLength: arguments.InputLength ?? 0,
                MaskZero: arguments.MaskZero);
        }

        /// <summary>
        /// Reads the named arguments. Returns null when any argument is not a usable constant (the compiler has
        /// already reported it), so that nothing is generated from half-read input.
        /// </summary>
        public static LayerArguments? ReadArguments(AttributeData attribute)
        {
            if (attribute.AttributeClass is null || attribute.AttributeConstructor is null)
            {
                return null;
            }

            int? inputDim = null, outputDim = null, inputLength = null;
            bool maskZero = false;
            foreach (var argument in attribute.NamedArguments)
            {
                TypedConstant value = argument.Value;
                if (value.Kind == TypedConstantKind.Error || value.Value is null)
                {
                    return null;
                }

                switch (argument.Key)
                {
                    case "InputDim" when value.Value is int dim:
                        inputDim = dim;
                        break;
                    case "OutputDim" when value.Value is int dim:
                        outputDim = dim;
                        break;
                    case "InputLength" when value.Value is int length:
                        inputLength = length;
                        break;
                    case "MaskZero" when value.Value is bool mask:
                        maskZero = mask;
                        break;
                    default:
                        return null;
                }
            }

            return new LayerArguments(inputDim, outputDim, inputLength, maskZero);
        }

        public static CompilationFacts ReadCompilationFacts(Compilation compilation) =>
            new(CanEmitInlineArrays:
                compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp12 } &&
                compilation.GetTypeByMetadataName(KnownTypeNames.InlineArrayAttribute) is not null);

        private static EquatableArray<ContainingTypeSpec> ReadContainingTypes(INamedTypeSymbol type)
        {
            ImmutableArray<ContainingTypeSpec>.Builder containing = ImmutableArray.CreateBuilder<ContainingTypeSpec>();
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                // CheckTarget has already rejected containing types without a keyword.
                containing.Insert(0, new ContainingTypeSpec(EmbeddingLayerRules.ContainingKeyword(outer)!, EscapeIdentifier(outer.Name)));
            }

            return new EquatableArray<ContainingTypeSpec>(containing.ToImmutable());
        }

        private static string EscapeIdentifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
