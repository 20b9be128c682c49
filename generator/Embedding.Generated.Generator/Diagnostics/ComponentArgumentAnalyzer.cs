using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Embedding.Generated.Generator.Validation;
using Embedding.Generated.Parameters;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Embedding.Generated.Generator.Diagnostics;

/// <summary>
/// Checks how the runtime's initializers, regularizers, constraints and optimizers are built: a constant argument they
/// would reject (EMB008), and a norm constraint whose axis is left to Keras's column-wise default (EMB011).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ComponentArgumentAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidComponent,
        DiagnosticDescriptors.ConstraintWithoutAxis);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // The component types are resolved once; a compilation without the runtime registers nothing.
            var components = new Dictionary<INamedTypeSymbol, ComponentRanges>(SymbolEqualityComparer.Default);
            foreach (ComponentRanges component in ParameterRanges.All)
            {
                if (start.Compilation.GetTypeByMetadataName(component.MetadataName) is INamedTypeSymbol type)
                {
                    components[type] = component;
                }
            }

            if (components.Count > 0)
            {
                start.RegisterOperationAction(operation => AnalyzeCreation(operation, components), OperationKind.ObjectCreation);
            }
        });
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, Dictionary<INamedTypeSymbol, ComponentRanges> components)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type || !TryFindComponent(type, components, out ComponentRanges? component, out INamedTypeSymbol? declared))
        {
            return;
        }

        // Only the component's own parameters are checked; a subclass with other parameters is left alone.
        if (!SymbolEqualityComparer.Default.Equals(type, declared))
        {
            return;
        }

        var constants = new Dictionary<string, (double Value, string Text, Location Location)>();
        bool axisGiven = false;
        foreach (IArgumentOperation argument in creation.Arguments)
        {
            if (argument.Parameter is not IParameterSymbol parameter)
            {
                continue;
            }

            axisGiven |= parameter.Name == ParameterRanges.NormConstraint.Axis.Name && argument.ArgumentKind != ArgumentKind.DefaultValue;
            if (argument.ArgumentKind == ArgumentKind.DefaultValue ||
                component.Find(parameter.Name) is not ParameterRange range ||
                ConstantNumber(argument.Value) is not (double value, string text))
            {
                continue;
            }

            Location location = argument.Syntax.GetLocation();
            constants[parameter.Name] = (value, text, location);
            if (ComponentRules.CheckValue(component, range, value, text) is string message)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidComponent, location, message));
            }
        }

        if (component.Order is OrderedParameters order &&
            constants.TryGetValue(order.Lower.Name, out var lower) && constants.TryGetValue(order.Upper.Name, out var upper) &&
            ComponentRules.CheckOrder(component, order, lower.Value, lower.Text, upper.Value, upper.Text) is string orderMessage)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidComponent, lower.Location, orderMessage));
        }

        if (!axisGiven && ComponentRules.IsNormConstraint(component))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ConstraintWithoutAxis, creation.Syntax.GetLocation(), ComponentRules.MissingAxisMessage(component)));
        }
    }

    private static bool TryFindComponent(
        INamedTypeSymbol type,
        Dictionary<INamedTypeSymbol, ComponentRanges> components,
        [NotNullWhen(true)] out ComponentRanges? component,
        out INamedTypeSymbol? declared)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (components.TryGetValue(current, out component))
            {
                declared = current;
                return true;
            }
        }

        component = null;
        declared = null;
        return false;
    }

    /// <summary>
    /// The value of a numeric constant argument (int, float or double), and how a message prints it: as the user wrote
    /// the literal, else the constant in the type it was written in (before any widening to the parameter's type).
    /// </summary>
    private static (double Value, string Text)? ConstantNumber(IOperation value)
    {
        double? number = value.ConstantValue switch
        {
            { HasValue: true, Value: int constant } => constant,
            { HasValue: true, Value: float constant } => constant,
            { HasValue: true, Value: double constant } => constant,
            _ => null,
        };
        if (number is null)
        {
            return null;
        }

        IOperation written = value;
        while (written is IConversionOperation { IsImplicit: true, Operand.ConstantValue.HasValue: true } conversion)
        {
            written = conversion.Operand;
        }

        return (number.Value, LiteralText(written.Syntax) ?? NumberText.Of(written.ConstantValue.Value!));
    }

    /// <summary>
    /// A numeric literal, with its sign if it has one, as written but without a type suffix (<c>-0.01f</c> prints
    /// <c>-0.01</c>, <c>1e-7</c> stays <c>1e-7</c>); null for any other expression.
    /// </summary>
    private static string? LiteralText(SyntaxNode syntax) => syntax switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) => WithoutTypeSuffix(literal.Token),
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax literal } sign
            when literal.IsKind(SyntaxKind.NumericLiteralExpression) && sign.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression
            => sign.OperatorToken.Text + WithoutTypeSuffix(literal.Token),
        _ => null,
    };

    // Only real literals: the F of an integer literal such as 0xF is a digit.
    private static string WithoutTypeSuffix(SyntaxToken literal) =>
        literal.Value is float or double or decimal && literal.Text.Length > 1 && "fFdDmM".IndexOf(literal.Text[literal.Text.Length - 1]) >= 0
            ? literal.Text.Substring(0, literal.Text.Length - 1)
            : literal.Text;
}
