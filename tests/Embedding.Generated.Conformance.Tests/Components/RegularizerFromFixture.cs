using Embedding.Generated.Regularizers;
using Xunit.Sdk;

namespace Embedding.Generated.Conformance.Tests.Components;

/// <summary>The runtime regularizer for a fixture's <c>"l1"</c>, <c>"l2"</c> or <c>"l1l2"</c>, coefficients cast to float32 as Keras does.</summary>
internal static class RegularizerFromFixture
{
    public static IRegularizer Create(string name, double l1, double l2) => name switch
    {
        "l1" => new L1((float)l1),
        "l2" => new L2((float)l2),
        "l1l2" => new L1L2((float)l1, (float)l2),
        _ => throw new XunitException($"The harness knows no regularizer '{name}' (known: l1, l2, l1l2)."),
    };
}
