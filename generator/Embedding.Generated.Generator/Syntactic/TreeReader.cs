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

namespace Embedding.Generated.Generator.Syntactic;

/// <summary>
/// Reads one syntax tree into a <see cref="TreeSummary"/> without binding anything, so that the result depends on that
/// tree alone and is cached until the tree changes.
/// </summary>
/// <remarks>
/// The syntactic path must decide exactly as the semantic one would. It takes only the cases where that follows from
/// syntax plus the compilation-wide facts checked in <see cref="SyntacticLayers"/>: a tree with anything that could
/// rename the attribute or change what <c>[EmbeddingLayer]</c> binds to (aliases, extern aliases, a qualified or
/// verbatim attribute name, an import of <c>Embedding</c> inside a namespace, a <c>file</c> type) has no candidates,
/// and a class whose arguments are not plain literals is no candidate. Those classes stay with
/// <c>ForAttributeWithMetadataName</c>, whose predicate is the negation of <see cref="IsCandidate"/>.
/// </remarks>
internal static class TreeReader
{
    private const string ShortName = KnownTypeNames.AttributeShortName;
    private const string FullName = KnownTypeNames.AttributeTypeName;
    private const string AttributeNamespace = KnownTypeNames.AttributeNamespace;

    public static TreeSummary Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        var declarations = ImmutableArray.CreateBuilder<TypeDeclarationSummary>();
        var classes = new List<(ClassDeclarationSyntax Node, string NamespaceName, string Namespace, ImmutableArray<TypeReference> Types)>();

        // A script's types are members of its script class: they never merge with a regular file's types.
        if (tree.Options.Kind == SourceCodeKind.Regular)
        {
            VisitMembers(root.Members, string.Empty, string.Empty, ImmutableArray<TypeReference>.Empty, fileLocal: false, declarations, classes);
        }

