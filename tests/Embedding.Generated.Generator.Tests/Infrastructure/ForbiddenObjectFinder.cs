using System;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Embedding.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// Walks an object graph through every instance field and array element, looking for the compiler objects a
/// pipeline value must never hold: they root a whole compilation in the IDE and compare by reference, which
/// defeats caching (Roslyn's incremental generator cookbook, "Pipeline model design").
/// </summary>
internal static class ForbiddenObjectFinder
{
    private const int MaxDepth = 64;

    private static readonly Type[] Forbidden =
    [
        typeof(Compilation),
        typeof(ISymbol),
        typeof(SyntaxNode),
        typeof(SyntaxTree),
        typeof(SemanticModel),
        typeof(Location),
    ];

    /// <summary>The path and type of every forbidden object reachable from <paramref name="root"/>.</summary>
    public static List<string> Find(object? root, string rootName)
    {
        var found = new List<string>();
        Walk(root, rootName, new HashSet<object>(ReferenceEqualityComparer.Instance), found, depth: 0);
        return found;
    }

    private static void Walk(object? value, string path, HashSet<object> visited, List<string> found, int depth)
    {
        if (value is null)
        {
            return;
        }

        Type type = value.GetType();
        if (Array.Exists(Forbidden, forbidden => forbidden.IsAssignableFrom(type)))
        {
            found.Add($"{path}: {type.FullName}");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || value is string or decimal or Type or Pointer ||
            depth > MaxDepth || (!type.IsValueType && !visited.Add(value)))
        {
            return;
        }

        if (value is Array array)
        {
            int index = 0;
            foreach (object? element in array)
            {
                Walk(element, $"{path}[{index++}]", visited, found, depth + 1);
            }

            return;
        }

        for (Type? declaring = type; declaring is not null; declaring = declaring.BaseType)
        {
            const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (FieldInfo field in declaring.GetFields(Instance))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                {
                    Walk(field.GetValue(value), $"{path}.{field.Name}", visited, found, depth + 1);
                }
            }
        }
    }
}
