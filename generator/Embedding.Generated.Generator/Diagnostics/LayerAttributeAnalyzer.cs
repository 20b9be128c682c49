using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Embedding.Generated.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Embedding.Generated.Generator.Diagnostics;

/// <summary>
/// Reports what makes an <c>[EmbeddingLayer]</c> declaration invalid (EMB001 to EMB005, EMB009, EMB010, EMB012, and
/// EMB013 for a member of the class named like a generated one), with
/// the rules the generator uses to decide that it emits a stand-in, or nothing. Diagnostics come from here, not from the generator:
/// analyzers run as the user types and their diagnostics reach every editor.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LayerAttributeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InputDimNotPositive,
        DiagnosticDescriptors.OutputDimNegative,
        DiagnosticDescriptors.InputLengthNotPositive,
        DiagnosticDescriptors.UnsupportedTarget,
        DiagnosticDescriptors.MaskZeroWithoutRoom,
        DiagnosticDescriptors.WeightCountOverflow,
        DiagnosticDescriptors.OutputDimZero,
        DiagnosticDescriptors.SequenceTooLong,
        DiagnosticDescriptors.MemberNameTaken);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // Resolved once per compilation; a compilation without the runtime has no layers to check.
            if (start.Compilation.GetTypeByMetadataName(KnownTypeNames.EmbeddingLayerAttribute) is not INamedTypeSymbol attributeType)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, attributeType), SymbolKind.NamedType);

            // Per declaration rather than per symbol: the generated part declares the same names, and a syntax action
            // sees only the user's parts (generated code is not analyzed).
            start.RegisterSyntaxNodeAction(nodeContext => AnalyzeMemberNames(nodeContext, attributeType), SyntaxKind.ClassDeclaration);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType) ||
                attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
            {
                continue;
            }

            if (EmbeddingLayerRules.CheckTarget(type, context.CancellationToken) is RuleViolation unsupported)
            {
                ImmutableDictionary<string, string?> properties = unsupported.CodeFix is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(CodeFixKinds.PropertyName, unsupported.CodeFix);
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.For(unsupported.DiagnosticId), TargetLocation(syntax), properties, unsupported.Message));
            }

            // Arguments that are not constants are already compiler errors; nothing more to say about them.
            if (EmbeddingGenerator.Parser.ReadArguments(attribute) is not LayerArguments arguments)
            {
                continue;
            }

            foreach (RuleViolation violation in EmbeddingLayerRules.CheckArguments(arguments))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.For(violation.DiagnosticId), ArgumentLocation(syntax, violation.Argument), violation.Message));
            }
        }
    }

    /// <summary>EMB013 at the name of each member this part of a layer class declares under a generated member's name.</summary>
    private static void AnalyzeMemberNames(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        // Names first, from syntax: almost no class declares such a member, and those need no binding.
        var declaration = (ClassDeclarationSyntax)context.Node;
        List<(SyntaxToken Name, RuleViolation Violation)>? taken = null;
        foreach (MemberDeclarationSyntax member in declaration.Members)
        {
            foreach (SyntaxToken name in DeclaredNames(member))
            {
                if (EmbeddingLayerRules.CheckMemberName(declaration.Identifier.ValueText, name.ValueText) is RuleViolation violation)
                {
                    (taken ??= []).Add((name, violation));
                }
            }
        }

        if (taken is null ||
            context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type ||
            !GetsGeneratedMembers(type, attributeType, context.CancellationToken))
        {
            return;
        }

        foreach ((SyntaxToken name, RuleViolation violation) in taken)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(violation.DiagnosticId), name.GetLocation(), violation.Message));
        }
    }

    /// <summary>Whether the generator adds members to <paramref name="type"/>: it parses to a layer (valid or a stand-in).</summary>
    private static bool GetsGeneratedMembers(INamedTypeSymbol type, INamedTypeSymbol attributeType, CancellationToken cancellationToken)
    {
        ImmutableArray<AttributeData> attributes = type.GetAttributes()
            .Where(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            .ToImmutableArray();
        return !attributes.IsEmpty && EmbeddingGenerator.Parser.Parse(type, attributes, cancellationToken) is not null;
    }

    /// <summary>
    /// The names a member declaration adds to its class: constructors, indexers, operators and explicit interface
    /// implementations add none that a generated member could take.
    /// </summary>
    private static IEnumerable<SyntaxToken> DeclaredNames(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method => [method.Identifier],
        PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null } property => [property.Identifier],
        EventDeclarationSyntax { ExplicitInterfaceSpecifier: null } @event => [@event.Identifier],
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => variable.Identifier),
        BaseTypeDeclarationSyntax nested => [nested.Identifier],
        DelegateDeclarationSyntax @delegate => [@delegate.Identifier],
        _ => [],
    };

    /// <summary>The named argument a violation is about, or the attribute's name when it concerns the whole attribute.</summary>
    private static Location ArgumentLocation(AttributeSyntax attribute, LayerProperty? argument)
    {
        if (argument is not null && attribute.ArgumentList is not null)
        {
            string name = argument.Name;
            foreach (AttributeArgumentSyntax candidate in attribute.ArgumentList.Arguments)
            {
                if (candidate.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return candidate.GetLocation();
                }
            }
        }

        return attribute.Name.GetLocation();
    }

    /// <summary>The identifier of the declaration the attribute sits on: what "add partial" changes.</summary>
    private static Location TargetLocation(AttributeSyntax attribute) =>
        attribute.Parent?.Parent is BaseTypeDeclarationSyntax declaration
            ? declaration.Identifier.GetLocation()
            : attribute.GetLocation();
}
