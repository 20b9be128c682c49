using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Embedding.Generated.Generator.Helpers;
using Embedding.Generated.Generator.Model;
using Embedding.Generated.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Embedding.Generated.Generator;

public sealed partial class EmbeddingGenerator
{
    /// <summary>
    /// Turns an annotated class into an <see cref="EmbeddingLayerSpec"/> (a stand-in when the declaration has errors), or
    /// null when the class cannot take the layer's members.
    /// </summary>
    internal static class Parser
    {
        private static readonly SymbolDisplayFormat NamespaceFormat = new(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        public static EmbeddingLayerSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            Parse(context.TargetSymbol, context.Attributes, cancellationToken);

        /// <summary>
        /// Parses <paramref name="target"/> given the attributes <c>ForAttributeWithMetadataName</c> matched on it: those
        /// of this library's type applied within the target's syntax tree.
        /// </summary>
        public static EmbeddingLayerSpec? Parse(ISymbol target, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
        {
            if (target is not INamedTypeSymbol type || attributes.Length != 1)
            {
                return null;
            }

            // A type that lacks only 'partial' still gets the layer's members: the compiler merges the generated part
            // with it and reports CS0260 once, instead of an error at every call into the layer.
            RuleViolation? unsupported = EmbeddingLayerRules.CheckTarget(type, cancellationToken);
            if (unsupported is not null && EmbeddingLayerRules.CheckTarget(type, cancellationToken, requirePartial: false) is not null)
            {
                return null;
            }

            if (ReadArguments(attributes[0]) is not LayerArguments arguments)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            return EmbeddingLayerSpec.For(
                type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(NamespaceFormat),
                Identifiers.Escape(type.Name),
                ReadContainingTypes(type),
                arguments,
                unsupported?.DiagnosticId);
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

            LayerArguments arguments = default;
            foreach (var argument in attribute.NamedArguments)
            {
                TypedConstant value = argument.Value;
                if (value.Kind == TypedConstantKind.Error || value.Value is null ||
                    LayerProperties.Find(argument.Key) is not LayerProperty property ||
                    property.Accept(value.Value) is not { } accepted)
                {
                    return null;
                }

                arguments = property.With(arguments, accepted);
            }

            return arguments;
        }

        public static CompilationFacts ReadCompilationFacts(Compilation compilation) =>
            new(CanEmitInlineArrays:
                compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp12 } &&
                compilation.GetTypeByMetadataName(KnownTypeNames.InlineArrayAttribute) is not null);

        /// <summary>
        /// Whether <c>[EmbeddingLayer]</c> and <c>[EmbeddingLayerAttribute]</c>, found through the namespaces and plain
        /// imports, can only mean this library's attribute: no type of those names (nor
        /// <c>EmbeddingLayerAttributeAttribute</c>, which <c>[EmbeddingLayerAttribute]</c> also looks for) in the source
        /// or any reference, nested or not, generic or not, except the attribute in exactly one referenced assembly,
        /// which is visible without an extern alias; and no type <c>Embedding</c> or <c>Embedding.Generated</c> that
        /// could stand for the namespace in <c>using Embedding.Generated;</c>. Cheap: the compiler keeps these name sets
        /// per declaration table and per assembly.
        /// </summary>
        public static bool ReadAttributeNameIsUnique(Compilation compilation)
        {
            const string attributeName = KnownTypeNames.AttributeTypeName;
            string[] foreignNames = [KnownTypeNames.AttributeShortName, KnownTypeNames.AttributeTypeName + "Attribute"];

            // Types of added modules are in no name set read here.
            if (compilation.Assembly.Modules.Skip(1).Any() ||
                compilation.ContainsSymbolsWithName(attributeName, SymbolFilter.Type) ||
                foreignNames.Any(name => compilation.ContainsSymbolsWithName(name, SymbolFilter.Type)) ||
                !compilation.GetTypesByMetadataName("Embedding").IsEmpty ||
                !compilation.GetTypesByMetadataName(KnownTypeNames.AttributeNamespace).IsEmpty)
            {
                return false;
            }

            IAssemblySymbol? holder = null;
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                ICollection<string> typeNames = assembly.TypeNames;
                if (foreignNames.Any(typeNames.Contains))
                {
                    return false;
                }

                if (typeNames.Contains(attributeName))
                {
                    if (holder is not null)
                    {
                        return false;
                    }

                    holder = assembly;
                }
            }

            return holder is not null &&
                compilation.GetMetadataReference(holder)?.Properties.Aliases is { } aliases &&
                (aliases.IsEmpty || aliases.Contains(MetadataReferenceProperties.GlobalAlias)) &&
                holder.GetTypeByMetadataName(KnownTypeNames.EmbeddingLayerAttribute) is { DeclaredAccessibility: Accessibility.Public } attribute &&
                SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName(KnownTypeNames.EmbeddingLayerAttribute), attribute) &&
                HasTheExpectedShape(attribute);
        }

