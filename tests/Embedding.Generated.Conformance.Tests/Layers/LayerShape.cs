using System.Globalization;

namespace Embedding.Generated.Conformance.Tests.Layers;

/// <summary>The attribute constants that make one generated layer type: compiled once per run and then reused.</summary>
internal readonly record struct LayerShape(int InputDim, int OutputDim, bool MaskZero)
{
    /// <summary>The <c>[EmbeddingLayer(...)]</c> arguments as a user writes them.</summary>
    public string AttributeArguments => string.Create(
        CultureInfo.InvariantCulture,
        $"InputDim = {InputDim}, OutputDim = {OutputDim}, MaskZero = {(MaskZero ? "true" : "false")}");

    /// <summary>A name for the in-memory assembly, unique per shape.</summary>
    public string AssemblyName => string.Create(
        CultureInfo.InvariantCulture, $"KerasConformance.Layer{InputDim}x{OutputDim}{(MaskZero ? "MaskZero" : string.Empty)}");
}
