namespace Embedding.Generated.Generator;

/// <summary>Metadata names the generator and analyzers look up.</summary>
internal static class KnownTypeNames
{
    /// <summary>The namespace of the attribute, as written in <c>using Embedding.Generated;</c>.</summary>
    public const string AttributeNamespace = "Embedding.Generated";

    /// <summary>The attribute's type name; <c>[EmbeddingLayer]</c> is the same name without the suffix.</summary>
    public const string AttributeTypeName = "EmbeddingLayerAttribute";

    /// <summary>The name <c>[EmbeddingLayer]</c> as written, without the <c>Attribute</c> suffix.</summary>
    public const string AttributeShortName = "EmbeddingLayer";

    public const string EmbeddingLayerAttribute = AttributeNamespace + "." + AttributeTypeName;
    public const string InlineArrayAttribute = "System.Runtime.CompilerServices.InlineArrayAttribute";
}