        /// <summary>
        /// The syntactic path reads <c>InputDim = 10</c> as the compiler would for this library's attribute: a public
        /// parameterless constructor and a settable instance property of its type for each of <see cref="LayerProperties.All"/>. Another version of the runtime
        /// with another shape goes to the semantic path.
        /// </summary>
        private static bool HasTheExpectedShape(INamedTypeSymbol attribute) =>
            attribute.InstanceConstructors.Any(constructor => constructor.Parameters.IsEmpty && constructor.DeclaredAccessibility == Accessibility.Public) &&
            LayerProperties.All.All(property => IsSettable(attribute, property.Name, property.SpecialType));

        private static bool IsSettable(INamedTypeSymbol type, string name, SpecialType specialType) =>
            type.GetMembers(name) is [IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, SetMethod.DeclaredAccessibility: Accessibility.Public } property] &&
            property.Type.SpecialType == specialType;

        /// <summary>
        /// The semantic result for every class the syntactic path would take, for compilations where it cannot decide:
        /// what <c>ForAttributeWithMetadataName</c> gives for each such class (the class's symbol, and the attributes of
        /// this library's type applied within that declaration), parsed as usual. Walks every tree, so it costs a full run; it
        /// only runs when the syntactic path gives up.
        /// </summary>
        public static ImmutableArray<EmbeddingLayerSpec> ParseSyntacticCandidatesSemantically(Compilation compilation, CancellationToken cancellationToken)
        {
            var layers = ImmutableArray.CreateBuilder<EmbeddingLayerSpec>();
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes(static node => node is not (BlockSyntax or ArrowExpressionClauseSyntax)))
                {
                    if (node is not ClassDeclarationSyntax || !Syntactic.TreeReader.IsCandidate(node, cancellationToken))
                    {
                        continue;
                    }

                    model ??= compilation.GetSemanticModel(tree);
                    if (model.GetDeclaredSymbol(node, cancellationToken) is not INamedTypeSymbol type)
                    {
                        continue;
                    }

                    ImmutableArray<AttributeData> attributes = type.GetAttributes()
                        .Where(attribute =>
                            attribute.ApplicationSyntaxReference is { } application &&
                            application.SyntaxTree == tree &&
                            application.Span.IntersectsWith(node.Span) &&
                            IsTheAttribute(attribute.AttributeClass))
                        .ToImmutableArray();
                    if (!attributes.IsEmpty && Parse(type, attributes, cancellationToken) is EmbeddingLayerSpec layer)
                    {
                        layers.Add(layer);
                    }
                }
            }

            return layers.ToImmutable();
        }

        /// <summary>
        /// The test <c>ForAttributeWithMetadataName</c> applies (the class's metadata name, with <c>+</c> for nesting and
        /// <c>`n</c> for arity, equals the one asked for), spelt out for a top-level non-generic name.
        /// </summary>
        private static bool IsTheAttribute(INamedTypeSymbol? attributeClass) =>
            attributeClass is { ContainingType: null, Arity: 0, Name: KnownTypeNames.AttributeTypeName } &&
            attributeClass.ContainingNamespace?.ToDisplayString() == KnownTypeNames.AttributeNamespace;

        private static EquatableArray<ContainingTypeSpec> ReadContainingTypes(INamedTypeSymbol type)
        {
            ImmutableArray<ContainingTypeSpec>.Builder containing = ImmutableArray.CreateBuilder<ContainingTypeSpec>();
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                // CheckTarget has already rejected containing types without a keyword.
                containing.Insert(0, new ContainingTypeSpec(EmbeddingLayerRules.ContainingKeyword(outer)!, Identifiers.Escape(outer.Name)));
            }

            return new EquatableArray<ContainingTypeSpec>(containing.ToImmutable());
        }
    }
}
