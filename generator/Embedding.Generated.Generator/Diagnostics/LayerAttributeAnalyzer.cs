using System.Collections.Immutable;
using Embedding.Generated.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Embedding.Generated.Generator.Diagnostics;

/// <summary>
/// Reports what makes an <c>[EmbeddingLayer]</c> declaration invalid (EMB001 to EMB005, EMB009, EMB010, EMB012), with
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
        DiagnosticDescriptors.SequenceTooLong);

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
