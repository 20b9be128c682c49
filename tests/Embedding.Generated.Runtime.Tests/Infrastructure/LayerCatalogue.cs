using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

// The catalogue calls Forward without a mask on MaskZero layers on purpose: the tests compare the vectors, and the
// mask has tests of its own.
#pragma warning disable EMB006

namespace Embedding.Generated.Runtime.Tests.Infrastructure;

/// <summary>
/// Every layer of <c>TestLayers.cs</c> by name, and the <see cref="MemberDataAttribute"/> sources that pick them:
/// theories take the layer's name (serialisable, so each layer is its own test case) and look the layer up here.
/// </summary>
public static class LayerCatalogue
{
    private static readonly Dictionary<string, LayerCase> ByName = new LayerCase[]
    {
        Of(seed => new Dim0Layer(seed), weights => new Dim0Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim1Layer(seed), weights => new Dim1Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim2Layer(seed), weights => new Dim2Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), (layer, ids, output, mask) => layer.Forward(ids, output, mask), layer => layer.CreateSparseGradient()),
        Of(seed => new Dim3Layer(seed), weights => new Dim3Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim7Layer(seed), weights => new Dim7Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim8Layer(seed), weights => new Dim8Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), (layer, ids, output, mask) => layer.Forward(ids, output, mask), layer => layer.CreateSparseGradient()),
        Of(seed => new Dim15Layer(seed), weights => new Dim15Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim16Layer(seed), weights => new Dim16Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim17Layer(seed), weights => new Dim17Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), (layer, ids, output, mask) => layer.Forward(ids, output, mask), layer => layer.CreateSparseGradient()),
        Of(seed => new Dim31Layer(seed), weights => new Dim31Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim32Layer(seed), weights => new Dim32Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim33Layer(seed), weights => new Dim33Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim63Layer(seed), weights => new Dim63Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), (layer, ids, output, mask) => layer.Forward(ids, output, mask), layer => layer.CreateSparseGradient()),
        Of(seed => new Dim64Layer(seed), weights => new Dim64Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim65Layer(seed), weights => new Dim65Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), (layer, ids, output, mask) => layer.Forward(ids, output, mask), layer => layer.CreateSparseGradient()),
        Of(seed => new Dim100Layer(seed), weights => new Dim100Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim128Layer(seed), weights => new Dim128Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new Dim300Layer(seed), weights => new Dim300Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), (layer, ids, output, mask) => layer.Forward(ids, output, mask), layer => layer.CreateSparseGradient()),
        Of(seed => new Dim1000Layer(seed), weights => new Dim1000Layer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new PrefetchingLayer(seed), weights => new PrefetchingLayer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new SingleIdLayer(seed), weights => new SingleIdLayer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
        Of(seed => new WordLayer(seed), weights => new WordLayer(weights), (layer, id) => layer.GetRow(id), (layer, ids) => layer.Forward(ids), (layer, ids, output) => layer.Forward(ids, output), null, layer => layer.CreateSparseGradient()),
    }.ToDictionary(layerCase => layerCase.Name, StringComparer.Ordinal);

    public static TheoryData<string> All => Names(_ => true);

    /// <summary>Layers with at least one weight (OutputDim &gt; 0).</summary>
    public static TheoryData<string> WithWeights => Names(layer => layer.OutputDim > 0);

    public static TheoryData<string> WithInputLength => Names(layer => layer.InputLength is not null);

    /// <summary>Layers where some count of ids is not a whole number of sequences (InputLength 1 makes every count whole).</summary>
    public static TheoryData<string> WithInputLengthAboveOne => Names(layer => layer.InputLength > 1);

    public static TheoryData<string> WithMaskZero => Names(layer => layer.MaskZero);

    public static TheoryData<string> WithMaskZeroAndInputLength => Names(layer => layer.MaskZero && layer.InputLength is not null);

    public static TheoryData<string> WithoutMaskZero => Names(layer => !layer.MaskZero);

    public static LayerCase Get(string name) => ByName[name];

    /// <summary>Every layer the predicate accepts, in declaration order.</summary>
    public static IEnumerable<LayerCase> Where(Func<LayerCase, bool> predicate) => ByName.Values.Where(predicate);

    private static TheoryData<string> Names(Func<LayerCase, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (LayerCase layer in Where(predicate))
        {
            data.Add(layer.Name);
        }

        return data;
    }

    private static LayerCase Of<TLayer>(
        Func<int, TLayer> createWithSeed,
        Func<float[], TLayer> createFromWeights,
        Func<TLayer, int, Span<float>> getRow,
        Func<TLayer, int[,], float[,,]> forwardArray,
        Action<TLayer, int[,], float[,,]> forwardIntoArray,
        MaskedForward<TLayer>? forwardWithMask,
        Func<TLayer, SparseRowGradient> createSparseGradient)
        where TLayer : class, IEmbeddingLayer
    {
        // The declared configuration comes from the user's attribute, so the generated constants can be checked against it.
        EmbeddingLayerAttribute declared = typeof(TLayer).GetCustomAttribute<EmbeddingLayerAttribute>()
            ?? throw new InvalidOperationException($"{typeof(TLayer).Name} has no [EmbeddingLayer].");
        return new LayerCase
        {
            Name = typeof(TLayer).Name,
            InputDim = declared.InputDim,
            OutputDim = declared.OutputDim,
            InputLength = declared.InputLength > 0 ? declared.InputLength : null,
            MaskZero = declared.MaskZero,
            CreateWithSeed = seed => createWithSeed(seed),
            CreateFromWeights = weights => createFromWeights(weights),
            GetRow = (layer, id) => getRow((TLayer)layer, id),
            ForwardArray = (layer, ids) => forwardArray((TLayer)layer, ids),
            ForwardIntoArray = (layer, ids, output) => forwardIntoArray((TLayer)layer, ids, output),
            ForwardWithMask = forwardWithMask is null ? null : (layer, ids, output, mask) => forwardWithMask((TLayer)layer, ids, output, mask),
            CreateSparseGradient = layer => createSparseGradient((TLayer)layer),
        };
    }

    private delegate void MaskedForward<in TLayer>(TLayer layer, ReadOnlySpan<int> ids, Span<float> output, Span<bool> mask);
}
