namespace Embedding.Generated.Generator;

/// <summary>Metadata names the generator and analyzers look up.</summary>
internal static class KnownTypeNames
{
    public const string EmbeddingLayerAttribute = "Embedding.Generated.EmbeddingLayerAttribute";
    public const string InlineArrayAttribute = "System.Runtime.CompilerServices.InlineArrayAttribute";
}
