using System;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.BadInput;

/// <summary>Theory data: each chosen layer with each out-of-range id.</summary>
public static class BadIdCases
{
    public static TheoryData<string, OutOfRangeId> AllLayers => Cross(_ => true);

    public static TheoryData<string, OutOfRangeId> MaskZeroLayers => Cross(layer => layer.MaskZero);

    private static TheoryData<string, OutOfRangeId> Cross(Func<LayerCase, bool> predicate)
    {
        var data = new TheoryData<string, OutOfRangeId>();
        foreach (LayerCase layer in LayerCatalogue.Where(predicate))
        {
            foreach (OutOfRangeId kind in Enum.GetValues<OutOfRangeId>())
            {
                data.Add(layer.Name, kind);
            }
        }

        return data;
    }
}
