using Embedding.Generated.Constraints;
using Embedding.Generated.Conformance.Tests.Comparison;
using Embedding.Generated.Conformance.Tests.Components;
using Embedding.Generated.Conformance.Tests.Fixtures;

namespace Embedding.Generated.Conformance.Tests.Replays;

/// <summary>
/// <c>constraint</c>: <see cref="IConstraint.Apply"/> of the runtime's <see cref="MaxNorm"/>, <see cref="UnitNorm"/>,
/// <see cref="NonNeg"/> or <see cref="MinMaxNorm"/> to the case's <c>[input_dim, output_dim]</c> weights.
/// </summary>
internal static class ConstraintReplay
{
    public static void Run(FixtureCase fixture)
    {
        IConstraint constraint = ConstraintFromFixture.Create(
            fixture.Input.String("constraint"), fixture.Input.Field("params"), fixture.Expected.Field("effective_config"));
        int inputDim = fixture.Input.Int("input_dim");
        int outputDim = fixture.Input.Int("output_dim");
        float[] weights = fixture.Input.Tensor("weights").RequireShape(inputDim, outputDim).ToFloats();

        constraint.Apply(weights, inputDim, outputDim);

        FixtureTensor expected = fixture.Expected.Tensor("constrained").RequireShape(inputDim, outputDim);
        ConformanceAssert.Matches($"weights after {constraint}", expected.ToFloats(), weights, expected.Shape, fixture.Tolerance);
    }
}
