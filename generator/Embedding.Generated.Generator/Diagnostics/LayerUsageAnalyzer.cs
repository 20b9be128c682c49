using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Embedding.Generated.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Embedding.Generated.Generator.Diagnostics;

/// <summary>
/// Checks calls into generated layers: constant ids outside <c>[0, InputDim)</c> (EMB007), and forward passes of
/// MaskZero layers whose mask is never computed (EMB006), the .NET form of Keras's <c>Flatten</c> after
/// <c>mask_zero=True</c>: padding is then pooled or flattened as if it were data.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LayerUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MaskDiscarded,
        DiagnosticDescriptors.ConstantIdOutOfRange);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypeNames.EmbeddingLayerAttribute) is not INamedTypeSymbol attributeType)
            {
                return;
            }

            var layers = new LayerCatalog(attributeType);
            start.RegisterOperationBlockStartAction(block => AnalyzeBlock(block, layers));
        });
    }

    private static void AnalyzeBlock(OperationBlockStartAnalysisContext block, LayerCatalog layers)
    {
        // Per method body and per layer instance: forward calls that drop the mask, reported at the end unless the body
        // computes a mask on the same instance (see LayerInstance). Where the instance cannot be told, the layer type
        // stands for it both ways, so that doubt never turns into a warning.
        var maskLessForwards = new ConcurrentQueue<(IInvocationOperation Call, string Layer, INamedTypeSymbol Type, LayerInstance? Instance)>();
        var masksComputed = new ConcurrentDictionary<LayerInstance, bool>();
        var typesWithMask = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        var typesWithMaskOnUnknownInstance = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        block.RegisterOperationAction(
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                INamedTypeSymbol type = invocation.TargetMethod.ContainingType;
                if (layers.Find(type) is not LayerFacts layer)
                {
                    return;
                }

                ReportConstantIds(context, layer, invocation.Arguments);
                if (!layer.MaskZero || layer.IsSequenceType)
                {
                    return;
                }

                LayerInstance? instance = LayerInstance.Of(invocation.Instance);
                if (invocation.TargetMethod.Name == EmittedNames.ComputeMask ||
                    invocation.TargetMethod.Parameters.Any(parameter => parameter.Name == EmittedNames.MaskParameter))
                {
                    typesWithMask[type] = true;
                    if (instance is null)
                    {
                        typesWithMaskOnUnknownInstance[type] = true;
                    }
                    else
                    {
                        masksComputed[instance] = true;
                    }
                }
                else if (invocation.TargetMethod.Name == EmittedNames.Forward)
                {
                    maskLessForwards.Enqueue((invocation, layer.Name, type, instance));
                }
            },
            OperationKind.Invocation);

        block.RegisterOperationAction(
            context =>
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (layers.Find(creation.Type as INamedTypeSymbol) is LayerFacts { IsSequenceType: true } layer)
                {
                    ReportConstantIds(context, layer, creation.Arguments);
                }
            },
            OperationKind.ObjectCreation);

        block.RegisterOperationBlockEndAction(context =>
        {
            foreach ((IInvocationOperation call, string layer, INamedTypeSymbol type, LayerInstance? instance) in maskLessForwards)
            {
                bool maskComputed = instance is null
                    ? typesWithMask.ContainsKey(type)
                    : masksComputed.ContainsKey(instance) || typesWithMaskOnUnknownInstance.ContainsKey(type);
                if (maskComputed)
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MaskDiscarded,
                    call.Syntax.GetLocation(),
                    $"'{layer}' has MaskZero = true, but this Forward call discards the padding mask and nothing in this method computes it for '{InstanceText(call)}'; call Forward(ids, output, mask) or ComputeMask(ids, mask) and pass the mask to the layers that follow"));
            }
        });
    }

    /// <summary>How the message names the instance a call is made on: as written, or <c>this</c> when implicit.</summary>
    private static string InstanceText(IInvocationOperation call) =>
        call.Instance is { IsImplicit: false, Syntax: var receiver } ? receiver.ToString() : "this";

    /// <summary>Reports every compile-time constant id outside the layer's range in the id arguments of a call.</summary>
    private static void ReportConstantIds(OperationAnalysisContext context, LayerFacts layer, ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is not IParameterSymbol parameter || !IsIdParameter(parameter, layer))
            {
                continue;
            }

            foreach ((long id, Location location) in ConstantIds(argument))
            {
                if (EmbeddingLayerRules.CheckConstantId(id, layer.InputDim, layer.Name) is RuleViolation violation)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConstantIdOutOfRange, location, violation.Message));
                }
            }
        }
    }

    /// <summary>Parameters that take ids: <c>id</c> and <c>ids</c>, and every parameter of a Sequence constructor.</summary>
    private static bool IsIdParameter(IParameterSymbol parameter, LayerFacts layer) =>
        parameter.Name is EmittedNames.IdParameter or EmittedNames.IdsParameter ||
        (layer.IsSequenceType && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } && parameter.Type.SpecialType == SpecialType.System_Int32);

    /// <summary>
    /// The constant ids in an argument: a constant, an array initializer (any rank), a collection expression or a
    /// <c>stackalloc</c> initializer.
    /// </summary>
    private static IEnumerable<(long Id, Location Location)> ConstantIds(IArgumentOperation argument)
    {
        // Collection expressions have no operation node in the oldest compiler this analyzer supports, and stackalloc
        // initializers none in any (OperationKind.None), so both are read from the syntax.
        if (argument.Syntax is ArgumentSyntax { Expression: var argumentExpression } && argument.SemanticModel is SemanticModel model &&
            ElementsReadFromSyntax(argumentExpression) is IEnumerable<ExpressionSyntax> elements)
        {
            foreach (ExpressionSyntax expression in elements)
            {
                if (model.GetConstantValue(expression).Value is int id)
                {
                    yield return (id, expression.GetLocation());
                }
            }

            yield break;
        }

        foreach ((long id, Location location) in ConstantIds(argument.Value))
        {
            yield return (id, location);
        }
    }

    private static IEnumerable<ExpressionSyntax>? ElementsReadFromSyntax(ExpressionSyntax argument) => argument switch
    {
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(element => element.Expression),
        StackAllocArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        ImplicitStackAllocArrayCreationExpressionSyntax { Initializer: var initializer } => initializer.Expressions,
        _ => null,
    };

    private static IEnumerable<(long Id, Location Location)> ConstantIds(IOperation value)
    {
        // The constant is read before conversions are looked through: a ushort or char constant has its int value only
        // on the implicit conversion to int.
        while (value.ConstantValue is not { HasValue: true, Value: int } && value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue is { HasValue: true, Value: int id })
        {
            yield return (id, value.Syntax.GetLocation());
        }
        else if (value is IArrayCreationOperation { Initializer: IArrayInitializerOperation initializer })
        {
            foreach ((long, Location) found in ConstantIds(initializer))
            {
                yield return found;
            }
        }
        else if (value is IArrayInitializerOperation nested)
        {
            foreach (IOperation element in nested.ElementValues)
            {
                foreach ((long, Location) found in ConstantIds(element))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>What the usage rules need to know of a generated layer type (or of its nested Sequence type).</summary>
    private sealed record LayerFacts(string Name, int InputDim, bool MaskZero, bool IsSequenceType);

    /// <summary>Finds the layer a type belongs to, reading each layer's attribute once per compilation.</summary>
    private sealed class LayerCatalog
    {
        private readonly INamedTypeSymbol _attributeType;
        private readonly ConcurrentDictionary<INamedTypeSymbol, LayerFacts?> _layers = new(SymbolEqualityComparer.Default);

        public LayerCatalog(INamedTypeSymbol attributeType) => _attributeType = attributeType;

        public LayerFacts? Find(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            if (type.Name == EmittedNames.Sequence && type.ContainingType is INamedTypeSymbol layerType)
            {
                return Read(layerType) is LayerFacts layer ? layer with { IsSequenceType = true } : null;
            }

            return Read(type);
        }

        private LayerFacts? Read(INamedTypeSymbol type) => _layers.GetOrAdd(type, candidate =>
        {
            AttributeData? attribute = candidate.GetAttributes()
                .FirstOrDefault(data => SymbolEqualityComparer.Default.Equals(data.AttributeClass, _attributeType));
            if (attribute is null || EmbeddingGenerator.Parser.ReadArguments(attribute) is not LayerArguments arguments ||
                EmbeddingLayerRules.CheckArguments(arguments).Any(violation => violation.IsError))
            {
                return null;
            }

            return new LayerFacts(candidate.Name, arguments.InputDim!.Value, arguments.MaskZero, IsSequenceType: false);
        });
    }
}
