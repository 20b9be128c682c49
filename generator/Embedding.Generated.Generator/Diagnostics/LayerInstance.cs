using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Embedding.Generated.Generator.Diagnostics;

/// <summary>
/// The layer instance a call is made on, as far as one method body can tell: the path of symbols that reaches it from
/// a local, a parameter, <c>this</c> or a static member (<c>layer</c>, <c>this.layer</c> and <c>layer</c> through
/// implicit <c>this</c> are one instance; <c>a.Encoder</c> and <c>b.Encoder</c> are two). EMB006 pairs a mask-less
/// <c>Forward</c> with a mask computed on the same instance.
/// </summary>
/// <remarks>
/// Aliases are not followed (<c>var b = a;</c> makes <c>b</c> another instance), and a property is taken to return the
/// same instance each time it is read. Receivers that name no stable path (a method call, an indexer, an array
/// element, <c>?.</c>, a conditional) have no instance: <see cref="Of"/> returns null and the analyzer falls back to
/// the layer type.
/// </remarks>
internal sealed class LayerInstance : IEquatable<LayerInstance>
{
    // Root first; empty for `this` itself (a layer calling its own Forward).
    private readonly ImmutableArray<ISymbol> _path;

    private LayerInstance(ImmutableArray<ISymbol> path) => _path = path;

    /// <summary>The instance that <paramref name="receiver"/> (a call's <c>Instance</c>) denotes, or null when it cannot be told.</summary>
    public static LayerInstance? Of(IOperation? receiver)
    {
        var path = ImmutableArray.CreateBuilder<ISymbol>();
        for (IOperation? current = receiver; ; )
        {
            switch (current)
            {
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    continue;
                case IInstanceReferenceOperation:
                    return new LayerInstance(Reversed(path));
                case ILocalReferenceOperation local:
                    path.Add(local.Local);
                    return new LayerInstance(Reversed(path));
                case IParameterReferenceOperation parameter:
                    path.Add(parameter.Parameter);
                    return new LayerInstance(Reversed(path));
                case IFieldReferenceOperation field:
                    path.Add(field.Field);
                    if (field.Field.IsStatic)
                    {
                        return new LayerInstance(Reversed(path));
                    }

                    current = field.Instance;
                    continue;
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    path.Add(property.Property);
                    if (property.Property.IsStatic)
                    {
                        return new LayerInstance(Reversed(path));
                    }

                    current = property.Instance;
                    continue;
                default:
                    return null;
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(LayerInstance? other) =>
        other is not null && _path.SequenceEqual(other._path, SymbolEqualityComparer.Default);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LayerInstance);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        int hash = _path.Length;
        foreach (ISymbol symbol in _path)
        {
            hash = (hash * 31) + SymbolEqualityComparer.Default.GetHashCode(symbol);
        }

        return hash;
    }

    private static ImmutableArray<ISymbol> Reversed(ImmutableArray<ISymbol>.Builder path)
    {
        path.Reverse();
        return path.ToImmutable();
    }
}
