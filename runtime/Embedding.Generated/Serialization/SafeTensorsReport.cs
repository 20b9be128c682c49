using System.Collections.Generic;

namespace Embedding.Generated.Serialization;

/// <summary>What loading a safetensors file put into the layer, and the file's metadata.</summary>
public sealed class SafeTensorsReport : WeightLoadReport
{
    internal SafeTensorsReport(int nonFiniteValues, IReadOnlyDictionary<string, string> metadata)
        : base(nonFiniteValues)
    {
        Metadata = metadata;
    }

    /// <summary>The header's <c>__metadata__</c> strings (empty when it has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }
}
