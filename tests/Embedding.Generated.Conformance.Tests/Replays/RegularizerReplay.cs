using System.Text.Json;
using Embedding.Generated.Conformance.Tests.Comparison;
using Embedding.Generated.Conformance.Tests.Components;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Embedding.Generated.Conformance.Tests.Layers;
using Embedding.Generated.Optimizers;
using Embedding.Generated.Regularizers;
using Embedding.Generated.Training;

namespace Embedding.Generated.Conformance.Tests.Replays;

/// <summary>
/// <c>regularizer</c>: the penalty <c>l1 * sum|w| + l2 * sum w^2</c> of the runtime's <see cref="L1"/>, <see cref="L2"/>
/// or <see cref="L1L2"/>, and, when the case gives the layer's dimensions, the same penalty read through a generated
/// layer as training adds it to the loss (<see cref="EmbeddingTrainer.RegularizationLoss"/>, Keras's <c>layer.losses</c>).
/// </summary>
internal static class RegularizerReplay
{
    public static void Run(FixtureCase fixture)
    {
        // Every case gives the coefficients its regularizer uses, except reg-05, which documents that tfjs's l1l2()
        // defaults to l1 = l2 = 0.01 where Keras 3's L1L2 defaults to 0 and 0. The runtime follows Keras 3, so there the
        // values tfjs actually used (effective_config) are passed explicitly instead of relying on either default.
        JsonElement effective = fixture.Expected.Field("effective_config");
        double l1 = fixture.Input.OptionalDouble("l1") ?? effective.Double("l1");
        double l2 = fixture.Input.OptionalDouble("l2") ?? effective.Double("l2");
        IRegularizer regularizer = RegularizerFromFixture.Create(fixture.Input.String("regularizer"), l1, l2);

        FixtureTensor weights = fixture.Input.Tensor("weights");
        float[] weightValues = weights.ToFloats();
        ConformanceAssert.Matches("loss", (float)fixture.Expected.Double("loss"), regularizer.Loss(weightValues), fixture.Tolerance);

        double? lossViaLayer = fixture.Expected.OptionalDouble("loss_via_layer");
        if (lossViaLayer is not null && fixture.Input.OptionalField("input_dim") is not null)
        {
            var shape = new LayerShape(fixture.Input.Int("input_dim"), fixture.Input.Int("output_dim"), MaskZero: false);
            weights.RequireShape(shape.InputDim, shape.OutputDim);
            IEmbeddingLayer layer = CaseLayer.Create(shape, weightValues);
            var trainer = new EmbeddingTrainer(layer, new Sgd(), UpdateMode.Dense, regularizer);
            ConformanceAssert.Matches("loss via the layer (EmbeddingTrainer.RegularizationLoss)", (float)lossViaLayer.Value, trainer.RegularizationLoss(), fixture.Tolerance);
        }
    }
}