        var candidates = ImmutableArray.CreateBuilder<LayerCandidate>();
        if (IsReadable(root))
        {
            foreach ((ClassDeclarationSyntax node, string namespaceName, string escapedNamespace, ImmutableArray<TypeReference> types) in classes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ReadCandidateArguments(node) is LayerArguments arguments)
                {
                    candidates.Add(new LayerCandidate(
                        namespaceName,
                        escapedNamespace,
                        new EquatableArray<TypeReference>(types),
                        node.AttributeLists.Sum(list => list.Attributes.Count(IsPlainAttribute)),
                        arguments));
                }
            }
        }

        return new TreeSummary(
            ImportsAttributeNamespace: root.Usings.Any(directive => IsAttributeNamespaceImport(directive) && !directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)),
            ImportsAttributeNamespaceGlobally: root.Usings.Any(directive => IsAttributeNamespaceImport(directive) && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)),
            DeclaresGlobalAliasOfTheAttribute: root.Usings.Any(IsGlobalAliasOfTheAttribute),
            Declarations: new EquatableArray<TypeDeclarationSummary>(declarations.ToImmutable()),
            Candidates: new EquatableArray<LayerCandidate>(candidates.ToImmutable()));
    }

    /// <summary>
    /// Whether the syntactic path takes <paramref name="node"/>: a class with a plain-named <c>[EmbeddingLayer]</c> and
    /// literal arguments, in a readable tree. Everything else goes to <c>ForAttributeWithMetadataName</c>.
    /// </summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is ClassDeclarationSyntax declaration &&
        ReadCandidateArguments(declaration) is not null &&
        IsReadable((CompilationUnitSyntax)declaration.SyntaxTree.GetRoot(cancellationToken));

    /// <summary>
    /// A tree is readable when it is a regular file (not a script), nothing in it can make <c>[EmbeddingLayer]</c> mean
    /// anything but a lookup of that name through the namespaces and the plain imports, and none of its types is
    /// <c>file</c> (a file type is a type of its own, which the key of a declaration does not tell apart).
    /// </summary>
    private static bool IsReadable(CompilationUnitSyntax root)
    {
        // A script's classes are members of its script class, which the key does not show.
        if (root.SyntaxTree.Options.Kind != SourceCodeKind.Regular)
        {
            return false;
        }

        foreach (SyntaxNode node in root.DescendantNodes(static node =>
            node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or AttributeListSyntax))
        {
            switch (node)
            {
                case ExternAliasDirectiveSyntax:
                case UsingDirectiveSyntax { Alias: not null }:
                case UsingDirectiveSyntax directive when directive.Parent is BaseNamespaceDeclarationSyntax && Mentions(directive.Name, "Embedding"):
                case BaseTypeDeclarationSyntax declaration when declaration.Modifiers.Any(SyntaxKind.FileKeyword):
                case DelegateDeclarationSyntax delegateDeclaration when delegateDeclaration.Modifiers.Any(SyntaxKind.FileKeyword):
                case AttributeSyntax attribute when NamesTheAttributeIndirectly(attribute):
                case AttributeListSyntax { Target: { } target } list when !target.Identifier.IsKind(SyntaxKind.TypeKeyword) && list.Attributes.Any(IsPlainAttribute):
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The arguments of the class's plain-named attribute when every such attribute on it has literal named arguments
    /// only; otherwise null. With more than one, the semantic path generates nothing whatever they say, so the first is
    /// as good as any.
    /// </summary>
    private static LayerArguments? ReadCandidateArguments(ClassDeclarationSyntax node)
    {
        LayerArguments? first = null;
        foreach (AttributeSyntax attribute in node.AttributeLists.SelectMany(list => list.Attributes).Where(IsPlainAttribute))
        {
            if (ReadLiteralArguments(attribute) is not LayerArguments arguments)
            {
                return null;
            }

            first ??= arguments;
        }

        return first;
    }

    private static LayerArguments? ReadLiteralArguments(AttributeSyntax attribute)
    {
        LayerArguments arguments = default;
        int seen = 0; // a bit per property of LayerProperties.All, of which there are far fewer than 32
        foreach (AttributeArgumentSyntax argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is null || argument.NameColon is not null ||
                LayerProperties.Find(argument.NameEquals.Name.Identifier.ValueText) is not LayerProperty property)
            {
                return null;
            }

            // A repeated name is an error the semantic path reads its own way: leave it there.
            int bit = 1 << LayerProperties.All.IndexOf(property);
            if ((seen & bit) != 0 || ReadLiteral(argument.Expression, property.Type) is not { } value)
            {
                return null;
            }

            seen |= bit;
            arguments = property.With(arguments, value);
        }

        return arguments;
    }

    /// <summary>A literal of the property's type, as <see cref="ReadInt"/> and <see cref="ReadBool"/> take them; null for anything else.</summary>
    private static object? ReadLiteral(ExpressionSyntax expression, LayerPropertyType type) => type switch
    {
        LayerPropertyType.Int32 => ReadInt(expression),
        _ => ReadBool(expression),
    };

    /// <summary>An <c>int</c> literal, or its negation; anything the compiler would have to fold or convert is not read.</summary>
    private static int? ReadInt(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int value } => value,
        PrefixUnaryExpressionSyntax
        {
            RawKind: (int)SyntaxKind.UnaryMinusExpression,
            Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int value },
        } => -value,
        _ => null,
    };

    private static bool? ReadBool(ExpressionSyntax expression) => expression.Kind() switch
    {
        SyntaxKind.TrueLiteralExpression => true,
        SyntaxKind.FalseLiteralExpression => false,
        _ => null,
    };

    /// <summary><c>[EmbeddingLayer]</c> or <c>[EmbeddingLayerAttribute]</c>, unqualified and not verbatim.</summary>
    private static bool IsPlainAttribute(AttributeSyntax attribute) =>
        attribute.Name is IdentifierNameSyntax { Identifier: var identifier } &&
        !identifier.IsVerbatimIdentifier() &&
        identifier.ValueText is ShortName or FullName;

    /// <summary>A qualified, generic or verbatim use of the attribute's names, whose binding the syntactic path does not follow.</summary>
    private static bool NamesTheAttributeIndirectly(AttributeSyntax attribute) =>
        !IsPlainAttribute(attribute) &&
        attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText is ShortName or FullName,
            AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText is ShortName or FullName,
            SimpleNameSyntax simple => simple.Identifier.ValueText is ShortName or FullName,
            _ => false,
        };

    /// <summary>
    /// A <c>global using X = ...;</c> that could stand for the attribute or hide one of the names the syntactic path
    /// relies on: named <c>EmbeddingLayer</c>, <c>EmbeddingLayerAttribute</c>, <c>EmbeddingLayerAttributeAttribute</c>
    /// or <c>Embedding</c>, or naming a type <c>EmbeddingLayerAttribute</c>. (Its target cannot go through another
    /// alias of the compilation, and no other type of that name exists when the syntactic path decides anything.)
    /// Other global aliases cannot change what a plain <c>[EmbeddingLayer]</c> means or how many a class carries.
    /// </summary>
    private static bool IsGlobalAliasOfTheAttribute(UsingDirectiveSyntax directive) =>
        directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) &&
        directive.Alias is { Name.Identifier.ValueText: var alias } &&
        (alias is ShortName or FullName or FullName + "Attribute" or "Embedding" ||
            RightmostName(directive.NamespaceOrType) is FullName or ShortName);

    private static string? RightmostName(TypeSyntax? type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static bool IsAttributeNamespaceImport(UsingDirectiveSyntax directive) =>
        directive.Alias is null &&
        !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) &&
        directive.Name is not null &&
        DottedName(directive.Name) == AttributeNamespace;

    private static bool Mentions(NameSyntax? name, string identifier) =>
        name is not null && name.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(simple => simple.Identifier.ValueText == identifier);

    /// <summary>A namespace or imported name as dots and identifiers, with <c>global::</c> dropped (at the top level it changes nothing).</summary>
    private static string DottedName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => DottedName(qualified.Left) + "." + qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword } global => global.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Alias.Identifier.ValueText + "::" + aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };

    private static void VisitMembers(
        SyntaxList<MemberDeclarationSyntax> members,
        string namespaceName,
        string escapedNamespace,
        ImmutableArray<TypeReference> containing,
        bool fileLocal,
        ImmutableArray<TypeDeclarationSummary>.Builder declarations,
        List<(ClassDeclarationSyntax, string, string, ImmutableArray<TypeReference>)> classes)
    {
        foreach (MemberDeclarationSyntax member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax namespaceDeclaration:
                    string name = DottedName(namespaceDeclaration.Name);
                    string escaped = string.Join(".", name.Split('.').Select(Identifiers.Escape));
                    VisitMembers(
                        namespaceDeclaration.Members,
                        namespaceName.Length == 0 ? name : namespaceName + "." + name,
                        escapedNamespace.Length == 0 ? escaped : escapedNamespace + "." + escaped,
                        containing,
                        fileLocal,
                        declarations,
                        classes);
                    break;
                case BaseTypeDeclarationSyntax typeDeclaration:
                    int arity = (typeDeclaration as TypeDeclarationSyntax)?.TypeParameterList?.Parameters.Count ?? 0;
                    ImmutableArray<TypeReference> types = containing.Add(Reference(namespaceName, containing, typeDeclaration.Identifier.ValueText, arity));
                    bool isFileLocal = fileLocal || typeDeclaration.Modifiers.Any(SyntaxKind.FileKeyword);
                    string key = types[types.Length - 1].Key;
                    declarations.Add(new TypeDeclarationSummary(key, KindOf(typeDeclaration), Traits(typeDeclaration, isFileLocal)));
                    if (typeDeclaration is ClassDeclarationSyntax classDeclaration)
                    {
                        classes.Add((classDeclaration, namespaceName, escapedNamespace, types));
                    }

                    if (typeDeclaration is TypeDeclarationSyntax withMembers)
                    {
                        VisitMembers(withMembers.Members, namespaceName, escapedNamespace, types, isFileLocal, declarations, classes);
                    }

                    break;
                case DelegateDeclarationSyntax delegateDeclaration:
                    TypeReference reference = Reference(namespaceName, containing, delegateDeclaration.Identifier.ValueText, delegateDeclaration.TypeParameterList?.Parameters.Count ?? 0);
                    DeclarationTraits traits = fileLocal || delegateDeclaration.Modifiers.Any(SyntaxKind.FileKeyword) ? DeclarationTraits.FileLocal : DeclarationTraits.None;
                    declarations.Add(new TypeDeclarationSummary(reference.Key, DeclarationKind.Delegate, traits));
                    break;
            }
        }
    }

    /// <summary>
    /// The key of a type: <c>Namespace/Outer`0+Inner`0</c>. Two declarations share a key exactly when the compiler
    /// merges them into one type, unless one is <c>file</c> or their kinds differ (both handled by the caller).
    /// </summary>
    private static TypeReference Reference(string namespaceName, ImmutableArray<TypeReference> containing, string name, int arity)
    {
        string prefix = containing.IsEmpty ? namespaceName + "/" : containing[containing.Length - 1].Key + "+";
        return new TypeReference(prefix + name + "`" + arity.ToString(System.Globalization.CultureInfo.InvariantCulture), name, arity);
    }

    private static DeclarationKind KindOf(BaseTypeDeclarationSyntax declaration) => declaration.Kind() switch
    {
        SyntaxKind.ClassDeclaration => DeclarationKind.Class,
        SyntaxKind.StructDeclaration => DeclarationKind.Struct,
        SyntaxKind.RecordDeclaration => DeclarationKind.Record,
        SyntaxKind.RecordStructDeclaration => DeclarationKind.RecordStruct,
        SyntaxKind.InterfaceDeclaration => DeclarationKind.Interface,
        _ => DeclarationKind.Enum,
    };

    private static DeclarationTraits Traits(BaseTypeDeclarationSyntax declaration, bool fileLocal)
    {
        DeclarationTraits traits = fileLocal ? DeclarationTraits.FileLocal : DeclarationTraits.None;
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            traits |= DeclarationTraits.Partial;
        }

        if (declaration.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            traits |= DeclarationTraits.Static;
        }

        if (declaration is TypeDeclarationSyntax { ParameterList: not null })
        {
            traits |= DeclarationTraits.PrimaryConstructor;
        }

        return traits;
    }
}
