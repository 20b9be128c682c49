using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Embedding.Generated.Generator.Model;

/// <summary>
/// Gives every layer a file name that is unique ignoring case, as Roslyn requires of hint names: a layer keeps the name
/// it asks for unless another layer asks for the same name in another case; then the first of them in ordinal order
/// keeps it and the others get <c>.2</c>, <c>.3</c>, ... before <c>.g.cs</c>. A class that carries
/// <c>[EmbeddingLayer]</c> on more than one of its parts gets no file at all (see <see cref="WithoutRepeatedTypes"/>).
/// </summary>
internal static class HintNames
{
    private const string Extension = ".g.cs";

    public static ImmutableArray<LayerSource> Assign(ImmutableArray<EmbeddingLayerSpec> layers, CompilationFacts facts)
    {
        layers = WithoutRepeatedTypes(layers);
        var suffixes = new Dictionary<EmbeddingLayerSpec, int>();
        foreach (IGrouping<string, EmbeddingLayerSpec> clash in layers
            .GroupBy(layer => layer.HintName, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1))
        {
            int number = 1;
            foreach (EmbeddingLayerSpec layer in clash.OrderBy(layer => layer.HintName, StringComparer.Ordinal))
            {
                suffixes[layer] = number++;
            }
        }

        return layers
            .Select(layer => new LayerSource(layer, facts, Resolve(layer, suffixes.TryGetValue(layer, out int number) ? number : 1)))
            .ToImmutableArray();
    }

    /// <summary>
    /// Drops every class that appears more than once: the attribute on two of its parts (each part is matched on its
    /// own). The compiler rejects that (CS0579, the attribute allows one use), and one declaration with two attributes
    /// already gets nothing; two layers of one class would otherwise be two files declaring the same members, or the
    /// same file name twice, which makes the whole generator fail.
    /// </summary>
    private static ImmutableArray<EmbeddingLayerSpec> WithoutRepeatedTypes(ImmutableArray<EmbeddingLayerSpec> layers) =>
        layers
            .GroupBy(layer => (layer.Namespace, layer.ContainingTypes, layer.TypeName))
            .Where(type => type.Count() == 1)
            .Select(type => type.First())
            .ToImmutableArray();

    private static string Resolve(EmbeddingLayerSpec layer, int number) =>
        number == 1
            ? layer.HintName
            : layer.HintName.Substring(0, layer.HintName.Length - Extension.Length) + "." + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + Extension;
}
